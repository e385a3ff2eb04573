// skm-hub serve --db PATH (--cert FILE --key FILE | --trusted-proxy ADDRESS)
//               [--listen HOST:PORT] [--admin-token-file FILE] [--questionnaire FILE] [--min-n N]
//               [--smtp-url smtp://HOST:PORT --smtp-from ADDRESS [--smtp-user USER --smtp-password-file FILE]]
//               [--telegram-token-file FILE [--telegram-base-url URL]] [--alert-ca-file FILE] [--alert-interval S]
// Serves the kiosks' API and the web dashboard (hub/web) on the same port:
// in HTTPS with its own certificate, or in plain HTTP on a loopback address
// behind the reverse proxy at ADDRESS (packaging/nginx), the way for a public address.
// Beside them, the live-alert worker (hub/alerts) finds each kecamatan's
// alerts and sends them to the recipients set on the dashboard.
// Serves until SIGINT or SIGTERM, then finishes the requests under way and exits 0.
#include "formats/file_content.hpp"
#include "formats/profile_options.hpp"
#include "formats/settings_table.hpp"
#include "hub/alerts/alert_worker.hpp"
#include "hub/client_address.hpp"
#include "hub/device_token.hpp"
#include "hub/hub_context.hpp"
#include "hub/server.hpp"
#include "hub/stop_signals.hpp"
#include "hub/web/open_web_store.hpp"
#include "hub/web/web_app.hpp"
#include "hub/web/device_report.hpp"
#include "reports/report_labels.hpp"
#include "store/clock.hpp"

#include <malloc.h>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <memory>
#include <mutex>

namespace skm::hub {
namespace {

struct ListenAddress {
    std::string host;
    int port = 0;
};

// 127.0.0.1:8443, 0.0.0.0:443, [::1]:8443; port 0 takes any free port.
ListenAddress parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    ListenAddress address;
    const auto bad = [&] { return Error(ErrorKind::usage, Problem{"hub.bad_listen", {{"value", text}}}); };
    if (colon == std::string::npos || colon == 0) throw bad();
    address.host = text.substr(0, colon);
    if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']') {
        address.host = address.host.substr(1, address.host.size() - 2);
    }
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, address.port);
    if (first == last || error != std::errc() || end != last || address.port < 0 || address.port > 65535) throw bad();
    return address;
}

// A secret kept in a file (token, password): its text without surrounding blanks.
std::string secret_from(const std::string& file) {
    std::string token = formats::read_text_file(file);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front()))) token.erase(0, 1);
    return token;
}

// The admin token's hash; the token itself is not kept in memory longer than this.
std::string admin_token_hash(const std::string& file) {
    const std::string token = secret_from(file);
    // Anyone who can reach the port may guess it: demand what `enroll` would give.
    if (token.size() < 32) throw Error(ErrorKind::input, Problem{"hub.admin_token_weak", {{"file", file}}});
    return token_hash(token);
}

struct ServeOptions {
    DatabaseOptions database;
    std::optional<std::string> cert, key, listen, trusted_proxy, admin_token_file;
    std::optional<std::uint64_t> min_n;
    // Alert delivery (hub/alerts): SMTP with STARTTLS, Telegram's Bot API.
    std::optional<std::string> smtp_url, smtp_user, smtp_password_file, smtp_from, telegram_base_url, telegram_token_file,
        alert_ca_file;
    std::optional<std::uint64_t> alert_interval;
};

alerts::AlertDelivery alert_delivery(const ServeOptions& args) {
    alerts::AlertDelivery delivery;
    if (args.smtp_url) {
        if (args.smtp_url->rfind("smtp://", 0) != 0 || args.smtp_url->size() <= 7) {
            throw Error(ErrorKind::usage, Problem{"hub.bad_smtp_url", {{"value", *args.smtp_url}}});
        }
        if (!args.smtp_from) throw Error(ErrorKind::usage, Problem{"hub.smtp_from_required", {}});
        alerts::SmtpConfig smtp;
        smtp.url = *args.smtp_url;
        smtp.from = *args.smtp_from;
        smtp.user = args.smtp_user.value_or("");
        if (args.smtp_password_file) smtp.password = secret_from(*args.smtp_password_file);
        smtp.ca_file = args.alert_ca_file.value_or("");
        delivery.smtp = smtp;
    }
    if (args.telegram_token_file) {
        alerts::TelegramConfig telegram;
        telegram.token = secret_from(*args.telegram_token_file);
        if (args.telegram_base_url) telegram.base_url = *args.telegram_base_url;
        telegram.ca_file = args.alert_ca_file.value_or("");
        delivery.telegram = telegram;
    }
    return delivery;
}

