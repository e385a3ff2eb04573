#include "reports/report_sample.hpp"

#include "scoring/shares.hpp"

#include <string>

namespace skm::reports {
namespace {

mpz_class big(std::uint64_t value) { return mpz_class(std::to_string(value)); }

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

std::optional<PeriodPopulation> period_population(const scoring::DateRange& range, const std::optional<scoring::PeriodId>& id,
                                                  bool annual, std::optional<std::uint64_t> year_population,
                                                  std::optional<std::uint64_t> own_population) {
    if (annual) {
        if (!year_population) return std::nullopt;
        return PeriodPopulation{*year_population, PopulationBasis::year, *year_population, 1, 1};
    }
    if (own_population) return PeriodPopulation{*own_population, PopulationBasis::own_period, year_population.value_or(0), 1, 1};
    if (!year_population) return std::nullopt;
    PeriodPopulation p{0, PopulationBasis::share_of_year, *year_population, 1, 1};
    if (id && id->kind != scoring::PeriodKind::year) {
        // Whole months: a semester is 6/12 of the year whatever its days.
        p.share_num = id->kind == scoring::PeriodKind::semester ? 6 : id->kind == scoring::PeriodKind::triwulan ? 3 : 1;
        p.share_den = 12;
    } else {
        p.share_num = static_cast<std::uint64_t>(scoring::days_since_epoch(range.last) - scoring::days_since_epoch(range.first) + 1);
        p.share_den = leap(range.first.year) ? 366 : 365;
    }
    const mpq_class share = mpq_class(big(*year_population) * big(p.share_num), big(p.share_den));
    const mpz_class rounded = scoring::round_half_up(share, 0).units;
    p.population = rounded < 1 ? 1 : rounded.get_ui();
    return p;
}

std::string count_text(std::uint64_t value, const formats::Catalog& catalog) {
    return scoring::group_thousands(value, catalog.decimal_separator() == ',' ? '.' : ',');
}

std::string population_basis_text(const PeriodPopulation& population, const formats::Catalog& catalog, int year) {
    const std::string n = count_text(population.population, catalog);
    switch (population.basis) {
        case PopulationBasis::year:
            return catalog.format("report.population.year", {{"year", std::to_string(year)}, {"population", n}});
        case PopulationBasis::own_period: return catalog.format("report.population.own", {{"population", n}});
        case PopulationBasis::share_of_year:
            return catalog.format("report.population.share", {{"year", std::to_string(year)},
                                                              {"year_population", count_text(population.year_population, catalog)},
                                                              {"share", std::to_string(population.share_num) + "/" +
                                                                            std::to_string(population.share_den)},
                                                              {"population", n}});
    }
    return n;
}

std::string shortfall_text(const std::optional<scoring::SampleProgress>& sample, const formats::Catalog& catalog) {
    if (!sample || sample->reached()) return {};
    return catalog.format("report.sample.shortfall",
                          {{"respondents", count_text(sample->collected, catalog)}, {"needed", count_text(sample->needed, catalog)}});
}

std::string sample_status_text(const scoring::SampleProgress& sample, std::uint64_t population, const formats::Catalog& catalog) {
    if (sample.collected > population) {
        return catalog.format("report.sample.over_population", {{"population", count_text(population, catalog)}});
    }
    if (sample.reached()) return catalog.text("report.sample.reached");
    return catalog.format("report.sample.missing", {{"missing", count_text(sample.missing(), catalog)}});
}

scoring::Decimal margin_of_error(const scoring::Interval& interval) {
    return scoring::round_half_up((interval.high.value() - interval.low.value()) / 2, 2);
}

}  // namespace skm::reports
