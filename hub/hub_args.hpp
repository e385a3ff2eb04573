// A small, strict command-line parser for skm-hub (the same rules as `skm`'s
// own, which lives in tools/ and so is not the hub's to use): every option
// must be known to the command, so a typo is a usage error (exit 2).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace skm::hub {

struct HubArgs {
    std::map<std::string, std::string> values;

    std::optional<std::string> value(const std::string& name) const;
    // Throws skm::Error(usage, "hub.option_required") when it is missing or empty.
    std::string required(const std::string& name) const;
};

// "--name VALUE" or "--name=VALUE" for the names given; anything else throws
// skm::Error(usage) naming it.
HubArgs parse_hub_args(const std::vector<std::string>& args, const std::set<std::string>& with_value);

}  // namespace skm::hub
