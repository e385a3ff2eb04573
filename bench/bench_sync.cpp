// skm-bench-sync: what the kiosk → hub upload costs, beside its baselines,
// on loopback TLS against the real skm-hub server (in-process HubServer, test
// CA made at run time) with a fresh SQLite hub database for every pass.
//   batched       the kiosk's engine draining a backlog in batches (default 200), keep-alive
//   per_request   the same backlog, one request per response (batch size 1), keep-alive:
//                 how per-submission protocols such as OpenRosa upload
//   ingest        HubStore::ingest in the engine's batches, beside bare SQLite inserts
//                 of the same rows, same schema and settings (WAL, synchronous=FULL)
// Wire bytes are counted by a pass-through relay (tests/support/fault_proxy)
// between kiosk and hub: TLS records both ways, handshakes included.
// usage: skm-bench-sync --out DIR [--responses N] [--batch B] [--per-request N]
//                       [--bytes-sample N] [--assets DIR]
// Writes DIR/sync.md and DIR/sync.json.
//
// Index: [rigs] [passes] [ingest] [machine] [report] [main]
#include "bench/synthetic_submissions.hpp"
#include "formats/catalog.hpp"
#include "hub/device_token.hpp"
#include "hub/open_hub_store.hpp"
#include "hub/server.hpp"
#include "store/answers_codec.hpp"
#include "store/outbox.hpp"
#include "store/response_store.hpp"
#include "sync/engine.hpp"
#include "sync/transport.hpp"
#include "tests/support/fault_proxy.hpp"
#include "tests/support/test_pki.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/opensslv.h>
#include <sqlite3.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using skm::store::Submission;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "skm-bench-sync: %s\n", what.c_str());
    std::exit(1);
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// ---- [rigs] ------------------------------------------------------------------

// The hub as `skm-hub serve` runs it, on its own fresh database.
struct Hub {
    Hub(const fs::path& db, const skm::scoring::ScoringScheme& scheme, const skm::formats::Catalog& catalog)
        : owned(skm::hub::open_hub_store(db.string(), scheme)), store(*owned), token(skm::hub::new_token()) {
        store.enroll("kiosk-bench-01", "Sukamaju", skm::hub::token_hash(token), "2025-07-01T08:00:00+07:00");
        skm::hub::ServerOptions options;
        options.cert_file = skm::testing::test_pki().server_cert;
        options.key_file = skm::testing::test_pki().server_key;
        server = std::make_unique<skm::hub::HubServer>(store, clock, catalog, options, [this](const skm::Problem& p) {
            const std::lock_guard lock(problems_mutex);
            problems.push_back(p.key);
        });
        port = server->bind("127.0.0.1", 0);
        server->start();
    }
    ~Hub() { server.reset(); }  // before the store it writes to

    std::unique_ptr<skm::hub::HubStore> owned;
    skm::hub::HubStore& store;
    skm::store::SystemClock clock;
    std::string token;
    std::unique_ptr<skm::hub::HubServer> server;
    int port = 0;
    std::mutex problems_mutex;  // the server logs from its own threads
    std::vector<std::string> problems;
};

// Passes batches to libcurl, counting the bodies as they go.
class CountingTransport final : public skm::sync::Transport {
public:
    explicit CountingTransport(skm::sync::Transport& inner) : inner_(inner) {}
    skm::sync::HttpResult post_batch(const std::string& gzip_body) override {
        ++requests;
        body_up += gzip_body.size();
        auto result = inner_.post_batch(gzip_body);
        body_down += result.body.size();
        return result;
    }
    std::uint64_t requests = 0;
    std::uint64_t body_up = 0;    // gzip'd batch bodies
    std::uint64_t body_down = 0;  // reply bodies as libcurl hands them over (unpacked)

private:
    skm::sync::Transport& inner_;
};

// A kiosk database holding `rows`, every one pending, made once and copied for each pass.
fs::path make_kiosk(const fs::path& path, const std::vector<Submission>& rows, const skm::scoring::ScoringScheme& scheme) {
    skm::store::SystemClock clock;
    skm::store::StoreOptions options;
    options.path = path;
    skm::store::ResponseStore store(options, scheme, clock);
    store.import(rows);
    return path;
}

