// The kiosk's event-driven loop: sleep until a touch or a timer is due,
// render a few frames after every input (ImGui 1.86 fires a click one frame
// after the release), and nothing at all while idle.
#pragma once

#include "kiosk/platform/window.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/touch_queue.hpp"

#include <functional>

namespace skm::kiosk::platform {

struct LoopOptions {
    bool render_every_frame = false;  // the naive ImGui loop, for the benchmark only
    std::int64_t max_frames = -1;     // stop after this many frames (benchmarks, tests)
    double max_seconds = -1;          // stop after this long
    // Called once a second and after each frame: housekeeping (backups).
    std::function<void()> every_second;
    // Called after each frame with its number (first frame = 1).
    std::function<void(std::int64_t frame)> after_frame;
};

struct LoopStats {
    std::int64_t frames = 0;
};

// Runs until the staff menu asks to exit (or a limit of the options).
LoopStats run_kiosk_loop(Window& window, ui::ViewContext& view, ui::StaffGate& gate, ui::TouchQueue& queue,
                         const LoopOptions& options);

}  // namespace skm::kiosk::platform
