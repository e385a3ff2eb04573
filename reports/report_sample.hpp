// The required sample for a report's OWN period (docs/reference/skm-rules.md#sample-for-a-period):
// populations are entered per year and layanan; a semester, triwulan or month
// uses the number of service users the staff entered for that period when
// there is one, else the year's figure in proportion to the period's length;
// and the report says which it used. Also the plain-words caveat printed
// beside an IKM whose respondents fall short, and the IKM's margin of error.
#pragma once

#include "formats/catalog.hpp"
#include "scoring/decimal.hpp"
#include "scoring/interval.hpp"
#include "scoring/period.hpp"
#include "scoring/sample.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace skm::reports {

enum class PopulationBasis {
    year,           // an annual report: the year's figure
    own_period,     // the staff entered the period's own figure
    share_of_year,  // the year's figure × the period's share of the year
};

struct PeriodPopulation {
    std::uint64_t population = 0;       // for the report's period
    PopulationBasis basis = PopulationBasis::year;
    std::uint64_t year_population = 0;  // what share_of_year was taken of
    std::uint64_t share_num = 1;        // the share: 6/12 for a semester, days/days of the year for a range
    std::uint64_t share_den = 1;
};

// Nothing without a year's figure nor an own one. `annual`: the period is a
// whole calendar year. The share is rounded half up, and at least 1.
std::optional<PeriodPopulation> period_population(const scoring::DateRange& range, const std::optional<scoring::PeriodId>& id,
                                                  bool annual, std::optional<std::uint64_t> year_population,
                                                  std::optional<std::uint64_t> own_population);

// "Populasi semester ini: separuh dari jumlah pengguna layanan tahun 2024 (1.899)…"
std::string population_basis_text(const PeriodPopulation& population, const formats::Catalog& catalog, int year);

// "hasil ini belum mewakili: responden 11 dari minimal 357"; empty when the
// sample was reached or no population is known.
std::string shortfall_text(const std::optional<scoring::SampleProgress>& sample, const formats::Catalog& catalog);

// The status of a sample in a table cell: reached, short by N, or more
// respondents than the population (the population figure must be wrong).
std::string sample_status_text(const scoring::SampleProgress& sample, std::uint64_t population, const formats::Catalog& catalog);

// Half the 95% interval's width, 2 places: the IKM is its value ± this.
scoring::Decimal margin_of_error(const scoring::Interval& interval);

// A count as the report's language writes it: 1.899 (id), 1,899 (en).
std::string count_text(std::uint64_t value, const formats::Catalog& catalog);

}  // namespace skm::reports
