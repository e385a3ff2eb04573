// The figures the web dashboard shows, from the month tallies of TallyCache
// and scoring::summarize (the same numbers as the kiosk and /api/v1/ikm), with
// the min-n rule of scoring/privacy: a group below min_n carries its
// respondent count and nothing else.
//
// Index: [period] [overview] [kecamatan]
#pragma once

#include "hub/hub_store.hpp"
#include "hub/web/tally_cache.hpp"
#include "hub/web/web_store.hpp"
#include "reports/report_data.hpp"
#include "scoring/heat_map.hpp"
#include "scoring/privacy.hpp"
#include "scoring/sample.hpp"
#include "scoring/summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::hub::web {

// ---- [period] ----------------------------------------------------------------

struct WebPeriod {
    std::string key;  // "2025", "2025-S1", "2025-TW3", "2025-03"
    scoring::PeriodId id;
    scoring::DateRange range;
};

// Period keys only (ranges have no "previous"); nothing when not one.
std::optional<WebPeriod> parse_web_period(std::string_view key);
WebPeriod previous_period(const WebPeriod& period);

// ---- [overview] --------------------------------------------------------------

struct Figures {
    std::uint64_t respondents = 0;
    bool enough = false;
    std::optional<scoring::IkmSummary> summary;  // only when enough
};

// A tally's figures: its count, and its summary when it has min_n or more.
Figures figures_of(const scoring::Tally& tally, const scoring::ScoringScheme& scheme, std::uint64_t min_n);

struct OverviewRow {
    std::string kecamatan;
    Figures figures;
    std::optional<scoring::Decimal> previous_ikm;  // when the previous period had enough
    std::optional<scoring::Decimal> change;        // ikm − previous, 2 places
    std::optional<scoring::Decimal> target;
    bool below_target = false;
    std::optional<scoring::SampleProgress> sample;  // when the year's population is known
    std::optional<std::string> last_sync;           // latest contact of its kiosks
    std::size_t devices = 0;
};

struct Overview {
    WebPeriod period;
    WebPeriod previous;
    Figures total;
    std::vector<OverviewRow> rows;  // by kecamatan name
};

struct DashboardInputs {
    HubStore& hub;  // devices
    WebStore& web;  // targets, saran
    TallyCache& tallies;
    std::uint64_t min_n = scoring::kDefaultMinN;
};

Overview build_overview(DashboardInputs inputs, const WebPeriod& period);

// ---- [kecamatan] ---------------------------------------------------------------

struct LayananRow {
    std::string layanan;
    Figures figures;
};

struct MonthFigure {
    scoring::PeriodId month;
    Figures figures;
};

struct KecamatanPage {
    std::string kecamatan;
    WebPeriod period;
    Figures figures;
    std::vector<LayananRow> layanan;
    std::vector<MonthFigure> months;  // every month the period touches
    std::vector<SaranRow> saran;      // empty unless the kecamatan has enough respondents
    std::optional<scoring::Decimal> target;
    std::optional<std::uint64_t> population;  // the year's transactions (targets page)
    // Jenis kelamin, umur, pendidikan, pekerjaan: counts per official code,
    // sub-options only where min-n allows (reports::publishable_details).
    std::vector<reports::ProfileTable> profile;
    scoring::HeatMap heat_map;  // hour × weekday, cells under min_n without IKM
};

// One profile field of a kecamatan in the dates, as the report counts it
// (reports::ProfileCounter), its sub-options not yet folded by min-n.
reports::ProfileTable kecamatan_profile(WebStore& web, const std::string& kecamatan, const scoring::DateRange& dates,
                                        const std::string& field);
// The kecamatan's hour × weekday heat map (scoring/heat_map). Throws
// skm::Error(storage, "store.bad_answers") for an answer that cannot be decoded.
scoring::HeatMap kecamatan_heat_map(WebStore& web, const scoring::ScoringScheme& scheme, const std::string& kecamatan,
                                    const scoring::DateRange& dates, std::uint64_t min_n);

KecamatanPage build_kecamatan(DashboardInputs inputs, const std::string& kecamatan, const WebPeriod& period,
                              std::size_t saran_limit = 200);

}  // namespace skm::hub::web
