// The whole kiosk frame: a full-screen, undecorated ImGui window showing the
// flow's current screen (or the staff gate over it). Call between
// ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "kiosk/ui/view_context.hpp"

namespace skm::kiosk::ui {

void draw_kiosk(ViewContext& ctx);

}  // namespace skm::kiosk::ui
