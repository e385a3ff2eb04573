// The overview: every kecamatan in the period with IKM, mutu, respondents,
// sample coverage, change against the previous period and last sync;
// sortable by any column (links, no script); below-target rows highlighted.
#include "hub/web/svg_chart.hpp"
#include "hub/web/web_pages.hpp"

#include <algorithm>

namespace skm::hub::web {
namespace {

std::optional<mpq_class> ikm_of(const OverviewRow& r) {
    if (r.figures.summary && r.figures.summary->konversi_exact) return *r.figures.summary->konversi_exact;
    return std::nullopt;
}

// Rows without a value sort last whichever the direction.
template <typename Key>
void sort_rows(std::vector<OverviewRow>& rows, bool descending, Key key) {
    std::stable_sort(rows.begin(), rows.end(), [&](const OverviewRow& a, const OverviewRow& b) {
        const auto ka = key(a);
        const auto kb = key(b);
        if (!ka || !kb) return ka.has_value() && !kb.has_value();
        return descending ? *kb < *ka : *ka < *kb;
    });
}

void sort_overview(std::vector<OverviewRow>& rows, const std::string& by, bool descending) {
    if (by == "ikm") return sort_rows(rows, descending, ikm_of);
    if (by == "respondents") {
        return sort_rows(rows, descending, [](const OverviewRow& r) { return std::optional(r.figures.respondents); });
    }
    if (by == "change") {
        return sort_rows(rows, descending, [](const OverviewRow& r) {
            return r.change ? std::optional(r.change->value()) : std::nullopt;
        });
    }
    if (by == "sample") {
        return sort_rows(rows, descending, [](const OverviewRow& r) {
            return r.sample ? std::optional(r.sample->percent()) : std::nullopt;
        });
    }
    if (by == "sync") return sort_rows(rows, descending, [](const OverviewRow& r) { return r.last_sync; });
    sort_rows(rows, descending, [](const OverviewRow& r) { return std::optional(r.kecamatan); });
}

std::string change_cell(const PageContext& c, const std::optional<scoring::Decimal>& change) {
    if (!change) return "<span class=\"muted\">—</span>";
    const int sign = sgn(change->value());
    const std::string text = (sign > 0 ? "▲ +" : sign < 0 ? "▼ " : "") + c.number(*change);
    return "<span class=\"" + std::string(sign > 0 ? "up" : sign < 0 ? "down" : "muted") + "\">" + text + "</span>";
}

}  // namespace

WebResponse overview_page(const PageContext& c) {
    const auto period = c.period();
    if (!period) return error_page(c, 400, "web.bad_period");
    Overview o = build_overview({c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n}, *period);
    const std::string sort = c.request.param("sort").value_or("name");
    const bool descending = c.request.param("dir").value_or(sort == "name" ? "asc" : "desc") == "desc";
    sort_overview(o.rows, sort, descending);

    const auto& t = c.t;
    std::string b = "<h1>" + esc(t.format("web.overview.title", {{"period", period->key}})) + "</h1>";
    b += period_select(c, *period, "<input type=\"hidden\" name=\"sort\" value=\"" + esc(sort) + "\">");

    std::size_t below = 0;
    for (const auto& r : o.rows) below += r.below_target;
    b += "<div class=\"kpis\">";
    const auto kpi = [&](const std::string& value, const std::string& key) {
        b += "<div class=\"kpi\"><div class=\"v\">" + value + "</div><div class=\"l\">" + esc(t.text(key)) + "</div></div>";
    };
    kpi(o.total.summary && o.total.summary->ikm ? c.number(*o.total.summary->ikm) : "—", "web.kpi.ikm_kabupaten");
    kpi(o.total.summary ? mutu_badge(c, o.total.summary->mutu) : "—", "web.kpi.mutu");
    kpi(std::to_string(o.total.respondents), "web.kpi.respondents");
    kpi(std::to_string(o.rows.size()), "web.kpi.kecamatan");
    kpi(std::to_string(below), "web.kpi.below_target");
    b += "</div>";

    const auto header = [&](const std::string& id, const std::string& key, bool numeric) {
        const bool on = sort == id;
        const bool next_desc = on ? !descending : id != "name";
        const std::string arrow = on ? (descending ? " ▼" : " ▲") : "";
        return "<th" + std::string(numeric ? " class=\"n\"" : "") + "><a href=\"/overview?period=" +
               url_encode(period->key) + "&amp;sort=" + id + "&amp;dir=" + (next_desc ? "desc" : "asc") + "\">" +
               esc(t.text(key)) + arrow + "</a></th>";
    };
    b += "<div class=\"card scroll\"><table id=\"overview\"><thead><tr>";
    b += header("name", "web.col.kecamatan", false) + header("ikm", "web.col.ikm", true) + "<th>" +
         esc(t.text("web.col.mutu")) + "</th>" + header("respondents", "web.col.respondents", true) +
         header("sample", "web.col.sample", true) + header("change", "web.col.change", true) + "<th class=\"n\">" +
         esc(t.text("web.col.target")) + "</th>" + header("sync", "web.col.last_sync", false);
    b += "</tr></thead><tbody>";
    for (const auto& r : o.rows) {
        const auto& s = r.figures.summary;
        b += std::string("<tr") + (r.below_target ? " class=\"below\"" : "") + ">";
        b += "<td><a href=\"/kecamatan?name=" + url_encode(r.kecamatan) + "&amp;period=" + url_encode(period->key) +
             "\">" + esc(r.kecamatan) + "</a>" +
             (r.below_target ? "<span class=\"pill\">" + esc(t.text("web.below_target")) + "</span>" : "") + "</td>";
        if (s && s->ikm) {
            b += "<td class=\"n\"><strong>" + c.number(*s->ikm) + "</strong></td><td>" + mutu_badge(c, s->mutu) + "</td>";
        } else if (r.figures.respondents > 0) {
            b += "<td class=\"n muted\" colspan=\"2\">" + esc(t.text("web.not_enough")) + "</td>";
        } else {
            b += "<td class=\"n muted\">—</td><td><span class=\"muted\">—</span></td>";
        }
        b += "<td class=\"n\">" + std::to_string(r.figures.respondents) + "</td>";
        if (r.sample) {
            b += "<td class=\"n\">" + progress_bar(static_cast<double>(r.sample->percent())) + " " +
                 std::to_string(r.sample->percent()) + "%</td>";
        } else {
            b += "<td class=\"n muted\">—</td>";
        }
        b += "<td class=\"n\">" + change_cell(c, r.change) + "</td>";
        b += "<td class=\"n\">" + (r.target ? c.number(*r.target) : std::string("<span class=\"muted\">—</span>")) + "</td>";
        b += "<td>" + (r.last_sync ? esc(time_text(*r.last_sync)) : "<span class=\"muted\">" + esc(t.text("web.never")) + "</span>") +
             "</td></tr>";
    }
    if (o.rows.empty()) b += "<tr><td colspan=\"8\" class=\"muted\">" + esc(t.text("web.no_kecamatan")) + "</td></tr>";
    b += "</tbody></table></div>";
    b += "<p class=\"muted\">" +
         esc(t.format("web.overview.note", {{"previous", o.previous.key}, {"min_n", std::to_string(c.app.options.min_n)}})) +
         "</p>";
    b += "<h2>" + esc(t.text("web.exports")) + "</h2><p class=\"exports\"><a class=\"button\" href=\"/export/recap.xlsx?period=" +
         url_encode(period->key) + "\">" + esc(t.text("web.export.xlsx")) + "</a> <a class=\"button\" href=\"/export/recap.csv?period=" +
         url_encode(period->key) + "\">" + esc(t.text("web.export.csv")) + "</a></p>";
    return html_response(200, page(c.frame(t.text("web.nav.overview"), "overview"), b));
}

}  // namespace skm::hub::web
