// The command line of skm, skm-hub and skm-kiosk, on CLI11: one set of rules
// for all three. Every mistake is a skm::Error(usage) worded from the catalog
// (exit 2, docs/reference/commands.md), never CLI11's English; `--help`, `-h`
// and `help` print the program's usage text in the user's language (--lang).
// A command is one small file: it adds its subcommand with add_command,
// declares its options on it and hands over what runs it.
#pragma once

#include "cli/typed_options.hpp"
#include "formats/catalog.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>

namespace skm::cli {

// What every command of a program gets: its output streams, the texts in the
// user's language and where the assets are. No globals.
struct ProgramContext {
    std::ostream& out;
    std::ostream& err;
    formats::Catalog catalog;
    std::filesystem::path assets;
};

struct Program {
    std::string name;       // "skm-hub": in the hint, and the prefix when no texts could be loaded
    std::string usage_key;  // the catalog text that --help prints
};

class CommandLine {
public:
    CommandLine(const ProgramContext& context, Program program);
    ~CommandLine();

    // The program's own options (all of skm-kiosk's); subcommands fall back on them.
    CLI::App& app() { return *app_; }
    // A subcommand of the program; `run` runs it when it is the one chosen.
    CLI::App& add_command(const std::string& name, std::function<int()> run);
    // A subcommand whose options live in one Options: `declare` declares them
    // on it, and `run(context, options)` runs it when it is the one chosen.
    template <typename Options>
    void add_command(const std::string& name, ProgramContext& context, int (*run)(ProgramContext&, const Options&),
                     void (*declare)(CLI::App&, Options&)) {
        auto options = std::make_shared<Options>();
        declare(add_command(name, [&context, options, run] { return run(context, *options); }), *options);
    }
    // `PROGRAM help`, the same as --help.
    void add_help_command();
    // What runs when no subcommand is given (skm-kiosk); without it, that is a usage error.
    void on_run(std::function<int()> run) { runs_[app_.get()] = std::move(run); }

    // Parses and runs what was chosen. Throws skm::Error(usage) for every mistake.
    int parse_and_run(int argc, const char* const* argv);

private:
    const ProgramContext& context_;
    Program program_;
    std::unique_ptr<CLI::App> app_;
    bool help_ = false;
    const CLI::App* help_command_ = nullptr;
    std::map<const CLI::App*, std::function<int()>> runs_;
};

// Runs a program: finds the assets (--assets, SKM_ASSETS, beside the
// executable) and the texts (--lang, default id), lets `declare` add the
// commands, then parses and runs. Every failure is "Galat: …" on standard
// error (with the usage hint after a usage error) and the exit code of its kind.
int run_program(const Program& program, int argc, char** argv,
                const std::function<void(CommandLine&, ProgramContext&)>& declare);

}  // namespace skm::cli
