// The whole kiosk frame: a full-screen, undecorated ImGui window showing the
// flow's current screen (or the staff gate over it). Call between
// ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "kiosk/ui/view_context.hpp"

#include <functional>

namespace skm::kiosk::ui {

void draw_kiosk(ViewContext& ctx);

// The same full-screen window around any drawing (the staff view in screenshots).
void draw_full_screen(ViewContext& ctx, const std::function<void(float width, float height)>& content);

}  // namespace skm::kiosk::ui
