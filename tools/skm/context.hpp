// What every `skm` command gets (cli::ProgramContext: output streams, the
// chosen language's texts, where the assets are), and the commands: each file
// tools/skm/cmd_NAME.cpp adds its subcommand with its options to `skm`.
#pragma once

#include "cli/command_line.hpp"
#include "cli/typed_options.hpp"

#include <string>
#include <vector>

namespace skm::tools {

using Context = cli::ProgramContext;

// What `skm sample` takes: its plain arguments and --json.
struct ArgumentsAndJson {
    std::vector<std::string> arguments;
    bool json = false;
};
inline void declare_arguments_and_json(CLI::App& command, ArgumentsAndJson& options) {
    cli::add_arguments(command, options.arguments);
    cli::add_flag(command, "--json", options.json);
}

void add_score(cli::CommandLine& command_line, Context& context);
void add_sample(cli::CommandLine& command_line, Context& context);
void add_check(cli::CommandLine& command_line, Context& context);
void add_import(cli::CommandLine& command_line, Context& context);
void add_export(cli::CommandLine& command_line, Context& context);
void add_db(cli::CommandLine& command_line, Context& context);
void add_simulate(cli::CommandLine& command_line, Context& context);
void add_report(cli::CommandLine& command_line, Context& context);
void add_sync(cli::CommandLine& command_line, Context& context);
void add_settings(cli::CommandLine& command_line, Context& context);
void add_poster(cli::CommandLine& command_line, Context& context);
void add_links(cli::CommandLine& command_line, Context& context);

}  // namespace skm::tools
