// What the SKM poster shows for one period: the office's figures (or one
// layanan's), taken from the same gathered report data as the SKM report
// (gather_report) under the same min-n privacy rule, the previous period's
// IKM for the change, and the office's own words (follow-up, contact,
// complaint channel) from the settings. The drawing (poster_render) only
// formats what is here.
#pragma once

#include "reports/report_data.hpp"
#include "scoring/privacy.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace skm::reports {

struct PosterRequest {
    ReportRequest report;                 // period, office, region, generated_on (annual: pooled)
    std::optional<std::string> layanan;   // one layanan; none: the whole office
    std::uint64_t min_n = scoring::kDefaultMinN;
    std::string follow_up;                // "yang kami tindak lanjuti"; "" = not set, left out
    std::string contact;                  // the office's; "" = not set, left out
    std::string complaint_channel;        // SP4N-LAPOR unless the office names its own
    std::filesystem::path logo;           // a PNG; empty: none
    std::string logo_png;                 // or its bytes (the hub's, from a kiosk's profile); "" = none
};

struct PosterBar {
    std::size_t unsur = 0;                 // questionnaire index
    std::optional<scoring::Decimal> nrr;   // 1..4, 3 places; none: nobody answered it
    bool weakest = false;                  // the lowest NRR of the group
};

struct PosterData {
    explicit PosterData(formats::Questionnaire q) : questionnaire(std::move(q)) {}

    formats::Questionnaire questionnaire;
    ReportPeriod period;
    scoring::LocalDate generated_on;
    std::string office;
    std::string region;
    std::string layanan;                  // "" = the whole office
    std::uint64_t min_n = scoring::kDefaultMinN;
    std::uint64_t respondents = 0;        // only printed when `enough`

    // Below min-n the poster says "belum cukup data" and shows no figure at all.
    bool enough = false;
    Headline headline;
    std::vector<PosterBar> bars;          // every unsur, questionnaire order
    std::optional<scoring::SampleProgress> sample;   // for the period, as the report has it (reports/report_sample)
    std::optional<scoring::PeriodId> previous;       // period keys only (a date range has none)
    std::optional<scoring::Decimal> previous_ikm;    // when the previous period had enough respondents
    std::optional<scoring::Decimal> change;          // exact IKM − previous, 2 places

    std::string follow_up;
    std::string contact;
    std::string complaint_channel;
    std::filesystem::path logo;
    std::string logo_png;  // PNG bytes, used when `logo` is empty
};

// Throws skm::Error(usage, "poster.unknown_layanan") for a layanan the
// database neither offers nor has answers for; skm::Error(storage) when the
// database cannot be read.
PosterData gather_poster(const store::ResponseStore& store, const formats::Questionnaire& questionnaire,
                         PosterRequest request);

// The same from report data gathered elsewhere (the hub's, from its own
// figures), with the report's privacy rule already applied (apply_privacy):
// `now` for the poster's period, `previous` for the period before (nullptr:
// no comparison). Only request.layanan, the min-n and the office's words are read
// from `request`. Throws as gather_poster for an unknown layanan.
PosterData poster_from_report(const ReportData& now, const ReportData* previous, PosterRequest request);

}  // namespace skm::reports
