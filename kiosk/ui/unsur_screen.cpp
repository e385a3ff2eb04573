// One unsur per screen: the survey's progress, the unsur's name, the question, and four answer faces from
// sad to happy with the official labels (one row landscape, 2×2 portrait).
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_unsur(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    const auto& flow = ctx.flow;
    const auto& unsur = flow.questionnaire().unsur.at(flow.unsur_index());
    const std::string& lang = flow.language();
    float y = area.margin;
    y += draw_survey_progress(ctx, area, y) + 8 * s;
    y += centered_text(ctx.fonts.note, unsur.name.at(lang), area.margin, y, area.inner_width(), palette::kMuted);
    const std::string question = unsur.question.at(lang);
    y += draw_title(ctx, area, y + 4 * s, question) + 28 * s;

    const auto& labels = unsur.answers.at(lang);
    const float bar_top = bottom_bar_top(ctx, area);
    const int columns = area.portrait() ? 2 : 4;
    const int rows = 4 / columns;
    const float width = (area.inner_width() - area.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float height = std::min(330 * s, (bar_top - y - area.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    const std::uint8_t chosen = flow.answers().answers.at(flow.unsur_index());
    for (int i = 0; i < 4; ++i) {
        const int row = i / columns;
        const int col = i % columns;
        ImGui::SetCursorScreenPos(ImVec2(area.margin + static_cast<float>(col) * (width + area.gap),
                                         y + static_cast<float>(row) * (height + area.gap)));
        const std::string id = "answer_" + std::to_string(i + 1);
        if (face_button(ctx, id, i + 1, labels[static_cast<std::size_t>(i)], ImVec2(width, height))) {
            ctx.speaker.stop();
            ctx.flow.answer(static_cast<std::uint8_t>(i + 1));
        }
        if (chosen == i + 1) {  // coming back: show the earlier answer
            auto* draw = ImGui::GetWindowDrawList();
            const auto& b = ctx.buttons.back();
            draw->AddRect(ImVec2(b.min.x - 6 * s, b.min.y - 6 * s), ImVec2(b.max.x + 6 * s, b.max.y + 6 * s),
                          palette::kSelected, 22 * s, 0, 8 * s);
        }
    }
    std::string spoken = question;
    for (int i = 0; i < 4; ++i) spoken += ". " + std::to_string(i + 1) + ": " + labels[static_cast<std::size_t>(i)];
    draw_bottom_bar(ctx, area, spoken);
}

}  // namespace skm::kiosk::ui
