// Look of the kiosk: a high-contrast palette, big rounded touch targets, and
// Noto Sans baked at sizes derived from the display (Indonesian and Javanese
// Latin need only Latin-1, Latin Extended-A and a few punctuation marks).
#pragma once

#include <imgui.h>

#include <filesystem>

namespace skm::kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;   // answers, buttons
    ImFont* title = nullptr;  // questions, headings
    ImFont* small = nullptr;  // hints, progress
};

// One layout unit: the short side of the display over 800, so a 1280×800
// tablet and an 800×1280 portrait screen get the same sizes and a 1920×1080
// monitor scales up.
float layout_scale(const ImVec2& display);

void apply_theme(float scale);

// Clears the atlas and bakes the three fonts for `scale`. The caller uploads
// the atlas texture again (the platform does it; headless tests need not).
// Throws std::runtime_error naming the file when a font is missing.
Fonts load_fonts(ImGuiIO& io, const std::filesystem::path& font_dir, float scale);

namespace palette {
inline constexpr ImU32 kBackground = IM_COL32(250, 250, 247, 255);
inline constexpr ImU32 kText = IM_COL32(20, 20, 20, 255);
inline constexpr ImU32 kMuted = IM_COL32(70, 70, 70, 255);
inline constexpr ImU32 kPrimary = IM_COL32(13, 71, 161, 255);    // deep blue, white text 9:1
inline constexpr ImU32 kNeutral = IM_COL32(224, 224, 224, 255);  // secondary buttons, black text
inline constexpr ImU32 kSelected = IM_COL32(255, 193, 7, 255);   // chosen profile value, black text
// The four answers, sad to happy; all carry white text at ≥ 4.5:1.
inline constexpr ImU32 kAnswer[4] = {IM_COL32(183, 28, 28, 255), IM_COL32(191, 54, 12, 255), IM_COL32(46, 125, 50, 255),
                                     IM_COL32(27, 94, 32, 255)};
}  // namespace palette

}  // namespace skm::kiosk::ui
