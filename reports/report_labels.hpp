// The words around the numbers: period and date names, method names and
// profile values, all from assets/i18n so the report follows the catalog's
// language (Indonesian unless asked otherwise).
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"
#include "scoring/decimal.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::reports {

// "1 Maret 2024".
std::string date_label(const scoring::LocalDate& date, const formats::Catalog& catalog);
// "Maret 2024" or, short, "Mar".
std::string month_label(const scoring::PeriodId& month, const formats::Catalog& catalog);
std::string month_short_label(int month, const formats::Catalog& catalog);
// "Semester I Tahun 2024"; a date range: "1 Januari 2024 s.d. 30 Juni 2024".
std::string period_label(const ReportPeriod& period, const formats::Catalog& catalog);
// "1 Januari 2024 s.d. 30 Juni 2024".
std::string range_label(const scoring::DateRange& range, const formats::Catalog& catalog);
// "gabungan seluruh responden" / "rata-rata IKM dua semester".
std::string method_label(AnnualMethod method, const formats::Catalog& catalog);
// A profile field's heading, and a stored value as a reader should see it
// ("L" → "Laki-laki", "" → "Tidak menjawab"); codes such as "SMA" are data.
std::string profile_field_label(const std::string& field, const formats::Catalog& catalog);
std::string profile_value_label(const std::string& field, const std::string& value, const formats::Catalog& catalog);
// A sub-option's label in the catalog's language (formats/profile_options;
// the key itself when the file does not name it), indented under its code;
// option "" is the remainder, "lainnya / tanpa rincian".
std::string profile_detail_label(const std::string& field, const std::string& option,
                                 const formats::ProfileOptions& options, const formats::Catalog& catalog);
// The unsur's short name from the questionnaire, in the catalog's language.
// The detail rows as the kiosk shows the sub-options: in the options file's
// order, keys the file does not name after them, the remainder ("") last.
std::vector<ProfileDetailCount> details_in_screen_order(const std::string& field, std::vector<ProfileDetailCount> details,
                                                        const formats::ProfileOptions& options);
// "08.00" (id, jv) or "08:00" (en): the hour a heat-map row stands for.
std::string hour_label(int hour, const formats::Catalog& catalog);
// "Senin" … "Minggu": weekday 0 (Monday) … 6 (scoring/heat_map).
std::string weekday_label(int weekday, const formats::Catalog& catalog);
std::string unsur_name(const formats::Questionnaire& questionnaire, std::size_t index, const formats::Catalog& catalog);
// "A", or "—" when there is no figure.
std::string mutu_text(const std::optional<scoring::Mutu>& mutu);
std::string kinerja_text(const std::optional<scoring::Mutu>& mutu, const formats::Catalog& catalog);
// A display decimal, or "—".
std::string number_text(const std::optional<scoring::Decimal>& value, char separator);

}  // namespace skm::reports
