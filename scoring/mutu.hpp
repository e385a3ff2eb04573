// Mutu pelayanan from the Permenpan 14/2017 table (docs/reference/skm-rules.md#mutu-pelayanan), and the
// repealed 2004 table only to explain reports that still use it.
#pragma once

#include <gmpxx.h>

#include <array>
#include <string_view>

namespace skm::scoring {

enum class Mutu { A, B, C, D };

// One row of a mutu table: the lowest konversi value (rounded half-up to 2
// decimals, in hundredths: 7661 is 76.61) that earns the mutu.
struct MutuBand {
    Mutu mutu;
    long lowest_hundredths;
};
// Permenpan 14/2017: D 25.00–64.99, C 65.00–76.60, B 76.61–88.30, A 88.31–100.
inline constexpr std::array<MutuBand, 4> kMutu2017 = {
    {{Mutu::D, 2500}, {Mutu::C, 6500}, {Mutu::B, 7661}, {Mutu::A, 8831}}};
// Kepmenpan 25/2004: D 25.00–43.75, C 43.76–62.50, B 62.51–81.25, A 81.26–100.
inline constexpr std::array<MutuBand, 4> kMutu2004 = {
    {{Mutu::D, 2500}, {Mutu::C, 4376}, {Mutu::B, 6251}, {Mutu::A, 8126}}};

// Classifies the konversi value (25..100) after rounding it half-up to 2
// decimals, which closes the gaps in the printed intervals (64.99/65.00 …).
Mutu mutu_2017(const mpq_class& konversi);
// Kepmenpan 25/2004 intervals (A from 81.26, B from 62.51, C from 43.76).
Mutu mutu_2004(const mpq_class& konversi);

char mutu_letter(Mutu mutu);
// The regulation's own term; reports and JSON always carry it in Indonesian.
std::string_view kinerja_official(Mutu mutu);

}  // namespace skm::scoring