// ---- [passes] ----------------------------------------------------------------

struct Pass {
    std::string name;
    std::size_t responses = 0;
    std::size_t batch_size = 0;
    bool through_relay = false;
    double seconds = 0;
    std::uint64_t requests = 0;
    std::uint64_t body_up = 0;
    std::uint64_t body_down = 0;
    skm::testing::RelayCounts relay;  // only through the relay

    double per_second() const { return static_cast<double>(responses) / seconds; }
    double per_response(std::uint64_t bytes) const { return static_cast<double>(bytes) / static_cast<double>(responses); }
};

// One drain of a fresh copy of the kiosk database into a fresh hub, with the
// kiosk's own outbox, engine and libcurl transport.
Pass drain(const fs::path& work, const std::string& name, const fs::path& kiosk_template, std::size_t responses,
           std::size_t batch_size, bool through_relay, const skm::scoring::ScoringScheme& scheme,
           const skm::formats::Catalog& catalog) {
    const fs::path dir = work / name;
    fs::create_directories(dir);
    const fs::path kiosk_db = dir / "kiosk.db";
    fs::copy_file(kiosk_template, kiosk_db);
    Hub hub(dir / "hub.db", scheme, catalog);
    std::optional<skm::testing::FaultProxy> relay;
    if (through_relay) relay.emplace(hub.port);

    skm::sync::TransportOptions options;
    options.url = "https://127.0.0.1:" + std::to_string(relay ? relay->port() : hub.port) + "/api/v1/batches";
    options.device_token = hub.token;
    options.ca_file = skm::testing::test_pki().ca.string();
    skm::sync::CurlTransport curl(options);
    CountingTransport counting(curl);
    skm::store::Outbox outbox(kiosk_db, scheme);
    skm::store::SystemClock clock;
    skm::sync::EngineOptions engine_options;
    engine_options.batch_size = batch_size;
    engine_options.device_id = "kiosk-bench-01";
    skm::sync::SyncEngine engine(outbox, counting, scheme, clock, [] { return 0.5; }, engine_options);

    std::fprintf(stderr, "%s: %zu responses, batches of %zu%s…\n", name.c_str(), responses, batch_size,
                 through_relay ? ", through the counting relay" : "");
    const auto start = Clock::now();
    const auto outcome = engine.drain();
    Pass pass;
    pass.seconds = seconds_since(start);
    if (outcome.failed || outbox.pending() != 0 || outcome.sent != responses) {
        const auto& error = engine.status().last_error;
        fail(name + ": drain stopped with " + std::to_string(outbox.pending()) + " pending" +
             (error ? " (" + error->key + (error->args.empty() ? "" : ": " + error->args.back().second) + ")" : ""));
    }
    if (hub.store.response_count() != static_cast<std::int64_t>(responses) || !hub.problems.empty()) {
        fail(name + ": the hub holds " + std::to_string(hub.store.response_count()) + " rows");
    }
    pass.name = name;
    pass.responses = responses;
    pass.batch_size = batch_size;
    pass.through_relay = through_relay;
    pass.requests = counting.requests;
    pass.body_up = counting.body_up;
    pass.body_down = counting.body_down;
    if (relay) pass.relay = relay->counts();
    return pass;
}

// ---- [ingest] ----------------------------------------------------------------

