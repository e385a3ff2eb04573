// Staff dashboard: the period's IKM, mutu and interval, respondents against
// the sample, target and capaian, NRR per unsur as bars (weakest marked),
// the monthly trend of the year, and each layanan — all from the live
// tallies. Below the privacy threshold: "belum cukup data", no figures.
//
// Laid out with ImGui's tables inside a scrolling child, so every text wraps
// in its column and nothing is drawn past the screen's edge: landscape has
// three columns (summary and trend | unsur | layanan), portrait has the
// summary beside the trend, the unsur under them and the layanan in two
// halves at the bottom.
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include "scoring/mutu.hpp"

#include <algorithm>
#include <cmath>

namespace skm::kiosk::ui {
namespace {

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

// "Saluran: Kios 120 · Tautan HP 8": the kiosk's own answers and the phone
// links' always, a form, paper or unrecorded channel only when it has any.
std::string channel_line(const ViewContext& ctx, const Dashboard& d) {
    std::string split;
    for (const auto& c : d.channels) {
        if (c.count == 0 && c.channel != "kiosk" && c.channel != "link") continue;
        if (!split.empty()) split += " · ";
        split += ctx.t(c.channel.empty() ? "report.profile.channel_unrecorded" : "channel." + c.channel) + " " +
                 std::to_string(c.count);
    }
    return ctx.f("kiosk.staff.channel_split", {{"split", split}});
}

void draw_summary(ViewContext& ctx, const Dashboard& d) {
    const DashboardGroup& all = d.overall;
    staff_label(ctx, ctx.fonts.small, palette::kMuted,
                ctx.f("kiosk.staff.range", {{"from", d.range.first.str()}, {"to", d.range.last.str()}}));
    staff_label(ctx, ctx.fonts.title, palette::kText, ctx.t("kiosk.staff.ikm") + " " + ikm_line(ctx, all));
    staff_label(ctx, ctx.fonts.small, palette::kText, sample_line(ctx, all));
    if (!d.channels.empty()) staff_label(ctx, ctx.fonts.small, palette::kText, channel_line(ctx, d));
    if (all.enough && all.summary && all.summary->ci95) {
        staff_label(ctx, ctx.fonts.small, palette::kText,
                    ctx.f("kiosk.staff.ci95", {{"low", shown(ctx, all.summary->ci95->low)}, {"high", shown(ctx, all.summary->ci95->high)}}));
    }
    if (all.target) {
        staff_label(ctx, ctx.fonts.small, palette::kText,
                    ctx.f("kiosk.staff.target", {{"target", shown(ctx, *all.target)},
                                                 {"capaian", all.capaian ? shown(ctx, *all.capaian) + " %" : "–"}}));
    }
    if (d.flagged > 0) {
        staff_label(ctx, ctx.fonts.small, palette::kText,
                    ctx.f("kiosk.staff.without_flagged", {{"count", std::to_string(d.flagged)},
                                                          {"ikm", d.ikm_without_flagged ? shown(ctx, *d.ikm_without_flagged)
                                                                                        : ctx.t("kiosk.staff.not_enough")}}));
    }
}

float text_width(ImFont* font, const std::string& text) { return font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str()).x; }

// NRR per unsur: the full official name wrapped in its column, a bar from 1
// to 4 (the scale every answer lives on), the value.
void draw_unsur_bars(ViewContext& ctx, const DashboardGroup& g) {
    const float s = ctx.scale;
    staff_label(ctx, ctx.fonts.small, palette::kMuted, ctx.t("kiosk.staff.nrr_title"));
    if (!g.enough || !g.summary) {
        staff_label(ctx, ctx.fonts.small, palette::kText, ctx.t("kiosk.staff.not_enough"));
        return;
    }
    const auto& unsur = ctx.flow.questionnaire().unsur;
    const float value_w = text_width(ctx.fonts.small, "0,000") + 8 * s;
    if (!ImGui::BeginTable("unsur_bars", 3, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, value_w);
    auto* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < g.summary->unsur.size() && i < unsur.size(); ++i) {
        const auto& u = g.summary->unsur[i];
        const bool weakest = g.weakest_unsur == i;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        staff_label(ctx, ctx.fonts.small, weakest ? palette::kAnswer[0] : palette::kText, unsur[i].name.at(ctx.flow.language()));
        ImGui::TableNextColumn();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bw = ImGui::GetContentRegionAvail().x;
        const float bh = ctx.fonts.small->FontSize;
        draw->AddRectFilled(at, ImVec2(at.x + bw, at.y + bh), palette::kNeutral, 4 * s);
        if (u.nrr) {
            const float fraction = static_cast<float>((u.nrr->value().get_d() - 1.0) / 3.0);
            draw->AddRectFilled(at, ImVec2(at.x + bw * std::clamp(fraction, 0.0f, 1.0f), at.y + bh),
                                weakest ? palette::kAnswer[0] : palette::kPrimary, 4 * s);
        }
        ImGui::Dummy(ImVec2(bw, bh));
        ImGui::TableNextColumn();
        if (u.nrr) staff_label(ctx, ctx.fonts.small, palette::kText, shown(ctx, *u.nrr));
    }
    ImGui::EndTable();
}

// Name, IKM and mutu (or "belum cukup data"), respondents [/ needed]; in
// `halves` side-by-side lists (portrait uses two, so the list is half as long).
void draw_layanan(ViewContext& ctx, const Dashboard& d, int halves) {
    staff_label(ctx, ctx.fonts.small, palette::kMuted, ctx.t("kiosk.staff.per_layanan"));
    const int columns = 3 * halves;
    // The figures never wrap: their columns are as wide as the widest figure; the names wrap.
    auto count_of = [](const DashboardGroup& g) {
        return std::to_string(g.respondents) + (g.sample ? "/" + std::to_string(g.sample->needed) : "");
    };
    float ikm_w = 0;
    float count_w = 0;
    for (const auto& g : d.layanan) {
        ikm_w = std::max(ikm_w, text_width(ctx.fonts.small, ikm_line(ctx, g, false)) + 4 * ctx.scale);
        count_w = std::max(count_w, text_width(ctx.fonts.small, count_of(g)) + 4 * ctx.scale);
    }
    if (!ImGui::BeginTable("layanan", columns, ImGuiTableFlags_SizingStretchProp)) return;
    for (int h = 0; h < halves; ++h) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, ikm_w);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, count_w);
    }
    const std::size_t rows = (d.layanan.size() + static_cast<std::size_t>(halves) - 1) / static_cast<std::size_t>(halves);
    for (std::size_t r = 0; r < rows; ++r) {
        ImGui::TableNextRow();
        for (int h = 0; h < halves; ++h) {
            const std::size_t i = r + static_cast<std::size_t>(h) * rows;
            ImGui::TableSetColumnIndex(3 * h);
            if (i >= d.layanan.size()) continue;
            const auto& g = d.layanan[i];
            staff_label(ctx, ctx.fonts.small, palette::kText, g.layanan);
            ImGui::TableNextColumn();
            staff_label(ctx, ctx.fonts.small, g.enough ? palette::kText : palette::kMuted, ikm_line(ctx, g, false));
            ImGui::TableNextColumn();
            staff_label(ctx, ctx.fonts.small, palette::kMuted, count_of(g));
        }
    }
    ImGui::EndTable();
}

