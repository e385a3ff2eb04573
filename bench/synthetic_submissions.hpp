// The synthetic year (bench/synthetic) as the kiosk stores it: Submissions
// read through the response CSV and store::submission_from_row, each with the
// duration the kiosk measures. Shared by the store and sync benchmarks.
#pragma once

#include "formats/questionnaire.hpp"
#include "store/stored_row.hpp"

#include <cstdint>
#include <vector>

namespace skm::bench {

std::vector<store::Submission> synthetic_submissions(std::size_t count, std::uint64_t seed,
                                                     const formats::Questionnaire& questionnaire);

}  // namespace skm::bench
