#include "scoring/sample.hpp"

#include "scoring/decimal.hpp"

#include <string>

namespace skm::scoring {

std::uint64_t krejcie_morgan(std::uint64_t population) {
    if (population == 0) return 0;
    const mpq_class n(mpz_class(std::to_string(population)));
    const mpq_class lambda_squared(3841, 1000);
    const mpq_class p(1, 2);
    const mpq_class d(5, 100);
    const mpq_class spread = lambda_squared * p * (1 - p);
    const mpq_class sample = spread * n / (d * d * (n - 1) + spread);
    return round_half_up(sample, 0).units.get_ui();
}

std::uint64_t SampleProgress::percent() const {
    if (needed == 0) return 100;
    return collected >= needed ? 100 : collected * 100 / needed;
}

SampleProgress sample_progress(std::uint64_t population, std::uint64_t collected) {
    return SampleProgress{krejcie_morgan(population), collected};
}

}  // namespace skm::scoring
