#include "scoring/privacy.hpp"

namespace skm::scoring {

std::vector<bool> hidden_groups(const std::vector<std::uint64_t>& counts, std::uint64_t min_n) {
    std::vector<bool> hidden(counts.size(), false);
    std::size_t primary = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        // An empty group has nothing to hide and nothing to give away.
        if (counts[i] > 0 && !enough_for_figures(counts[i], min_n)) {
            hidden[i] = true;
            ++primary;
        }
    }
    if (primary != 1) return hidden;
    std::size_t smallest = counts.size();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (hidden[i] || counts[i] == 0) continue;
        if (smallest == counts.size() || counts[i] < counts[smallest]) smallest = i;
    }
    if (smallest < counts.size()) hidden[smallest] = true;
    return hidden;
}

HiddenHierarchy hidden_in_hierarchy(const std::vector<std::vector<std::uint64_t>>& counts, std::uint64_t min_n) {
    HiddenHierarchy h;
    std::vector<std::uint64_t> part_totals;
    std::uint64_t whole = 0;
    for (const auto& groups : counts) {
        std::uint64_t sum = 0;
        for (const auto n : groups) sum += n;
        part_totals.push_back(sum);
        whole += sum;
    }
    h.parts = hidden_groups(part_totals, min_n);
    for (std::size_t p = 0; p < counts.size(); ++p) {
        h.groups.push_back(h.parts[p] ? std::vector<bool>(counts[p].size(), true) : hidden_groups(counts[p], min_n));
    }
    h.whole = !enough_for_figures(whole, min_n);
    return h;
}

}  // namespace skm::scoring
