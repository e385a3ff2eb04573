#include "kiosk/ui/touch_queue.hpp"

namespace skm::kiosk::ui {

bool TouchQueue::apply(ImGuiIO& io) {
    if (!events_.empty()) {
        current_ = events_.front();
        events_.pop_front();
        active_ = true;
        // Motion without a change of state is merged into this frame.
        while (!events_.empty() && events_.front().down == current_.down) {
            current_ = events_.front();
            events_.pop_front();
        }
    }
    if (active_) {
        io.MousePos = ImVec2(current_.x, current_.y);
        io.MouseDown[0] = current_.down;
    }
    return !events_.empty();
}

}  // namespace skm::kiosk::ui
