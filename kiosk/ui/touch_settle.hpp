// A tap belongs to the screen it began on. When the screen changes, the new
// one ignores a press that began before it (until that finger lifts) and all
// input for a settle time (FlowSettings::touch_settle_ms): the second tap of
// a double tap, meant for the screen before, never answers the next question
// or types a letter into the saran. Pure logic; draw_kiosk applies it by
// drawing the frame disabled (ImGui then starts no click).
#pragma once

#include <cstdint>
#include <string>

namespace skm::kiosk::ui {

class TouchSettle {
public:
    // Once per frame, before drawing: `screen` names the screen about to be
    // drawn (a new name = a new screen), `now_s` is a monotonic time in
    // seconds, `pointer_down` the finger's state. True: ignore this frame's input.
    bool ignore_input(const std::string& screen, double now_s, bool pointer_down, std::int64_t settle_ms);

private:
    std::string screen_;
    double appeared_s_ = 0;
    bool ignoring_press_ = false;  // a press that began before the screen or within its settle time
};

}  // namespace skm::kiosk::ui
