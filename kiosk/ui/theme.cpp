#include "kiosk/ui/theme.hpp"

#include <algorithm>
#include <stdexcept>

namespace skm::kiosk::ui {

float layout_scale(const ImVec2& display) { return std::max(0.5f, std::min(display.x, display.y) / 800.0f); }

void apply_theme(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(32 * scale, 24 * scale);
    style.FramePadding = ImVec2(16 * scale, 12 * scale);
    style.ItemSpacing = ImVec2(16 * scale, 16 * scale);
    style.FrameRounding = 14 * scale;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ScrollbarSize = 28 * scale;
    style.TouchExtraPadding = ImVec2(4 * scale, 4 * scale);
    style.Colors[ImGuiCol_WindowBg] = ImColor(palette::kBackground);
    style.Colors[ImGuiCol_Text] = ImColor(palette::kText);
    style.Colors[ImGuiCol_FrameBg] = ImColor(IM_COL32(255, 255, 255, 255));
    style.Colors[ImGuiCol_Border] = ImColor(IM_COL32(60, 60, 60, 255));
    ImGui::GetStyle() = style;
}

Fonts load_fonts(ImGuiIO& io, const std::filesystem::path& font_dir, float scale) {
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
        0x0100, 0x017F,  // Latin Extended-A
        0x2010, 0x203A,  // dashes, quotes, bullet, ellipsis, single guillemets
        0x20AC, 0x20AC,  // euro sign (harmless; keeps the range list honest)
        0,
    };
    const auto regular = font_dir / "NotoSans-Regular.ttf";
    const auto bold = font_dir / "NotoSans-Bold.ttf";
    for (const auto& f : {regular, bold}) {
        if (!std::filesystem::exists(f)) throw std::runtime_error("font not found: " + f.string());
    }
    io.Fonts->Clear();
    Fonts fonts;
    using namespace type_scale;
    auto add = [&](const std::filesystem::path& file, float px) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), px * scale, nullptr, kRanges);
    };
    fonts.body = add(regular, kBodyPx);
    fonts.title = add(bold, kTitlePx);
    fonts.small = add(regular, kStaffSmallPx);
    fonts.note = add(regular, kNotePx);
    fonts.large_body = add(regular, kBodyPx * kLargeFactor);
    fonts.large_title = add(bold, kTitlePx * kLargeFactor);
    fonts.large_note = add(regular, kNotePx * kLargeFactor);
    if (!fonts.body || !fonts.title || !fonts.small || !fonts.note || !fonts.large_body || !fonts.large_title ||
        !fonts.large_note ||
        !io.Fonts->Build()) {
        throw std::runtime_error("cannot load fonts from " + font_dir.string());
    }
    io.FontDefault = fonts.body;
    return fonts;
}

}  // namespace skm::kiosk::ui
