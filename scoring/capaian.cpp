#include "scoring/capaian.hpp"

namespace skm::scoring {

std::optional<Decimal> capaian_percent(const mpq_class& realisasi, const mpq_class& target) {
    if (sgn(target) <= 0) return std::nullopt;
    return round_half_up(realisasi / target * 100, 2);
}

}  // namespace skm::scoring
