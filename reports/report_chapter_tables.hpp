// The tables the Laporan Hasil SKM chapters add to the figures: the saran
// grouped by unsur (analysis), the rencana tindak lanjut seeded from the
// weakest unsur, and the lampiran (the questionnaire as citizens saw it and
// the tabulation of answers per unsur × value 1..4 with its sums).
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_analysis.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

namespace skm::reports {

// The saran grouped by the unsur they speak about, only groups of at least
// the office's min-n saran (scoring/privacy.hpp); without dates.
std::vector<SaranGroup> published_saran_groups(const ReportData& data, const formats::Catalog& catalog);

Table saran_groups_table(const ReportData& data, const formats::Catalog& catalog);
// Rencana tindak lanjut: one row per weakest unsur with its problem, a plan
// from the catalog ("report.rtl.plan.<code>") to be edited by the office, and
// the next period as the time; the responsible person is left to the office.
Table follow_up_table(const ReportData& data, const formats::Catalog& catalog, char decimal_separator);
// The hour × weekday heat map (ReportData::heat_map): a row per hour that has
// responses, a column per weekday (Monday first); a cell holds "IKM\nn=…", or
// only "n=…" below min-n, or nothing.
Table heat_map_table(const ReportData& data, const formats::Catalog& catalog, char decimal_separator);

Table questionnaire_table(const ReportData& data, const formats::Catalog& catalog);
Table tabulation_table(const ReportData& data, const formats::Catalog& catalog);

// "Semester II Tahun 2026": the period after `period`, of the same kind.
std::string next_period_label(const scoring::PeriodId& period, const formats::Catalog& catalog);

// "19800101 200501 1 001": an 18-digit NIP in its printed groups; anything else unchanged.
std::string nip_text(const std::string& nip);

}  // namespace skm::reports
