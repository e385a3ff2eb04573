#include "scoring/interval.hpp"

#include <algorithm>

namespace skm::scoring {
namespace {

constexpr unsigned long kFloatBits = 256;

bool at_most_t_plus_h(const mpz_class& m, const mpq_class& t, const mpq_class& h_squared) {
    mpq_class d = mpq_class(m) - t;
    return sgn(d) <= 0 || d * d <= h_squared;
}

bool at_most_t_minus_h(const mpz_class& m, const mpq_class& t, const mpq_class& h_squared) {
    mpq_class d = t - mpq_class(m);
    return sgn(d) >= 0 && d * d >= h_squared;
}

// floor(t + sign·√h²) computed from a float estimate and corrected exactly.
mpz_class floor_shifted(const mpq_class& t, const mpq_class& h_squared, int sign) {
    mpf_class estimate(t, kFloatBits);
    mpf_class h = sqrt(mpf_class(h_squared, kFloatBits));
    mpf_class shifted = sign > 0 ? mpf_class(estimate + h) : mpf_class(estimate - h);
    mpz_class m(floor(shifted));
    auto fits = [&](const mpz_class& candidate) {
        return sign > 0 ? at_most_t_plus_h(candidate, t, h_squared) : at_most_t_minus_h(candidate, t, h_squared);
    };
    while (!fits(m)) --m;
    while (fits(m + 1)) ++m;
    return m;
}

}  // namespace

std::optional<Interval> ci95(const Tally& tally, const mpq_class& konversi, std::optional<std::uint64_t> population) {
    mpq_class n = 0;
    mpq_class sum = 0;
    mpq_class sum_squares = 0;
    for (std::size_t k = 1; k <= tally.unsur_count(); ++k) {
        for (std::size_t s = k; s <= 4 * k; ++s) {
            const std::uint64_t count = tally.own_score_count(k, s);
            if (count == 0) continue;
            mpq_class c(mpz_class(std::to_string(count)));
            mpq_class own(25 * static_cast<unsigned long>(s), static_cast<unsigned long>(k));
            own.canonicalize();
            n += c;
            sum += c * own;
            sum_squares += c * own * own;
        }
    }
    if (n < 2) return std::nullopt;
    mpq_class variance = (sum_squares - sum * sum / n) / (n - 1);
    // Half-width in hundredths, squared: (100 · 1.96)² · s² / n.
    mpq_class h_squared = mpq_class(196 * 196) * variance / n;
    if (population) {
        const mpq_class big_n(mpz_class(std::to_string(*population)));
        h_squared *= big_n > n ? mpq_class((big_n - n) / (big_n - 1)) : mpq_class(0);
    }
    const mpq_class t = konversi * 100 + mpq_class(1, 2);
    mpz_class low = floor_shifted(t, h_squared, -1);
    mpz_class high = floor_shifted(t, h_squared, +1);
    low = std::max(low, mpz_class(2500));
    high = std::min(high, mpz_class(10000));
    return Interval{Decimal{low, 2}, Decimal{high, 2}};
}

}  // namespace skm::scoring
