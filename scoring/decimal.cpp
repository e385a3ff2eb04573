#include "scoring/decimal.hpp"

#include <cctype>

namespace skm::scoring {

mpz_class pow10(int places) {
    mpz_class result;
    mpz_ui_pow_ui(result.get_mpz_t(), 10, static_cast<unsigned long>(places));
    return result;
}

mpq_class Decimal::value() const {
    mpq_class result(units, pow10(places));
    result.canonicalize();
    return result;
}

std::string Decimal::str(char separator) const {
    mpz_class magnitude = abs(units);
    std::string digits = magnitude.get_str();
    if (digits.size() <= static_cast<std::size_t>(places)) {
        digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    }
    if (places > 0) {
        digits.insert(digits.size() - static_cast<std::size_t>(places), 1, separator);
    }
    return sgn(units) < 0 ? "-" + digits : digits;
}

bool Decimal::operator==(const Decimal& other) const {
    return places == other.places && units == other.units;
}

Decimal round_half_up(const mpq_class& value, int places) {
    mpq_class scaled = value * pow10(places);
    mpz_class num = abs(scaled.get_num());
    const mpz_class& den = scaled.get_den();
    // floor(|x| + 1/2) = floor((2·num + den) / (2·den))
    mpz_class twice_num = 2 * num;
    mpz_class sum = twice_num + den;
    mpz_class twice_den = 2 * den;
    mpz_class units;
    mpz_fdiv_q(units.get_mpz_t(), sum.get_mpz_t(), twice_den.get_mpz_t());
    if (sgn(scaled) < 0) units = -units;
    return Decimal{units, places};
}

Decimal truncate(const mpq_class& value, int places) {
    mpq_class scaled = value * pow10(places);
    mpz_class units;
    mpz_tdiv_q(units.get_mpz_t(), scaled.get_num_mpz_t(), scaled.get_den_mpz_t());
    return Decimal{units, places};
}

std::optional<Decimal> parse_decimal(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    std::string digits;
    int places = 0;
    bool seen_separator = false;
    bool seen_digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            seen_digit = true;
            if (seen_separator) ++places;
        } else if ((c == '.' || c == ',') && !seen_separator) {
            seen_separator = true;
        } else {
            return std::nullopt;
        }
    }
    if (!seen_digit || (seen_separator && places == 0) || places > 60) return std::nullopt;
    mpz_class units(digits, 10);
    if (negative) units = -units;
    return Decimal{units, places};
}

std::optional<mpq_class> parse_fraction(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        auto decimal = parse_decimal(text);
        if (!decimal) return std::nullopt;
        return decimal->value();
    }
    auto is_digits = [](std::string_view part) {
        if (part.empty() || part.size() > 30) return false;
        for (char c : part) {
            if (c < '0' || c > '9') return false;
        }
        return true;
    };
    std::string_view numerator = text.substr(0, slash);
    std::string_view denominator = text.substr(slash + 1);
    if (!is_digits(numerator) || !is_digits(denominator)) return std::nullopt;
    mpz_class den(std::string(denominator), 10);
    if (den == 0) return std::nullopt;
    mpq_class result(mpz_class(std::string(numerator), 10), den);
    result.canonicalize();
    return result;
}

std::string fraction_string(const mpq_class& value) {
    return value.get_num().get_str() + "/" + value.get_den().get_str();
}

}  // namespace skm::scoring
