#include "scoring/scheme.hpp"

#include "scoring/decimal.hpp"
#include "scoring/problem.hpp"

#include <set>
#include <utility>

namespace skm::scoring {
namespace {

bool well_formed_code(std::string_view code) {
    if (code.empty() || code.size() > 40) return false;
    for (char c : code) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return code.front() >= 'a' && code.front() <= 'z';
}

}  // namespace

ScoringScheme ScoringScheme::make(std::vector<UnsurWeight> unsur) {
    if (unsur.empty()) throw Error(ErrorKind::input, Problem{"scheme.empty", {}});
    std::set<std::string> seen;
    mpq_class total = 0;
    for (const auto& item : unsur) {
        if (!well_formed_code(item.code)) {
            throw Error(ErrorKind::input, Problem{"scheme.bad_code", {{"unsur", item.code}}});
        }
        if (!seen.insert(item.code).second) {
            throw Error(ErrorKind::input, Problem{"scheme.duplicate_code", {{"unsur", item.code}}});
        }
        if (sgn(item.weight) <= 0) {
            throw Error(ErrorKind::input, Problem{"scheme.weight_not_positive",
                                                  {{"unsur", item.code}, {"weight", fraction_string(item.weight)}}});
        }
        total += item.weight;
    }
    if (total != 1) {
        throw Error(ErrorKind::input,
                    Problem{"scheme.weights_not_one",
                            {{"sum", fraction_string(total)}, {"decimal", round_half_up(total, 6).str()}}});
    }
    return ScoringScheme(std::move(unsur));
}

ScoringScheme ScoringScheme::permenpan_2017() {
    std::vector<UnsurWeight> unsur;
    for (auto code : kPermenpan2017Codes) unsur.push_back({std::string(code), mpq_class(1, 9)});
    return make(std::move(unsur));
}

std::optional<std::size_t> ScoringScheme::index_of(std::string_view code) const {
    for (std::size_t i = 0; i < unsur_.size(); ++i) {
        if (unsur_[i].code == code) return i;
    }
    return std::nullopt;
}

}  // namespace skm::scoring
