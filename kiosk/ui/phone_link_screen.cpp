// "Isi lewat HP": a fresh one-time link as a QR code, big and black on
// white with its quiet zone, in whole pixels per module so every edge is
// sharp for a phone's camera at arm's length; how to use it, the seconds
// until it disappears, and "Selesai". Landscape: the code left, the words
// right; portrait: the code above the words.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace skm::kiosk::ui {
namespace {

constexpr ImU32 kModuleDark = IM_COL32(0, 0, 0, 255);  // pure black: nothing else on the kiosk is (tests find the code by it)

// The code and its quiet zone centred in the square `side` wide at `at`.
void draw_code(const reports::QrMatrix& code, ImVec2 at, float side) {
    const int module = qr_module_pixels(side, code.size());
    if (module <= 0) return;
    const float whole = static_cast<float>(module * code.size_with_quiet_zone());
    const float x = std::floor(at.x + (side - whole) / 2);
    const float y = std::floor(at.y + (side - whole) / 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + whole, y + whole), palette::kWhite);
    const float m = static_cast<float>(module);
    const float x0 = x + m * reports::kQrQuietModules;
    const float y0 = y + m * reports::kQrQuietModules;
    for (int row = 0; row < code.size(); ++row) {
        for (int col = 0; col < code.size();) {
            if (!code.dark(col, row)) {
                ++col;
                continue;
            }
            int end = col;
            while (end < code.size() && code.dark(end, row)) ++end;
            draw->AddRectFilled(ImVec2(x0 + m * static_cast<float>(col), y0 + m * static_cast<float>(row)),
                                ImVec2(x0 + m * static_cast<float>(end), y0 + m * static_cast<float>(row + 1)), kModuleDark);
            col = end;
        }
    }
}

}  // namespace

void draw_phone_link(ViewContext& ctx, const Area& area) {
    PhoneLink& link = *ctx.phone_link;
    const float s = ctx.scale;
    float y = area.margin + 8 * s;
    y += draw_title(ctx, area, y, ctx.t("kiosk.phone_link.title")) + 20 * s;

    const ImVec2 close_size(std::min(area.inner_width(), 420 * s), 110 * s);
    const float bottom = area.size.y - area.margin;
    float side = 0;
    float words_x = 0;
    float words_y = 0;
    float words_w = 0;
    if (area.portrait()) {
        // Below the code: about three lines of instruction, the countdown and Selesai.
        const float words_h = 4 * line_height(ctx.fonts.body) + line_height(ctx.fonts.note) + close_size.y + 64 * s;
        side = std::min({area.inner_width(), 640 * s, bottom - y - words_h});
        words_x = area.margin;
        words_y = y + side + 24 * s;
        words_w = area.inner_width();
    } else {
        side = std::min({bottom - y, area.inner_width() * 0.5f, 640 * s});
        words_x = area.margin + side + 48 * s;
        words_y = y + 24 * s;
        words_w = area.size.x - area.margin - words_x;
    }
    const ImVec2 code_at(area.portrait() ? (area.size.x - side) / 2 : area.margin, y);

    std::string instruction = ctx.t("kiosk.phone_link.instruction");
    if (link.code().empty()) {
        // The link could not be made: said where the code would be, and the kiosk itself still asks.
        instruction = ctx.t("kiosk.phone_link.failed");
    } else {
        draw_code(link.code(), code_at, side);
    }
    ctx.texts_drawn.push_back(instruction);
    words_y += centered_text(ctx.fonts.body, instruction, words_x, words_y, words_w, palette::kText) + 24 * s;
    const std::string countdown = ctx.f("kiosk.phone_link.countdown", {{"seconds", std::to_string(link.seconds_left())}});
    ctx.texts_drawn.push_back(countdown);
    words_y += centered_text(ctx.fonts.note, countdown, words_x, words_y, words_w, palette::kMuted) + 40 * s;

    ImGui::SetCursorScreenPos(ImVec2(words_x + (words_w - close_size.x) / 2, std::min(words_y, bottom - close_size.y)));
    if (big_button(ctx, "phone_link_close", ctx.t("kiosk.phone_link.close"), close_size)) link.hide();
}

}  // namespace skm::kiosk::ui
