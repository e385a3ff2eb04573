// `skm sync --db PATH [--once] [--hub URL] [--token TOKEN] [--ca FILE] [--pin sha256//…]`
// Runs the kiosk's sync engine from the command line: sends every response
// the hub has not confirmed, in batches, and marks each on the hub's answer.
// After a good drain it also applies the config the kabupaten published.
// --hub and --token are remembered in the database for later runs and for
// the kiosk. Without --once it keeps going, backing off after failures.
#include "store/outbox.hpp"
#include "store/setting_keys.hpp"
#include "sync/engine.hpp"
#include "sync/transport.hpp"
#include "tools/skm/store_access.hpp"

#include <chrono>
#include <random>
#include <thread>

namespace skm::tools {

int run_sync(Context& context) {
    const ParsedArgs args = parse_args(context.args, OptionSpec{{"db", "questionnaire", "hub", "token", "ca", "pin", "device"}, {"once"}});
    if (!args.positional.empty()) throw Error(ErrorKind::usage, Problem{"usage.unknown_option", {{"option", args.positional[0]}}});
    auto opened = open_store(context, args);
    store::ResponseStore& db = *opened->store;
    if (const auto hub = args.value("hub")) db.set_setting(store::setting_key::kHubUrl, *hub);
    if (const auto token = args.value("token")) db.set_setting(store::setting_key::kDeviceToken, *token);
    const auto hub = db.setting(store::setting_key::kHubUrl);
    if (!hub || hub->rfind("https://", 0) != 0) throw Error(ErrorKind::usage, Problem{"usage.sync_needs_hub", {}});

    sync::TransportOptions transport_options;
    transport_options.url = *hub;
    transport_options.device_token = db.setting(store::setting_key::kDeviceToken).value_or("");
    transport_options.ca_file = args.value("ca").value_or("");
    transport_options.pinned_public_key = args.value("pin").value_or("");
    sync::CurlTransport transport(transport_options);
    store::Outbox outbox(db.path(), opened->questionnaire.scheme);
    std::mt19937_64 random(std::random_device{}());
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    sync::EngineOptions engine_options;
    engine_options.device_id = args.value("device").value_or("skm");
    engine_options.questionnaire =
        opened->questionnaire.id + ":" + std::to_string(opened->questionnaire.version);
    engine_options.app_version = std::string("skm ") + SKM_VERSION;
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
        // As the kiosk does: the kabupaten's published config after a good drain.
        if (!outcome.failed) outcome.failed = !engine.pull_config_if_due() && engine.status().consecutive_failures > 0;
        report(outcome);
        if (args.flag("once")) return outcome.failed ? 5 : 0;
        const auto wait = outcome.failed ? engine.backoff_ms(engine.status().consecutive_failures) : 60'000;
        std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
}

}  // namespace skm::tools
