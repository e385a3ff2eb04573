// skm-kiosk: the citizen's survey on the touchscreen.
//   skm-kiosk [--db PATH] [--config PATH] [--windowed] [--size WxH] [--assets DIR] [--lang id|en]
// Without --config it runs the bundled demo office. With a --config file that
// does not exist (yet) it starts from assets/kiosk/first-run.json and shows the
// first-run setup until staff finished it once on this device.
//   skm-kiosk --screenshots DIR      every screen, language and orientation as PNG
// Bench-only: --render-every-frame, --exit-after SECONDS, --frames N, --full-startup-check
// (the quick_check and the tally count before the first frame, as before they moved to idle time).
// --lang chooses the language of the command-line messages (--help, a mistyped option) only;
// the screens have their own language choice.
// Index: [arguments] [setup] [run]
#include "cli/command_line.hpp"
#include "cli/typed_options.hpp"
#include "formats/kiosk_config.hpp"
#include "formats/layanan_list.hpp"
#include "formats/profile_options.hpp"
#include "kiosk/core/deferred_checks.hpp"
#include "kiosk/core/first_run.hpp"
#include "kiosk/core/guarded.hpp"
#include "kiosk/core/office_profile.hpp"
#include "kiosk/core/phone_link.hpp"
#include "kiosk/core/staff_lock.hpp"
#include "kiosk/core/staff_service.hpp"
#include "kiosk/core/storage_watch.hpp"
#include "kiosk/core/usb_export.hpp"
#include "kiosk/core/store_sink.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "kiosk/platform/espeak_speaker.hpp"
#include "kiosk/platform/imgui_session.hpp"
#include "kiosk/platform/kiosk_loop.hpp"
#include "kiosk/platform/screenshots.hpp"
#include "kiosk/platform/startup_error.hpp"
#include "kiosk/platform/texture.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/setup_screen.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/theme.hpp"
#include "store/office_data.hpp"
#include "store/outbox.hpp"
#include "store/setting_keys.hpp"
#include "sync/engine.hpp"
#include "sync/link_keys.hpp"
#include "sync/transport.hpp"
#include "store/response_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <utility>

