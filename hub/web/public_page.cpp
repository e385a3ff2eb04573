// The kabupaten's public page and open data (no session, no cookie, the same
// answer for everyone, so browsers and nginx may keep it five minutes):
//   /public[?lang=en|jv]   every public period: the kabupaten, each kecamatan's
//                          IKM, mutu and respondents, the trend; no script
//   /public/data.csv|json  the same figures and each kecamatan's layanan,
//                          CC BY 4.0, IKM as `skm score --json` writes it
// Only what build_public gives: public periods, min-n rule applied, no saran.
#include "formats/response_csv_writer.hpp"
#include "formats/summary_json.hpp"
#include "hub/web/public_data.hpp"
#include "hub/web/svg_chart.hpp"
#include "hub/web/web_pages.hpp"
#include "reports/report_labels.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <sstream>

namespace skm::hub::web {
namespace {

constexpr const char* kCacheControl = "public, max-age=300";
constexpr const char* kLicence = "CC BY 4.0";

std::vector<PublicPeriodData> public_data(const PageContext& c) {
    return build_public({c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n});
}

WebResponse cacheable(WebResponse r) {
    r.headers.emplace_back("Cache-Control", kCacheControl);
    return r;
}

// "A · Sangat baik": the letter and its words, visible (not only a tooltip).
Data public_mutu(const PageContext& c, const Figures& f) {
    if (!f.summary || !f.summary->mutu) return flag(false);
    const std::string letter(1, scoring::mutu_letter(*f.summary->mutu));
    return Fields{{"letter", letter}, {"words", c.t.text("kinerja." + letter)}};
}

// "48 responden", under the name: a phone has no room for a fourth column.
std::string count_text(const PageContext& c, const Figures& f) {
    return c.t.format("public.respondents_count", {{"n", std::to_string(f.respondents)}});
}

Data ikm_text(const PageContext& c, const Figures& f) {
    return f.summary && f.summary->ikm ? Data(c.number(*f.summary->ikm)) : Data(std::string("—"));
}

// One row of the open data: a kecamatan total (no layanan) or one of its layanan.
struct OpenRow {
    std::string period;
    std::string kecamatan;
    std::optional<std::string> layanan;
    const Figures* figures;
};

std::vector<OpenRow> open_rows(const std::vector<PublicPeriodData>& periods) {
    std::vector<OpenRow> rows;
    for (const auto& p : periods) {
        for (const auto& k : p.kecamatan) {
            rows.push_back({p.period.key, k.kecamatan, std::nullopt, &k.figures});
            for (const auto& l : k.layanan) rows.push_back({p.period.key, k.kecamatan, l.layanan, &l.figures});
        }
    }
    return rows;
}

std::optional<scoring::Decimal> ikm_of(const Figures& f) { return f.summary ? f.summary->ikm : std::nullopt; }
std::string mutu_letter_of(const Figures& f) {
    return f.summary && f.summary->mutu ? std::string(1, scoring::mutu_letter(*f.summary->mutu)) : "";
}

WebResponse open_data(std::string body, const std::string& type) {
    WebResponse r;
    r.content_type = type;
    r.body = std::move(body);
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");  // open data: any site may read it
    return cacheable(std::move(r));
}

}  // namespace

WebResponse public_page(const PageContext& c) {
    const auto& t = c.t;
    const auto periods = public_data(c);
    Data data = Fields{{"lang", t.lang()},
                       {"stylesheet_version", c.app.assets.stylesheet_version()},
                       {"generated", time_text(c.now_text())},
                       {"note", t.format("public.note", {{"min_n", std::to_string(c.app.options.min_n)}})}};
    DataList langs;
    for (const auto lang : formats::kLanguages) {
        std::string label(lang);
        for (char& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        langs.push_back(Fields{{"href", "/public?lang=" + std::string(lang)},
                               {"code", std::string(lang)},
                               {"label", label},
                               {"on", flag(t.lang() == lang)}});
    }
    data.set("langs", langs);

    // The trend: the kabupaten's IKM over the public periods, oldest first.
    std::vector<ChartPoint> points;
    for (const auto& p : periods) {
        std::optional<double> value;
        if (p.kabupaten && p.kabupaten->summary && p.kabupaten->summary->ikm) value = p.kabupaten->summary->ikm->value().get_d();
        points.push_back({p.period.key, value});
    }
    data.set("trend", periods.size() > 1 ? Data(line_chart(points, std::nullopt, t.text("public.trend"))) : flag(false));

    DataList sections;
    for (auto it = periods.rbegin(); it != periods.rend(); ++it) {  // newest first
        const auto& p = *it;
        const reports::ReportPeriod rp{p.period.key, p.period.range, p.period.id};
        Data kabupaten = flag(false);
        if (p.kabupaten) {
            kabupaten = Fields{{"ikm", ikm_text(c, *p.kabupaten)},
                               {"mutu", public_mutu(c, *p.kabupaten)},
                               {"respondents", std::to_string(p.kabupaten->respondents)}};
        }
        DataList rows;
        for (const auto& k : p.kecamatan) {
            DataList layanan;
            for (const auto& l : k.layanan) {
                layanan.push_back(Fields{{"name", l.layanan}, {"ikm", ikm_text(c, l.figures)}, {"mutu", public_mutu(c, l.figures)},
                                         {"count", count_text(c, l.figures)}});
            }
            rows.push_back(Fields{{"name", k.kecamatan}, {"ikm", ikm_text(c, k.figures)}, {"mutu", public_mutu(c, k.figures)},
                                  {"count", count_text(c, k.figures)},
                                  {"layanan", layanan}, {"has_layanan", flag(!layanan.empty())}});
        }
        sections.push_back(Fields{{"id", "p-" + p.period.key},
                                  {"label", reports::period_label(rp, t)},
                                  {"kabupaten", kabupaten},
                                  {"rows", rows},
                                  {"has_rows", flag(!rows.empty())}});
    }
    data.set("periods", sections);
    data.set("has_periods", flag(!periods.empty()));
    WebResponse r = html_response(200, c.app.assets.render("public", data, t));
    return cacheable(std::move(r));
}

WebResponse public_data_json(const PageContext& c) {
    using nlohmann::ordered_json;
    ordered_json rows = ordered_json::array();
    const auto periods = public_data(c);  // the rows point into it
    for (const auto& r : open_rows(periods)) {
        const std::string mutu = mutu_letter_of(*r.figures);
        rows.push_back(ordered_json{{"period", r.period},
                                    {"kecamatan", r.kecamatan},
                                    {"layanan", r.layanan ? ordered_json(*r.layanan) : ordered_json(nullptr)},
                                    {"respondents", r.figures->respondents},
                                    {"ikm", formats::decimal_or_null(ikm_of(*r.figures))},
                                    {"mutu", mutu.empty() ? ordered_json(nullptr) : ordered_json(mutu)}});
    }
    const ordered_json root{{"licence", kLicence}, {"generated_at", c.now_text()}, {"rows", std::move(rows)}};
    return open_data(root.dump(), "application/json");
}

WebResponse public_data_csv(const PageContext& c) {
    std::ostringstream out;
    out << "period,kecamatan,layanan,respondents,ikm,mutu\r\n";
    const auto periods = public_data(c);  // the rows point into it
    for (const auto& r : open_rows(periods)) {
        const auto ikm = ikm_of(*r.figures);
        out << formats::csv_field(r.period) << ',' << formats::csv_field(r.kecamatan) << ','
            << (r.layanan ? formats::csv_field(*r.layanan) : "") << ',' << r.figures->respondents << ','
            << (ikm ? ikm->str() : "") << ',' << mutu_letter_of(*r.figures) << "\r\n";
    }
    return open_data(out.str(), "text/csv; charset=utf-8");
}

}  // namespace skm::hub::web