// The monthly IKM of the year on a 60–100 axis (where real offices are), the
// gridlines labelled in a gutter on the left, each label's digits centred on
// its line, and the target as a yellow line.
void draw_trend(ViewContext& ctx, StaffView& view, const Dashboard& d, float height) {
    auto* draw = ImGui::GetWindowDrawList();
    const float s = ctx.scale;
    ImFont* font = ctx.fonts.small;
    staff_label(ctx, font, palette::kMuted, ctx.f("kiosk.staff.trend_title", {{"year", std::to_string(d.range.last.year)}}));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float label_h = font->FontSize * 1.2f;
    // Half a label above the plot, so the top gridline's label is not cut.
    const float top = at.y + label_h / 2;
    const float gutter = text_width(font, "100") + 10 * s;
    const ImVec2 min(at.x + gutter, top);
    const ImVec2 max(at.x + w, at.y + std::max(height, 120 * s) - label_h);
    const float plot_h = max.y - min.y;
    constexpr double lo = 60;
    constexpr double hi = 100;
    auto to_y = [&](double v) { return max.y - static_cast<float>((std::clamp(v, lo, hi) - lo) / (hi - lo)) * plot_h; };
    // The vertical middle of a digit's ink, from the top of the text: the
    // label's text top goes this far above the line (not its line box's top,
    // which put the ink 10 px above).
    const ImFontGlyph* zero = font->FindGlyph('0');
    const float ink_middle = zero ? (zero->Y0 + zero->Y1) / 2 : font->FontSize / 2;
    draw->AddRect(min, max, palette::kNeutral, 0, 0, 2 * s);
    for (double grid : {70.0, 80.0, 90.0}) {
        // On a whole pixel row (AddLine adds half a pixel itself), so a
        // 1-unit line is one crisp row at scale 1, centred at row + 0.5.
        const float gy = std::floor(to_y(grid));
        draw->AddLine(ImVec2(min.x, gy), ImVec2(max.x, gy), palette::kNeutral, 1 * s);
        const std::string label = std::to_string(static_cast<int>(grid));
        const ImVec2 pos(min.x - 6 * s - text_width(font, label), std::round(gy + 0.5f - ink_middle));
        draw->AddText(font, font->FontSize, pos, palette::kMuted, label.c_str());
        ctx.texts_drawn.push_back(label);
    }
    if (d.overall.target) {
        const float ty = to_y(d.overall.target->value().get_d());
        draw->AddLine(ImVec2(min.x, ty), ImVec2(max.x, ty), palette::kSelected, 3 * s);
    }
    const float step = (max.x - min.x) / 12.0f;
    ImVec2 previous(-1, -1);
    for (const auto& point : d.trend) {
        const float px = min.x + step * (static_cast<float>(point.month) - 0.5f);
        const std::string month = std::to_string(point.month);
        draw->AddText(font, font->FontSize, ImVec2(px - text_width(font, month) / 2, max.y + 2 * s), palette::kMuted, month.c_str());
        ctx.texts_drawn.push_back(month);
        if (!point.enough || !point.ikm) {
            previous = ImVec2(-1, -1);
            continue;
        }
        const ImVec2 p(px, to_y(point.ikm->value().get_d()));
        if (previous.x >= 0) draw->AddLine(previous, p, palette::kPrimary, 3 * s);
        draw->AddCircleFilled(p, 6 * s, palette::kPrimary);
        previous = p;
    }
    view.trend_plot = {min, max, at.x};
    ImGui::Dummy(ImVec2(w, max.y + label_h - at.y));
}

}  // namespace

