#include "cli/typed_options.hpp"

#include "scoring/problem.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>

namespace skm::cli {
namespace {

std::optional<std::uint64_t> whole(const std::string& text) {
    std::uint64_t value = 0;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(text.data(), last, value);
    if (text.empty() || error != std::errc() || end != last) return std::nullopt;
    return value;
}

}  // namespace

CLI::Option* add_flag(CLI::App& command, const std::string& name, bool& target) {
    // --json=yes is a mistake, as it was before CLI11.
    return command.add_flag(name, target)->disable_flag_override();
}

CLI::Option* add_text(CLI::App& command, const std::string& name, std::optional<std::string>& target) {
    return command.add_option_function<std::string>(name, [&target](const std::string& value) { target = value; });
}

void add_texts(CLI::App& command, std::initializer_list<std::pair<const char*, std::optional<std::string>*>> options) {
    for (const auto& [name, target] : options) add_text(command, name, *target);
}

CLI::Option* add_checked_text(CLI::App& command, const std::string& name, std::function<void(const std::string&)> take) {
    return command.add_option_function<std::string>(name, std::move(take));
}

CLI::Option* add_arguments(CLI::App& command, std::vector<std::string>& target) {
    return command.add_option("arguments", target);
}

CLI::Option* add_whole_number(CLI::App& command, const std::string& name, std::optional<std::uint64_t>& target,
                              WholeNumberRule rule) {
    return command.add_option_function<std::string>(name, [&target, name, rule](const std::string& text) {
        const auto value = whole(text);
        if (!value || *value < rule.min || *value > rule.max) {
            throw Error(ErrorKind::usage, Problem{rule.problem_key, {{"option", name}, {"value", text}}});
        }
        target = *value;
    });
}

CLI::Option* add_seconds(CLI::App& command, const std::string& name, std::optional<double>& target) {
    return command.add_option_function<std::string>(name, [&target, name](const std::string& text) {
        double value = 0;
        const char* last = text.data() + text.size();
        const auto [end, error] = std::from_chars(text.data(), last, value);
        if (text.empty() || error != std::errc() || end != last || !std::isfinite(value) || value < 0) {
            throw Error(ErrorKind::usage, Problem{"usage.bad_seconds", {{"option", name}, {"value", text}}});
        }
        target = value;
    });
}

}  // namespace skm::cli
