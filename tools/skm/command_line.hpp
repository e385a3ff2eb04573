// A small, strict command-line parser: every option must be known to the
// command, so a typo is a usage error (exit 2) instead of being ignored.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace skm::tools {

struct OptionSpec {
    std::set<std::string> with_value;  // --name VALUE or --name=VALUE
    std::set<std::string> flags;       // --name
};

struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
    std::set<std::string> flags;

    std::optional<std::string> value(const std::string& name) const;
    bool flag(const std::string& name) const { return flags.count(name) != 0; }
};

// Throws skm::Error(usage) naming the offending argument.
ParsedArgs parse_args(const std::vector<std::string>& args, const OptionSpec& spec);

}  // namespace skm::tools
