// skm-hub: the kabupaten hub that kiosks upload to. Thin: cli/ finds the assets
// and texts, parses the command line and maps errors to the exit codes of
// docs/reference/commands.md.
#include "hub/hub_context.hpp"

namespace {

void add_commands(skm::cli::CommandLine& command_line, skm::hub::HubContext& context) {
    using namespace skm::hub;
    for (auto add : {add_serve, add_device_commands, add_publish, add_user, add_public}) add(command_line, context);
    command_line.add_help_command();
}

}  // namespace

int main(int argc, char** argv) { return skm::cli::run_program({"skm-hub", "hub.usage"}, argc, argv, add_commands); }
