// `skm sync --db PATH [--once] [--hub URL] [--token TOKEN] [--ca FILE] [--pin sha256//…]`
// Runs the kiosk's sync engine from the command line: sends every response
// the hub has not confirmed, in batches, and marks each on the hub's answer.
// After a good drain it downloads the office's phone-link answers (stored
// once, never sent back) and applies the config the kabupaten published.
// --hub and --token are remembered in the database for later runs and for
// the kiosk. Like the kiosk, it registers the device's survey-link key (sync/link_keys). Without --once it keeps going, backing off after failures.
#include "store/outbox.hpp"
#include "store/setting_keys.hpp"
#include "sync/engine.hpp"
#include "sync/transport.hpp"
#include "tools/skm/store_access.hpp"

#include <chrono>
#include <random>
#include <thread>

namespace skm::tools {
namespace {

struct SyncOptions {
    DatabaseOptions database;
    std::optional<std::string> hub, token, ca, pin, device;
    bool once = false;
};

int run_sync(Context& context, const SyncOptions& args) {
    auto opened = open_store(context, args.database);
    store::ResponseStore& db = *opened->store;
    if (args.hub) db.set_setting(store::setting_key::kHubUrl, *args.hub);
    if (args.token) db.set_setting(store::setting_key::kDeviceToken, *args.token);
    const auto hub = db.setting(store::setting_key::kHubUrl);
    if (!hub || hub->rfind("https://", 0) != 0) throw Error(ErrorKind::usage, Problem{"usage.sync_needs_hub", {}});

    sync::TransportOptions transport_options;
    transport_options.url = *hub;
    transport_options.device_token = db.setting(store::setting_key::kDeviceToken).value_or("");
    transport_options.ca_file = args.ca.value_or("");
    transport_options.pinned_public_key = args.pin.value_or("");
    sync::CurlTransport transport(transport_options);
    store::Outbox outbox(db.path(), opened->questionnaire.scheme);
    std::mt19937_64 random(std::random_device{}());
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    sync::EngineOptions engine_options;
    engine_options.device_id = args.device.value_or("skm");
    engine_options.questionnaire =
        opened->questionnaire.id + ":" + std::to_string(opened->questionnaire.version);
    engine_options.app_version = std::string("skm ") + SKM_VERSION;
    engine_options.register_link_key = true;  // as the kiosk: survey links (#21) need the hub to know the key
    sync::SyncEngine engine(outbox, transport, opened->questionnaire.scheme, opened->clock, [&] { return uniform(random); },
                            engine_options);

    auto report = [&](const sync::DrainOutcome& outcome) {
        const auto& status = engine.status();
        context.out << context.catalog.format("sync.report", {{"sent", std::to_string(outcome.sent)},
                                                              {"rejected", std::to_string(outcome.rejected)},
                                                              {"pending", std::to_string(status.pending)}})
                    << "\n";
        if (status.last_error) context.err << context.catalog.format(*status.last_error) << "\n";
    };
    for (;;) {
        sync::DrainOutcome outcome = engine.drain();
        // As the kiosk does: the office's phone-link answers down, then the
        // kabupaten's published config, after a good drain.
        if (!outcome.failed) {
            const sync::DownloadOutcome down = engine.download();
            outcome.failed = down.failed;
            if (down.stored + down.already > 0) {
                context.out << context.catalog.format("sync.link_report", {{"stored", std::to_string(down.stored)},
                                                                           {"already", std::to_string(down.already)}})
                            << "\n";
            }
        }
        if (!outcome.failed) outcome.failed = !engine.pull_config_if_due() && engine.status().consecutive_failures > 0;
        report(outcome);
        if (args.once) return outcome.failed ? 5 : 0;
        const auto wait = outcome.failed ? engine.backoff_ms(engine.status().consecutive_failures) : 60'000;
        std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
}

void declare_sync(CLI::App& command, SyncOptions& options) {
    add_database_options(command, options.database);
    cli::add_texts(command, {{"--hub", &options.hub}, {"--token", &options.token}, {"--ca", &options.ca}, {"--pin", &options.pin},
                             {"--device", &options.device}});
    cli::add_flag(command, "--once", options.once);
}

}  // namespace

void add_sync(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("sync", context, run_sync, declare_sync);
}

}  // namespace skm::tools
