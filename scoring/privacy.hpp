// The min-n privacy rule shared by the kiosk's staff dashboard, the hub's web
// dashboard and every published report (PDF, XLSX, CSV, hub exports): a group
// with fewer respondents than min_n shows no figures and no saran, so nobody
// can read one citizen's answers off a screen or a page; and a saran is
// published with its month, never its day (a date narrows it to a person).
// docs/reference/skm-rules.md#privacy.
#pragma once

#include "scoring/period.hpp"

#include <cstdint>
#include <vector>

namespace skm::scoring {

inline constexpr std::uint64_t kDefaultMinN = 5;

// A group (layanan, month, kecamatan, the whole period…) may show figures.
inline bool enough_for_figures(std::uint64_t respondents, std::uint64_t min_n) {
    return respondents > 0 && respondents >= min_n;
}

// The finest date a published saran may carry: its month.
inline PeriodId publishable_month(const LocalDate& date) { return period_of(date, PeriodKind::month); }

// Which groups of one table hide their figures: those under min_n (primary),
// and, when exactly one group is hidden, the smallest other group with data as
// well (secondary), so a hidden group cannot be recovered from the table's
// total minus the groups shown. counts[i] = respondents of group i.
std::vector<bool> hidden_groups(const std::vector<std::uint64_t>& counts, std::uint64_t min_n);

// The same rule over a two-level table whose totals are published too (the
// hub's public page: the kabupaten, its kecamatan, each kecamatan's layanan).
// counts[p][g] = respondents of group g (a layanan) of part p (a kecamatan);
// a part's total is the sum of its groups, the whole's the sum of the parts.
//  - parts: hidden_groups over the parts' totals, so the whole minus the
//    parts shown is never one hidden part (a second part is hidden with it);
//  - the groups of a part shown: hidden_groups over them, likewise against
//    the part's total;
//  - every group of a hidden part is hidden: the groups shown would add up
//    to the part's total, the figure being withheld;
//  - the whole is hidden below min_n.
// So no total, less what is shown beside it, gives back one hidden group.
struct HiddenHierarchy {
    bool whole = false;
    std::vector<bool> parts;                // parts[p]
    std::vector<std::vector<bool>> groups;  // groups[p][g]
};
HiddenHierarchy hidden_in_hierarchy(const std::vector<std::vector<std::uint64_t>>& counts, std::uint64_t min_n);

}  // namespace skm::scoring
