#include "hub/hub_args.hpp"

#include "scoring/problem.hpp"

namespace skm::hub {

std::optional<std::string> HubArgs::value(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

std::string HubArgs::required(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end() || it->second.empty()) {
        throw Error(ErrorKind::usage, Problem{"hub.option_required", {{"option", "--" + name}}});
    }
    return it->second;
}

HubArgs parse_hub_args(const std::vector<std::string>& args, const std::set<std::string>& with_value) {
    HubArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            throw Error(ErrorKind::usage, Problem{"usage.unknown_option", {{"option", arg}}});
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (!with_value.count(name)) throw Error(ErrorKind::usage, Problem{"usage.unknown_option", {{"option", arg}}});
        if (!inline_value) {
            if (i + 1 >= args.size()) throw Error(ErrorKind::usage, Problem{"usage.missing_value", {{"option", "--" + name}}});
            inline_value = args[++i];
        }
        parsed.values[name] = *inline_value;
    }
    return parsed;
}

}  // namespace skm::hub
