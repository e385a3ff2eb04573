// How many responses of a date range came through each channel (the optional
// `channel` field, formats::kChannels): the kiosk itself, a one-time phone
// link (downloaded from the hub), a form, paper. The staff summary and the
// report show the split; rows stored before the field was recorded have ""
// ("not recorded"), counted apart rather than guessed.
#pragma once

#include "scoring/period.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace skm::store {

struct ChannelCount {
    std::string channel;  // one of formats::kChannels, or "" (not recorded)
    std::uint64_t count = 0;
};

// Every channel of formats::kChannels in its order (zero counts included),
// then "" when any row has it.
std::vector<ChannelCount> count_by_channel(const Connection& connection, const scoring::DateRange& range);

}  // namespace skm::store
