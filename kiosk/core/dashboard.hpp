// The staff dashboard's figures for one period, from the live tallies (never
// a rescan of responses): IKM, mutu and interval overall and per layanan,
// respondents against the Krejcie–Morgan sample, target and capaian, NRR per
// unsur with the weakest marked, the monthly trend of the year, and the IKM
// without flagged responses. A group with fewer respondents than min_n
// carries no figures at all ("belum cukup data"): nobody can read one
// citizen's answers off the staff screen.
#pragma once

#include "scoring/privacy.hpp"
#include "scoring/sample.hpp"
#include "scoring/scheme.hpp"
#include "scoring/summary.hpp"
#include "scoring/tally_cube.hpp"
#include "store/channel_counts.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace skm::kiosk {

enum class DashboardPeriod { today, month, triwulan, semester, year };

struct DashboardGroup {
    std::string layanan;  // "" for the whole office
    std::uint64_t respondents = 0;
    bool enough = false;                          // respondents ≥ min_n
    std::optional<scoring::IkmSummary> summary;   // only when enough
    std::optional<scoring::SampleProgress> sample;  // when the layanan's yearly population is known
    std::optional<scoring::Decimal> target;
    std::optional<scoring::Decimal> capaian;  // realisasi / target × 100
    std::optional<std::size_t> weakest_unsur;  // lowest NRR, when enough
};

struct MonthPoint {
    int month = 1;
    bool enough = false;
    std::optional<scoring::Decimal> ikm;
};

struct Dashboard {
    scoring::DateRange range;
    DashboardGroup overall;
    std::optional<scoring::Decimal> ikm_without_flagged;  // when enough remain
    std::uint64_t flagged = 0;
    std::vector<DashboardGroup> layanan;
    std::vector<MonthPoint> trend;  // the months of the period's year
    // Respondents of the range by channel (store/channel_counts): the kiosk's
    // own and the phone-link answers downloaded from the hub. Filled by
    // StaffService; a count, never figures, so min_n does not apply.
    std::vector<store::ChannelCount> channels;
};

struct DashboardSource {
    const scoring::TallyCube* tallies = nullptr;
    const scoring::ScoringScheme* scheme = nullptr;
    std::vector<std::string> layanan;  // shown even with no responses yet
    std::function<std::optional<std::uint64_t>(int year, const std::string& layanan)> population;
    std::function<std::optional<std::string>(int year, const std::string& layanan)> target;  // "" = office
    std::uint64_t min_n = scoring::kDefaultMinN;
};

scoring::DateRange dashboard_range(DashboardPeriod period, const scoring::LocalDate& today);

Dashboard build_dashboard(const DashboardSource& source, DashboardPeriod period, const scoring::LocalDate& today);

}  // namespace skm::kiosk
