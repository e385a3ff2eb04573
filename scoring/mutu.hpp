// Mutu pelayanan from the Permenpan 14/2017 table (docs/reference/skm-rules.md#mutu-pelayanan), and the
// repealed 2004 table only to explain reports that still use it.
#pragma once

#include <gmpxx.h>

#include <string_view>

namespace skm::scoring {

enum class Mutu { A, B, C, D };

// Classifies the konversi value (25..100) after rounding it half-up to 2
// decimals, which closes the gaps in the printed intervals (64.99/65.00 …).
Mutu mutu_2017(const mpq_class& konversi);
// Kepmenpan 25/2004 intervals (A from 81.26, B from 62.51, C from 43.76).
Mutu mutu_2004(const mpq_class& konversi);

char mutu_letter(Mutu mutu);
// The regulation's own term; reports and JSON always carry it in Indonesian.
std::string_view kinerja_official(Mutu mutu);

}  // namespace skm::scoring