namespace skm::kiosk {
namespace {

// ---- [arguments] -------------------------------------------------------------

struct Arguments {
    std::optional<std::string> db;
    std::optional<std::string> config;
    std::optional<std::string> screenshots;
    std::optional<std::string> fonts;
    bool windowed = false;
    int width = 1280;
    int height = 800;
    bool render_every_frame = false;
    bool full_startup_check = false;
    std::optional<double> exit_after;
    std::optional<std::uint64_t> frames;
};

void add_options(CLI::App& kiosk, Arguments& a) {
    cli::add_text(kiosk, "--db", a.db);
    cli::add_text(kiosk, "--config", a.config);
    cli::add_text(kiosk, "--screenshots", a.screenshots);
    cli::add_text(kiosk, "--fonts", a.fonts);
    cli::add_flag(kiosk, "--windowed", a.windowed);
    cli::add_flag(kiosk, "--render-every-frame", a.render_every_frame);
    cli::add_flag(kiosk, "--full-startup-check", a.full_startup_check);
    cli::add_seconds(kiosk, "--exit-after", a.exit_after);
    cli::add_whole_number(kiosk, "--frames", a.frames, {0, INT64_MAX, "usage.bad_number"});
    cli::add_checked_text(kiosk, "--size", [&a](const std::string& size) {
        char rest = 0;
        if (std::sscanf(size.c_str(), "%dx%d%c", &a.width, &a.height, &rest) != 2 || a.width < 320 || a.height < 320) {
            throw Error(ErrorKind::usage, Problem{"usage.bad_size", {{"value", size}}});
        }
        a.windowed = true;
    });
}

std::filesystem::path font_dir(const Arguments& args) { return args.fonts.value_or("/usr/share/fonts/truetype/noto"); }

// ---- [setup] -----------------------------------------------------------------

// The staff PIN hash lives in the device database; the config's initial PIN
// sets it once.
std::string staff_pin_hash(store::ResponseStore& db, const formats::KioskConfig& config) {
    if (auto hash = db.setting(store::setting_key::kStaffPinHash)) return *hash;
    if (config.initial_staff_pin.empty()) return {};
    const std::string hash = StaffLock::hash_pin(config.initial_staff_pin);
    db.set_setting(store::setting_key::kStaffPinHash, hash);
    db.audit("system", "staff_pin_set", "from initial_staff_pin in the configuration");
    return hash;
}

int run_with_texts(const Arguments& args, const std::filesystem::path& assets, const ui::UiTexts& texts,
                   std::chrono::steady_clock::time_point process_start);

// A configuration the kiosk cannot run on (file, line, column and the fix):
// the same words on its screen, not a black one, until the file is changed.
// A bad configuration (shown until its file changes) or a database that cannot
// be opened at all, e.g. on a full disk at boot (shown for one probe interval,
// then the kiosk exits and systemd starts it again, which tries again): on the
// screen, so staff never face a black one.
void show_startup_error(const Arguments& args, const std::filesystem::path& assets, const ui::UiTexts& texts,
                        const Failure& failure) {
    const Problem& problem = failure.problem;
    const bool storage = failure.kind == ErrorKind::storage;
    platform::StartupErrorOptions options;
    options.window.windowed = args.windowed;
    options.window.width = args.width;
    options.window.height = args.height;
    options.window.title = "SKM";
    options.window.hide_cursor = !args.windowed;
    options.fonts = font_dir(args);
    options.watched_file = args.config.value_or(assets / "kiosk" / "demo.json");
    for (const auto& [name, value] : problem.args) {
        if (name == "file") options.watched_file = value;
    }
    options.max_seconds = args.exit_after.value_or(-1);
    if (storage) {
        const double retry_s = static_cast<double>(kStorageProbeEveryMs) / 1000.0;
        options.max_seconds = options.max_seconds < 0 ? retry_s : std::min(options.max_seconds, retry_s);
        platform::show_startup_error(
            {texts.text("id", "kiosk.storage_error.title"), texts.format("id", problem.key, problem.args),
             texts.format("id", "kiosk.storage_error.help", {{"seconds", std::to_string(kStorageProbeEveryMs / 1000)}})},
            options);
        return;
    }
    platform::show_startup_error({texts.text("id", "kiosk.config_error.title"), texts.format("id", problem.key, problem.args),
                                  texts.text("id", "kiosk.config_error.help")},
                                 options);
}

int run(const Arguments& args, const std::filesystem::path& assets, std::chrono::steady_clock::time_point process_start) {
    const auto texts = ui::UiTexts::load(assets / "i18n");
    try {
        return run_with_texts(args, assets, texts, process_start);
    } catch (...) {
        // A bad configuration or an unusable database (or a defect): said in plain Indonesian,
        // and a bad configuration also on the screen, so staff are not left with a black one.
        const Failure failure = failure_of(std::current_exception());
        std::cerr << "skm-kiosk: " << texts.format("id", failure.problem.key, failure.problem.args) << "\n";
        if ((failure.kind == ErrorKind::input || failure.kind == ErrorKind::storage) && !args.screenshots) {
            show_startup_error(args, assets, texts, failure);
        }
        return failure.exit_code();
    }
}

int run_with_texts(const Arguments& args, const std::filesystem::path& assets, const ui::UiTexts& texts,
                   std::chrono::steady_clock::time_point process_start) {
    // An office's own configuration file, the demo's, or (a --config that does
    // not exist) the first-run defaults that the setup screens complete.
    const bool own_config = !args.config || std::filesystem::exists(*args.config);
    const std::filesystem::path config_file = own_config ? args.config.value_or(assets / "kiosk" / "demo.json")
                                                         : (assets / "kiosk" / "first-run.json").string();
    const auto config = formats::load_kiosk_config(config_file, assets);
    const auto questionnaire = formats::load_questionnaire(config.questionnaire_file);
    const auto layanan = formats::load_layanan_list(config.layanan_file);
    const auto profile_options = formats::load_profile_options(config.profile_options_file);

    platform::ImGuiSession imgui;
    std::unique_ptr<platform::Window> window;
    try {
        platform::WindowOptions options;
        options.windowed = args.windowed || args.screenshots.has_value();
        options.width = args.width;
        options.height = args.height;
        options.title = "SKM — " + config.office;
        options.hide_cursor = !options.windowed;
        window = std::make_unique<platform::Window>(options);
    } catch (const platform::NoDisplay& e) {
        std::cerr << texts.format("id", "kiosk.no_display", {{"detail", e.what()}}) << "\n";
        return 1;
    }

    if (args.screenshots) {
        platform::ScreenshotJob job;
        job.out_dir = *args.screenshots;
        job.font_dir = font_dir(args);
        job.demo_responses = assets / "demo" / "responses.csv";
        job.profile_options = profile_options;
        const int written = platform::write_screenshots(*window, job, config, questionnaire, layanan, texts);
        std::cerr << "skm-kiosk: " << written << " screenshots in " << *args.screenshots << "\n";
        return 0;
    }

    // ---- [run] -------------------------------------------------------------------
    store::SystemClock clock;
    store::StoreOptions store_options;
    store_options.path = args.db ? std::filesystem::path(*args.db) : store::default_database_path();
    // Before the first frame only opening, the header check and the schema version; the quick_check
    // and the tally count follow in the background (DeferredChecks below).
    store_options.startup = args.full_startup_check ? store::StartupChecks::full : store::StartupChecks::deferred;
    store::ResponseStore db(store_options, questionnaire.scheme, clock);
    if (db.open_report().moved_aside) {
        std::cerr << texts.format("id", "kiosk.storage_alert", {{"moved", db.open_report().moved_aside->string()}}) << "\n";
    }
    const auto report_words = formats::Catalog::load(assets / "i18n", "id");  // printed reports and the journal are Indonesian
    // Storage trouble pauses the invitation and is shown to staff; it also runs the scheduled backups.
    StorageWatch storage(db, clock, report_words, std::cerr);
    StoreSink sink(db, storage);
    store::RandomUuidSource ids;
    // The layanan tiles live in the database once seeded from the configuration, so staff can
    // add, rename and retire them; timings staff changed override the configuration file.
    store::seed_layanan(db.connection(), layanan);
    StaffLock lock(staff_pin_hash(db, config), clock);
    StaffService service(db, lock, config);
    service.set_storage_watch(&storage);
    SurveyFlow flow(questionnaire, service.active_layanan(), service.flow_settings(),
                    store::DeviceIdentity{config.device_id, &questionnaire}, clock, ids, sink, profile_options);
    ui::StaffView staff_view(service, clock, MediaSources{}, questionnaire.codes(), config.device_id);
    staff_view.set_report_catalog(&report_words);
    ui::StaffGate gate(lock, clock, &staff_view);
    FirstRunSetup setup(service);
    ui::SetupScreen setup_screen(setup);
    const bool setup_needed = FirstRunSetup::needed(service, own_config && !config.first_run_setup);
    if (setup_needed) flow.set_language(service.default_language());
    platform::EspeakSpeaker speaker;

    const auto styled = platform::style_for_window(*window, font_dir(args));
    // Uploads to the kabupaten hub run on their own thread, only when staff set a hub and a token
    // (at start, or when the first-run setup set them).
    std::unique_ptr<store::Outbox> outbox;
    std::unique_ptr<sync::CurlTransport> transport;
    std::unique_ptr<sync::SyncEngine> engine;
    std::unique_ptr<sync::SyncWorker> worker;
    std::mt19937_64 random(std::random_device{}());
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    auto start_sync = [&] {
        const auto hub = db.setting(store::setting_key::kHubUrl);
        if (worker || !hub || hub->empty()) return;
        sync::TransportOptions transport_options;
        transport_options.url = *hub;
        transport_options.device_token = db.setting(store::setting_key::kDeviceToken).value_or("");
        transport_options.ca_file = config.hub_ca_file.string();
        transport_options.pinned_public_key = config.hub_pin;
        outbox = std::make_unique<store::Outbox>(db.path(), questionnaire.scheme);
        transport = std::make_unique<sync::CurlTransport>(transport_options);
        sync::EngineOptions engine_options;
        engine_options.device_id = config.device_id;
        engine_options.questionnaire = questionnaire.id + ":" + std::to_string(questionnaire.version);
        engine_options.app_version = SKM_VERSION;
        engine_options.register_link_key = true;  // survey links (#21): the hub learns this kiosk's key
        // The office's words for the hub's posters; the logo scaled once here, not per batch.
        engine_options.office_profile = [&config, logo = profile_logo(config.logo)](const store::Outbox& from) {
            return office_profile(from, config, logo);
        };
        engine = std::make_unique<sync::SyncEngine>(*outbox, *transport, questionnaire.scheme, clock,
                                                    [&] { return jitter(random); }, engine_options);
        worker = std::make_unique<sync::SyncWorker>(*engine);
        service.set_sync_status_source([&] { return worker->status(); });
    };
    if (!setup_needed) start_sync();
    std::size_t submitted_seen = 0;
    DeferredChecks deferred_checks(db, {.close_other_connections = [&] {
                                            service.set_sync_status_source(nullptr);
                                            worker.reset();  // stops and joins
                                            engine.reset();
                                            transport.reset();
                                            outbox.reset();
                                        },
                                        .after_move_aside = [&](bool moved) {
                                            if (moved) {
                                                std::cerr << texts.format("id", "kiosk.storage_alert",
                                                                          {{"moved", db.open_report().moved_aside->string()}})
                                                          << "\n";
                                                store::seed_layanan(db.connection(), layanan);
                                                lock.set_hash(staff_pin_hash(db, config));
                                            }
                                            start_sync();
                                        },
                                        .log = [](const std::string& line) { std::cerr << "skm-kiosk: " << line << "\n"; }});

    formats::KioskConfig shown_config = config;  // the office name staff may change
    shown_config.office = service.office_name();
    ui::ViewContext view{flow, texts, speaker, shown_config, styled.fonts, styled.scale, &gate};
    if (setup_needed) view.setup = &setup_screen;
    const platform::Texture logo(config.logo);
    if (!logo.error().empty()) std::cerr << "skm-kiosk: logo: " << logo.error() << "\n";  // runs without it
    platform::attach_logo(view, logo);
    ui::TouchQueue queue;
    // "Isi lewat HP": one-time links for answering on one's own phone, signed with this
    // kiosk's key (sync/link_keys), offered once a hub is set and has taken the key.
    PhoneLink phone_link([&db, &clock](const std::optional<std::string>& chosen) {
        return sync::issue_link_url(db.connection(), chosen, scoring::unix_seconds(clock.wall_now()));
    }, clock);
    auto hub_is_set = [&] {
        return !db.setting(store::setting_key::kHubUrl).value_or("").empty() &&
               db.setting(store::setting_key::kLinkDeviceId).has_value();
    };
    phone_link.set_hub_set(hub_is_set());
    view.phone_link = &phone_link;

    platform::LoopOptions loop;
    loop.render_every_frame = args.render_every_frame;
    loop.max_seconds = args.exit_after.value_or(-1);
    loop.max_frames = args.frames ? static_cast<std::int64_t>(*args.frames) : -1;
    loop.every_second = [&] {
        // Nothing the timer meets ends the kiosk: it goes to Status and is tried again next second.
        const auto problem = guarded([&] {
            // Staff changes reach the citizen's screens between surveys, never mid-survey.
            if (!gate.open() && !setup_screen.active()) {
                flow.reconfigure(service.active_layanan(), service.flow_settings());
                shown_config.office = service.office_name();
                phone_link.set_hub_set(hub_is_set());
                start_sync();  // after the first-run setup gave the hub
            }
            if (worker && flow.submitted_count() != submitted_seen) {
                submitted_seen = flow.submitted_count();
                worker->nudge();  // a new response waits in the outbox
            }
            // Between surveys: the welcome screen, the staff view closed, no first-run setup on screen
            // (setup_screen.active() alone stays true on a kiosk that never needed the setup).
            deferred_checks.tick(flow.screen() == Screen::welcome && !gate.open() &&
                                 !(setup_needed && setup_screen.active()));
        });
        if (problem) storage.met(*problem);
        if (view.frame_problem) storage.met(*std::exchange(view.frame_problem, std::nullopt));
        if (worker) {
            // The sync thread's own connection met storage trouble: the watch probes.
            if (const auto sync_error = worker->status().last_error; sync_error && is_storage_trouble(*sync_error)) {
                storage.met(*sync_error);
            }
        }
        storage.tick();  // the probe write while in trouble, and the scheduled backup
    };
    loop.after_frame = [&](std::int64_t frame) {
        if (frame != 1) return;
        // Operators and bench/kiosk-bench read this: cold start to the first drawn frame.
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - process_start);
        std::cerr << "skm-kiosk: first frame after " << ms.count() << " ms\n";
        deferred_checks.first_frame_drawn();
    };
    const auto stats = platform::run_kiosk_loop(*window, view, gate, queue, loop);
    if (gate.exit_requested()) db.audit("staff", "kiosk_closed", "");
    std::cerr << "skm-kiosk: " << stats.frames << " frames\n";
    speaker.stop();
    if (worker) worker->stop();
    return 0;
}

}  // namespace
}  // namespace skm::kiosk

int main(int argc, char** argv) {
    const auto process_start = std::chrono::steady_clock::now();
    skm::kiosk::Arguments args;
    return skm::cli::run_program({"skm-kiosk", "usage.kiosk"}, argc, argv,
                                 [&](skm::cli::CommandLine& command_line, skm::cli::ProgramContext& context) {
                                     skm::kiosk::add_options(command_line.app(), args);
                                     command_line.on_run([&] { return skm::kiosk::run(args, context.assets, process_start); });
                                 });
}
