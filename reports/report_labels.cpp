#include "reports/report_labels.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace skm::reports {
namespace {

// Written out, not built at run time, so the catalog test sees every key.
constexpr std::array<const char*, 12> kMonthKeys = {
    "report.month.01", "report.month.02", "report.month.03", "report.month.04", "report.month.05", "report.month.06",
    "report.month.07", "report.month.08", "report.month.09", "report.month.10", "report.month.11", "report.month.12"};
constexpr std::array<const char*, 12> kMonthShortKeys = {
    "report.month_short.01", "report.month_short.02", "report.month_short.03", "report.month_short.04",
    "report.month_short.05", "report.month_short.06", "report.month_short.07", "report.month_short.08",
    "report.month_short.09", "report.month_short.10", "report.month_short.11", "report.month_short.12"};
// Semesters and triwulan are numbered in Roman numerals in Indonesian reports.
constexpr std::array<const char*, 4> kRoman = {"I", "II", "III", "IV"};

std::string month_name(int month, const formats::Catalog& catalog) {
    return catalog.text(kMonthKeys[static_cast<std::size_t>(month - 1)]);
}

}  // namespace

std::string date_label(const scoring::LocalDate& date, const formats::Catalog& catalog) {
    return catalog.format("report.date", {{"day", std::to_string(date.day)},
                                          {"month", month_name(date.month, catalog)},
                                          {"year", std::to_string(date.year)}});
}

std::string month_label(const scoring::PeriodId& month, const formats::Catalog& catalog) {
    return catalog.format("report.period.month",
                          {{"month", month_name(month.index, catalog)}, {"year", std::to_string(month.year)}});
}

std::string month_short_label(int month, const formats::Catalog& catalog) {
    return catalog.text(kMonthShortKeys[static_cast<std::size_t>(month - 1)]);
}

std::string range_label(const scoring::DateRange& range, const formats::Catalog& catalog) {
    return catalog.format("report.period.range",
                          {{"first", date_label(range.first, catalog)}, {"last", date_label(range.last, catalog)}});
}

std::string period_label(const ReportPeriod& period, const formats::Catalog& catalog) {
    if (!period.id) return range_label(period.range, catalog);
    const auto& id = *period.id;
    const std::string year = std::to_string(id.year);
    switch (id.kind) {
        case scoring::PeriodKind::year: return catalog.format("report.period.year", {{"year", year}});
        case scoring::PeriodKind::semester:
            return catalog.format("report.period.semester",
                                  {{"number", kRoman[static_cast<std::size_t>(id.index - 1)]}, {"year", year}});
        case scoring::PeriodKind::triwulan:
            return catalog.format("report.period.triwulan",
                                  {{"number", kRoman[static_cast<std::size_t>(id.index - 1)]}, {"year", year}});
        case scoring::PeriodKind::month: return month_label(id, catalog);
    }
    return range_label(period.range, catalog);
}

std::string method_label(AnnualMethod method, const formats::Catalog& catalog) {
    return catalog.text(method == AnnualMethod::pooled ? "report.method.pooled" : "report.method.semesters");
}

std::string profile_field_label(const std::string& field, const formats::Catalog& catalog) {
    if (field == "jenis_kelamin") return catalog.text("report.profile.jenis_kelamin");
    if (field == "umur") return catalog.text("report.profile.umur");
    if (field == "pendidikan") return catalog.text("report.profile.pendidikan");
    if (field == "pekerjaan") return catalog.text("report.profile.pekerjaan");
    if (field == "channel") return catalog.text("report.profile.channel");
    return catalog.text("report.profile.layanan");
}

std::string profile_value_label(const std::string& field, const std::string& value, const formats::Catalog& catalog) {
    if (field == "channel") return catalog.text(value.empty() ? "report.profile.channel_unrecorded" : "channel." + value);
    if (value.empty()) return catalog.text("report.profile.not_answered");
    if (field == "jenis_kelamin" && value == "L") return catalog.text("report.profile.male");
    if (field == "jenis_kelamin" && value == "P") return catalog.text("report.profile.female");
    return value;
}

std::string profile_detail_label(const std::string& field, const std::string& option,
                                 const formats::ProfileOptions& options, const formats::Catalog& catalog) {
    const std::string indent = "\u2003\u2013 ";  // an em space and a dash: a row under its code
    if (option.empty()) return indent + catalog.text("report.profile.detail_rest");
    if (const auto* known = options.find(field, option)) {
        if (auto it = known->label.find(catalog.lang()); it != known->label.end()) return indent + it->second;
        if (auto it = known->label.find("id"); it != known->label.end()) return indent + it->second;
    }
    return indent + option;
}

std::vector<ProfileDetailCount> details_in_screen_order(const std::string& field, std::vector<ProfileDetailCount> details,
                                                        const formats::ProfileOptions& options) {
    const auto& listed = options.of(field);
    auto rank = [&](const ProfileDetailCount& d) {
        if (d.option.empty()) return listed.size() + 1;
        for (std::size_t i = 0; i < listed.size(); ++i) {
            if (listed[i].key == d.option) return i;
        }
        return listed.size();
    };
    std::stable_sort(details.begin(), details.end(),
                     [&](const ProfileDetailCount& a, const ProfileDetailCount& b) { return rank(a) < rank(b); });
    return details;
}

std::string hour_label(int hour, const formats::Catalog& catalog) {
    char text[8];
    std::snprintf(text, sizeof text, catalog.lang() == "en" ? "%02d:00" : "%02d.00", hour);
    return text;
}

std::string weekday_label(int weekday, const formats::Catalog& catalog) {
    // The staff view's names of the days, one vocabulary for both; written out for the catalog test.
    static constexpr std::array<const char*, 7> kDayKeys = {"kiosk.staff.heat.day0", "kiosk.staff.heat.day1",
                                                           "kiosk.staff.heat.day2", "kiosk.staff.heat.day3",
                                                           "kiosk.staff.heat.day4", "kiosk.staff.heat.day5",
                                                           "kiosk.staff.heat.day6"};
    return catalog.text(kDayKeys[static_cast<std::size_t>(weekday)]);
}

std::string unsur_name(const formats::Questionnaire& questionnaire, std::size_t index, const formats::Catalog& catalog) {
    const auto& names = questionnaire.unsur[index].name;
    if (auto it = names.find(catalog.lang()); it != names.end()) return it->second;
    if (auto it = names.find("id"); it != names.end()) return it->second;
    return questionnaire.unsur[index].code;
}

std::string mutu_text(const std::optional<scoring::Mutu>& mutu) {
    return mutu ? std::string(1, scoring::mutu_letter(*mutu)) : std::string("—");
}

std::string kinerja_text(const std::optional<scoring::Mutu>& mutu, const formats::Catalog& catalog) {
    return mutu ? catalog.text(std::string("kinerja.") + scoring::mutu_letter(*mutu)) : std::string("—");
}


std::string number_text(const std::optional<scoring::Decimal>& value, char separator) {
    return value ? value->str(separator) : std::string("—");
}

}  // namespace skm::reports
