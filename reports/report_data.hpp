// Everything the SKM report shows for one period, gathered from the device
// database in one pass over its rows: the IKM overall, per layanan and per
// month, the respondent profile, saran, the weakest unsur, targets and
// capaian, and for annual periods both the pooled and the mean-of-semesters
// IKM. Numbers stay exact here; the writers (PDF, XLSX, CSV) only format them.
//
// Index: [period] [request] [figures] [ReportData] [gather]
#pragma once

#include "formats/profile_options.hpp"
#include "formats/questionnaire.hpp"
#include "reports/report_chapter_data.hpp"
#include "reports/report_sample.hpp"
#include "scoring/decimal.hpp"
#include "scoring/heat_map.hpp"
#include "scoring/mutu.hpp"
#include "scoring/period.hpp"
#include "scoring/privacy.hpp"
#include "scoring/sample.hpp"
#include "scoring/summary.hpp"
#include "store/response_store.hpp"

#include <gmpxx.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::reports {

// ---- [period] --------------------------------------------------------------

struct ReportPeriod {
    std::string text;                         // as the user wrote it: "2024-S1"
    scoring::DateRange range;
    std::optional<scoring::PeriodId> id;      // none for an explicit date range

    // A whole calendar year (a year key, or a range from 1 January to 31 December).
    bool annual() const;
    // The year targets and populations are looked up for: the range's year
    // when it lies within one year.
    std::optional<int> year() const;
};

// 2024, 2024-S1, 2024-TW3, 2024-03 or 2024-01-01..2024-06-30.
// Throws skm::Error(usage, "report.bad_period").
ReportPeriod parse_report_period(std::string_view text);

// ---- [request] -------------------------------------------------------------

// How an annual IKM is computed: over all respondents of the year, or as the
// mean of the two semesters' IKM (docs/reference/skm-rules.md#periods-and-the-annual-ikm: they differ).
enum class AnnualMethod { pooled, semesters };

// Throws skm::Error(usage, "report.bad_annual").
AnnualMethod parse_annual_method(std::string_view text);

struct ReportRequest {
    ReportPeriod period;
    AnnualMethod annual = AnnualMethod::pooled;
    std::string office;   // empty: the store's office setting (formats/settings_table kOffice) (the staff view sets it)
    std::string region;
    scoring::LocalDate generated_on;
    // What the office's old spreadsheet printed with (docs/reference/skm-rules.md#legacy-spreadsheets).
    mpq_class legacy_weight{111, 1000};
    int previous_years = 4;  // LKjIP rows before the period's year, when they have data
    // The privacy threshold (scoring/privacy.hpp); empty: the store's min_n setting.
    std::optional<std::uint64_t> min_n;
    // The office's sub-options (formats/profile_options): the labels of the
    // profile table's detail rows. Empty: the detail rows show their keys.
    formats::ProfileOptions profile_options;
};

// ---- [figures] -------------------------------------------------------------

// A group's IKM both ways. mean_of_semesters only for annual periods, and
// only when both semesters can be scored.
struct IkmFigures {
    scoring::IkmSummary pooled;
    std::optional<mpq_class> mean_of_semesters;
    std::array<std::uint64_t, 2> semester_respondents{};  // January–June, July–December
    bool hidden = false;  // under min-n: only pooled.respondents is left (reports/report_privacy)
};

// The value the report prints as the group's IKM under the chosen method,
// and the other one, shown beside it.
struct Headline {
    std::optional<mpq_class> konversi;
    std::optional<scoring::Decimal> ikm;       // konversi, 2 places
    std::optional<scoring::Decimal> ikm_unit;  // 1..4, 4 places
    std::optional<scoring::Mutu> mutu;
};
Headline headline(const IkmFigures& figures, AnnualMethod method, bool annual);
Headline other_headline(const IkmFigures& figures, AnnualMethod method);

