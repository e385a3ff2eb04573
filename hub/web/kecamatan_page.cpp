// One kecamatan in a period: its IKM, the month-by-month trend, each
// layanan, NRR per unsur (weakest in red) and the saran, all under the
// min-n rule: a group below it shows its count only, and no saran at all.
#include "hub/web/svg_chart.hpp"
#include "hub/web/web_pages.hpp"
#include "reports/report_labels.hpp"

namespace skm::hub::web {
namespace {

double to_double(const scoring::Decimal& d) { return d.value().get_d(); }

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
                       {"pdf_href", "/export/kecamatan.pdf?name=" + url_encode(name) + "&" + in_period}};
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

    DataList saran;
    for (const auto& r : k.saran) saran.push_back(Fields{{"date", r.local_date}, {"layanan", r.layanan}, {"text", r.saran}});
    data.set("saran_hidden", flag(!k.figures.enough));
    data.set("has_saran", flag(!k.saran.empty()));
    data.set("saran", saran);
    set_alerts(c, data, name);
    return c.render(200, name, "overview", "kecamatan", std::move(data));
}

}  // namespace skm::hub::web
