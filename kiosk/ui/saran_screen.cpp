// Saran (optional): the survey's progress, the text so far, an on-screen
// keyboard drawn in ImGui (tablets may have none) with keys at least
// kCitizenKeyPx on each side, and Kembali / Lewati or Kirim. Landscape puts
// the two buttons beside the text box so the keyboard gets the height.
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace skm::kiosk::ui {

void draw_saran(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.margin;
    y += draw_survey_progress(ctx, area, y) + 4 * s;
    y += draw_title(ctx, area, y, ctx.t("kiosk.saran.title")) + 8 * s;

    const bool side_buttons = !area.portrait();
    const float button_h = 104 * s;
    const float key_gap = 8 * s;
    const float width = area.inner_width();
    const int rows = keyboard_rows(ctx, width, key_gap, true);
    ImFont* font = ctx.fonts.body;
    const float text_line_h = font->FontSize * 1.1f;
    // Top to bottom: text box, keyboard, buttons (portrait). The keys get
    // what is left after a box of two lines, between kCitizenKeyPx and 120.
    const float bottom = area.size.y - area.margin - (side_buttons ? 0.0f : button_h + area.gap);
    const float box_min = side_buttons ? std::max(button_h, 2 * text_line_h + 16 * s) : 2 * text_line_h + 16 * s;
    const float for_keys = bottom - y - box_min - area.gap - key_gap * static_cast<float>(rows - 1);
    const float key_h = std::clamp(for_keys / static_cast<float>(rows), kCitizenKeyPx * s, 120 * s);
    const float keys_h = key_h * static_cast<float>(rows) + key_gap * static_cast<float>(rows - 1);
    const float box_h = std::min(bottom - y - keys_h - area.gap, 4 * text_line_h + 16 * s);

    // The buttons: beside the box in landscape, at the bottom in portrait.
    const float button_w = side_buttons ? std::min(300 * s, (width - area.gap) / 4) : std::min(400 * s, (width - area.gap) / 2);
    const float box_w = side_buttons ? width - 2 * (button_w + area.gap) : width;
    auto* draw = ImGui::GetWindowDrawList();
    const std::string& saran = ctx.flow.answers().saran;
    draw->AddRectFilled(ImVec2(area.margin, y), ImVec2(area.margin + box_w, y + box_h), palette::kWhite, 12 * s);
    draw->AddRect(ImVec2(area.margin, y), ImVec2(area.margin + box_w, y + box_h), palette::kText, 12 * s, 0, 3 * s);
    // Show the end of long text: the part being typed.
    const float text_room = box_w - 32 * s;
    auto lines = wrap_lines(font, saran + "|", text_room);
    const std::size_t visible = std::max<std::size_t>(1, static_cast<std::size_t>((box_h - 16 * s) / text_line_h));
    const std::size_t skip = lines.size() > visible ? lines.size() - visible : 0;
    float ty = y + 8 * s;
    for (std::size_t i = skip; i < lines.size(); ++i) {
        text_line(font, ImVec2(area.margin + 16 * s, ty), palette::kText, lines[i], text_room);
        ty += text_line_h;
    }

    const ImVec2 button_size(button_w, side_buttons ? box_h : button_h);
    const float by = side_buttons ? y : area.size.y - area.margin - button_h;
    const float back_x = side_buttons ? area.margin + box_w + area.gap : area.margin;
    ImGui::SetCursorScreenPos(ImVec2(back_x, by));
    if (big_button(ctx, "back", "\xE2\x80\xB9 " + ctx.t("kiosk.back"), button_size,
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        ctx.flow.back();
    }
    ImGui::SetCursorScreenPos(ImVec2(area.size.x - area.margin - button_w, by));
    const bool empty = saran.find_first_not_of(' ') == std::string::npos;
    if (big_button(ctx, "submit", ctx.t(empty ? "kiosk.saran.skip" : "kiosk.saran.send"), button_size)) {
        if (empty) ctx.flow.set_saran("");
        ctx.flow.submit();
    }

    y += box_h + area.gap;
    if (auto edited = draw_keyboard(ctx, saran, area.margin, y, width, key_h, key_gap, KeyboardLayout::text, true)) {
        ctx.flow.set_saran(*edited);
    }
}

}  // namespace skm::kiosk::ui
