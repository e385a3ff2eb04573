#include "kiosk/core/dashboard.hpp"

#include "scoring/capaian.hpp"
#include "scoring/privacy.hpp"

#include <algorithm>
#include <set>

namespace skm::kiosk {
namespace {

scoring::CubeFilter filter_for(const std::optional<std::string>& layanan, const scoring::DateRange& range, bool flagged) {
    scoring::CubeFilter f;
    f.layanan = layanan;
    f.period = range;
    f.include_flagged = flagged;
    return f;
}

std::optional<std::size_t> weakest(const scoring::IkmSummary& summary) {
    std::optional<std::size_t> index;
    for (std::size_t i = 0; i < summary.unsur.size(); ++i) {
        const auto& nrr = summary.unsur[i].nrr;
        if (nrr && (!index || nrr->value() < summary.unsur[*index].nrr->value())) index = i;
    }
    return index;
}

DashboardGroup group(const DashboardSource& source, const std::optional<std::string>& layanan,
                     const scoring::DateRange& range) {
    DashboardGroup g;
    g.layanan = layanan.value_or("");
    const scoring::Tally tally = source.tallies->total(filter_for(layanan, range, true));
    g.respondents = tally.respondents();
    g.enough = scoring::enough_for_figures(g.respondents, source.min_n);
    const int year = range.last.year;
    if (source.population) {
        if (const auto population = source.population(year, g.layanan)) {
            g.sample = scoring::sample_progress(*population, g.respondents);
        }
    }
    if (source.target) {
        if (const auto text = source.target(year, g.layanan)) g.target = scoring::parse_decimal(*text);
    }
    if (!g.enough) return g;  // no figures below min_n
    g.summary = scoring::summarize(tally, *source.scheme, {});
    g.weakest_unsur = weakest(*g.summary);
    if (g.target && g.summary->konversi_exact) g.capaian = scoring::capaian_percent(*g.summary->konversi_exact, g.target->value());
    return g;
}

}  // namespace

scoring::DateRange dashboard_range(DashboardPeriod period, const scoring::LocalDate& today) {
    switch (period) {
        case DashboardPeriod::today: return {today, today};
        case DashboardPeriod::month: return scoring::range_of(scoring::period_of(today, scoring::PeriodKind::month));
        case DashboardPeriod::triwulan: return scoring::range_of(scoring::period_of(today, scoring::PeriodKind::triwulan));
        case DashboardPeriod::semester: return scoring::range_of(scoring::period_of(today, scoring::PeriodKind::semester));
        case DashboardPeriod::year: return scoring::range_of(scoring::period_of(today, scoring::PeriodKind::year));
    }
    return {today, today};
}

Dashboard build_dashboard(const DashboardSource& source, DashboardPeriod period, const scoring::LocalDate& today) {
    Dashboard d;
    d.range = dashboard_range(period, today);
    d.overall = group(source, std::nullopt, d.range);

    const scoring::Tally unflagged = source.tallies->total(filter_for(std::nullopt, d.range, false));
    d.flagged = d.overall.respondents - unflagged.respondents();
    if (d.overall.enough && scoring::enough_for_figures(unflagged.respondents(), source.min_n)) {
        d.ikm_without_flagged = scoring::summarize(unflagged, *source.scheme, {}).ikm;
    }

    // The configured layanan first (in their order), then any others that have responses.
    std::vector<std::string> names = source.layanan;
    std::set<std::string> seen(names.begin(), names.end());
    for (const auto& name : source.tallies->layanan()) {
        if (seen.insert(name).second) names.push_back(name);
    }
    for (const auto& name : names) {
        DashboardGroup g = group(source, name, d.range);
        const bool configured = std::find(source.layanan.begin(), source.layanan.end(), name) != source.layanan.end();
        if (g.respondents > 0 || configured) d.layanan.push_back(std::move(g));
    }

    const int year = d.range.last.year;
    for (int month = 1; month <= 12; ++month) {
        const auto range = scoring::range_of(scoring::PeriodId{scoring::PeriodKind::month, year, month});
        const scoring::Tally tally = source.tallies->total(filter_for(std::nullopt, range, true));
        MonthPoint point{month, scoring::enough_for_figures(tally.respondents(), source.min_n), std::nullopt};
        if (point.enough) point.ikm = scoring::summarize(tally, *source.scheme, {}).ikm;
        d.trend.push_back(point);
    }
    return d;
}

}  // namespace skm::kiosk