void draw_staff_dashboard(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const float content_w = width - 2 * pad.x;
    y += draw_alert_banner(ctx, view, width, y);
    ImGui::SetCursorScreenPos(ImVec2(pad.x, y));
    const struct {
        DashboardPeriod period;
        const char* key;
    } periods[] = {{DashboardPeriod::today, "kiosk.staff.period.today"},
                   {DashboardPeriod::month, "kiosk.staff.period.month"},
                   {DashboardPeriod::triwulan, "kiosk.staff.period.triwulan"},
                   {DashboardPeriod::semester, "kiosk.staff.period.semester"},
                   {DashboardPeriod::year, "kiosk.staff.period.year"}};
    // Five periods and the heat-map switch, one row.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(4 * s, 0));
    if (ImGui::BeginTable("periods", 6, ImGuiTableFlags_SizingStretchSame, ImVec2(content_w, 0))) {
        for (int i = 0; i < 5; ++i) {
            ImGui::TableNextColumn();
            const bool active = view.period == periods[i].period;
            ButtonStyle style = active ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                       : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, false};
            if (big_button(ctx, std::string("period_") + std::to_string(i), ctx.t(periods[i].key),
                           ImVec2(ImGui::GetContentRegionAvail().x, 64 * s), style)) {
                view.period = periods[i].period;
            }
        }
        ImGui::TableNextColumn();
        if (big_button(ctx, "heat_map", ctx.t("kiosk.staff.heat.button"), ImVec2(ImGui::GetContentRegionAvail().x, 64 * s),
                       view.heat_map ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                     : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, false})) {
            view.heat_map = !view.heat_map;
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (view.heat_map) {
        draw_staff_heat_map(ctx, view, width, height, ImGui::GetCursorScreenPos().y + 12 * s);
        return;
    }

    const Dashboard d = view.service().dashboard(view.period, view.clock().wall_now().date);
    const float top = ImGui::GetCursorScreenPos().y;
    // The rest of the screen; it scrolls only when an office has more layanan than fit.
    ImGui::BeginChild("dashboard", ImVec2(content_w, height - top - pad.y / 2), false, ImGuiWindowFlags_NoBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 6 * s));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8 * s, 3 * s));
    const bool portrait = height > width;
    if (!portrait) {
        if (ImGui::BeginTable("dashboard_columns", 3, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 0.33f);
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 0.37f);
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 0.30f);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            draw_summary(ctx, d);
            ImGui::Dummy(ImVec2(1, 8 * s));
            draw_trend(ctx, view, d, std::max(200 * s, height - ImGui::GetCursorScreenPos().y - pad.y - ctx.fonts.small->FontSize * 2));
            ImGui::TableNextColumn();
            draw_unsur_bars(ctx, d.overall);
            ImGui::TableNextColumn();
            draw_layanan(ctx, d, 1);
            ImGui::EndTable();
        }
    } else {
        if (ImGui::BeginTable("dashboard_top", 2, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            draw_summary(ctx, d);
            ImGui::TableNextColumn();
            draw_trend(ctx, view, d, 230 * s);
            ImGui::EndTable();
        }
        ImGui::Dummy(ImVec2(1, 4 * s));
        draw_unsur_bars(ctx, d.overall);
        ImGui::Dummy(ImVec2(1, 4 * s));
        draw_layanan(ctx, d, 2);
    }
    ImGui::PopStyleVar(2);
    ImGui::EndChild();
}

}  // namespace skm::kiosk::ui
