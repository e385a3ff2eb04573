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

Data change_data(const PageContext& c, const std::optional<scoring::Decimal>& change) {
    if (!change) return flag(false);
    const int sign = sgn(change->value());
    return Fields{{"direction", sign > 0 ? "up" : sign < 0 ? "down" : "muted"},
                  {"text", (sign > 0 ? "▲ +" : sign < 0 ? "▼ " : "") + c.number(*change)}};
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
    const std::string in_period = "period=" + url_encode(period->key);

    Data data = Fields{{"heading", t.format("web.overview.title", {{"period", period->key}})}};
    set_period_select(c, data, *period, {{"sort", sort}});

    std::size_t below = 0;
    for (const auto& r : o.rows) below += r.below_target;
    DataList kpis{kpi(o.total.summary && o.total.summary->ikm ? c.number(*o.total.summary->ikm) : "—", t.text("web.kpi.ikm_kabupaten")),
                  o.total.summary ? kpi_badge(c, o.total.summary->mutu, t.text("web.kpi.mutu")) : kpi("—", t.text("web.kpi.mutu")),
                  kpi(std::to_string(o.total.respondents), t.text("web.kpi.respondents")),
                  kpi(std::to_string(o.rows.size()), t.text("web.kpi.kecamatan")),
                  kpi(std::to_string(below), t.text("web.kpi.below_target"))};
    data.set("kpis", kpis);

    // A column; a sortable one links to the overview sorted by it (again: the other way).
    const auto column = [&](const std::string& id, const std::string& key, bool numeric, bool sortable = true) {
        const bool on = sort == id;
        const bool next_desc = on ? !descending : id != "name";
        return Fields{{"label", t.text(key)},
                      {"numeric", flag(numeric)},
                      {"arrow", on ? (descending ? " ▼" : " ▲") : ""},
                      {"sort_href", sortable ? Data("/overview?" + in_period + "&sort=" + id + "&dir=" + (next_desc ? "desc" : "asc"))
                                             : flag(false)}};
    };
    data.set("columns", DataList{column("name", "web.col.kecamatan", false), column("ikm", "web.col.ikm", true),
                                 column("mutu", "web.col.mutu", false, false), column("respondents", "web.col.respondents", true),
                                 column("sample", "web.col.sample", true), column("change", "web.col.change", true),
                                 column("target", "web.col.target", true, false), column("sync", "web.col.last_sync", false)});
    DataList rows;
    for (const auto& r : o.rows) {
        const auto& s = r.figures.summary;
        const bool shown = s && s->ikm;
        rows.push_back(Fields{
            {"name", r.kecamatan},
            {"href", "/kecamatan?name=" + url_encode(r.kecamatan) + "&" + in_period},
            {"below", flag(r.below_target)},
            {"ikm", shown ? Data(c.number(*s->ikm)) : flag(false)},
            {"mutu", shown ? mutu_data(c, s->mutu) : flag(false)},
            {"too_few", flag(r.figures.respondents > 0)},
            {"respondents", std::to_string(r.figures.respondents)},
            {"sample", r.sample ? Data(Fields{{"bar", progress_bar(static_cast<double>(r.sample->percent()))},
                                              {"percent", std::to_string(r.sample->percent())}})
                                : flag(false)},
            {"change", change_data(c, r.change)},
            {"target", r.target ? Data(c.number(*r.target)) : flag(false)},
            {"last_sync", r.last_sync ? Data(time_text(*r.last_sync)) : flag(false)},
        });
    }
    data.set("rows", rows);
    data.set("note", t.format("web.overview.note", {{"previous", o.previous.key}, {"min_n", std::to_string(c.app.options.min_n)}}));
    data.set("xlsx_href", "/export/recap.xlsx?" + in_period);
    data.set("csv_href", "/export/recap.csv?" + in_period);
    data.set("poster_pdf_href", "/export/poster.pdf?" + in_period);
    data.set("poster_png_href", "/export/poster.png?" + in_period);
    set_alerts(c, data, std::nullopt);
    return c.render(200, t.text("web.nav.overview"), "overview", "overview", std::move(data));
}

}  // namespace skm::hub::web
