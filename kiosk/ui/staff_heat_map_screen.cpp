// The hour × weekday heat map of the staff dashboard (issue #20): for the
// chosen period, one cell per weekday and office hour with its respondents
// and, from min_n respondents on, its IKM coloured by mutu (the answer
// colours, sad to happy). Cells below min_n show only the count, grey.
#include "scoring/heat_map.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include "scoring/mutu.hpp"

namespace skm::kiosk::ui {
namespace {

// Monday first, as scoring/heat_map numbers them.
constexpr const char* kDayKeys[scoring::kWeekdays] = {"kiosk.staff.heat.day0", "kiosk.staff.heat.day1", "kiosk.staff.heat.day2",
                                             "kiosk.staff.heat.day3", "kiosk.staff.heat.day4", "kiosk.staff.heat.day5",
                                             "kiosk.staff.heat.day6"};

ImU32 mutu_colour(const scoring::Decimal& ikm) {
    switch (scoring::mutu_2017(ikm.value())) {
        case scoring::Mutu::A: return palette::kAnswer[3];
        case scoring::Mutu::B: return palette::kAnswer[2];
        case scoring::Mutu::C: return palette::kAnswer[1];
        default: return palette::kAnswer[0];
    }
}

}  // namespace

void draw_staff_heat_map(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    const float margin = 16 * s;
    const std::uint64_t min_n = view.service().number(formats::setting::kMinN);
    const scoring::DateRange range = dashboard_range(view.period, view.clock().wall_now().date);
    const scoring::HeatMap& map = view.service().heat_map(range);
    y += staff_text(ctx, ctx.fonts.small,
                    ctx.f("kiosk.staff.heat.title", {{"from", range.first.str()}, {"to", range.last.str()},
                                                     {"min_n", std::to_string(min_n)}}),
                    margin, y, width - 2 * margin, palette::kMuted);
    if (map.last_hour < 0) {
        staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.not_enough"), margin, y + 8 * s, width - 2 * margin, palette::kText);
        return;
    }
    auto* draw = ImGui::GetWindowDrawList();
    const float label_w = 110 * s;
    const int hours = map.last_hour - map.first_hour + 1;
    const float cell_w = (width - 2 * margin - label_w) / static_cast<float>(hours);
    const float head_h = ctx.fonts.small->FontSize * 1.4f;
    const float cell_h = std::min((height - margin - y - head_h) / scoring::kWeekdays, 90 * s);
    auto cell_text = [&](float x, float ty, float w, ImU32 colour, const std::string& text) {
        const ImVec2 size = ctx.fonts.small->CalcTextSizeA(ctx.fonts.small->FontSize, 1e9f, 0, text.c_str());
        draw->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(x + (w - size.x) / 2, ty), colour, text.c_str());
        ctx.texts_drawn.push_back(text);
    };
    for (int h = 0; h < hours; ++h) {
        char label[8];
        std::snprintf(label, sizeof label, "%02d", map.first_hour + h);
        cell_text(margin + label_w + static_cast<float>(h) * cell_w, y, cell_w, palette::kMuted, label);
    }
    y += head_h;
    for (int w = 0; w < scoring::kWeekdays; ++w) {
        const float ry = y + static_cast<float>(w) * cell_h;
        staff_text(ctx, ctx.fonts.small, ctx.t(kDayKeys[static_cast<std::size_t>(w)]), margin, ry + cell_h / 3, label_w, palette::kText);
        for (int h = 0; h < hours; ++h) {
            const scoring::HeatCell& cell = map.cells[static_cast<std::size_t>(w)][static_cast<std::size_t>(map.first_hour + h)];
            const float cx = margin + label_w + static_cast<float>(h) * cell_w;
            const ImU32 fill = cell.ikm ? mutu_colour(*cell.ikm) : palette::kNeutral;
            draw->AddRectFilled(ImVec2(cx + 1 * s, ry + 1 * s), ImVec2(cx + cell_w - 1 * s, ry + cell_h - 1 * s), fill, 4 * s);
            if (cell.respondents == 0) continue;
            const ImU32 ink = cell.ikm ? IM_COL32(255, 255, 255, 255) : palette::kMuted;
            const std::string count = "n=" + std::to_string(cell.respondents);
            const float lh = ctx.fonts.small->FontSize;
            if (!cell.ikm) {
                cell_text(cx, ry + (cell_h - lh) / 2, cell_w, ink, count);
            } else if (cell_h >= 2.1f * lh) {  // IKM over the count
                cell_text(cx, ry + (cell_h - 2 * lh) / 2, cell_w, ink, shown(ctx, *cell.ikm));
                cell_text(cx, ry + cell_h / 2, cell_w, ink, count);
            } else {  // a short screen: one line, the count dropped only if it does not fit
                const std::string both = shown(ctx, *cell.ikm) + " \xC2\xB7 " + count;
                const bool fits = ctx.fonts.small->CalcTextSizeA(lh, 1e9f, 0, both.c_str()).x < cell_w - 4 * s;
                cell_text(cx, ry + (cell_h - lh) / 2, cell_w, ink, fits ? both : shown(ctx, *cell.ikm));
            }
        }
    }
}

}  // namespace skm::kiosk::ui
