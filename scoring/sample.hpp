// How many respondents a layanan needs: Krejcie & Morgan as the regulation's
// annex (docs/reference/skm-rules.md#sample-size), with λ² = 3.841 exactly, P = 0.5, d = 0.05.
#pragma once

#include <cstdint>

namespace skm::scoring {

std::uint64_t krejcie_morgan(std::uint64_t population);

struct SampleProgress {
    std::uint64_t needed = 0;
    std::uint64_t collected = 0;
    std::uint64_t missing() const { return collected >= needed ? 0 : needed - collected; }
    bool reached() const { return collected >= needed; }
    // Whole percent toward the sample, rounded down so 100 means really reached.
    std::uint64_t percent() const;
};

SampleProgress sample_progress(std::uint64_t population, std::uint64_t collected);

}  // namespace skm::scoring
