// One kecamatan in a period: its IKM, the month-by-month trend, each
// layanan, NRR per unsur (weakest in red), the respondent profile with the
// office's sub-options, IKM per hour × weekday and the saran, all under the
// min-n rule: a group below it shows its count only, and no saran at all.
#include "hub/web/svg_chart.hpp"
#include "hub/web/web_pages.hpp"
#include "reports/report_labels.hpp"
#include "scoring/mutu.hpp"

namespace skm::hub::web {
namespace {

double to_double(const scoring::Decimal& d) { return d.value().get_d(); }

// Each field a small table: the official codes with respondents, and under
// each the sub-options min-n lets through (dashboard_data, reports::publishable_details).
DataList profile_data(const PageContext& c, const KecamatanPage& k) {
    DataList fields;
    for (const auto& table : k.profile) {
        DataList rows;
        for (const auto& count : table.counts) {
            if (count.count == 0) continue;  // compact: only codes someone chose
            rows.push_back(Fields{{"label", reports::profile_value_label(table.field, count.value, c.t)},
                                  {"count", std::to_string(count.count)},
                                  {"detail", flag(false)}});
            for (const auto& d : reports::details_in_screen_order(table.field, count.details, c.app.options.profile_options)) {
                rows.push_back(Fields{{"label", reports::profile_detail_label(table.field, d.option, c.app.options.profile_options, c.t)},
                                      {"count", std::to_string(d.count)},
                                      {"detail", flag(true)}});
            }
        }
        if (rows.empty()) continue;
        fields.push_back(Fields{{"field", reports::profile_field_label(table.field, c.t)}, {"rows", rows}});
    }
    return fields;
}

// Rows of hours that have responses, a column per weekday (Monday first):
// the IKM on a mutu colour where min-n allows, the count always.
Data heat_map_data(const PageContext& c, const scoring::HeatMap& map) {
    if (map.empty()) return flag(false);
    DataList days;
    for (int w = 0; w < scoring::kWeekdays; ++w) days.push_back(Fields{{"name", reports::weekday_label(w, c.t)}});
    DataList rows;
    for (int h = map.first_hour; h <= map.last_hour; ++h) {
        DataList cells;
        for (int w = 0; w < scoring::kWeekdays; ++w) {
            const auto& cell = map.at(w, h);
            std::string css = "none";
            if (cell.ikm) {
                css = std::string(1, scoring::mutu_letter(scoring::mutu_2017(cell.ikm->value())));
            } else if (cell.respondents > 0) {
                css = "few";
            }
            cells.push_back(Fields{{"class", css},
                                   {"ikm", cell.ikm ? Data(c.number(*cell.ikm)) : flag(false)},
                                   {"n", cell.respondents > 0 ? Data(std::to_string(cell.respondents)) : flag(false)}});
        }
        rows.push_back(Fields{{"hour", reports::hour_label(h, c.t)}, {"cells", cells}});
    }
    return Fields{{"days", days}, {"rows", rows}};
}

}  // namespace

WebResponse kecamatan_page(const PageContext& c) {
    const auto period = c.period();
    if (!period) return error_page(c, 400, "web.bad_period");
    const std::string name = c.request.param("name").value_or("");
    if (name.empty() || name.size() > 200) return error_page(c, 404, "web.no_such_kecamatan");
    const KecamatanPage k = build_kecamatan({c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n}, name, *period);
    const auto& t = c.t;
    const auto& q = c.app.questionnaire;
    const std::string in_period = "period=" + url_encode(period->key);

    Data data = Fields{{"overview_href", "/overview?" + in_period},
                       {"heading", t.format("web.kecamatan.title", {{"kecamatan", name}, {"period", period->key}})},
                       {"pdf_href", "/export/kecamatan.pdf?name=" + url_encode(name) + "&" + in_period},
                       {"poster_pdf_href", "/export/poster.pdf?name=" + url_encode(name) + "&" + in_period},
                       {"poster_png_href", "/export/poster.png?name=" + url_encode(name) + "&" + in_period}};
    set_period_select(c, data, *period, {{"name", name}});
    const auto& s = k.figures.summary;
    DataList kpis{kpi(s && s->ikm ? c.number(*s->ikm) : "—", t.text("web.col.ikm")),
                  s ? kpi_badge(c, s->mutu, t.text("web.col.mutu")) : kpi("—", t.text("web.col.mutu")),
                  kpi(std::to_string(k.figures.respondents), t.text("web.col.respondents")),
                  kpi(k.target ? c.number(*k.target) : "—", t.text("web.col.target"))};
    if (s && s->ci95) kpis.push_back(kpi(c.number(s->ci95->low) + "–" + c.number(s->ci95->high), t.text("web.kpi.ci95")));
    data.set("kpis", kpis);
    data.set("too_few", k.figures.enough ? flag(false)
                                         : Data(t.format("web.kecamatan.not_enough", {{"min_n", std::to_string(c.app.options.min_n)}})));

    std::vector<ChartPoint> trend;
    for (const auto& m : k.months) {
        std::optional<double> v;
        if (m.figures.summary && m.figures.summary->ikm) v = to_double(*m.figures.summary->ikm);
        trend.push_back({reports::month_short_label(m.month.index, t), v});
    }
    data.set("trend_chart", line_chart(trend, k.target ? std::optional(to_double(*k.target)) : std::nullopt,
                                       t.text("web.kecamatan.trend")));

    DataList layanan;
    for (const auto& l : k.layanan) {
        const auto& ls = l.figures.summary;
        const bool shown = ls && ls->ikm;
        layanan.push_back(Fields{{"name", l.layanan},
                                 {"respondents", std::to_string(l.figures.respondents)},
                                 {"ikm", shown ? Data(c.number(*ls->ikm)) : flag(false)},
                                 {"mutu", shown ? mutu_data(c, ls->mutu) : flag(false)}});
    }
    data.set("layanan", layanan);

    if (s) {
        std::vector<ChartPoint> bars;
        for (std::size_t i = 0; i < s->unsur.size(); ++i) {
            const auto& u = s->unsur[i];
            const std::string label = i < q.unsur.size() ? reports::unsur_name(q, i, t) : u.code;
            bars.push_back({label, u.nrr ? std::optional(to_double(*u.nrr)) : std::nullopt});
        }
        data.set("unsur_chart", bar_chart(bars, t.text("web.kecamatan.unsur")));
    } else {
        data.set("unsur_chart", flag(false));
    }

    const std::string min_n = std::to_string(c.app.options.min_n);
    const DataList profile = profile_data(c, k);
    data.set("has_profile", flag(!profile.empty()));
    data.set("profile", profile);
    data.set("profile_note", t.format("web.kecamatan.profile_note", {{"min_n", min_n}}));
    data.set("heat_map", heat_map_data(c, k.heat_map));
    data.set("heat_note", t.format("web.kecamatan.heat_note", {{"min_n", min_n}}));

    DataList saran;
    for (const auto& r : k.saran) saran.push_back(Fields{{"date", r.local_date}, {"layanan", r.layanan}, {"text", r.saran}});
    data.set("saran_hidden", flag(!k.figures.enough));
    data.set("has_saran", flag(!k.saran.empty()));
    data.set("saran", saran);
    set_alerts(c, data, name);
    return c.render(200, name, "overview", "kecamatan", std::move(data));
}

}  // namespace skm::hub::web
