// skm-hub: the kabupaten hub that kiosks upload to. Thin: finds the assets
// and texts, runs the command, maps errors to the exit codes of docs/reference/commands.md#exit-codes.
#include "formats/assets_dir.hpp"
#include "formats/catalog.hpp"
#include "hub/hub_context.hpp"

#include <cstdlib>
#include <iostream>
#include <map>

namespace skm::hub {
namespace {

int run(int argc, char** argv) {
    // --lang and --assets apply to every command; take them out first.
    std::string lang = "id";
    std::optional<std::filesystem::path> assets_option;
    std::vector<std::string> rest;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--lang" && i + 1 < argc) {
            lang = argv[++i];
        } else if (arg == "--assets" && i + 1 < argc) {
            assets_option = argv[++i];
        } else if (arg.rfind("--lang=", 0) == 0) {
            lang = arg.substr(7);
        } else if (arg.rfind("--assets=", 0) == 0) {
            assets_option = arg.substr(9);
        } else {
            rest.push_back(arg);
        }
    }
    formats::Catalog catalog;
    std::filesystem::path assets;
    try {
        assets = formats::find_assets(assets_option, std::getenv("SKM_ASSETS"), formats::current_executable(argv[0]));
        catalog = formats::Catalog::load(assets / "i18n", lang);
    } catch (...) {
        // No texts to word it with: print the key and its values.
        const Failure failure = failure_of(std::current_exception());
        std::cerr << "skm-hub: " << formats::Catalog().format(failure.problem) << "\n";
        return failure.exit_code();
    }

    const std::map<std::string, int (*)(HubContext&)> commands = {
        {"serve", run_serve}, {"enroll", run_enroll}, {"revoke", run_revoke}, {"devices", run_devices}, {"publish", run_publish},
        {"user", run_user}};
    if (rest.empty() || rest[0] == "help" || rest[0] == "--help" || rest[0] == "-h") {
        (rest.empty() ? std::cerr : std::cout) << catalog.text("hub.usage") << "\n";
        return rest.empty() ? 2 : 0;
    }
    HubContext context{{rest.begin() + 1, rest.end()}, std::cout, std::cerr, catalog, assets};
    try {
        const auto command = commands.find(rest[0]);
        if (command == commands.end()) {
            throw Error(ErrorKind::usage, Problem{"usage.unknown_command", {{"command", rest[0]}}});
        }
        return command->second(context);
    } catch (...) {
        // skm::Error in plain words; anything else as an internal error, never std::terminate.
        const Failure failure = failure_of(std::current_exception());
        std::cerr << catalog.text("error.prefix") << ": " << catalog.format(failure.problem) << "\n";
        if (failure.kind == ErrorKind::usage) std::cerr << catalog.text("hub.usage_hint") << "\n";
        return failure.exit_code();
    }
}

}  // namespace
}  // namespace skm::hub

int main(int argc, char** argv) { return skm::hub::run(argc, argv); }
