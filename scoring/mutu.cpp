#include "scoring/mutu.hpp"

#include "scoring/decimal.hpp"

namespace skm::scoring {
namespace {

// The last band (from D up) whose lower limit the rounded value reaches;
// anything below the table's first limit is still its lowest mutu.
Mutu classify(const mpq_class& konversi, const std::array<MutuBand, 4>& table) {
    const mpz_class hundredths = round_half_up(konversi, 2).units;
    Mutu mutu = table.front().mutu;
    for (const MutuBand& band : table) {
        if (hundredths >= band.lowest_hundredths) mutu = band.mutu;
    }
    return mutu;
}

}  // namespace

Mutu mutu_2017(const mpq_class& konversi) { return classify(konversi, kMutu2017); }

Mutu mutu_2004(const mpq_class& konversi) { return classify(konversi, kMutu2004); }

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
