// The min-n rule for tables that are published (the hub's public page and
// open data), where a hidden group must not come back by subtraction: a
// parent's figure (a kecamatan's total, the kabupaten's) minus the children
// shown beside it gives the hidden children together. So, besides each
// group under min-n (primary suppression, scoring/privacy.hpp), the hidden
// children of a shown parent must together have at least min-n respondents
// (secondary suppression); docs/reference/skm-rules.md#published-tables.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace skm::scoring {

// What to hide besides when the hidden children of a shown parent are too few together.
enum class SecondaryChoice {
    smallest_children,  // the smallest shown children, one at a time (layanan in a kecamatan)
    parent,             // the parent (the kabupaten over its kecamatan: a kecamatan's total
                        // is also the parent of its layanan, so hiding one more total would
                        // not stop its layanan from giving it back)
};

struct Suppression {
    bool parent_shown = false;
    std::vector<bool> child_shown;  // in the order given
};

// `parent` respondents of the whole, `children` of its parts (they add up to
// it: every respondent is in exactly one part). A group with no respondents
// is never shown and hides nobody.
Suppression suppress(std::uint64_t parent, std::span<const std::uint64_t> children, std::uint64_t min_n,
                     SecondaryChoice choice);

}  // namespace skm::scoring