// The floor for the hub's database: the same schema (read back from a
// database HubStore made), the same INSERT … ON CONFLICT DO NOTHING, one
// transaction per batch, WAL and synchronous=FULL; values prepared beforehand.
class BareHubTable {
public:
    BareHubTable(const fs::path& file, const fs::path& schema_from) {
        open(file, db_);
        sqlite3* source = nullptr;
        open(schema_from, source);
        sqlite3_stmt* schema = nullptr;
        check(sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid", -1,
                                 &schema, nullptr),
              source, "schema");
        while (sqlite3_step(schema) == SQLITE_ROW) {
            exec(reinterpret_cast<const char*>(sqlite3_column_text(schema, 0)));
        }
        sqlite3_finalize(schema);
        sqlite3_close(source);
        check(sqlite3_prepare_v2(
                  db_,
                  "INSERT INTO responses (response_id, device_id, kecamatan, layanan, questionnaire_id, "
                  "questionnaire_version, jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, submitted_at, "
                  "local_date, duration_ms, flags, batch_id, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                  "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) ON CONFLICT (response_id) DO NOTHING",
                  -1, &insert_, nullptr),
              db_, "prepare");
    }
    ~BareHubTable() {
        sqlite3_finalize(insert_);
        sqlite3_close(db_);
    }
    BareHubTable(const BareHubTable&) = delete;
    BareHubTable& operator=(const BareHubTable&) = delete;

    struct Row {
        std::vector<std::string> text;  // the 18 columns but 6 and 15, as bound
        std::int64_t duration_ms = 0;
    };

    void insert_batch(const std::vector<Row>& rows) {
        exec("BEGIN IMMEDIATE");
        for (const Row& row : rows) {
            for (int column = 1, i = 0; column <= 18; ++column) {
                if (column == 6) {
                    sqlite3_bind_int64(insert_, column, 1);
                } else if (column == 15) {
                    sqlite3_bind_int64(insert_, column, row.duration_ms);
                } else {
                    const std::string& value = row.text[static_cast<std::size_t>(i++)];
                    sqlite3_bind_text(insert_, column, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
                }
            }
            if (sqlite3_step(insert_) != SQLITE_DONE) check(SQLITE_ERROR, db_, "insert");
            sqlite3_reset(insert_);
        }
        exec("COMMIT");
    }

private:
    static void check(int rc, sqlite3* db, const char* what) {
        if (rc != SQLITE_OK) fail(std::string("bare SQLite ") + what + ": " + sqlite3_errmsg(db));
    }
    static void open(const fs::path& file, sqlite3*& db) {
        check(sqlite3_open(file.c_str(), &db), db, "open");
        check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr), db,
              "pragmas");
    }
    void exec(const char* sql) { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), db_, sql); }

    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
};

struct IngestFigures {
    std::size_t rows = 0;
    std::size_t batch_size = 0;
    double hub_seconds = 0;
    double bare_seconds = 0;
};

// Alternates one batch into HubStore::ingest with the same batch into the bare
// table, so that both see the same disk and cache state.
IngestFigures bench_ingest(const fs::path& work, const std::vector<Submission>& rows, std::size_t batch_size,
                           const skm::scoring::ScoringScheme& scheme) {
    const fs::path dir = work / "ingest";
    fs::create_directories(dir);
    const auto owned_hub = skm::hub::open_hub_store((dir / "hub.db").string(), scheme);
    skm::hub::HubStore& hub = *owned_hub;
    BareHubTable bare(dir / "bare.db", dir / "hub.db");
    const skm::hub::Device device{"kiosk-bench-01", "Sukamaju", "2025-07-01T08:00:00+07:00", std::nullopt, std::nullopt};
    const std::string received_at = "2025-07-01T09:00:00+07:00";

    std::vector<skm::sync::Batch> batches;
    std::vector<std::vector<BareHubTable::Row>> bare_batches;
    for (std::size_t first = 0; first < rows.size(); first += batch_size) {
        skm::sync::Batch batch;
        batch.device_id = device.device_id;
        batch.batch_id = "bench-" + std::to_string(first / batch_size);
        std::vector<BareHubTable::Row> bare_rows;
        for (std::size_t i = first; i < std::min(rows.size(), first + batch_size); ++i) {
            const auto& s = rows[i];
            const auto& r = s.response;
            batch.responses.push_back(s);
            bare_rows.push_back({{r.response_id, device.device_id, device.kecamatan, r.layanan, s.questionnaire_id,
                                  r.jenis_kelamin, r.umur, r.pendidikan, r.pekerjaan,
                                  skm::store::encode_answers(scheme, r.answers), r.saran, r.submitted_at,
                                  r.submitted_at.substr(0, 10), skm::store::join_flags(r.flags), batch.batch_id,
                                  received_at},
                                 s.duration_ms.value_or(0)});
        }
        batches.push_back(std::move(batch));
        bare_batches.push_back(std::move(bare_rows));
    }

    std::fprintf(stderr, "ingest: %zu rows in batches of %zu, HubStore::ingest and bare SQLite in turn…\n", rows.size(),
                 batch_size);
    IngestFigures figures{rows.size(), batch_size, 0, 0};
    for (std::size_t b = 0; b < batches.size(); ++b) {
        auto start = Clock::now();
        const auto results = hub.ingest(device, batches[b], received_at);
        figures.hub_seconds += seconds_since(start);
        if (results.size() != batches[b].responses.size()) fail("ingest: short answer");
        start = Clock::now();
        bare.insert_batch(bare_batches[b]);
        figures.bare_seconds += seconds_since(start);
    }
    if (hub.response_count() != static_cast<std::int64_t>(rows.size())) fail("ingest: rows missing");
    return figures;
}

