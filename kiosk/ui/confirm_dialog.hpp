// "Tutup aplikasi kios?": closing the kiosk stops the survey for everyone
// after, so the staff menu asks once more. A full screen with the question,
// what it means, Batal and "Ya, tutup" side by side in the middle (away from
// the "Tutup aplikasi kios" button, so a double tap cannot confirm it).
#pragma once

#include "kiosk/ui/view_context.hpp"

namespace skm::kiosk::ui {

enum class ConfirmChoice { none, cancel, confirm };

ConfirmChoice draw_exit_confirmation(ViewContext& ctx, float width, float height);

}  // namespace skm::kiosk::ui
