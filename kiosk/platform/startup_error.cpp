#include "kiosk/platform/startup_error.hpp"

#include "kiosk/platform/imgui_session.hpp"

#include <imgui.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace skm::kiosk::platform {
namespace {

std::filesystem::file_time_type modified(const std::filesystem::path& file) {
    std::error_code error;
    const auto time = std::filesystem::last_write_time(file, error);
    return error ? std::filesystem::file_time_type::min() : time;
}

}  // namespace

void show_startup_error(const ui::StartupError& error, const StartupErrorOptions& options) {
    ImGuiSession imgui;
    std::unique_ptr<Window> window;
    Styled styled;
    try {
        window = std::make_unique<Window>(options.window);
        styled = style_for_window(*window, options.fonts);
    } catch (const std::exception& e) {  // no display, no GL 3, a font missing: stderr has said it all
        std::cerr << "skm-kiosk: " << e.what() << "\n";
        return;
    }
    const auto started = std::chrono::steady_clock::now();
    const auto seen = modified(options.watched_file);
    for (;;) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (options.max_seconds >= 0 && elapsed >= options.max_seconds) break;
        if (window->close_requested() || modified(options.watched_file) != seen) break;
        window->begin_frame();
        ImGui::NewFrame();
        ui::draw_startup_error(error, styled.fonts, styled.scale);
        ImGui::Render();
        window->end_frame();
        window->wait_events(1.0);  // nothing moves: one frame a second, to notice the file
    }
}

}  // namespace skm::kiosk::platform
