// Look of the kiosk: a high-contrast palette, big rounded touch targets, and
// Noto Sans baked at sizes derived from the display (Indonesian and Javanese
// Latin need only Latin-1, Latin Extended-A and a few punctuation marks).
#pragma once

#include <imgui.h>

#include <filesystem>

namespace skm::kiosk::ui {

// The type scale, in pixels at layout scale 1. Citizens read a standing
// kiosk at arm's length, often with reading glasses: nothing on their
// screens is smaller than kNotePx (tests/kiosk/ui_test walks every text).
namespace type_scale {
inline constexpr float kNotePx = 30.0f;   // citizen screens' smallest: progress, hints, countdowns
inline constexpr float kBodyPx = 34.0f;   // answers, buttons
inline constexpr float kTitlePx = 46.0f;  // questions, headings
inline constexpr float kStaffSmallPx = 26.0f;  // staff and setup screens only (read up close, by staff)
// "Huruf besar" on the welcome screen: every citizen text this much larger.
inline constexpr float kLargeFactor = 1.25f;
}  // namespace type_scale

struct Fonts {
    ImFont* body = nullptr;   // answers, buttons
    ImFont* title = nullptr;  // questions, headings
    ImFont* small = nullptr;  // staff and setup hints and tabs; never on citizen screens
    ImFont* note = nullptr;   // citizen hints, progress, countdowns
    // body, title and note kLargeFactor larger ("Huruf besar").
    ImFont* large_body = nullptr;
    ImFont* large_title = nullptr;
    ImFont* large_note = nullptr;
    // These fonts with the large ones in the places of the normal ones.
    Fonts enlarged() const {
        return Fonts{large_body, large_title, small, large_note, large_body, large_title, large_note};
    }
};

// One layout unit: the short side of the display over 800, so a 1280×800
// tablet and an 800×1280 portrait screen get the same sizes and a 1920×1080
// monitor scales up.
float layout_scale(const ImVec2& display);

void apply_theme(float scale);

// Clears the atlas and bakes the fonts (both sizes) for `scale`. The caller uploads
// the atlas texture again (the platform does it; headless tests need not).
// Throws std::runtime_error naming the file when a font is missing.
Fonts load_fonts(ImGuiIO& io, const std::filesystem::path& font_dir, float scale);

namespace palette {
inline constexpr ImU32 kBackground = IM_COL32(250, 250, 247, 255);
inline constexpr ImU32 kText = IM_COL32(20, 20, 20, 255);
inline constexpr ImU32 kMuted = IM_COL32(70, 70, 70, 255);  // 9:1 on the background
inline constexpr ImU32 kPrimary = IM_COL32(13, 71, 161, 255);    // deep blue, white text 9:1
inline constexpr ImU32 kNeutral = IM_COL32(224, 224, 224, 255);  // secondary buttons, black text
inline constexpr ImU32 kSelected = IM_COL32(255, 193, 7, 255);   // chosen profile value, black text
// The four answers, sad to happy; all carry white text at ≥ 7:1.
inline constexpr ImU32 kAnswer[4] = {IM_COL32(140, 0, 30, 255), IM_COL32(150, 56, 0, 255), IM_COL32(30, 100, 40, 255),
                                     IM_COL32(10, 70, 20, 255)};
inline constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);

// Every text colour of the citizen screens on the fill it is drawn on
// (tests/kiosk/ui_test computes each pair's WCAG contrast: ≥ 7:1).
struct TextOnFill {
    ImU32 text;
    ImU32 fill;
};
inline constexpr TextOnFill kCitizenPairs[] = {
    {kText, kBackground}, {kMuted, kBackground}, {kWhite, kPrimary},    {kText, kNeutral},   {kText, kSelected},
    {kWhite, kAnswer[0]}, {kWhite, kAnswer[1]},  {kWhite, kAnswer[2]}, {kWhite, kAnswer[3]}, {kText, kWhite},
};
}  // namespace palette

}  // namespace skm::kiosk::ui
