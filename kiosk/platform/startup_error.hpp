// Shows ui::draw_startup_error in the kiosk's window until the window is
// closed, the file at fault changes (the kiosk then exits, and systemd starts
// it again on the fixed file), or max_seconds passed. Without a display (or
// fonts) it returns at once: the message is on stderr already.
#pragma once

#include "kiosk/platform/window.hpp"
#include "kiosk/ui/startup_error_screen.hpp"

#include <filesystem>

namespace skm::kiosk::platform {

struct StartupErrorOptions {
    WindowOptions window;
    std::filesystem::path fonts;
    std::filesystem::path watched_file;  // the file at fault
    double max_seconds = -1;             // tests and benchmarks; -1: until one of the above
};

void show_startup_error(const ui::StartupError& error, const StartupErrorOptions& options);

}  // namespace skm::kiosk::platform
