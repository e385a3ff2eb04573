// The min-n privacy rule (scoring/privacy.hpp) applied to a report's data
// before any writer sees it, so the PDF, the XLSX, the CSV and the hub's
// exports publish the same: a group under min-n keeps its respondent count
// and loses every figure; saran only from layanan at or above min-n, shown
// with their month. Per-respondent data leave the device only through the
// raw-data export (`skm export`). docs/reference/skm-rules.md#privacy.
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"

#include <string>

namespace skm::reports {

// Withholds the figures of every group under data.min_n (marking it hidden;
// a whole period under it loses its sums and tabulation too), folds the
// profile's sub-options under it (publishable_details),
// the saran of layanan under it, and the mean of semesters when a semester is
// under it. Idempotent.
void apply_privacy(ReportData& data);

// The sub-options under one official profile code (ProfileCount::details,
// option "" = none picked) as they may be published: each with at least min-n
// respondents keeps its row, in the order given; the others are summed into
// one remainder row (option "", last) that never equals a single withheld
// sub-option (scoring::hidden_groups' second group when nobody else is in it),
// so none can be recovered by subtraction from the code's count. No row at
// all when no sub-option can be shown. Idempotent.
std::vector<ProfileDetailCount> publishable_details(const std::vector<ProfileDetailCount>& details, std::uint64_t min_n);

// Saran may be listed for this layanan: it has at least min-n respondents.
bool saran_publishable(const ReportData& data, const std::string& layanan);

// The rule and its value in one sentence: reports/privacy_statement.hpp.

}  // namespace skm::reports
