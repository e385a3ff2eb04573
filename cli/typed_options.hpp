// Options with a type: the value is checked as the command line is read, and
// one that does not fit is a usage error (exit 2) naming the option and the
// value in the user's language, never silently 0 (what atoll made of "x").
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// CLI11 stays inside cli/: a command file names only these (and compiles quickly).
namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace skm::cli {

// --name, on or off.
CLI::Option* add_flag(CLI::App& command, const std::string& name, bool& target);
// --name TEXT
CLI::Option* add_text(CLI::App& command, const std::string& name, std::optional<std::string>& target);
// Several --name TEXT at once.
void add_texts(CLI::App& command, std::initializer_list<std::pair<const char*, std::optional<std::string>*>> options);
// --name TEXT handed to `take`, which throws skm::Error(usage) when it does not fit.
CLI::Option* add_checked_text(CLI::App& command, const std::string& name, std::function<void(const std::string&)> take);
// The command's plain arguments (FILE.csv, N); how many it takes the command checks, with its own message.
CLI::Option* add_arguments(CLI::App& command, std::vector<std::string>& target);

struct WholeNumberRule {
    std::uint64_t min = 0;
    std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    // Its placeholders: {option} and {value}.
    std::string problem_key = "usage.bad_number";
};
// --name N, a whole number within the rule's bounds.
CLI::Option* add_whole_number(CLI::App& command, const std::string& name, std::optional<std::uint64_t>& target,
                              WholeNumberRule rule = {});
// --name SECONDS, 0 or more, fractions allowed (2.5).
CLI::Option* add_seconds(CLI::App& command, const std::string& name, std::optional<double>& target);

}  // namespace skm::cli
