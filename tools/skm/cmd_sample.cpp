// `skm sample N [--json]`: the Krejcie–Morgan sample size for a population.
#include "scoring/sample.hpp"
#include "tools/skm/context.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace skm::tools {
namespace {

int run_sample(Context& context, const ArgumentsAndJson& args) {
    if (args.arguments.size() != 1) throw Error(ErrorKind::usage, Problem{"usage.sample_needs_number", {}});
    const std::string& text = args.arguments[0];
    std::uint64_t population = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), population);
    if (error != std::errc() || end != text.data() + text.size() || population > 1'000'000'000'000ULL) {
        throw Error(ErrorKind::usage, Problem{"usage.sample_needs_number", {{"value", text}}});
    }
    const std::uint64_t sample = scoring::krejcie_morgan(population);
    if (args.json) {
        nlohmann::ordered_json j = {{"population", population}, {"sample", sample}};
        context.out << j.dump() << "\n";
    } else {
        context.out << context.catalog.format("sample.result", {{"population", std::to_string(population)},
                                                                 {"sample", std::to_string(sample)}})
                    << "\n";
    }
    return 0;
}

}  // namespace

void add_sample(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("sample", context, run_sample, declare_arguments_and_json);
}

}  // namespace skm::tools