// ---- [machine] ---------------------------------------------------------------

std::string first_line_of(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[256];
        if (std::fgets(buffer, sizeof buffer, pipe)) out = buffer;
        ::pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out.empty() ? "unknown" : out;
}

nlohmann::json machine() {
    utsname u{};
    uname(&u);
    return {{"cpu", first_line_of("sed -n 's/^model name\\s*: //p' /proc/cpuinfo | head -1")},
            {"cores", std::thread::hardware_concurrency()},
            {"memory", first_line_of("sed -n 's/^MemTotal:\\s*//p' /proc/meminfo")},
            {"kernel", std::string(u.sysname) + " " + u.release},
            {"disk", first_line_of("df -hT " + fs::temp_directory_path().string() + " | tail -1 | awk '{print $1\" \"$2}'")},
            {"load_average", first_line_of("cut -d' ' -f1-3 /proc/loadavg")},
            {"compiler", "GCC " __VERSION__},
            {"sqlite", sqlite3_libversion()},
            {"openssl", OPENSSL_VERSION_TEXT},
            {"libcurl", first_line_of("curl-config --version")},
            {"cpp_httplib", first_line_of("pkg-config --modversion cpp-httplib")}};
}

// ---- [report] ----------------------------------------------------------------

nlohmann::json pass_json(const Pass& p) {
    nlohmann::json j = {{"responses", p.responses},   {"batch_size", p.batch_size}, {"through_relay", p.through_relay},
                        {"seconds", p.seconds},       {"responses_per_second", p.per_second()},
                        {"requests", p.requests},     {"body_bytes_up", p.body_up}, {"body_bytes_down", p.body_down}};
    if (p.through_relay) {
        j["tls_connections"] = p.relay.connections;
        j["wire_bytes_up"] = p.relay.bytes_up;
        j["wire_bytes_down"] = p.relay.bytes_down;
    }
    return j;
}

