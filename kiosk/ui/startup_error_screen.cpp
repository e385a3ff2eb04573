#include "kiosk/ui/startup_error_screen.hpp"

#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

std::vector<std::string> draw_startup_error(const StartupError& error, const Fonts& fonts, float scale) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("startup_error", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    const float margin = 48 * scale;
    const float width = display.x - 2 * margin;
    float y = display.y * 0.15f;
    y += centered_text(fonts.title, error.title, margin, y, width, palette::kAnswer[0]) + 32 * scale;
    y += centered_text(fonts.body, error.message, margin, y, width, palette::kText) + 32 * scale;
    centered_text(fonts.small, error.help, margin, y, width, palette::kMuted);
    ImGui::End();
    return {error.title, error.message, error.help};
}

}  // namespace skm::kiosk::ui
