// The sentence the method chapter states the min-n rule with.
// PLACEHOLDER for the min-n privacy work of issue #16 (branch rprivacy): that
// work owns the rule in every output and may replace this definition; the
// chapters only call it.
#pragma once

#include "formats/catalog.hpp"

#include <cstdint>
#include <string>

namespace skm::reports {

// "Kelompok dengan kurang dari {min_n} responden tidak ditampilkan …"
std::string privacy_statement(std::uint64_t min_n, const formats::Catalog& catalog);

}  // namespace skm::reports
