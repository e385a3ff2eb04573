#include "scoring/mutu.hpp"

#include "scoring/decimal.hpp"

namespace skm::scoring {
namespace {

Mutu classify_hundredths(const mpq_class& konversi, long d_max, long c_max, long b_max) {
    const mpz_class hundredths = round_half_up(konversi, 2).units;
    if (hundredths <= d_max) return Mutu::D;
    if (hundredths <= c_max) return Mutu::C;
    if (hundredths <= b_max) return Mutu::B;
    return Mutu::A;
}

}  // namespace

Mutu mutu_2017(const mpq_class& konversi) { return classify_hundredths(konversi, 6499, 7660, 8830); }

Mutu mutu_2004(const mpq_class& konversi) { return classify_hundredths(konversi, 4375, 6250, 8125); }

char mutu_letter(Mutu mutu) {
    switch (mutu) {
        case Mutu::A: return 'A';
        case Mutu::B: return 'B';
        case Mutu::C: return 'C';
        case Mutu::D: return 'D';
    }
    return '?';
}

std::string_view kinerja_official(Mutu mutu) {
    switch (mutu) {
        case Mutu::A: return "Sangat baik";
        case Mutu::B: return "Baik";
        case Mutu::C: return "Kurang baik";
        case Mutu::D: return "Tidak baik";
    }
    return "";
}

}  // namespace skm::scoring
