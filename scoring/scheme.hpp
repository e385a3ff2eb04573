// The scoring scheme: which unsur are scored and with what exact weight.
// Unsur are identities (codes), never positions; order is only screen order.
#pragma once

#include <gmpxx.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::scoring {

// The nine unsur of Permenpan RB 14/2017 in regulation order (docs/reference/skm-rules.md#the-nine-unsur).
inline constexpr std::array<std::string_view, 9> kPermenpan2017Codes = {
    "persyaratan", "prosedur", "waktu", "biaya", "produk",
    "kompetensi", "perilaku", "pengaduan", "sarana"};

struct UnsurWeight {
    std::string code;
    mpq_class weight;
};

class ScoringScheme {
public:
    // Validates: at least one unsur, codes unique and well-formed, each weight
    // positive, weights summing to exactly 1. Throws skm::Error(input) if not.
    static ScoringScheme make(std::vector<UnsurWeight> unsur);
    // The regulation default: the nine codes, 1/9 each.
    static ScoringScheme permenpan_2017();

    std::size_t size() const { return unsur_.size(); }
    const std::string& code(std::size_t index) const { return unsur_[index].code; }
    const mpq_class& weight(std::size_t index) const { return unsur_[index].weight; }
    std::optional<std::size_t> index_of(std::string_view code) const;

private:
    explicit ScoringScheme(std::vector<UnsurWeight> unsur) : unsur_(std::move(unsur)) {}
    std::vector<UnsurWeight> unsur_;
};

}  // namespace skm::scoring
