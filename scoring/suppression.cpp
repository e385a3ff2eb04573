#include "scoring/suppression.hpp"

#include "scoring/privacy.hpp"

#include <algorithm>
#include <numeric>

namespace skm::scoring {

Suppression suppress(std::uint64_t parent, std::span<const std::uint64_t> children, std::uint64_t min_n,
                     SecondaryChoice choice) {
    Suppression out;
    out.parent_shown = enough_for_figures(parent, min_n);
    std::uint64_t hidden = 0;
    for (const std::uint64_t n : children) {
        out.child_shown.push_back(enough_for_figures(n, min_n));
        if (!out.child_shown.back()) hidden += n;
    }
    if (!out.parent_shown || hidden == 0 || hidden >= min_n) return out;

    if (choice == SecondaryChoice::smallest_children) {
        // Smallest first (ties: the first given), until the hidden are enough together.
        std::vector<std::size_t> order(children.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return children[a] < children[b]; });
        for (const std::size_t i : order) {
            if (!out.child_shown[i]) continue;
            out.child_shown[i] = false;
            hidden += children[i];
            if (hidden >= min_n) return out;
        }
    }
    // Nothing left to hide beside them (or the choice): the parent goes.
    out.parent_shown = false;
    return out;
}

}  // namespace skm::scoring
