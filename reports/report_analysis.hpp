// The analysis chapter's judgements, kept apart from any layout so tests can
// ask them directly: the strongest and weakest unsur, the change against the
// previous period and whether the two 95% intervals say it is real, and which
// unsur each saran speaks about (keyword lists per unsur from the catalog,
// "report.keywords.<unsur code>", comma-separated).
#pragma once

#include "formats/catalog.hpp"
#include "formats/questionnaire.hpp"
#include "scoring/interval.hpp"
#include "scoring/summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::reports {

struct SaranItem;

// Questionnaire indexes by exact NRR, highest or lowest first (equal NRR in
// questionnaire order); unsur nobody answered left out.
enum class NrrOrder { highest_first, lowest_first };
std::vector<std::size_t> unsur_by_nrr(const scoring::IkmSummary& summary, NrrOrder order);

// A change is "bermakna" only when the two 95% intervals do not overlap
// (docs/reference/skm-rules.md#report-structure): a conservative test that a
// reader can check from the two printed intervals.
enum class Significance { rise, fall, not_significant, unknown };  // unknown: an interval is missing (n < 2)
Significance judge_change(const std::optional<scoring::Interval>& before, const std::optional<scoring::Interval>& now);

// The catalog key of a Significance's words ("naik bermakna", …).
const char* significance_key(Significance significance);

// The keyword list of every unsur, lower case, in questionnaire order; an unsur
// without a "report.keywords.<code>" text has none.
std::vector<std::vector<std::string>> unsur_keywords(const formats::Questionnaire& questionnaire,
                                                     const formats::Catalog& catalog);

// Whether a keyword starts a word of the saran (case-insensitive for ASCII):
// "antri" finds "Antriannya lama" but not "santri".
bool mentions(const std::string& saran, const std::string& keyword);

struct SaranGroup {
    std::size_t unsur = 0;              // questionnaire index
    std::vector<std::string> saran;     // in the order given (newest first in a report)
};

// Every unsur some saran speaks about, with those saran, most-mentioned first
// (ties in questionnaire order). A saran naming two unsur counts for both.
std::vector<SaranGroup> group_saran(const std::vector<std::string>& saran,
                                    const std::vector<std::vector<std::string>>& keywords);

}  // namespace skm::reports
