#include "tools/skm/command_line.hpp"

#include "scoring/problem.hpp"

namespace skm::tools {

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

ParsedArgs parse_args(const std::vector<std::string>& args, const OptionSpec& spec) {
    ParsedArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            parsed.positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (spec.flags.count(name) && !inline_value) {
            parsed.flags.insert(name);
        } else if (spec.with_value.count(name)) {
            if (!inline_value) {
                if (i + 1 >= args.size()) throw Error(ErrorKind::usage, Problem{"usage.missing_value", {{"option", "--" + name}}});
                inline_value = args[++i];
            }
            parsed.values[name] = *inline_value;
        } else {
            throw Error(ErrorKind::usage, Problem{"usage.unknown_option", {{"option", arg}}});
        }
    }
    return parsed;
}

}  // namespace skm::tools
