// The own score of one response counted plainly, one answer at a time: the
// reference the tally property tests check the tally's word scan against.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace skm::scoring::reference {

// {how many unsur were answered, the sum of the answers}.
inline std::pair<std::size_t, std::size_t> answered_and_sum(const std::vector<std::uint8_t>& answers) {
    std::size_t answered = 0;
    std::size_t sum = 0;
    for (const std::uint8_t a : answers) {
        answered += a != 0;
        sum += a;
    }
    return {answered, sum};
}

}  // namespace skm::scoring::reference
