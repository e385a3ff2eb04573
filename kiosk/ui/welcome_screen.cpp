// Welcome: the office, one big "Mulai survei", and the three languages.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_welcome(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.margin + 24 * s;
    if (ctx.logo && ctx.logo_size.y > 0) {
        const float h = 120 * s;
        const float w = h * ctx.logo_size.x / ctx.logo_size.y;
        ImGui::GetWindowDrawList()->AddImage(ctx.logo, ImVec2((area.size.x - w) / 2, y), ImVec2((area.size.x + w) / 2, y + h));
        y += h + 12 * s;
    } else {
        y += 16 * s;
    }
    y += centered_text(ctx.fonts.body, ctx.config.office, area.margin, y, area.inner_width(), palette::kMuted);
    if (!ctx.config.region.empty()) {
        y += centered_text(ctx.fonts.small, ctx.config.region, area.margin, y, area.inner_width(), palette::kMuted);
    }
    y += 40 * s;
    y += centered_text(ctx.fonts.title, ctx.t("kiosk.welcome.title"), area.margin, y, area.inner_width(), palette::kText);
    y += 16 * s;
    y += centered_text(ctx.fonts.body, ctx.t("kiosk.welcome.subtitle"), area.margin + 40 * s, y,
                       area.inner_width() - 80 * s, palette::kText);

    const ImVec2 start_size(std::min(area.inner_width(), 640 * s), 150 * s);
    const float start_y = std::max(y + 40 * s, area.size.y * 0.5f - start_size.y / 2);
    if (ctx.flow.invitation_paused()) {
        // Storage is in trouble: no one is asked to spend a minute on answers that cannot be kept.
        const std::string paused = ctx.t("kiosk.welcome.paused");
        ctx.texts_drawn.push_back(paused);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2((area.size.x - start_size.x) / 2, start_y),
                                                  ImVec2((area.size.x + start_size.x) / 2, start_y + start_size.y),
                                                  palette::kNeutral, 12 * s);
        const float text_h = line_height(ctx.fonts.body) *
                             static_cast<float>(wrap_lines(ctx.fonts.body, paused, start_size.x - 48 * s).size());
        centered_text(ctx.fonts.body, paused, (area.size.x - start_size.x) / 2 + 24 * s,
                      start_y + std::max(0.0f, (start_size.y - text_h) / 2), start_size.x - 48 * s, palette::kText);
    } else {
        ImGui::SetCursorScreenPos(ImVec2((area.size.x - start_size.x) / 2, start_y));
        ButtonStyle primary;
        primary.font = ctx.fonts.title;
        if (big_button(ctx, "start", ctx.t("kiosk.welcome.start"), start_size, primary)) ctx.flow.start();
    }

    // Languages, each written in itself, at the bottom.
    const float lang_height = 96 * s;
    const float lang_y = area.size.y - area.margin - lang_height;
    centered_text(ctx.fonts.small, ctx.t("kiosk.welcome.language"), area.margin, lang_y - 44 * s, area.inner_width(),
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
