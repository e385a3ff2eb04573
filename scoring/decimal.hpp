// Exact decimal display values: rounding and truncation of exact rationals to
// a fixed number of places, done in integer arithmetic (never binary floats).
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>

namespace skm::scoring {

// units × 10^-places, e.g. {8972, 2} is 89.72.
struct Decimal {
    mpz_class units;
    int places = 0;

    mpq_class value() const;
    // Fixed notation with the given decimal separator ('.' or ',').
    std::string str(char separator = '.') const;
    bool operator==(const Decimal& other) const;
};

mpz_class pow10(int places);

// Half-up in decimal; ties move away from zero so that -x rounds like x.
Decimal round_half_up(const mpq_class& value, int places);
// Toward zero, as legacy spreadsheets (TRUNC/ROUNDDOWN) do.
Decimal truncate(const mpq_class& value, int places);

// Parses "89.72", "89,72", "-0.5", "100". Returns nothing for anything else
// (no exponents, no thousands separators, no spaces).
std::optional<Decimal> parse_decimal(std::string_view text);

// Parses an exact weight: "1/9", "0.111", "1".
std::optional<mpq_class> parse_fraction(std::string_view text);

// "95/26"; integers keep their denominator ("100/1") as in the golden file.
std::string fraction_string(const mpq_class& value);

}  // namespace skm::scoring
