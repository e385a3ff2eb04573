// Staff dashboard: the period's IKM, mutu and interval, respondents against
// the sample, target and capaian, NRR per unsur as bars (weakest marked),
// the monthly trend of the year, and each layanan — all from the live
// tallies. Below the privacy threshold: "belum cukup data", no figures.
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include "formats/utf8.hpp"
#include "scoring/mutu.hpp"

#include <algorithm>

namespace skm::kiosk::ui {
namespace {

// Draws and records the text, so tests can read the figures the staff see.
void text_at(ViewContext& ctx, ImFont* font, float x, float y, ImU32 color, const std::string& text) {
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(x, y), color, text.c_str());
    ctx.texts_drawn.push_back(text);
}

// The text cut with "…" to fit `width` (long official unsur names beside their bars).
std::string fit_width(ImFont* font, const std::string& text, float width) {
    auto w = [&](const std::string& t) { return font->CalcTextSizeA(font->FontSize, 1e9f, 0, t.c_str()).x; };
    if (w(text) <= width) return text;
    std::string cut = text;
    while (!cut.empty() && w(cut + "\xE2\x80\xA6") > width) cut = formats::without_last_utf8_character(std::move(cut));
    return cut + "\xE2\x80\xA6";
}

std::string ikm_line(const ViewContext& ctx, const DashboardGroup& g, bool with_kinerja = true) {
    if (!g.enough || !g.summary || !g.summary->ikm) return ctx.t("kiosk.staff.not_enough");
    const auto& sum = *g.summary;
    std::string line = shown(ctx, *sum.ikm);
    if (sum.mutu) {
        line += "  " + std::string(1, scoring::mutu_letter(*sum.mutu));
        if (with_kinerja) line += " (" + std::string(scoring::kinerja_official(*sum.mutu)) + ")";
    }
    return line;
}

std::string sample_line(const ViewContext& ctx, const DashboardGroup& g) {
    if (!g.sample) return ctx.f("kiosk.staff.respondents", {{"count", std::to_string(g.respondents)}});
    return ctx.f("kiosk.staff.respondents_of", {{"count", std::to_string(g.respondents)},
                                                {"needed", std::to_string(g.sample->needed)},
                                                {"percent", std::to_string(g.sample->percent())}});
}

void draw_unsur_bars(ViewContext& ctx, const DashboardGroup& g, float x, float y, float w, float h) {
    auto* draw = ImGui::GetWindowDrawList();
    const float s = ctx.scale;
    text_at(ctx, ctx.fonts.small, x, y, palette::kMuted, ctx.t("kiosk.staff.nrr_title"));
    y += ctx.fonts.small->FontSize * 1.4f;
    if (!g.enough || !g.summary) {
        text_at(ctx, ctx.fonts.small, x, y, palette::kText, ctx.t("kiosk.staff.not_enough"));
        return;
    }
    const auto& unsur = ctx.flow.questionnaire().unsur;
    const float row = std::min((h - ctx.fonts.small->FontSize * 1.4f) / static_cast<float>(unsur.size()), 44 * s);
    const float label_w = w * 0.38f;
    for (std::size_t i = 0; i < g.summary->unsur.size() && i < unsur.size(); ++i) {
        const auto& u = g.summary->unsur[i];
        const bool weakest = g.weakest_unsur == i;
        const float ry = y + static_cast<float>(i) * row;
        text_at(ctx, ctx.fonts.small, x, ry, weakest ? palette::kAnswer[0] : palette::kText,
                fit_width(ctx.fonts.small, unsur[i].name.at(ctx.flow.language()), label_w - 8 * s));
        const float bx = x + label_w;
        const float bw = w - label_w - 90 * s;
        draw->AddRectFilled(ImVec2(bx, ry + 4 * s), ImVec2(bx + bw, ry + row - 8 * s), palette::kNeutral, 4 * s);
        if (u.nrr) {
            // Bars from 1 to 4: the scale every answer lives on.
            const float fraction = static_cast<float>((u.nrr->value().get_d() - 1.0) / 3.0);
            draw->AddRectFilled(ImVec2(bx, ry + 4 * s), ImVec2(bx + bw * std::clamp(fraction, 0.0f, 1.0f), ry + row - 8 * s),
                                weakest ? palette::kAnswer[0] : palette::kPrimary, 4 * s);
            text_at(ctx, ctx.fonts.small, bx + bw + 8 * s, ry, palette::kText, shown(ctx, *u.nrr));
        }
    }
}

void draw_trend(ViewContext& ctx, const Dashboard& d, const DashboardGroup& overall, float x, float y, float w, float h) {
    auto* draw = ImGui::GetWindowDrawList();
    const float s = ctx.scale;
    text_at(ctx, ctx.fonts.small, x, y, palette::kMuted, ctx.f("kiosk.staff.trend_title", {{"year", std::to_string(d.range.last.year)}}));
    y += ctx.fonts.small->FontSize * 1.4f;
    h -= ctx.fonts.small->FontSize * 1.4f;
    const float lo = 60;  // konversi axis from 60 to 100: where real offices are
    auto to_y = [&](double v) { return y + h - static_cast<float>((std::clamp(v, 60.0, 100.0) - lo) / 40.0) * h; };
    draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), palette::kNeutral, 0, 0, 2 * s);
    for (double grid : {70.0, 80.0, 90.0}) {
        draw->AddLine(ImVec2(x, to_y(grid)), ImVec2(x + w, to_y(grid)), palette::kNeutral, 1 * s);
        text_at(ctx, ctx.fonts.small, x + 4 * s, to_y(grid) - ctx.fonts.small->FontSize, palette::kMuted, std::to_string(static_cast<int>(grid)));
    }
    if (overall.target) {
        const float ty = to_y(overall.target->value().get_d());
        draw->AddLine(ImVec2(x, ty), ImVec2(x + w, ty), palette::kSelected, 3 * s);
    }
    const float step = w / 12.0f;
    ImVec2 previous(-1, -1);
    for (const auto& point : d.trend) {
        const float px = x + step * (static_cast<float>(point.month) - 0.5f);
        text_at(ctx, ctx.fonts.small, px - 8 * s, y + h + 2 * s, palette::kMuted, std::to_string(point.month));
        if (!point.enough || !point.ikm) {
            previous = ImVec2(-1, -1);
            continue;
        }
        const ImVec2 p(px, to_y(point.ikm->value().get_d()));
        if (previous.x >= 0) draw->AddLine(previous, p, palette::kPrimary, 3 * s);
        draw->AddCircleFilled(p, 6 * s, palette::kPrimary);
        previous = p;
    }
}

}  // namespace

