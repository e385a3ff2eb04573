#include "scoring/shares.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace skm::scoring {

std::vector<Decimal> percent_shares(const std::vector<std::uint64_t>& counts, int places) {
    mpz_class total = 0;
    for (const std::uint64_t c : counts) total += mpz_class(std::to_string(c));
    if (total == 0) return {};
    // In units of 10^-places percent: the whole is 100 · 10^places units.
    const mpz_class whole = 100 * pow10(places);
    std::vector<Decimal> out;
    std::vector<mpz_class> remainders;
    mpz_class given = 0;
    for (const std::uint64_t c : counts) {
        const mpz_class scaled = mpz_class(std::to_string(c)) * whole;
        mpz_class floor_units;
        mpz_class remainder;
        mpz_fdiv_qr(floor_units.get_mpz_t(), remainder.get_mpz_t(), scaled.get_mpz_t(), total.get_mpz_t());
        out.push_back(Decimal{floor_units, places});
        remainders.push_back(remainder);
        given += floor_units;
    }
    std::vector<std::size_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
        return counts[a] > counts[b];
    });
    // Fewer units are missing than there are counts: each floor lost less than one.
    for (std::size_t i = 0; given < whole; ++i, ++given) out[order[i]].units += 1;
    return out;
}

std::string group_thousands(std::uint64_t value, char separator) {
    const std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

}  // namespace skm::scoring