void write_report(const fs::path& out_dir, const nlohmann::json& info, const Pass& batched, const Pass& batched_relay,
                  const Pass& single, const Pass& single_relay, const IngestFigures& ingest) {
    fs::create_directories(out_dir);
    const double hub_rate = static_cast<double>(ingest.rows) / ingest.hub_seconds;
    const double bare_rate = static_cast<double>(ingest.rows) / ingest.bare_seconds;
    nlohmann::json json = {{"machine", info},
                           {"keep_alive", true},
                           {"batched", pass_json(batched)},
                           {"batched_through_relay", pass_json(batched_relay)},
                           {"per_request", pass_json(single)},
                           {"per_request_through_relay", pass_json(single_relay)},
                           {"ingest",
                            {{"rows", ingest.rows},
                             {"batch_size", ingest.batch_size},
                             {"hub_store_seconds", ingest.hub_seconds},
                             {"hub_store_rows_per_second", hub_rate},
                             {"bare_sqlite_seconds", ingest.bare_seconds},
                             {"bare_sqlite_rows_per_second", bare_rate}}}};
    std::ofstream(out_dir / "sync.json") << json.dump(2) << "\n";

    auto wire = [](const Pass& relay, std::uint64_t bytes) { return relay.per_response(bytes); };
    std::string md;
    md += "# Sync benchmark (skm-bench-sync)\n\n";
    md += fmt::format(
        "The kiosk's own outbox, engine and libcurl transport drain a backlog of synthetic responses into the real "
        "hub (`HubServer` in-process, HTTPS on loopback, certificate of a CA made at run time, a fresh SQLite hub "
        "database per pass, WAL and synchronous=FULL). Both sides run on this one machine. libcurl keeps the "
        "connection alive between requests (keep-alive on); the hub closes a connection after every {} requests "
        "(cpp-httplib's default; hub/server sets no other), so a new TLS handshake follows every few requests.\n\n",
        batched_relay.relay.connections ? (batched_relay.requests + batched_relay.relay.connections - 1) /
                                              batched_relay.relay.connections
                                        : 0);
    md += "| | batched (the engine) | one request per response |\n|---|---:|---:|\n";
    md += fmt::format("| responses | {} | {} |\n", batched.responses, single.responses);
    md += fmt::format("| responses per request | {} | 1 |\n", batched.batch_size);
    md += fmt::format("| total seconds | {:.2f} | {:.2f} |\n", batched.seconds, single.seconds);
    md += fmt::format("| responses per second | {:.0f} | {:.0f} |\n", batched.per_second(), single.per_second());
    md += fmt::format("| HTTPS requests | {} | {} |\n", batched.requests, single.requests);
    md += fmt::format("| request body bytes per response (gzip'd JSON) | {:.1f} | {:.1f} |\n",
                      batched.per_response(batched.body_up), single.per_response(single.body_up));
    md += fmt::format("| reply body bytes per response (JSON as unpacked by libcurl) | {:.1f} | {:.1f} |\n",
                      batched.per_response(batched.body_down), single.per_response(single.body_down));
    md += fmt::format("| wire bytes per response, kiosk → hub (TLS, headers, handshakes) | {:.1f} | {:.1f} |\n",
                      wire(batched_relay, batched_relay.relay.bytes_up), wire(single_relay, single_relay.relay.bytes_up));
    md += fmt::format("| wire bytes per response, hub → kiosk | {:.1f} | {:.1f} |\n",
                      wire(batched_relay, batched_relay.relay.bytes_down),
                      wire(single_relay, single_relay.relay.bytes_down));
    md += fmt::format("| wire bytes per response, both ways | {:.1f} | {:.1f} |\n",
                      wire(batched_relay, batched_relay.relay.bytes_up + batched_relay.relay.bytes_down),
                      wire(single_relay, single_relay.relay.bytes_up + single_relay.relay.bytes_down));
    md += fmt::format("| TLS connections (handshakes) | {} | {} (in {} requests) |\n\n",
                      batched_relay.relay.connections, single_relay.relay.connections, single_relay.requests);
    md += fmt::format(
        "Batched is **{:.1f}× faster** and sends **{:.1f}× fewer bytes** per response than one request per "
        "response.\n\n",
        batched.per_second() / single.per_second(),
        wire(single_relay, single_relay.relay.bytes_up + single_relay.relay.bytes_down) /
            wire(batched_relay, batched_relay.relay.bytes_up + batched_relay.relay.bytes_down));
    md += fmt::format(
        "Wire bytes are counted by a pass-through relay (tests/support/fault_proxy) between kiosk and hub: the TCP "
        "payload both ways, i.e. TLS records with the HTTP headers and bodies inside, handshakes included; TCP/IP "
        "headers are not counted. The batched figures come from a second drain of all {} responses through the "
        "relay ({:.2f} s, {:.0f} responses per second, against {:.0f} without it); the per-request ones from a "
        "separate drain of the first {} responses one by one through the relay ({:.0f} responses per second). "
        "Times come from the drains without the relay. A response's time includes the kiosk's side: reading the "
        "outbox and marking each response sent in its own SQLite database (synchronous=FULL), one transaction "
        "per reply.\n\n",
        batched_relay.responses, batched_relay.seconds, batched_relay.per_second(), batched.per_second(),
        single_relay.responses, single_relay.per_second());
    md += "## Hub ingest\n\n";
    md += fmt::format(
        "{} rows in batches of {} as the engine sends them, into `HubStore::ingest` (one transaction per batch, "
        "each id checked against the rows stored, answers encoded by unsur code) beside bare SQLite inserts of the "
        "same rows: the schema read back from a database HubStore made, the same prepared `INSERT … ON CONFLICT "
        "DO NOTHING`, one transaction per batch, WAL, synchronous=FULL, values prepared beforehand. The two take "
        "turns batch by batch on the same disk. No HTTP, TLS or JSON here.\n\n",
        ingest.rows, ingest.batch_size);
    md += "| | rows per second | seconds |\n|---|---:|---:|\n";
    md += fmt::format("| `HubStore::ingest` | {:.0f} | {:.2f} |\n", hub_rate, ingest.hub_seconds);
    md += fmt::format("| bare SQLite, same schema and settings | {:.0f} | {:.2f} |\n", bare_rate, ingest.bare_seconds);
    md += fmt::format("| HubStore's cost over the floor | {:.0f}% | |\n\n",
                      100.0 * (ingest.hub_seconds - ingest.bare_seconds) / ingest.bare_seconds);
    md += "## Machine\n\n";
    for (const auto& [key, value] : info.items()) {
        md += fmt::format("- {}: {}\n", key, value.is_string() ? value.get<std::string>() : value.dump());
    }
    std::ofstream(out_dir / "sync.md") << md;
}

}  // namespace

