#include "store/channel_counts.hpp"

#include "formats/response.hpp"

#include <map>

namespace skm::store {

std::vector<ChannelCount> count_by_channel(const Connection& connection, const scoring::DateRange& range) {
    Statement query(connection,
                    "SELECT channel, count(*) FROM responses WHERE local_date BETWEEN ?1 AND ?2 GROUP BY channel");
    query.bind(1, range.first.str()).bind(2, range.last.str());
    std::map<std::string, std::uint64_t> found;
    while (query.step()) found[std::string(query.text(0))] = static_cast<std::uint64_t>(query.int64(1));
    std::vector<ChannelCount> counts;
    for (const auto channel : formats::kChannels) {
        const auto it = found.find(std::string(channel));
        counts.push_back({std::string(channel), it == found.end() ? 0 : it->second});
    }
    if (const auto it = found.find(""); it != found.end()) counts.push_back({"", it->second});
    return counts;
}

}  // namespace skm::store