int run_serve(HubContext& context, const ServeOptions& args) {
    // Blocks of 1 MiB and more (an unpacked upload, an export) come from and go
    // back to the kernel at once. glibc's default threshold grows with each such
    // block freed, after which they stay in each worker thread's arena: eight
    // threads that once unpacked an 8 MiB body would keep ~100 MB for good.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    const ListenAddress address = parse_listen(args.listen.value_or("127.0.0.1:8443"));
    ServerOptions options;
    options.trusted_proxy = args.trusted_proxy;
    if (options.trusted_proxy) {
        // Plain HTTP: only the proxy on this machine may reach it.
        if (args.cert || args.key) {
            throw Error(ErrorKind::usage, Problem{"hub.proxy_with_cert", {}});
        }
        if (!is_loopback_host(address.host) || !is_loopback_host(*options.trusted_proxy)) {
            throw Error(ErrorKind::usage, Problem{"hub.proxy_not_local", {{"address", address.host}}});
        }
    } else {
        options.cert_file = required(args.cert, "--cert");
        options.key_file = required(args.key, "--key");
    }
    if (args.admin_token_file) options.admin_token_hash = admin_token_hash(*args.admin_token_file);
    alerts::AlertDelivery delivery = alert_delivery(args);
    auto store = open_hub_store(context, args.database);
    store::SystemClock clock;
    std::mutex log_mutex;
    const auto log = [&](const Problem& problem) {
        const std::lock_guard lock(log_mutex);
        context.err << context.catalog.text("error.prefix") << ": " << context.catalog.format(problem) << std::endl;
    };

    // The dashboard, on the same database (SQLite file or PostgreSQL) and port.
    const std::unique_ptr<web::WebStore> web_store = web::open_web_store(required(args.database.db, "--db"));
    const auto texts = formats::Catalogs::load(context.assets / "i18n");
    const web::WebAssets web_assets(context.assets / "web");
    web::WebOptions web_options;
    if (args.min_n) web_options.min_n = *args.min_n;
    // The kiosks' shipped sub-options: the labels of the profile's detail rows.
    if (const auto shipped = context.assets / formats::setting::kProfileOptionsFile.fallback_text; std::filesystem::exists(shipped)) {
        web_options.profile_options = formats::load_profile_options(shipped);
    }
    web::WebApp web_app(*store, *web_store, clock, texts, web_assets, cli::load_questionnaire(context, args.database),
                        web_options);
    // The alert worker: its own connection, its own thread (hub/alerts/alert_worker.hpp).
    const std::unique_ptr<alerts::AlertStore> alert_store = alerts::AlertStore::open(required(args.database.db, "--db"));
    web_app.alerts = alert_store.get();
    alerts::AlertWorkerOptions alert_options;
    alert_options.min_n = web_options.min_n;
    if (args.alert_interval) alert_options.interval_s = static_cast<std::int64_t>(*args.alert_interval);
    const auto unsur_name = [&](std::string_view code) {
        const auto& q = web_app.questionnaire;
        for (std::size_t i = 0; i < q.unsur.size(); ++i)
            if (q.scheme.code(i) == code) return reports::unsur_name(q, i, context.catalog);
        return std::string(code);
    };
    alerts::AlertWorker alert_worker(*alert_store, store->scheme(), context.catalog, unsur_name, clock, std::move(delivery),
                                     alert_options, log);
    web_app.tallies.refresh();  // every stored response read once now, so the first page is as quick as the rest
    options.web = [&](const web::WebRequest& request) { return web_app.handle(request); };
    options.device_report = [&](const DeviceReportIn& in) {
        try {
            web::record_device(*web_store, in);
        } catch (const Error& e) {
            log(e.problem());  // the batch is stored; only the device page misses this report
        }
    };
    HubServer server(*store, clock, context.catalog, options, log);
    const int port = server.bind(address.host, address.port);
    // Before run(): httplib starts its worker threads there, and they must inherit the blocked signals.
    StopSignals signals([&](int) { server.stop(); });
    {
        const std::lock_guard lock(log_mutex);
        const std::string where = address.host + ":" + std::to_string(port);
        context.err << (options.trusted_proxy ? context.catalog.format("hub.listening_behind_proxy",
                                                                      {{"address", where}, {"proxy", *options.trusted_proxy}})
                                              : context.catalog.format("hub.listening", {{"address", where}}))
                    << std::endl;
    }
    alert_worker.start();
    server.run();
    alert_worker.stop();
    const std::lock_guard lock(log_mutex);
    context.err << context.catalog.text("hub.stopped") << std::endl;
    return 0;
}

void declare_serve(CLI::App& command, ServeOptions& options) {
    cli::add_database_options(command, options.database);
    cli::add_texts(command, {{"--cert", &options.cert}, {"--key", &options.key}, {"--listen", &options.listen},
                             {"--trusted-proxy", &options.trusted_proxy}, {"--admin-token-file", &options.admin_token_file}});
    // The dashboard hides groups smaller than this (web/web_app.hpp).
    cli::add_whole_number(command, "--min-n", options.min_n, {1, UINT64_MAX, "web.bad_min_n"});
    cli::add_texts(command, {{"--smtp-url", &options.smtp_url}, {"--smtp-user", &options.smtp_user},
                             {"--smtp-password-file", &options.smtp_password_file}, {"--smtp-from", &options.smtp_from},
                             {"--telegram-base-url", &options.telegram_base_url},
                             {"--telegram-token-file", &options.telegram_token_file}, {"--alert-ca-file", &options.alert_ca_file}});
    // Seconds between two rounds of the alert worker (hub/alerts/alert_worker.hpp).
    cli::add_whole_number(command, "--alert-interval", options.alert_interval, {1, 86'400});
}

}  // namespace

void add_serve(cli::CommandLine& command_line, HubContext& context) {
    command_line.add_command("serve", context, run_serve, declare_serve);
}

}  // namespace skm::hub
