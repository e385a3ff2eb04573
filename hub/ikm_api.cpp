#include "hub/ikm_api.hpp"

#include "formats/summary_json.hpp"
#include "scoring/summary.hpp"
#include "scoring/tally.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace skm::hub {
namespace {

using nlohmann::ordered_json;

std::optional<std::string> single(const std::multimap<std::string, std::string>& params, const std::string& name,
                                  bool& repeated) {
    const auto [first, last] = params.equal_range(name);
    if (first == last) return std::nullopt;
    if (std::next(first) != last) repeated = true;
    return first->second;
}

}  // namespace

ApiReply ikm_report(HubStore& store, const std::multimap<std::string, std::string>& params,
                    const formats::Catalog& catalog) {
    for (const auto& [name, value] : params) {
        if (name != "period" && name != "kecamatan" && name != "layanan") return error_reply(400, "hub.unknown_parameter", name);
    }
    bool repeated = false;
    const auto period = single(params, "period", repeated);
    ResponseFilter filter;
    filter.kecamatan = single(params, "kecamatan", repeated);
    filter.layanan = single(params, "layanan", repeated);
    if (repeated) return error_reply(400, "hub.repeated_parameter", "");
    if (!period) return error_reply(400, "hub.period_required", "period");
    const auto range = scoring::parse_period(*period);
    if (!range) return error_reply(400, "hub.bad_period", "period");
    filter.dates = *range;

    const scoring::ScoringScheme& scheme = store.scheme();
    scoring::Tally total(scheme.size());
    std::map<std::string, scoring::Tally> by_kecamatan;
    std::map<std::pair<std::string, std::string>, scoring::Tally> by_layanan;
    store.for_each_answers(filter, [&](std::string_view kecamatan, std::string_view layanan,
                                       std::span<const std::uint8_t> answers) {
        total.add(answers);
        by_kecamatan.try_emplace(std::string(kecamatan), scheme.size()).first->second.add(answers);
        by_layanan.try_emplace({std::string(kecamatan), std::string(layanan)}, scheme.size()).first->second.add(answers);
    });

    const scoring::ScoreOptions options;
    ordered_json root = ordered_json::object();
    root["period"] = *period;
    root["from"] = range->first.str();
    root["to"] = range->last.str();
    root["kecamatan_filter"] = filter.kecamatan ? ordered_json(*filter.kecamatan) : ordered_json(nullptr);
    root["layanan_filter"] = filter.layanan ? ordered_json(*filter.layanan) : ordered_json(nullptr);
    formats::add_summary(root, scoring::summarize(total, scheme, options), catalog);
    ordered_json kecamatan_list = ordered_json::array();
    for (const auto& [kecamatan, tally] : by_kecamatan) {
        ordered_json item = {{"kecamatan", kecamatan}};
        formats::add_summary(item, scoring::summarize(tally, scheme, options), catalog);
        kecamatan_list.push_back(std::move(item));
    }
    root["kecamatan"] = std::move(kecamatan_list);
    ordered_json groups = ordered_json::array();
    for (const auto& [key, tally] : by_layanan) {
        ordered_json item = {{"kecamatan", key.first}, {"layanan", key.second}};
        formats::add_summary(item, scoring::summarize(tally, scheme, options), catalog);
        groups.push_back(std::move(item));
    }
    root["groups"] = std::move(groups);
    return {200, root.dump()};
}

}  // namespace skm::hub
