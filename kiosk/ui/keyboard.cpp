#include "kiosk/ui/keyboard.hpp"

#include "kiosk/ui/widgets.hpp"

#include "formats/utf8.hpp"

namespace skm::kiosk::ui {

std::optional<std::string> draw_keyboard(ViewContext& ctx, const std::string& text, float x, float y, float width,
                                         float key_height, float gap, KeyboardLayout layout) {
    // QWERTY as on Indonesian phones.
    const bool address = layout == KeyboardLayout::address;
    const char* rows[] = {"1234567890", "qwertyuiop", address ? "asdfghjkl:" : "asdfghjkl?",
                          address ? "zxcvbnm/.-" : "zxcvbnm,.-"};
    const float key_w = (width - 9 * gap) / 10;
    ButtonStyle key{palette::kNeutral, palette::kText, nullptr, true};
    std::optional<std::string> edited;
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; rows[r][c]; ++c) {
            char ch = rows[r][c];
            if (ctx.keyboard_shift && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
            ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(c) * (key_w + gap), y));
            if (big_button(ctx, std::string("key_") + rows[r][c], std::string(1, ch), ImVec2(key_w, key_height), key)) {
                edited = text + ch;
                ctx.keyboard_shift = false;
            }
        }
        y += key_height + gap;
    }
    const float quarter = (width - 2 * gap) / 4;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonStyle shift = ctx.keyboard_shift ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                           : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, true};
    if (big_button(ctx, "key_shift", ctx.t("kiosk.keyboard.shift"), ImVec2(quarter, key_height), shift)) {
        ctx.keyboard_shift = !ctx.keyboard_shift;
    }
    ImGui::SetCursorScreenPos(ImVec2(x + quarter + gap, y));
    if (big_button(ctx, "key_space", ctx.t("kiosk.keyboard.space"), ImVec2(2 * quarter, key_height), key)) {
        edited = text + " ";
    }
    ImGui::SetCursorScreenPos(ImVec2(x + 3 * quarter + 2 * gap, y));
    if (big_button(ctx, "key_delete", ctx.t("kiosk.keyboard.delete"), ImVec2(quarter, key_height), key)) {
        edited = formats::without_last_utf8_character(text);
    }
    return edited;
}

}  // namespace skm::kiosk::ui
