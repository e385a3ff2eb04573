#include "formats/response.hpp"

#include <charconv>

namespace skm::formats {

std::string_view umur_band(int years) {
    if (years < 20) return kUmurBands[0];
    if (years >= 60) return kUmurBands[5];
    return kUmurBands[static_cast<std::size_t>(years / 10 - 1)];
}

std::optional<std::string_view> normalize_umur(std::string_view text) {
    for (auto band : kUmurBands) {
        if (text == band) return band;
    }
    int years = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), years);
    if (error != std::errc() || end != text.data() + text.size() || years < 0 || years > 130) return std::nullopt;
    return umur_band(years);
}

}  // namespace skm::formats
