#include "scoring/legacy.hpp"

namespace skm::scoring {

std::optional<Decimal> legacy_konversi(const IkmScore& score, const mpq_class& printed_weight) {
    if (!score.unit) return std::nullopt;
    mpq_class sum = 0;
    for (const auto& unsur : score.unsur) sum += round_half_up(*unsur.nrr, 3).value();
    return truncate(25 * printed_weight * sum, 2);
}

Decimal legacy_maximum(const mpq_class& printed_weight, std::size_t unsur_count) {
    return truncate(25 * printed_weight * 4 * static_cast<unsigned long>(unsur_count), 2);
}

}  // namespace skm::scoring