struct LayananFigures {
    std::string layanan;
    IkmFigures figures;
    std::optional<scoring::Decimal> target;      // that year's, from the targets table
    std::optional<std::uint64_t> population;     // that year's transactions
    std::optional<PeriodPopulation> period_population;  // for the report's own period
    std::optional<scoring::SampleProgress> sample;      // against period_population
};

struct MonthFigures {
    scoring::PeriodId month;
    scoring::IkmSummary summary;
    bool hidden = false;  // under min-n: only summary.respondents is left
};

// Respondents under an official code who picked one of the office's
// sub-options (formats/profile_detail): "petani_nelayan" under "Lainnya".
// option "" = the remainder: no sub-option, or one folded in by the min-n rule.
struct ProfileDetailCount {
    std::string option;
    std::uint64_t count = 0;
};

struct ProfileCount {
    std::string value;  // as stored ("L", "20-29", "SMA"…); "" = not answered
    std::uint64_t count = 0;
    // Before apply_privacy every sub-option with its count; after it only those
    // with at least min-n, the rest summed into option "" (reports/report_privacy).
    // Empty when nobody under this code picked a sub-option.
    std::vector<ProfileDetailCount> details;
};

struct ProfileTable {
    std::string field;  // jenis_kelamin, umur, pendidikan, pekerjaan, layanan, channel
    std::vector<ProfileCount> counts;
    std::uint64_t total = 0;
};

struct SaranItem {
    std::string saran;
    std::string layanan;
    scoring::LocalDate date;  // the respondent's own local date; published as its month only (scoring::publishable_month)
};

struct YearFigures {
    int year = 0;
    IkmFigures figures;
    std::optional<scoring::Decimal> target;
};

// The questionnaire indexes of the unsur with the lowest NRR, lowest first,
// at most 3 (exact comparison; equal NRR keep the questionnaire's order).
std::vector<std::size_t> weakest_unsur(const scoring::IkmSummary& summary);

// ---- [ReportData] ----------------------------------------------------------

struct ReportData {
    ReportData(ReportRequest req, formats::Questionnaire q) : request(std::move(req)), questionnaire(std::move(q)) {}

    ReportRequest request;
    formats::Questionnaire questionnaire;
    std::string office;
    bool annual = false;
    std::optional<int> year;

    IkmFigures overall;          // every response, flagged ones included
    IkmFigures unflagged;        // the same without flagged responses
    std::uint64_t flagged = 0;
    std::optional<scoring::Decimal> legacy;  // pooled, with request.legacy_weight

    std::vector<LayananFigures> layanan;  // by name; active layanan without responses included
    std::vector<MonthFigures> months;     // every month the period touches, in order
    std::vector<ProfileTable> profile;
    std::vector<std::size_t> weakest;     // questionnaire indexes, lowest NRR first, at most 3
    std::vector<SaranItem> saran;         // newest first

    std::optional<scoring::Decimal> target;       // the office's, for the period's year
    std::optional<std::uint64_t> population;      // the office's (or the layanan's summed), for the year
    std::optional<PeriodPopulation> period_population;  // for the report's own period (reports/report_sample)
    std::optional<scoring::SampleProgress> sample;      // against period_population
    // Annual: each semester's respondents against its own required sample.
    std::array<std::optional<scoring::SampleProgress>, 2> semester_samples;
    std::uint64_t min_n = scoring::kDefaultMinN;   // the office's min_n setting (the hub's own at the hub)
    std::vector<YearFigures> previous_years;      // oldest first; only years with data or a target
    ChapterData chapters;                         // counts, previous period, settings for the chapters
    scoring::HeatMap heat_map;                    // hour × weekday, cells under min_n without IKM (scoring/heat_map)

    std::uint64_t respondents() const { return overall.pooled.respondents; }
    Headline headline() const { return reports::headline(overall, request.annual, annual); }
};

// ---- [gather] --------------------------------------------------------------

// Reads the period's rows (and the previous years' for the LKjIP table).
// Throws skm::Error(storage) when the database cannot be read.
ReportData gather_report(const store::ResponseStore& store, const formats::Questionnaire& questionnaire,
                         ReportRequest request);

}  // namespace skm::reports