void draw_staff_dashboard(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    const float margin = 16 * s;
    y += draw_alert_banner(ctx, view, width, y);
    const struct {
        DashboardPeriod period;
        const char* key;
    } periods[] = {{DashboardPeriod::today, "kiosk.staff.period.today"},
                   {DashboardPeriod::month, "kiosk.staff.period.month"},
                   {DashboardPeriod::triwulan, "kiosk.staff.period.triwulan"},
                   {DashboardPeriod::semester, "kiosk.staff.period.semester"},
                   {DashboardPeriod::year, "kiosk.staff.period.year"}};
    // Five periods and the heat-map switch, one row.
    const float pw = (width - 2 * margin - 5 * 8 * s) / 6;
    ImGui::SetCursorScreenPos(ImVec2(margin + 5 * (pw + 8 * s), y));
    if (big_button(ctx, "heat_map", ctx.t("kiosk.staff.heat.button"), ImVec2(pw, 64 * s),
                   view.heat_map ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                 : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, false})) {
        view.heat_map = !view.heat_map;
    }
    for (int i = 0; i < 5; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(margin + static_cast<float>(i) * (pw + 8 * s), y));
        const bool active = view.period == periods[i].period;
        ButtonStyle style = active ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                   : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, false};
        if (big_button(ctx, std::string("period_") + std::to_string(i), ctx.t(periods[i].key), ImVec2(pw, 64 * s), style)) {
            view.period = periods[i].period;
        }
    }
    y += 64 * s + 12 * s;
    if (view.heat_map) {
        draw_staff_heat_map(ctx, view, width, height, y);
        return;
    }

    const Dashboard d = view.service().dashboard(view.period, view.clock().wall_now().date);
    const DashboardGroup& all = d.overall;
    // Landscape: two columns. Portrait: one column, the layanan list under the bars.
    const bool portrait = height > width;
    const float col = portrait ? width - 2 * margin : (width - 3 * margin) / 2;
    float ly = y;
    text_at(ctx, ctx.fonts.small, margin, ly, palette::kMuted, ctx.f("kiosk.staff.range", {{"from", d.range.first.str()}, {"to", d.range.last.str()}}));
    ly += ctx.fonts.small->FontSize * 1.3f;
    text_at(ctx, ctx.fonts.title, margin, ly, palette::kText, ctx.t("kiosk.staff.ikm") + " " + ikm_line(ctx, all));
    ly += ctx.fonts.title->FontSize * 1.2f;
    text_at(ctx, ctx.fonts.small, margin, ly, palette::kText, sample_line(ctx, all));
    ly += ctx.fonts.small->FontSize * 1.3f;
    if (all.enough && all.summary && all.summary->ci95) {
        text_at(ctx, ctx.fonts.small, margin, ly, palette::kText,
                ctx.f("kiosk.staff.ci95", {{"low", shown(ctx, all.summary->ci95->low)}, {"high", shown(ctx, all.summary->ci95->high)}}));
        ly += ctx.fonts.small->FontSize * 1.3f;
    }
    if (all.target) {
        text_at(ctx, ctx.fonts.small, margin, ly, palette::kText,
                ctx.f("kiosk.staff.target", {{"target", shown(ctx, *all.target)},
                                             {"capaian", all.capaian ? shown(ctx, *all.capaian) + " %" : "–"}}));
        ly += ctx.fonts.small->FontSize * 1.3f;
    }
    if (d.flagged > 0) {
        text_at(ctx, ctx.fonts.small, margin, ly, palette::kText,
                ctx.f("kiosk.staff.without_flagged", {{"count", std::to_string(d.flagged)},
                                                      {"ikm", d.ikm_without_flagged ? shown(ctx, *d.ikm_without_flagged)
                                                                                    : ctx.t("kiosk.staff.not_enough")}}));
        ly += ctx.fonts.small->FontSize * 1.3f;
    }
    ly += 8 * s;
    const float bottom = height - margin;
    const float bars_h = portrait ? 9 * 30 * s + ctx.fonts.small->FontSize * 1.4f : bottom - ly;
    draw_unsur_bars(ctx, all, margin, ly, col, bars_h);

    // Right column: one line per layanan.
    const float rx = portrait ? margin : margin * 2 + col;
    float ry = portrait ? ly + bars_h + 16 * s : y;
    text_at(ctx, ctx.fonts.small, rx, ry, palette::kMuted, ctx.t("kiosk.staff.per_layanan"));
    ry += ctx.fonts.small->FontSize * 1.4f;
    const float line = ctx.fonts.small->FontSize * 1.25f;
    for (const auto& g : d.layanan) {
        if (ry + line > bottom) break;
        // One line each: name, IKM and mutu (or "belum cukup data"), respondents [/ needed].
        text_at(ctx, ctx.fonts.small, rx, ry, palette::kText, fit_width(ctx.fonts.small, g.layanan, col * 0.48f));
        text_at(ctx, ctx.fonts.small, rx + col * 0.5f, ry, g.enough ? palette::kText : palette::kMuted, ikm_line(ctx, g, false));
        const std::string count = std::to_string(g.respondents) + (g.sample ? "/" + std::to_string(g.sample->needed) : "");
        text_at(ctx, ctx.fonts.small, rx + col * 0.8f, ry, palette::kMuted, count);
        ry += line;
    }
    // The monthly trend under the list, in the room left.
    const float trend_top = ry + 16 * s;
    if (bottom - trend_top > 120 * s) {
        draw_trend(ctx, d, all, rx, trend_top, col, bottom - trend_top - ctx.fonts.small->FontSize * 1.4f);
    }
}

}  // namespace skm::kiosk::ui
