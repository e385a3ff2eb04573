// Saran (optional): the text so far, an on-screen keyboard drawn in ImGui
// (tablets may have none), and Lewati / Kirim.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {
namespace {

// Removes the last UTF-8 character.
std::string without_last_character(std::string text) {
    if (text.empty()) return text;
    std::size_t end = text.size() - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text;
}

}  // namespace

void draw_saran(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.margin + 8 * s;
    const std::string title = ctx.t("kiosk.saran.title");
    y += centered_text(ctx.fonts.title, title, area.margin, y, area.inner_width(), palette::kText) + 16 * s;

    // The text box.
    auto* draw = ImGui::GetWindowDrawList();
    const std::string& saran = ctx.flow.answers().saran;
    const float box_h = 150 * s;
    draw->AddRectFilled(ImVec2(area.margin, y), ImVec2(area.size.x - area.margin, y + box_h), IM_COL32(255, 255, 255, 255),
                        12 * s);
    draw->AddRect(ImVec2(area.margin, y), ImVec2(area.size.x - area.margin, y + box_h), palette::kText, 12 * s, 0, 3 * s);
    // Show the end of long text: the part being typed.
    auto lines = wrap_lines(ctx.fonts.body, saran + "|", area.inner_width() - 32 * s);
    const std::size_t visible = static_cast<std::size_t>((box_h - 16 * s) / (ctx.fonts.body->FontSize * 1.1f));
    const std::size_t skip = lines.size() > visible ? lines.size() - visible : 0;
    float ty = y + 8 * s;
    for (std::size_t i = skip; i < lines.size(); ++i) {
        draw->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(area.margin + 16 * s, ty), palette::kText,
                      lines[i].c_str());
        ty += ctx.fonts.body->FontSize * 1.1f;
    }
    y += box_h + 16 * s;

    // The keyboard: QWERTY as on Indonesian phones.
    const char* rows[] = {"1234567890", "qwertyuiop", "asdfghjkl?", "zxcvbnm,.-"};
    const float bottom_h = 104 * s;
    const float bar_top = area.size.y - area.margin - bottom_h - area.gap;
    const float key_w = (area.inner_width() - 9 * area.gap * 0.5f) / 10;
    const float key_h = std::min(88 * s, (bar_top - y - 4 * area.gap * 0.5f) / 5);
    ButtonStyle key{palette::kNeutral, palette::kText, nullptr, true};
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; rows[r][c]; ++c) {
            char ch = rows[r][c];
            if (ctx.keyboard_shift && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
            ImGui::SetCursorScreenPos(ImVec2(area.margin + static_cast<float>(c) * (key_w + area.gap * 0.5f), y));
            if (big_button(ctx, std::string("key_") + rows[r][c], std::string(1, ch), ImVec2(key_w, key_h), key)) {
                ctx.flow.set_saran(saran + ch);
                ctx.keyboard_shift = false;
            }
        }
        y += key_h + area.gap * 0.5f;
    }
    const float third = (area.inner_width() - 2 * area.gap * 0.5f) / 4;
    ImGui::SetCursorScreenPos(ImVec2(area.margin, y));
    ButtonStyle shift = ctx.keyboard_shift ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                           : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, true};
    if (big_button(ctx, "key_shift", ctx.t("kiosk.keyboard.shift"), ImVec2(third, key_h), shift)) {
        ctx.keyboard_shift = !ctx.keyboard_shift;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.margin + third + area.gap * 0.5f, y));
    if (big_button(ctx, "key_space", ctx.t("kiosk.keyboard.space"), ImVec2(2 * third, key_h), key)) {
        ctx.flow.set_saran(saran + " ");
    }
    ImGui::SetCursorScreenPos(ImVec2(area.margin + 3 * third + area.gap, y));
    if (big_button(ctx, "key_delete", ctx.t("kiosk.keyboard.delete"), ImVec2(third, key_h), key)) {
        ctx.flow.set_saran(without_last_character(saran));
    }

    // Bottom: back, and Lewati (nothing typed) or Kirim.
    const float height = bottom_h;
    const float width = std::min(400 * s, (area.inner_width() - area.gap) / 2);
    const float by = area.size.y - area.margin - height;
    ImGui::SetCursorScreenPos(ImVec2(area.margin, by));
    if (big_button(ctx, "back", "\xE2\x80\xB9 " + ctx.t("kiosk.back"), ImVec2(width, height),
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        ctx.flow.back();
    }
    ImGui::SetCursorScreenPos(ImVec2(area.size.x - area.margin - width, by));
    const bool empty = saran.find_first_not_of(' ') == std::string::npos;
    if (big_button(ctx, "submit", ctx.t(empty ? "kiosk.saran.skip" : "kiosk.saran.send"), ImVec2(width, height))) {
        if (empty) ctx.flow.set_saran("");
        ctx.flow.submit();
    }
}

}  // namespace skm::kiosk::ui
