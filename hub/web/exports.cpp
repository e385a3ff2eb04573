// Exports: the kabupaten recap (every kecamatan, then every kecamatan ×
// layanan) as XLSX or CSV through the report writers' own table writers,
// one kecamatan's SKM report as PDF through reports/write_report, and the
// SKM poster of a kecamatan or the kabupaten through reports/poster_render,
// with the figures the dashboard shows (and the same min-n rule).
#include "hub/device_token.hpp"
#include "hub/web/web_pages.hpp"
#include "formats/settings_table.hpp"
#include "reports/csv_report.hpp"
#include "reports/poster_data.hpp"
#include "reports/poster_render.hpp"
#include "reports/report_privacy.hpp"
#include "reports/report_file.hpp"
#include "reports/write_report.hpp"
#include "reports/xlsx_report.hpp"
#include "scoring/privacy.hpp"
#include "scoring/tally.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

namespace skm::hub::web {
namespace {

using reports::Cell;
using reports::Column;
using reports::Table;

Column col(const std::string& header, reports::Align align = reports::Align::left) { return {header, 1, align}; }

// A group the min-n rule hides (below min-n, or withheld so that it cannot be
// worked out from the total: scoring::hidden_groups) reads "belum cukup data".
Cell ikm_cell(const Figures& f, bool hidden, const formats::Catalog& t) {
    if (hidden || !f.enough) return Cell::of(t.text("report.not_enough"));
    return f.summary && f.summary->ikm ? Cell::of(*f.summary->ikm) : Cell::of(std::string("—"));
}
Cell mutu_cell(const Figures& f, bool hidden) {
    if (hidden || !f.enough) return Cell::of(std::string());
    return f.summary && f.summary->mutu ? Cell::of(std::string(1, scoring::mutu_letter(*f.summary->mutu)))
                                        : Cell::of(std::string("—"));
}

template <typename Rows>
std::vector<bool> hidden_rows(const Rows& rows, std::uint64_t min_n) {
    std::vector<std::uint64_t> counts;
    for (const auto& r : rows) counts.push_back(r.figures.respondents);
    return scoring::hidden_groups(counts, min_n);
}

// Reads a file made for the answer, then removes it.
std::string take_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    return bytes.str();
}

std::filesystem::path temp_file(const PageContext& c, const std::string& extension) {
    return c.app.options.temp_dir / ("skm-hub-export-" + new_token().substr(0, 16) + extension);
}

WebResponse download(std::string bytes, const std::string& type, const std::string& filename) {
    WebResponse r;
    r.content_type = type;
    r.body = std::move(bytes);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
}

// A name a kiosk or an admin typed, for a CSV cell: one that starts like a
// formula (=, +, -, @) gets a leading apostrophe so a spreadsheet shows it
// as text instead of running it. XLSX cells are typed as text already.
std::string csv_text(const std::string& text, bool csv) {
    if (csv && !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) return "'" + text;
    return text;
}

// A file name made of letters, digits and dashes only.
std::string safe_name(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        out += (std::isalnum(u) && u < 0x80) ? ch : '-';
    }
    return out.substr(0, 60);
}

// The kabupaten's figures as report data: every kecamatan pooled (the
// overview's total), shown when the total reaches min-n, as on the recap.
reports::ReportData kabupaten_report_data(const PageContext& c, const WebPeriod& period, const Overview& o) {
    reports::ReportRequest request;
    request.period = reports::ReportPeriod{period.key, period.range, period.id};
    request.region = c.t.text("web.poster.kabupaten_region");
    request.generated_on = c.app.clock.wall_now().date;
    reports::ReportData data(request, c.app.questionnaire);
    data.annual = request.period.annual();
    data.year = request.period.year();
    data.min_n = c.app.options.min_n;
    if (o.total.summary) {
        data.overall.pooled = *o.total.summary;
    } else {
        data.overall.pooled.respondents = o.total.respondents;
    }
    data.unflagged.pooled = data.overall.pooled;
    reports::apply_privacy(data);
    return data;
}

