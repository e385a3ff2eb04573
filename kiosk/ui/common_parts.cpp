// Parts shared by the screens: titles, the bottom bar and the tile grid.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

float draw_title(ViewContext& ctx, const Area& area, float y, const std::string& title) {
    return centered_text(ctx.fonts.title, title, area.margin, y, area.inner_width(), palette::kText);
}

float draw_title_and_body(ViewContext& ctx, const Area& area, float y, const std::string& title,
                          const std::string& body) {
    y += draw_title(ctx, area, y, title) + 24 * ctx.scale;
    return y + centered_text(ctx.fonts.body, body, area.margin, y, area.inner_width(), palette::kText);
}

float bottom_bar_top(ViewContext& ctx, const Area& area) {
    const std::string note = ctx.t("kiosk.read_aloud_note");
    return area.size.y - area.margin - 104 * ctx.scale - area.gap -
           (note.empty() ? 0.0f : ctx.fonts.note->FontSize * 1.3f);
}

void draw_bottom_bar(ViewContext& ctx, const Area& area, const std::string& spoken) {
    const float height = 104 * ctx.scale;
    const float y = area.size.y - area.margin - height;
    const float width = std::min(340 * ctx.scale, (area.inner_width() - area.gap) / 2);
    ImGui::SetCursorScreenPos(ImVec2(area.margin, y));
    ButtonStyle secondary{palette::kNeutral, palette::kText, nullptr, true};
    if (big_button(ctx, "back", "\xE2\x80\xB9 " + ctx.t("kiosk.back"), ImVec2(width, height), secondary)) {
        ctx.speaker.stop();
        ctx.flow.back();
    }
    ImGui::SetCursorScreenPos(ImVec2(area.size.x - area.margin - width, y));
    if (big_button(ctx, "read_aloud", ctx.t("kiosk.read_aloud"), ImVec2(width, height), secondary)) {
        // espeak-ng has no Javanese voice: Javanese text is read with the Indonesian one.
        ctx.speaker.say(spoken, ctx.flow.language());
    }
    const std::string note = ctx.t("kiosk.read_aloud_note");
    if (!note.empty()) {  // above the bar, where there is room in every orientation
        centered_text(ctx.fonts.note, note, area.margin, y - ctx.fonts.note->FontSize * 1.3f, area.inner_width(),
                      palette::kMuted);
    }
}

float draw_survey_progress(ViewContext& ctx, const Area& area, float y) {
    const SurveyFlow& flow = ctx.flow;
    const std::string text = ctx.f("kiosk.survey_progress", {{"current", std::to_string(flow.survey_step())},
                                                             {"total", std::to_string(flow.survey_steps())}});
    ImFont* font = ctx.fonts.note;
    const auto lines = wrap_lines(font, text, area.inner_width());
    const float text_w = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, lines.front().c_str()).x;
    text_line(font, ImVec2(area.margin, y), palette::kText, lines.front(), area.inner_width());
    // The bar beside the words, filled for the steps already done: one glance
    // says how much is left, whatever the step is about.
    const float x0 = area.margin + text_w + area.gap * 1.5f;
    const float x1 = area.size.x - area.margin;
    if (x1 - x0 > 80 * ctx.scale) {
        const float bar_h = 16 * ctx.scale;
        const float bar_y = y + (font->FontSize - bar_h) / 2 + 2 * ctx.scale;
        const float done = static_cast<float>(flow.survey_step() - 1) / static_cast<float>(flow.survey_steps());
        auto* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(ImVec2(x0, bar_y), ImVec2(x1, bar_y + bar_h), palette::kNeutral, bar_h / 2);
        draw->AddRect(ImVec2(x0, bar_y), ImVec2(x1, bar_y + bar_h), palette::kMuted, bar_h / 2, 0, 1.5f * ctx.scale);
        if (done > 0) {
            draw->AddRectFilled(ImVec2(x0, bar_y), ImVec2(x0 + (x1 - x0) * done, bar_y + bar_h), palette::kPrimary,
                                bar_h / 2);
        }
    }
    return line_height(font);
}

int draw_choice_grid(ViewContext& ctx, const Area& area, float y, const std::string& id_prefix,
                     const std::vector<std::string>& labels, int columns, float tile_height, int selected,
                     int aside) {
    const float width = (area.inner_width() - area.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int tapped = -1;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const int row = static_cast<int>(i) / columns;
        const int col = static_cast<int>(i) % columns;
        ImGui::SetCursorScreenPos(ImVec2(area.margin + static_cast<float>(col) * (width + area.gap),
                                         y + static_cast<float>(row) * (tile_height + area.gap)));
        ButtonStyle style;
        if (static_cast<int>(i) == aside) style = ButtonStyle{palette::kNeutral, palette::kText, nullptr, true};
        if (static_cast<int>(i) == selected) style = ButtonStyle{palette::kSelected, palette::kText, nullptr, true};
        if (big_button(ctx, id_prefix + std::to_string(i), labels[i], ImVec2(width, tile_height), style)) {
            tapped = static_cast<int>(i);
        }
    }
    return tapped;
}

}  // namespace skm::kiosk::ui
