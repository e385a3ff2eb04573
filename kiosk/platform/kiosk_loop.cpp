#include "kiosk/platform/kiosk_loop.hpp"

#include <imgui.h>

#include <chrono>

namespace skm::kiosk::platform {
namespace {

// After any input or screen change: enough frames for the click to fire
// (release frame + one) and for the next screen to appear.
constexpr int kFramesAfterInput = 3;

}  // namespace

LoopStats run_kiosk_loop(Window& window, ui::ViewContext& view, ui::StaffGate& gate, ui::TouchQueue& queue,
                         const LoopOptions& options) {
    using Clock = std::chrono::steady_clock;
    LoopStats stats;
    const auto started = Clock::now();
    auto last_second = started;
    int frames_due = kFramesAfterInput;
    window.set_pointer_listener([&](float x, float y, bool down) { queue.push({x, y, down}); });
    while (!gate.exit_requested()) {
        if (options.max_frames >= 0 && stats.frames >= options.max_frames) break;
        const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
        if (options.max_seconds >= 0 && elapsed >= options.max_seconds) break;

        if (options.render_every_frame || frames_due > 0 || queue.pending()) {
            window.poll_events();
        } else {
            // Timers: survey screens must notice idleness and countdowns tick
            // each second; the welcome screen has nothing to wait for.
            // The "Isi lewat HP" code counts down each second too.
            const Screen screen = view.flow.screen();
            const bool code_shown = view.phone_link && view.phone_link->showing();
            const double timeout = screen == Screen::welcome && !gate.open() && !code_shown ? 5.0 : 1.0;
            const std::int64_t events_before = window.event_count();
            window.wait_events(options.max_seconds >= 0 ? std::min(timeout, options.max_seconds - elapsed) : timeout);
            if (window.event_count() != events_before) frames_due = kFramesAfterInput;
            else frames_due = 1;  // a timer: one frame to tick and redraw
        }
        if (window.close_requested()) window.clear_close_request();  // only the staff menu closes the kiosk

        const Screen before = view.flow.screen();
        window.begin_frame();
        const bool more_input = queue.apply(ImGui::GetIO());
        ImGui::NewFrame();
        view.flow.tick();
        if (view.phone_link) view.phone_link->tick();
        ui::draw_kiosk(view);
        ImGui::Render();
        window.end_frame();
        ++stats.frames;
        if (options.after_frame) options.after_frame(stats.frames);
        --frames_due;
        if (more_input || view.flow.screen() != before || ImGui::GetIO().MouseDown[0]) frames_due = kFramesAfterInput;

        if (Clock::now() - last_second >= std::chrono::seconds(1)) {
            last_second = Clock::now();
            if (options.every_second) options.every_second();
        }
    }
    window.set_pointer_listener(nullptr);
    return stats;
}

}  // namespace skm::kiosk::platform