// One kecamatan's report data for the poster: its own min-n, and hidden too
// where the kabupaten's other figures would give it back by subtraction
// (scoring::hidden_groups over the kecamatan, as on the recap).
reports::ReportData kecamatan_poster_data(const PageContext& c, const std::string& name, const WebPeriod& period) {
    const DashboardInputs inputs{c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n};
    const Overview o = build_overview(inputs, period);
    const std::vector<bool> hidden = hidden_rows(o.rows, c.app.options.min_n);
    bool withheld = false;
    for (std::size_t i = 0; i < o.rows.size(); ++i) {
        if (o.rows[i].kecamatan == name) withheld = hidden[i];
    }
    reports::ReportData data = kecamatan_report_data(c, name, period, build_kecamatan(inputs, name, period, 0));
    if (withheld) {
        // Its count stays (as on the recap), its figures go.
        const std::uint64_t respondents = data.overall.pooled.respondents;
        data.overall = reports::IkmFigures{};
        data.overall.pooled.respondents = respondents;
        data.overall.hidden = true;
    }
    return data;
}

}  // namespace

WebResponse export_recap(const PageContext& c, bool xlsx) {
    const auto period = c.period();
    if (!period) return error_page(c, 400, "web.bad_period");
    const auto& t = c.t;
    const Overview o = build_overview({c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n}, *period);

    Table recap{"recap", t.format("web.export.recap_title", {{"period", period->key}}),
                {col(t.text("web.col.kecamatan")), col(t.text("web.col.respondents"), reports::Align::right),
                 col(t.text("web.col.ikm"), reports::Align::right), col(t.text("web.col.mutu")),
                 col(t.format("web.col.previous", {{"period", o.previous.key}}), reports::Align::right),
                 col(t.text("web.col.change"), reports::Align::right), col(t.text("web.col.target"), reports::Align::right),
                 col(t.text("web.col.sample_needed"), reports::Align::right), col(t.text("web.col.last_sync"))},
                {}, {t.format("web.export.min_n_note", {{"min_n", std::to_string(c.app.options.min_n)}})}, 0};
    const std::vector<bool> hidden_kecamatan = hidden_rows(o.rows, c.app.options.min_n);
    for (std::size_t i = 0; i < o.rows.size(); ++i) {
        const auto& r = o.rows[i];
        const bool hidden = hidden_kecamatan[i];
        // A hidden row's change would give its IKM back from the previous one.
        recap.rows.push_back({{Cell::of(csv_text(r.kecamatan, !xlsx)), Cell::of(r.figures.respondents), ikm_cell(r.figures, hidden, t),
                               mutu_cell(r.figures, hidden), hidden ? Cell::of(std::string()) : Cell::of(r.previous_ikm),
                               hidden ? Cell::of(std::string()) : Cell::of(r.change), Cell::of(r.target),
                               r.sample ? Cell::of(r.sample->needed) : Cell::of(std::string("—")),
                               Cell::of(r.last_sync.value_or("—"))},
                              false});
    }
    recap.rows.push_back({{Cell::of(t.text("web.export.kabupaten")), Cell::of(o.total.respondents), ikm_cell(o.total, false, t),
                           mutu_cell(o.total, false), Cell::of(std::string("")), Cell::of(std::string("")), Cell::of(std::string("")),
                           Cell::of(std::string("")), Cell::of(std::string(""))},
                          true});

    Table layanan{"layanan", t.format("web.export.layanan_title", {{"period", period->key}}),
                  {col(t.text("web.col.kecamatan")), col(t.text("web.col.layanan")),
                   col(t.text("web.col.respondents"), reports::Align::right), col(t.text("web.col.ikm"), reports::Align::right),
                   col(t.text("web.col.mutu"))},
                  {}, {}, 0};
    for (std::size_t row = 0; row < o.rows.size(); ++row) {
        const auto& r = o.rows[row];
        const KecamatanPage k = build_kecamatan({c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n}, r.kecamatan, *period, 0);
        const std::vector<bool> hidden_layanan = hidden_rows(k.layanan, c.app.options.min_n);
        for (std::size_t i = 0; i < k.layanan.size(); ++i) {
            const auto& l = k.layanan[i];
            // A hidden kecamatan's layanan stay hidden: one of them alone would be the kecamatan's figure.
            const bool hidden = hidden_kecamatan[row] || hidden_layanan[i];
            layanan.rows.push_back({{Cell::of(csv_text(r.kecamatan, !xlsx)), Cell::of(csv_text(l.layanan, !xlsx)),
                                     Cell::of(l.figures.respondents), ikm_cell(l.figures, hidden, t), mutu_cell(l.figures, hidden)},
                                    false});
        }
    }
    c.audit("export_recap", period->key + (xlsx ? " xlsx" : " csv"));
    const std::string name = "rekap-skm-" + safe_name(period->key);
    if (!xlsx) {
        return download(reports::csv_tables({&recap, &layanan}, formats::CsvDialect::standard), "text/csv; charset=utf-8",
                        name + ".csv");
    }
    const auto file = temp_file(c, ".xlsx");
    reports::write_xlsx_tables(recap.title, {{t.text("web.export.sheet_recap"), {&recap}}, {t.text("web.export.sheet_layanan"), {&layanan}}},
                               file);
    return download(take_file(file), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
}

reports::ReportData kecamatan_report_data(const PageContext& c, const std::string& name, const WebPeriod& period,
                                          const KecamatanPage& k) {
    const auto& q = c.app.questionnaire;
    reports::ReportRequest request;
    request.period = reports::ReportPeriod{period.key, period.range, period.id};
    request.office = c.t.format("web.export.office", {{"kecamatan", name}});
    request.generated_on = c.app.clock.wall_now().date;
    request.profile_options = c.app.options.profile_options;
    reports::ReportData data(request, q);
    data.office = request.office;
    data.annual = request.period.annual();
    data.year = request.period.year();
    data.min_n = c.app.options.min_n;
    // Below min-n the kecamatan keeps its count and nothing else (apply_privacy hides it).
    if (k.figures.summary) {
        data.overall.pooled = *k.figures.summary;
        data.unflagged.pooled = *k.figures.summary;
    } else {
        data.overall.pooled.respondents = k.figures.respondents;
        data.unflagged.pooled.respondents = k.figures.respondents;
    }
    for (const auto& l : k.layanan) {
        reports::LayananFigures lf;
        lf.layanan = l.layanan;
        // Below min-n a layanan keeps its count and nothing else, as on the page.
        if (l.figures.summary) {
            lf.figures.pooled = *l.figures.summary;
        } else {
            lf.figures.pooled.respondents = l.figures.respondents;
        }
        data.layanan.push_back(std::move(lf));
    }
    for (const auto& m : k.months) {
        scoring::IkmSummary s;
        if (m.figures.summary) {
            s = *m.figures.summary;
        } else {
            s.respondents = m.figures.respondents;
        }
        data.months.push_back({m.month, s, false});
    }
    // The four profile fields as the page counts them (sub-options where min-n allows), then the layanan.
    data.profile = k.profile;
    reports::ProfileTable by_layanan{"layanan", {}, 0};
    for (const auto& [value, count] : c.app.store.profile(name, period.range, "layanan")) {
        by_layanan.counts.push_back({value, count, {}});
        by_layanan.total += count;
    }
    data.profile.push_back(std::move(by_layanan));
    data.heat_map = k.heat_map;
    // The weakest unsur, lowest NRR first, at most three.
    std::vector<std::pair<mpq_class, std::size_t>> scored;
    for (std::size_t i = 0; i < data.overall.pooled.unsur.size(); ++i) {
        const auto& nrr = data.overall.pooled.unsur[i].nrr;
        if (nrr) scored.emplace_back(nrr->value(), i);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) data.weakest.push_back(scored[i].second);
    for (const auto& s : k.saran) {
        data.saran.push_back({s.saran, s.layanan, scoring::parse_date(s.local_date).value_or(period.range.first)});
    }
    data.target = k.target;
    data.population = k.population;
    if (data.year) data.period_population = reports::period_population(period.range, period.id, data.annual, k.population, std::nullopt);
    if (data.period_population) data.sample = scoring::sample_progress(data.period_population->population, k.figures.respondents);
    // The same rule as the device's report: hidden groups, saran of big-enough layanan only, months not days.
    reports::apply_privacy(data);
    return data;
}

WebResponse export_kecamatan_pdf(const PageContext& c) {
    const auto period = c.period();
    if (!period) return error_page(c, 400, "web.bad_period");
    const std::string name = c.request.param("name").value_or("");
    if (name.empty() || name.size() > 200) return error_page(c, 404, "web.no_such_kecamatan");
    const std::uint64_t min_n = c.app.options.min_n;
    const KecamatanPage k = build_kecamatan({c.app.hub, c.app.store, c.app.tallies, min_n}, name, *period);
    if (!k.figures.enough) return error_page(c, 409, "web.export.not_enough");
    const reports::ReportData data = kecamatan_report_data(c, name, *period, k);

    const auto file = temp_file(c, ".pdf");
    reports::write_report(reports::ReportFormat::pdf, data, c.t, file);
    c.audit("export_pdf", name + " " + period->key);
    return download(take_file(file), "application/pdf", "skm-" + safe_name(name) + "-" + safe_name(period->key) + ".pdf");
}

WebResponse export_poster(const PageContext& c, bool png) {
    const auto period = c.period();
    if (!period) return error_page(c, 400, "web.bad_period");
    const std::optional<std::string> name = c.request.param("name");
    if (name && (name->empty() || name->size() > 200)) return error_page(c, 404, "web.no_such_kecamatan");
    const WebPeriod before = previous_period(*period);

    reports::PosterRequest request;
    request.min_n = c.app.options.min_n;
    // The national channel is every office's (formats/settings_table kComplaintChannel's default).
    request.complaint_channel = formats::default_text(formats::setting::kComplaintChannel);
    std::optional<reports::ReportData> now;
    std::optional<reports::ReportData> then;
    if (name) {
        now.emplace(kecamatan_poster_data(c, *name, *period));
        then.emplace(kecamatan_poster_data(c, *name, before));
        // The office's own words from the profile its kiosks sent last; without
        // one the poster has no office name, contact or follow-up: left out, not made up.
        now->office.clear();
        now->request.region = now->request.office;
        if (const auto profile = c.app.store.latest_profile(*name)) {
            now->office = profile->office;
            request.contact = profile->contact;
            request.follow_up = profile->follow_up;
            if (!profile->complaint_channel.empty()) request.complaint_channel = profile->complaint_channel;
            request.logo_png = profile->logo_png;
        }
    } else {
        const DashboardInputs inputs{c.app.hub, c.app.store, c.app.tallies, c.app.options.min_n};
        now.emplace(kabupaten_report_data(c, *period, build_overview(inputs, *period)));
        then.emplace(kabupaten_report_data(c, before, build_overview(inputs, before)));
    }
    const reports::PosterData data = reports::poster_from_report(*now, &*then, std::move(request));
    const auto poster = reports::render_poster(data, c.t, png ? reports::PosterFormat::png_square : reports::PosterFormat::pdf_a4);
    const std::string what = name ? *name : c.t.text("web.export.kabupaten");
    c.audit("export_poster", what + " " + period->key + (png ? " png" : " pdf"));
    const std::string file = "poster-skm-" + safe_name(what) + "-" + safe_name(period->key) + (png ? ".png" : ".pdf");
    return download(poster.bytes, png ? "image/png" : "application/pdf", file);
}

}  // namespace skm::hub::web
