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

    std::string b = "<p><a href=\"/overview?period=" + url_encode(period->key) + "\">← " + esc(t.text("web.nav.overview")) +
                    "</a></p><h1>" + esc(t.format("web.kecamatan.title", {{"kecamatan", name}, {"period", period->key}})) +
                    "</h1>";
    b += period_select(c, *period, "<input type=\"hidden\" name=\"name\" value=\"" + esc(name) + "\">");
    const auto& s = k.figures.summary;
    b += "<div class=\"kpis\">";
    const auto kpi = [&](const std::string& value, const std::string& key) {
        b += "<div class=\"kpi\"><div class=\"v\">" + value + "</div><div class=\"l\">" + esc(t.text(key)) + "</div></div>";
    };
    kpi(s && s->ikm ? c.number(*s->ikm) : "—", "web.col.ikm");
    kpi(s ? mutu_badge(c, s->mutu) : "—", "web.col.mutu");
    kpi(std::to_string(k.figures.respondents), "web.col.respondents");
    kpi(k.target ? c.number(*k.target) : "—", "web.col.target");
    if (s && s->ci95) kpi(c.number(s->ci95->low) + "–" + c.number(s->ci95->high), "web.kpi.ci95");
    b += "</div>";
    if (!k.figures.enough) {
        b += "<div class=\"notice\">" +
             esc(t.format("web.kecamatan.not_enough", {{"min_n", std::to_string(c.app.options.min_n)}})) + "</div>";
    }

    std::vector<ChartPoint> trend;
    for (const auto& m : k.months) {
        std::optional<double> v;
        if (m.figures.summary && m.figures.summary->ikm) v = to_double(*m.figures.summary->ikm);
        trend.push_back({reports::month_short_label(m.month.index, t), v});
    }
    b += "<h2>" + esc(t.text("web.kecamatan.trend")) + "</h2><div class=\"card\">" +
         line_chart(trend, k.target ? std::optional(to_double(*k.target)) : std::nullopt, t.text("web.kecamatan.trend")) +
         "</div>";

    b += "<h2>" + esc(t.text("web.kecamatan.layanan")) + "</h2><div class=\"card scroll\"><table id=\"layanan\"><thead><tr><th>" +
         esc(t.text("web.col.layanan")) + "</th><th class=\"n\">" + esc(t.text("web.col.respondents")) +
         "</th><th class=\"n\">" + esc(t.text("web.col.ikm")) + "</th><th>" + esc(t.text("web.col.mutu")) +
         "</th></tr></thead><tbody>";
    for (const auto& l : k.layanan) {
        const auto& ls = l.figures.summary;
        b += "<tr><td>" + esc(l.layanan) + "</td><td class=\"n\">" + std::to_string(l.figures.respondents) + "</td>";
        if (ls && ls->ikm) {
            b += "<td class=\"n\">" + c.number(*ls->ikm) + "</td><td>" + mutu_badge(c, ls->mutu) + "</td>";
        } else {
            b += "<td class=\"n muted\" colspan=\"2\">" + esc(t.text("web.not_enough")) + "</td>";
        }
        b += "</tr>";
    }
    if (k.layanan.empty()) b += "<tr><td colspan=\"4\" class=\"muted\">" + esc(t.text("web.no_data")) + "</td></tr>";
    b += "</tbody></table></div>";

    if (s) {
        std::vector<ChartPoint> bars;
        for (std::size_t i = 0; i < s->unsur.size(); ++i) {
            const auto& u = s->unsur[i];
            const std::string label = i < q.unsur.size() ? reports::unsur_name(q, i, t) : u.code;
            bars.push_back({label, u.nrr ? std::optional(to_double(*u.nrr)) : std::nullopt});
        }
        b += "<h2>" + esc(t.text("web.kecamatan.unsur")) + "</h2><div class=\"card\">" +
             bar_chart(bars, t.text("web.kecamatan.unsur")) + "</div>";
    }

    b += "<h2>" + esc(t.text("web.kecamatan.saran")) + "</h2>";
    if (!k.figures.enough) {
        b += "<p class=\"muted\">" + esc(t.text("web.kecamatan.saran_hidden")) + "</p>";
    } else if (k.saran.empty()) {
        b += "<p class=\"muted\">" + esc(t.text("web.kecamatan.no_saran")) + "</p>";
    } else {
        b += "<ul class=\"saran\" id=\"saran\">";
        for (const auto& r : k.saran) {
            b += "<li><span class=\"meta\">" + esc(r.local_date) + " · " + esc(r.layanan) + "</span>" + esc(r.saran) + "</li>";
        }
        b += "</ul>";
    }
    b += "<h2>" + esc(t.text("web.exports")) + "</h2><p class=\"exports\"><a class=\"button\" href=\"/export/kecamatan.pdf?name=" +
         url_encode(name) + "&amp;period=" + url_encode(period->key) + "\">" + esc(t.text("web.export.pdf")) + "</a></p>";
    return html_response(200, page(c.frame(name, "overview"), b));
}

}  // namespace skm::hub::web
