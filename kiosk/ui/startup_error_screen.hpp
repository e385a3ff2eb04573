// The screen of a kiosk that cannot start the survey (a broken configuration
// file): the kiosk's own window saying what is wrong, where (file, line,
// column) and how to fix it, in the staff's language, instead of a black
// screen. Needs no flow, no database: it is drawn before either exists.
#pragma once

#include "kiosk/ui/theme.hpp"

#include <string>
#include <vector>

namespace skm::kiosk::ui {

struct StartupError {
    std::string title;    // already translated
    std::string message;  // the problem, with its place and its fix
    std::string help;     // what happens once it is fixed
};

// Draws the whole frame (between ImGui::NewFrame and ImGui::Render) and
// returns the texts drawn, in order (tests read them).
std::vector<std::string> draw_startup_error(const StartupError& error, const Fonts& fonts, float scale);

}  // namespace skm::kiosk::ui
