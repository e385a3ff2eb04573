// `skm`: the command-line tool. Thin: parses the command, finds the assets and
// texts, runs the command, maps errors to the exit codes of docs/reference/commands.md#exit-codes.
#include "formats/assets_dir.hpp"
#include "formats/catalog.hpp"
#include "tools/skm/context.hpp"

#include <cstdlib>
#include <iostream>
#include <map>

namespace skm::tools {
namespace {

// --lang and --assets apply to every command; take them out first.
struct GlobalOptions {
    std::string lang = "id";
    std::optional<std::filesystem::path> assets;
    std::vector<std::string> rest;
};

GlobalOptions split_global(int argc, char** argv) {
    GlobalOptions global;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto take = [&](const std::string& name, auto&& store) {
            if (arg == name && i + 1 < argc) {
                store(argv[++i]);
                return true;
            }
            if (arg.rfind(name + "=", 0) == 0) {
                store(arg.substr(name.size() + 1));
                return true;
            }
            return false;
        };
        if (take("--lang", [&](std::string v) { global.lang = std::move(v); })) continue;
        if (take("--assets", [&](std::string v) { global.assets = std::move(v); })) continue;
        global.rest.push_back(arg);
    }
    return global;
}

int run(int argc, char** argv) {
    GlobalOptions global = split_global(argc, argv);
    formats::Catalog catalog;
    std::filesystem::path assets;
    try {
        assets = formats::find_assets(global.assets, std::getenv("SKM_ASSETS"), formats::current_executable(argv[0]));
        catalog = formats::Catalog::load(assets / "i18n", global.lang);
    } catch (...) {
        // No texts to word it with: print the key and its values.
        const Failure failure = failure_of(std::current_exception());
        std::cerr << "skm: " << formats::Catalog().format(failure.problem) << "\n";
        return failure.exit_code();
    }

    const std::map<std::string, int (*)(Context&)> commands = {
        {"score", run_score},   {"sample", run_sample}, {"check", run_check},       {"import", run_import},
        {"export", run_export}, {"db", run_db},         {"simulate", run_simulate}, {"report", run_report},
        {"sync", run_sync},     {"settings", run_settings}};
    if (global.rest.empty() || global.rest[0] == "help" || global.rest[0] == "--help" || global.rest[0] == "-h") {
        std::cout << catalog.text("usage.text") << "\n";
        return global.rest.empty() ? 2 : 0;
    }
    Context context{{global.rest.begin() + 1, global.rest.end()}, std::cout, std::cerr, catalog, assets};
    try {
        auto command = commands.find(global.rest[0]);
        if (command == commands.end()) {
            throw Error(ErrorKind::usage, Problem{"usage.unknown_command", {{"command", global.rest[0]}}});
        }
        return command->second(context);
    } catch (...) {
        // skm::Error in plain words; anything else as an internal error, never std::terminate.
        const Failure failure = failure_of(std::current_exception());
        std::cerr << catalog.text("error.prefix") << ": " << catalog.format(failure.problem) << "\n";
        if (failure.kind == ErrorKind::usage) std::cerr << catalog.text("usage.hint") << "\n";
        return failure.exit_code();
    }
}

}  // namespace
}  // namespace skm::tools

int main(int argc, char** argv) { return skm::tools::run(argc, argv); }
