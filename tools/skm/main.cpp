// `skm`: the command-line tool. Thin: cli/ finds the assets and texts, parses
// the command line and maps errors to the exit codes of docs/reference/commands.md.
#include "tools/skm/context.hpp"

namespace {

// A new command: its file tools/skm/cmd_NAME.cpp, its add_NAME in context.hpp, and here.
void add_commands(skm::cli::CommandLine& command_line, skm::tools::Context& context) {
    using namespace skm::tools;
    for (auto add : {add_score, add_sample, add_check, add_import, add_export, add_db, add_simulate, add_report, add_sync,
                     add_settings, add_poster, add_links}) {
        add(command_line, context);
    }
    command_line.add_help_command();
}

}  // namespace

int main(int argc, char** argv) { return skm::cli::run_program({"skm", "usage.text"}, argc, argv, add_commands); }
