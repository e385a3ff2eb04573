// What every skm-hub command gets (cli::ProgramContext: output streams, the
// chosen language's texts, where the assets are); the one way commands open
// the hub database (with the questionnaire whose unsur codes it stores); and
// the commands: each hub/cmd_*.cpp adds its subcommands with their options.
#pragma once

#include "cli/command_line.hpp"
#include "cli/database_options.hpp"
#include "cli/typed_options.hpp"
#include "hub/hub_store.hpp"

#include <memory>
#include <optional>
#include <string>

namespace skm::hub {

using HubContext = cli::ProgramContext;
using cli::DatabaseOptions;

// The value of an option the command cannot do without, or hub.option_required naming it.
const std::string& required(const std::optional<std::string>& value, const std::string& option);
// --db PATH or postgresql://… (required; hub/open_hub_store).
std::unique_ptr<HubStore> open_hub_store(const HubContext& context, const DatabaseOptions& options);

void add_serve(cli::CommandLine& command_line, HubContext& context);
void add_device_commands(cli::CommandLine& command_line, HubContext& context);  // enroll, revoke, devices
void add_publish(cli::CommandLine& command_line, HubContext& context);
void add_user(cli::CommandLine& command_line, HubContext& context);
void add_public(cli::CommandLine& command_line, HubContext& context);  // public add|remove|list

}  // namespace skm::hub
