#include "kiosk/ui/touch_settle.hpp"

namespace skm::kiosk::ui {

bool TouchSettle::ignore_input(const std::string& screen, double now_s, bool pointer_down, std::int64_t settle_ms) {
    if (screen != screen_) {
        // The very first screen follows no other: nothing to settle from.
        appeared_s_ = screen_.empty() ? now_s - static_cast<double>(settle_ms) / 1000.0 : now_s;
        screen_ = screen;
        if (pointer_down) ignoring_press_ = true;  // began on the screen before
    }
    const bool settling = (now_s - appeared_s_) * 1000.0 < static_cast<double>(settle_ms);
    if (settling && pointer_down) ignoring_press_ = true;
    if (!pointer_down) ignoring_press_ = false;  // that finger lifted: the next press is a new tap
    return settling || ignoring_press_;
}

}  // namespace skm::kiosk::ui
