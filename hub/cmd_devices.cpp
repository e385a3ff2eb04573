// Device administration on the hub database:
//   skm-hub enroll --db PATH --kecamatan NAME [--device ID]   prints a new token, once
//   skm-hub revoke --db PATH (--device ID | --token TOKEN)
//   skm-hub devices --db PATH
#include "hub/device_token.hpp"
#include "hub/hub_context.hpp"
#include "store/clock.hpp"

namespace skm::hub {
namespace {

std::string now() {
    store::SystemClock clock;
    return store::iso8601(clock.wall_now());
}

// A name an administrator typed: printable, within what the schema allows.
void check_name(const std::string& option, const std::string& value) {
    bool ok = !value.empty() && value.size() <= 200;
    for (const char c : value) ok = ok && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
    if (!ok) throw Error(ErrorKind::usage, Problem{"hub.bad_name", {{"option", "--" + option}, {"value", value}}});
}

struct DeviceOptions {
    DatabaseOptions database;
    std::optional<std::string> kecamatan, device, token;
};

int run_enroll(HubContext& context, const DeviceOptions& args) {
    const std::string kecamatan = required(args.kecamatan, "--kecamatan");
    check_name("kecamatan", kecamatan);
    const std::string token = new_token();
    // Without --device, a fresh id that no other device of the kabupaten has.
    const std::string device = args.device.value_or("kiosk-" + new_token().substr(0, 12));
    check_name("device", device);
    auto store = open_hub_store(context, args.database);
    store->enroll(device, kecamatan, token_hash(token), now());
    // The token alone on standard output (for scripts); it is not kept anywhere.
    context.out << token << "\n";
    context.err << context.catalog.format("hub.enrolled", {{"device", device}, {"kecamatan", kecamatan}}) << "\n";
    return 0;
}

int run_revoke(HubContext& context, const DeviceOptions& args) {
    const auto& device = args.device;
    const auto& token = args.token;
    if (device.has_value() == token.has_value()) throw Error(ErrorKind::usage, Problem{"hub.revoke_needs_one", {}});
    auto store = open_hub_store(context, args.database);
    const auto revoked = device ? store->revoke_device(*device, now()) : store->revoke_token(token_hash(*token), now());
    if (!revoked) throw Error(ErrorKind::input, Problem{"hub.no_such_device", {{"device", device.value_or("…")}}});
    context.out << context.catalog.format("hub.revoked", {{"device", *revoked}}) << "\n";
    return 0;
}

int run_devices(HubContext& context, const DeviceOptions& args) {
    auto store = open_hub_store(context, args.database);
    context.out << context.catalog.text("hub.devices_header") << "\n";
    for (const Device& d : store->devices()) {
        context.out << d.device_id << "\t" << d.kecamatan << "\t" << d.enrolled_at << "\t" << d.revoked_at.value_or("-")
                    << "\t" << d.last_contact.value_or("-") << "\n";
    }
    return 0;
}

void declare_enroll(CLI::App& command, DeviceOptions& options) {
    cli::add_database_options(command, options.database);
    cli::add_texts(command, {{"--kecamatan", &options.kecamatan}, {"--device", &options.device}});
}

void declare_revoke(CLI::App& command, DeviceOptions& options) {
    cli::add_database_options(command, options.database);
    cli::add_texts(command, {{"--device", &options.device}, {"--token", &options.token}});
}

void declare_devices(CLI::App& command, DeviceOptions& options) { cli::add_database_options(command, options.database); }

}  // namespace

void add_device_commands(cli::CommandLine& command_line, HubContext& context) {
    command_line.add_command("enroll", context, run_enroll, declare_enroll);
    command_line.add_command("revoke", context, run_revoke, declare_revoke);
    command_line.add_command("devices", context, run_devices, declare_devices);
}

}  // namespace skm::hub
