#include "scoring/tally_cube.hpp"

#include <set>
#include <stdexcept>

namespace skm::scoring {

void TallyCube::add(const std::string& layanan, const LocalDate& date, bool flagged,
                    std::span<const std::uint8_t> answers) {
    CubeKey key{layanan, date, flagged};
    cells_.try_emplace(std::move(key), unsur_count_).first->second.add(answers);
}

void TallyCube::remove(const std::string& layanan, const LocalDate& date, bool flagged,
                       std::span<const std::uint8_t> answers) {
    auto it = cells_.find(CubeKey{layanan, date, flagged});
    if (it == cells_.end()) throw std::logic_error("tally cube: removing from an empty cell");
    it->second.remove(answers);
    if (it->second.respondents() == 0) cells_.erase(it);
}

Tally TallyCube::total(const CubeFilter& filter) const {
    Tally sum(unsur_count_);
    for (const auto& [key, tally] : cells_) {
        if (filter.layanan && key.layanan != *filter.layanan) continue;
        if (!filter.include_flagged && key.flagged) continue;
        if (filter.period && !filter.period->contains(key.date)) continue;
        sum.merge(tally);
    }
    return sum;
}

std::vector<std::string> TallyCube::layanan() const {
    std::set<std::string> names;
    for (const auto& [key, tally] : cells_) names.insert(key.layanan);
    return {names.begin(), names.end()};
}

}  // namespace skm::scoring