// ---- [main] ------------------------------------------------------------------

int main(int argc, char** argv) {
    fs::path out_dir;
    std::size_t responses = 100'000;
    std::size_t batch_size = skm::sync::EngineOptions{}.batch_size;
    std::optional<std::size_t> per_request;
    std::size_t bytes_sample = 2'000;
    fs::path assets = "assets";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--out") out_dir = argv[i + 1];
        else if (name == "--responses") responses = std::stoul(argv[i + 1]);
        else if (name == "--batch") batch_size = std::stoul(argv[i + 1]);
        else if (name == "--per-request") per_request = std::stoul(argv[i + 1]);
        else if (name == "--bytes-sample") bytes_sample = std::stoul(argv[i + 1]);
        else if (name == "--assets") assets = argv[i + 1];
        else out_dir.clear(), i = argc;
    }
    if (out_dir.empty() || responses == 0 || batch_size == 0) {
        std::fprintf(stderr,
                     "usage: skm-bench-sync --out DIR [--responses N] [--batch B] [--per-request N] "
                     "[--bytes-sample N] [--assets DIR]\n");
        return 2;
    }
    const std::size_t single_count = std::min(per_request.value_or(responses), responses);
    bytes_sample = std::min(bytes_sample, single_count);

    const auto questionnaire = skm::formats::load_questionnaire(assets / "questionnaire" / "permenpan-14-2017.json");
    const auto catalog = skm::formats::Catalog::load(assets / "i18n", "id");
    const auto& scheme = questionnaire.scheme;
    const nlohmann::json info = machine();
    const fs::path work = fs::temp_directory_path() / ("skm-bench-sync-" + std::to_string(::getpid()));
    fs::create_directories(work);

    const auto rows = skm::bench::synthetic_submissions(responses, 11, questionnaire);
    const fs::path all = make_kiosk(work / "kiosk-all.db", rows, scheme);
    const fs::path first_single =
        make_kiosk(work / "kiosk-single.db", {rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(single_count)}, scheme);
    const fs::path first_sample =
        make_kiosk(work / "kiosk-sample.db", {rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(bytes_sample)}, scheme);

    const Pass batched = drain(work, "batched", all, responses, batch_size, false, scheme, catalog);
    const Pass batched_relay = drain(work, "batched-relay", all, responses, batch_size, true, scheme, catalog);
    const Pass single = drain(work, "per-request", first_single, single_count, 1, false, scheme, catalog);
    const Pass single_relay = drain(work, "per-request-relay", first_sample, bytes_sample, 1, true, scheme, catalog);
    const IngestFigures ingest = bench_ingest(work, rows, batch_size, scheme);
    fs::remove_all(work);

    write_report(out_dir, info, batched, batched_relay, single, single_relay, ingest);
    std::printf("written %s\n", (out_dir / "sync.md").c_str());
    return 0;
}
