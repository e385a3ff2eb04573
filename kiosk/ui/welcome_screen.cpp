// Welcome: the office, one big "Mulai survei", "Huruf besar" for larger text
// through the whole survey, "Isi lewat HP" where links can be made, and the
// three languages.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace skm::kiosk::ui {

void draw_welcome(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.margin + 16 * s;
    if (ctx.logo && ctx.logo_size.y > 0) {
        const float h = 110 * s;
        const float w = h * ctx.logo_size.x / ctx.logo_size.y;
        ImGui::GetWindowDrawList()->AddImage(ctx.logo, ImVec2((area.size.x - w) / 2, y), ImVec2((area.size.x + w) / 2, y + h));
        y += h + 12 * s;
    } else {
        y += 16 * s;
    }
    y += centered_text(ctx.fonts.body, ctx.config.office, area.margin, y, area.inner_width(), palette::kMuted);
    if (!ctx.config.region.empty()) {
        y += centered_text(ctx.fonts.note, ctx.config.region, area.margin, y, area.inner_width(), palette::kMuted);
    }
    y += 28 * s;
    y += centered_text(ctx.fonts.title, ctx.t("kiosk.welcome.title"), area.margin, y, area.inner_width(), palette::kText);
    y += 12 * s;
    y += centered_text(ctx.fonts.body, ctx.t("kiosk.welcome.subtitle"), area.margin + 40 * s, y,
                       area.inner_width() - 80 * s, palette::kText);

    // Languages, each written in itself, at the bottom; their heading above them.
    const float lang_height = 96 * s;
    const float lang_y = area.size.y - area.margin - lang_height;
    const float heading_y = lang_y - line_height(ctx.fonts.note) - 8 * s;

    // "Mulai survei" and "Huruf besar": side by side in landscape, one above
    // the other in portrait, in the middle of the room left.
    const ImVec2 start_size(std::min(area.inner_width(), 620 * s), 150 * s);
    const ImVec2 large_size(area.portrait() ? std::min(area.inner_width(), 520 * s) : std::min(400 * s, area.inner_width() - start_size.x - area.gap),
                            area.portrait() ? 110 * s : start_size.y);
    const float block_w = area.portrait() ? start_size.x : start_size.x + area.gap + large_size.x;
    // "Isi lewat HP": under "Huruf besar" in portrait, in the top right corner in landscape (the
    // row has no room for a third button; the top left corner is the staff's).
    const bool phone = ctx.phone_link && ctx.phone_link->available() && !ctx.flow.invitation_paused();
    const ImVec2 phone_size = area.portrait() ? large_size : ImVec2(std::min(340 * s, area.inner_width()), 110 * s);
    const float block_h = area.portrait() ? start_size.y + area.gap * 2 + large_size.y + (phone ? area.gap * 2 + phone_size.y : 0)
                                          : start_size.y;
    const float room_top = y + 24 * s;
    const float room_bottom = heading_y - 24 * s;
    const float start_y = std::max(room_top, room_top + (room_bottom - room_top - block_h) / 2);
    const float start_x = (area.size.x - block_w) / 2;
    if (ctx.flow.invitation_paused()) {
        // Storage is in trouble: no one is asked to spend a minute on answers that cannot be kept.
        const std::string paused = ctx.t("kiosk.welcome.paused");
        ctx.texts_drawn.push_back(paused);
        const float paused_w = std::min(area.inner_width(), 640 * s);
        const float paused_x = (area.size.x - paused_w) / 2;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(paused_x, start_y), ImVec2(paused_x + paused_w, start_y + start_size.y),
                                                  palette::kNeutral, 12 * s);
        const float text_h = line_height(ctx.fonts.body) *
                             static_cast<float>(wrap_lines(ctx.fonts.body, paused, paused_w - 48 * s).size());
        centered_text(ctx.fonts.body, paused, paused_x + 24 * s, start_y + std::max(0.0f, (start_size.y - text_h) / 2),
                      paused_w - 48 * s, palette::kText);
    } else {
        ImGui::SetCursorScreenPos(ImVec2(start_x, start_y));
        ButtonStyle primary;
        primary.font = ctx.fonts.title;
        if (big_button(ctx, "start", ctx.t("kiosk.welcome.start"), start_size, primary)) ctx.flow.start();
        // On: the chosen colour with a border, like the chosen language.
        const ImVec2 large_at = area.portrait() ? ImVec2((area.size.x - large_size.x) / 2, start_y + start_size.y + area.gap * 2)
                                                : ImVec2(start_x + start_size.x + area.gap, start_y);
        ImGui::SetCursorScreenPos(large_at);
        const bool on = ctx.flow.large_text();
        ButtonStyle toggle = on ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.title, true}
                                : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.title, true};
        if (big_button(ctx, "large_text", "A+ " + ctx.t("kiosk.welcome.large_text"), large_size, toggle)) {
            ctx.flow.toggle_large_text();
        }
        if (phone) {
            ImGui::SetCursorScreenPos(area.portrait() ? ImVec2((area.size.x - phone_size.x) / 2, large_at.y + large_size.y + area.gap * 2)
                                                      : ImVec2(area.size.x - area.margin - phone_size.x, area.margin));
            const ButtonStyle secondary{palette::kNeutral, palette::kText, nullptr, true};
            if (big_button(ctx, "phone_link", ctx.t("kiosk.welcome.phone"), phone_size, secondary)) ctx.phone_link->show();
        }
    }

    centered_text(ctx.fonts.note, ctx.t("kiosk.welcome.language"), area.margin, heading_y, area.inner_width(),
                  palette::kMuted);
    const char* languages[] = {"id", "en", "jv"};
    const float width = std::min(360 * s, (area.inner_width() - 2 * area.gap) / 3);
    const float x0 = (area.size.x - (3 * width + 2 * area.gap)) / 2;
    for (int i = 0; i < 3; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(x0 + static_cast<float>(i) * (width + area.gap), lang_y));
        const bool chosen = ctx.flow.language() == languages[i];
        ButtonStyle style = chosen ? ButtonStyle{palette::kSelected, palette::kText, nullptr, true}
                                   : ButtonStyle{palette::kNeutral, palette::kText, nullptr, false};
        const std::string label = ctx.texts.text(languages[i], std::string("kiosk.language.") + languages[i]);
        if (big_button(ctx, std::string("lang_") + languages[i], label, ImVec2(width, lang_height), style)) {
            ctx.flow.set_language(languages[i]);
        }
    }
}

}  // namespace skm::kiosk::ui
