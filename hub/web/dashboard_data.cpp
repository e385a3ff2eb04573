#include "hub/web/dashboard_data.hpp"

#include "formats/profile_detail.hpp"
#include "reports/profile_counter.hpp"
#include "reports/report_privacy.hpp"
#include "scoring/privacy.hpp"
#include "scoring/problem.hpp"
#include "scoring/tally.hpp"
#include "store/answers_codec.hpp"

#include <map>
#include <set>

namespace skm::hub::web {

Figures figures_of(const scoring::Tally& tally, const scoring::ScoringScheme& scheme, std::uint64_t min_n) {
    Figures f;
    f.respondents = tally.respondents();
    f.enough = scoring::enough_for_figures(f.respondents, min_n);
    if (f.enough) f.summary = scoring::summarize(tally, scheme, {});
    return f;
}

namespace {

// Targets of the year: the kecamatan's own, else the kabupaten's default ("").
struct YearTargets {
    std::map<std::string, Target> by_kecamatan;
    std::optional<Target> fallback;

    std::optional<Target> of(const std::string& kecamatan) const {
        if (const auto it = by_kecamatan.find(kecamatan); it != by_kecamatan.end()) return it->second;
        return fallback;
    }
};

YearTargets year_targets(WebStore& web, int year) {
    YearTargets t;
    for (auto& target : web.targets(year)) {
        if (target.kecamatan.empty()) {
            t.fallback = target;
        } else {
            t.by_kecamatan.emplace(target.kecamatan, target);
        }
    }
    return t;
}

std::optional<scoring::Decimal> target_ikm(const std::optional<Target>& target) {
    if (!target || !target->target_ikm) return std::nullopt;
    return scoring::parse_decimal(*target->target_ikm);
}

}  // namespace

// ---- [period] ----------------------------------------------------------------

std::optional<WebPeriod> parse_web_period(std::string_view key) {
    const auto id = scoring::parse_period_key(key);
    if (!id) return std::nullopt;
    return WebPeriod{scoring::period_key(*id), *id, scoring::range_of(*id)};
}

WebPeriod previous_period(const WebPeriod& period) {
    const scoring::PeriodId id = scoring::previous_period(period.id);
    return WebPeriod{scoring::period_key(id), id, scoring::range_of(id)};
}

// ---- [overview] --------------------------------------------------------------

Overview build_overview(DashboardInputs in, const WebPeriod& period) {
    const auto& scheme = in.hub.scheme();
    Overview o{period, previous_period(period), {}, {}};
    in.tallies.refresh();
    const auto current = in.tallies.by_kecamatan(period.range);
    const auto previous = in.tallies.by_kecamatan(o.previous.range);
    scoring::Tally total(scheme.size());
    for (const auto& [name, tally] : current) total.merge(tally);
    o.total = figures_of(total, scheme, in.min_n);

    // Every kecamatan with a kiosk is listed, with or without responses.
    std::map<std::string, OverviewRow> rows;
    for (const Device& d : in.hub.devices()) {
        OverviewRow& row = rows[d.kecamatan];
        row.kecamatan = d.kecamatan;
        if (!d.revoked_at) ++row.devices;
        if (d.last_contact && (!row.last_sync || *d.last_contact > *row.last_sync)) row.last_sync = d.last_contact;
    }
    for (const auto& [name, tally] : current) rows[name].kecamatan = name;

    const YearTargets targets = year_targets(in.web, period.id.year);
    for (auto& [name, row] : rows) {
        if (const auto it = current.find(name); it != current.end()) row.figures = figures_of(it->second, scheme, in.min_n);
        if (const auto it = previous.find(name); it != previous.end()) {
            const Figures before = figures_of(it->second, scheme, in.min_n);
            if (before.summary && before.summary->ikm) row.previous_ikm = before.summary->ikm;
            if (row.figures.summary && row.figures.summary->konversi_exact && before.summary &&
                before.summary->konversi_exact) {
                row.change = scoring::round_half_up(*row.figures.summary->konversi_exact - *before.summary->konversi_exact, 2);
            }
        }
        const auto target = targets.of(name);
        row.target = target_ikm(target);
        if (row.target && row.figures.summary && row.figures.summary->konversi_exact) {
            row.below_target = *row.figures.summary->konversi_exact < row.target->value();
        }
        if (target && target->population && *target->population >= 0) {
            row.sample = scoring::sample_progress(static_cast<std::uint64_t>(*target->population), row.figures.respondents);
        }
        o.rows.push_back(std::move(row));
    }
    return o;
}

// ---- [kecamatan] ---------------------------------------------------------------

KecamatanPage build_kecamatan(DashboardInputs in, const std::string& kecamatan, const WebPeriod& period,
                              std::size_t saran_limit) {
    const auto& scheme = in.hub.scheme();
    KecamatanPage page;
    page.kecamatan = kecamatan;
    page.period = period;
    in.tallies.refresh();
    const auto by_layanan = in.tallies.by_layanan(period.range, kecamatan);
    scoring::Tally total(scheme.size());
    for (const auto& [name, tally] : by_layanan) total.merge(tally);
    page.figures = figures_of(total, scheme, in.min_n);
    for (const auto& [name, tally] : by_layanan) page.layanan.push_back({name, figures_of(tally, scheme, in.min_n)});

    // Month by month over the period (a year: twelve points).
    scoring::PeriodId month = scoring::period_of(period.range.first, scoring::PeriodKind::month);
    while (scoring::range_of(month).first <= period.range.last) {
        page.months.push_back({month, figures_of(in.tallies.total(scoring::range_of(month), kecamatan), scheme, in.min_n)});
        if (month.index == 12) {
            month = {scoring::PeriodKind::month, month.year + 1, 1};
        } else {
            ++month.index;
        }
    }
    // Saran follow the same rule: none from a kecamatan below min_n in the period.
    if (page.figures.enough) page.saran = in.web.saran(kecamatan, period.range, saran_limit);
    const auto target = year_targets(in.web, period.id.year).of(kecamatan);
    page.target = target_ikm(target);
    if (target && target->population && *target->population >= 0) page.population = static_cast<std::uint64_t>(*target->population);
    for (const char* field : {"jenis_kelamin", "umur", "pendidikan", "pekerjaan"}) {
        reports::ProfileTable table = kecamatan_profile(in.web, kecamatan, period.range, field);
        for (auto& count : table.counts) count.details = reports::publishable_details(count.details, in.min_n);
        page.profile.push_back(std::move(table));
    }
    page.heat_map = kecamatan_heat_map(in.web, scheme, kecamatan, period.range, in.min_n);
    return page;
}

reports::ProfileTable kecamatan_profile(WebStore& web, const std::string& kecamatan, const scoring::DateRange& dates,
                                        const std::string& field) {
    auto counter = reports::ProfileCounter::for_field(field);
    for (const auto& row : web.profile_details(kecamatan, dates, field)) {
        // The hub stores only well-formed details (ingest checks them); a damaged one counts as none.
        const auto entries = formats::parse_profile_detail(row.detail).value_or(std::vector<formats::ProfileDetailEntry>{});
        counter.add(row.value, counter.option_in(entries), row.count);
    }
    return counter.table();
}

scoring::HeatMap kecamatan_heat_map(WebStore& web, const scoring::ScoringScheme& scheme, const std::string& kecamatan,
                                    const scoring::DateRange& dates, std::uint64_t min_n) {
    scoring::HeatGrid grid(scheme.size());
    web.for_each_timed_response(kecamatan, dates, [&](std::string_view response_id, std::string_view submitted_at,
                                                            std::string_view answers_text) {
        const auto at = scoring::parse_timestamp(submitted_at);
        const auto answers = store::decode_answers(scheme, answers_text);
        if (!at || !answers) throw Error(ErrorKind::storage, Problem{"store.bad_answers", {{"response_id", std::string(response_id)}}});
        grid.add(*at, *answers);
    });
    return grid.map(scheme, min_n);
}

}  // namespace skm::hub::web
