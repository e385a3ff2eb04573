// The min-n privacy rule shared by the kiosk's staff dashboard and the hub's
// web dashboard: a group with fewer respondents than min_n shows no figures
// and no saran, so nobody can read one citizen's answers off a screen.
#pragma once

#include <cstdint>

namespace skm::scoring {

inline constexpr std::uint64_t kDefaultMinN = 5;

inline bool enough_for_figures(std::uint64_t respondents, std::uint64_t min_n) {
    return respondents > 0 && respondents >= min_n;
}

}  // namespace skm::scoring
