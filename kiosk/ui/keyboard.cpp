#include "kiosk/ui/keyboard.hpp"

#include "kiosk/ui/widgets.hpp"

#include "formats/utf8.hpp"

#include <vector>

namespace skm::kiosk::ui {
namespace {

bool narrow(const ViewContext& ctx, float width, float gap, bool big_keys) {
    return big_keys && (width - 9 * gap) / 10 < kCitizenKeyPx * ctx.scale;
}

// The character keys, row by row. Ids stay "key_<char>" in every arrangement.
std::vector<const char*> key_rows(bool address, bool seven_wide) {
    if (seven_wide) {  // alphabetical: easier to search than QWERTY for someone who seldom types
        return {"abcdefg", "hijklmn", "opqrstu", address ? "vwxyz:/" : "vwxyz,.", "1234567", address ? "890.-" : "890?-"};
    }
    return {"1234567890", "qwertyuiop", address ? "asdfghjkl:" : "asdfghjkl?", address ? "zxcvbnm/.-" : "zxcvbnm,.-"};
}

}  // namespace

int keyboard_rows(const ViewContext& ctx, float width, float gap, bool big_keys) {
    return narrow(ctx, width, gap, big_keys) ? 7 : 5;
}

std::optional<std::string> draw_keyboard(ViewContext& ctx, const std::string& text, float x, float y, float width,
                                         float key_height, float gap, KeyboardLayout layout, bool big_keys) {
    const bool seven = narrow(ctx, width, gap, big_keys);
    const int columns = seven ? 7 : 10;
    const float key_w = (width - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    // Each key's touch area reaches halfway into the gaps around it: a finger
    // between two keys presses one of them, never nothing.
    const float half = gap / 2;
    ButtonStyle key{palette::kNeutral, palette::kText, nullptr, true, half};
    auto place = [&](float kx, float ky) { ImGui::SetCursorScreenPos(ImVec2(kx - half, ky - half)); };
    const ImVec2 key_size(key_w + gap, key_height + gap);
    std::optional<std::string> edited;
    for (const char* row : key_rows(layout == KeyboardLayout::address, seven)) {
        for (int c = 0; row[c]; ++c) {
            char ch = row[c];
            if (ctx.keyboard_shift && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
            place(x + static_cast<float>(c) * (key_w + gap), y);
            if (big_button(ctx, std::string("key_") + row[c], std::string(1, ch), key_size, key)) {
                edited = text + ch;
                ctx.keyboard_shift = false;
            }
        }
        y += key_height + gap;
    }
    const float quarter = (width - 2 * gap) / 4;
    place(x, y);
    ButtonStyle shift = ctx.keyboard_shift ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.note, true, half}
                                           : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.note, true, half};
    if (big_button(ctx, "key_shift", ctx.t("kiosk.keyboard.shift"), ImVec2(quarter + gap, key_height + gap), shift)) {
        ctx.keyboard_shift = !ctx.keyboard_shift;
    }
    place(x + quarter + gap, y);
    if (big_button(ctx, "key_space", ctx.t("kiosk.keyboard.space"), ImVec2(2 * quarter + gap, key_height + gap), key)) {
        edited = text + " ";
    }
    place(x + 3 * quarter + 2 * gap, y);
    if (big_button(ctx, "key_delete", ctx.t("kiosk.keyboard.delete"), ImVec2(quarter + gap, key_height + gap), key)) {
        edited = formats::without_last_utf8_character(text);
    }
    return edited;
}

}  // namespace skm::kiosk::ui
