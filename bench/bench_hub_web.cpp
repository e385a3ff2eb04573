// The web dashboard's overview under load (issue #8): 30 kecamatan × 15
// layanan × 3 years into a hub database through HubStore::ingest (the upload
// path's storage), then the overview page of a year timed on the server
// (WebApp::handle, no network) and over HTTPS (a real HubServer on loopback),
// plus a kecamatan page and the recap CSV; the same run on a SQLite file and
// on PostgreSQL, one after the other. Writes OUT_DIR/hub-web.md and
// hub-web.json; the budget is "well under a second".
//
//   skm-bench-hub-web OUT_DIR [RESPONSES_PER_LAYANAN_YEAR=300] [RUNS=15] [PG=start]
// PG: "start" (a throwaway PostgreSQL 15 of its own, tests/support/test_postgres;
// built only with the tests), a postgresql:// URI of an empty database, or "none".
#include "formats/questionnaire.hpp"
#include "hub/device_token.hpp"
#include "hub/server.hpp"
#include "hub/open_hub_store.hpp"
#include "hub/pg_connection.hpp"
#include "hub/pg_conninfo.hpp"
#include "hub/web/open_web_store.hpp"
#include "hub/web/password.hpp"
#include "hub/web/web_app.hpp"
#include "store/clock.hpp"
#ifdef SKM_BENCH_TEST_POSTGRES
#include "tests/support/test_postgres.hpp"
#endif

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <time.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace skm;

namespace {

constexpr int kKecamatan = 30;
constexpr int kLayanan = 15;
constexpr int kFirstYear = 2023;
constexpr int kYears = 3;

struct Timing {
    std::string what;
    double median_ms = 0;
    double min_ms = 0;
    double max_ms = 0;
    double cpu_median_ms = 0;  // CPU time of the whole process (server threads included)
    std::size_t bytes = 0;
};

double process_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Other work on the machine (builds, tests) stretches wall time but not CPU
// time: both are kept, and the load average is written beside them.
template <typename F>
Timing time_it(const std::string& what, int runs, F&& run) {
    run();  // warm: the first read brings the file into the page cache
    std::vector<double> ms;
    std::vector<double> cpu;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
        const double cpu_start = process_cpu_ms();
        const auto start = Clock::now();
        bytes = run();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        cpu.push_back(process_cpu_ms() - cpu_start);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {what, ms[ms.size() / 2], ms.front(), ms.back(), cpu[cpu.size() / 2], bytes};
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one;
}

void must(int rc, const char* what) {
    if (rc != 0) throw std::runtime_error(std::string("failed: ") + what);
}

// One backend's run: what it seeded and how the pages timed.
struct Run {
    std::string backend;  // "SQLite", "PostgreSQL"
    std::int64_t total = 0;
    double seed_s = 0;
    double db_megabytes = 0;
    std::string load_before;
    std::string load_after;
    std::vector<Timing> timings;
};

Run run_backend(const std::string& backend, const std::string& db, const fs::path& work, int per_year, int runs);

}  // namespace

namespace {

Run run_backend(const std::string& backend, const std::string& db, const fs::path& work, int per_year, int runs) {
    const fs::path source = SKM_SOURCE_DIR;
    const auto questionnaire = formats::load_questionnaire(source / "assets" / "questionnaire" / "permenpan-14-2017.json");
    // As skm-hub serve opens them: the hub's store first (it makes the schema), then the dashboard's.
    const auto hub_store = hub::open_hub_store(db, questionnaire.scheme);
    const auto web_store = hub::web::open_web_store(db);
    hub::HubStore& store = *hub_store;
    hub::web::WebStore& web = *web_store;

    // ---- seed ----
    std::mt19937_64 random(14);
    const auto seed_start = Clock::now();
    std::int64_t total = 0;
    for (int k = 0; k < kKecamatan; ++k) {
        const std::string kecamatan = "Kecamatan " + std::to_string(k + 1);
        const std::string device = "kiosk-" + std::to_string(k + 1);
        store.enroll(device, kecamatan, hub::token_hash(hub::new_token()), "2023-01-01T08:00:00+07:00");
        hub::Device d{device, kecamatan, "", std::nullopt, std::nullopt};
        std::normal_distribution<double> level(2.6 + 0.03 * k, 0.6);
        for (int year = kFirstYear; year < kFirstYear + kYears; ++year) {
            sync::Batch batch{device, device + "-" + std::to_string(year), {}, std::nullopt, std::nullopt, std::nullopt};
            for (int l = 0; l < kLayanan; ++l) {
                for (int i = 0; i < per_year; ++i) {
                    store::Submission s;
                    auto& r = s.response;
                    r.response_id = device + "-" + std::to_string(year) + "-" + std::to_string(l) + "-" + std::to_string(i);
                    const int day_of_year = static_cast<int>(random() % 365);
                    const int month = 1 + day_of_year / 31 % 12;
                    const int day = 1 + day_of_year % 28;
                    char stamp[40];
                    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:00+07:00", year, month, day,
                                  8 + static_cast<int>(random() % 7), static_cast<int>(random() % 60));
                    r.submitted_at = stamp;
                    r.layanan = "Layanan " + std::to_string(l + 1);
                    r.answers.resize(questionnaire.scheme.size());
                    for (auto& a : r.answers) a = static_cast<std::uint8_t>(std::clamp(std::lround(level(random)), 1L, 4L));
                    r.questionnaire_version = "1";
                    r.saran = random() % 20 == 0 ? "Mohon antrean dipercepat." : "";
                    s.questionnaire_id = questionnaire.id;
                    batch.responses.push_back(std::move(s));
                }
            }
            total += static_cast<std::int64_t>(batch.responses.size());
            store.ingest(d, batch, "2025-12-31T08:00:00+07:00");
        }
        store.touch(device, "2025-12-31T08:00:00+07:00");
    }
    const double seed_s = std::chrono::duration<double>(Clock::now() - seed_start).count();
    for (const char* kecamatan_default : {""}) web.set_target({2025, kecamatan_default, std::string("78.00"), std::int64_t{4000}});
    std::cerr << backend << ": seeded " << total << " responses in " << seed_s << " s\n";

    // ---- the dashboard ----
    store::ManualClock clock{scoring::Timestamp{{2025, 12, 31}, 9, 0, 0, 420}};
    const auto texts = formats::Catalogs::load(source / "assets" / "i18n");
    const hub::web::WebAssets assets(source / "assets" / "web");
    hub::web::WebOptions options;
    options.temp_dir = work;
    hub::web::WebApp app(store, web, clock, texts, assets, questionnaire, options);
    web.add_user({"bench", hub::web::hash_password("bench-password-123"), hub::web::Role::viewer, "2025-12-31"});
    const std::string session = app.sessions.open(*web.user("bench"));

    hub::web::WebRequest overview{"GET", "/overview", {{"period", "2025"}}, "skm_session=" + session, "127.0.0.1"};
    hub::web::WebRequest kecamatan{"GET", "/kecamatan", {{"period", "2025"}, {"name", "Kecamatan 7"}},
                                   "skm_session=" + session, "127.0.0.1"};
    hub::web::WebRequest recap{"GET", "/export/recap.csv", {{"period", "2025"}}, "skm_session=" + session, "127.0.0.1"};
    const auto handle = [&](const hub::web::WebRequest& r) {
        const auto reply = app.handle(r);
        if (reply.status != 200) throw std::runtime_error("status " + std::to_string(reply.status));
        return reply.body.size();
    };
    Run run{backend, total, seed_s, 0, load_average(), "", {}};
    std::vector<Timing>& timings = run.timings;
    timings.push_back(time_it("overview 2025, server side (WebApp::handle)", runs, [&] { return handle(overview); }));
    timings.push_back(time_it("kecamatan page 2025, server side", runs, [&] { return handle(kecamatan); }));
    // Cold: a hub just started, whose cache reads every stored response once (skm-hub serve does
    // this before it listens; here it happens inside the first page).
    {
        std::vector<double> ms;
        std::vector<double> cpu;
        std::size_t bytes = 0;
        for (int i = 0; i < std::max(3, runs / 3); ++i) {
            hub::web::WebApp fresh(store, web, clock, texts, assets, questionnaire, options);
            const std::string id = fresh.sessions.open(*web.user("bench"));
            hub::web::WebRequest first = overview;
            first.cookie_header = "skm_session=" + id;
            const double cpu_start = process_cpu_ms();
            const auto start = Clock::now();
            const auto reply = fresh.handle(first);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            cpu.push_back(process_cpu_ms() - cpu_start);
            bytes = reply.body.size();
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu.begin(), cpu.end());
        timings.push_back({"overview 2025, cold: first page of a fresh cache (reads all " + std::to_string(total) +
                               " responses)",
                           ms[ms.size() / 2], ms.front(), ms.back(), cpu[cpu.size() / 2], bytes});
    }
    // A kiosk's batch of 500 arrives before each page: the cache reads only those.
    {
        int batch_number = 0;
        const hub::Device d{"kiosk-1", "Kecamatan 1", "", std::nullopt, std::nullopt};
        std::vector<double> ms;
        std::vector<double> cpu;
        std::size_t bytes = 0;
        for (int i = 0; i < runs; ++i) {
            sync::Batch batch{"kiosk-1", "late-" + std::to_string(++batch_number), {}, std::nullopt, std::nullopt, std::nullopt};
            for (int n = 0; n < 500; ++n) {
                store::Submission s;
                s.response.response_id = "late-" + std::to_string(batch_number) + "-" + std::to_string(n);
                s.response.submitted_at = "2025-12-30T10:00:00+07:00";
                s.response.layanan = "Layanan 1";
                s.response.answers.assign(questionnaire.scheme.size(), 3);
                s.response.questionnaire_version = "1";
                s.questionnaire_id = questionnaire.id;
                batch.responses.push_back(std::move(s));
            }
            store.ingest(d, batch, "2025-12-31T08:00:00+07:00");
            const double cpu_start = process_cpu_ms();
            const auto start = Clock::now();
            bytes = handle(overview);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            cpu.push_back(process_cpu_ms() - cpu_start);
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu.begin(), cpu.end());
        timings.push_back({"overview 2025 right after a new batch of 500 responses (incremental)", ms[ms.size() / 2],
                           ms.front(), ms.back(), cpu[cpu.size() / 2], bytes});
    }
    timings.push_back(time_it("recap CSV 2025 (30 kecamatan × 15 layanan), server side", runs, [&] { return handle(recap); }));

    // ---- over HTTPS ----
    must(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + (work / "key.pem").string() + "' -out '" +
                      (work / "cert.pem").string() +
                      "' -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1")
                         .c_str()),
         "openssl");
    hub::ServerOptions server_options;
    server_options.cert_file = work / "cert.pem";
    server_options.key_file = work / "key.pem";
    server_options.web = [&](const hub::web::WebRequest& r) { return app.handle(r); };
    const auto catalog = formats::Catalog::load(source / "assets" / "i18n", "id");
    hub::HubServer server(store, clock, catalog, server_options, [](const Problem&) {});
    const int port = server.bind("127.0.0.1", 0);
    server.start();
    httplib::SSLClient client("127.0.0.1", port);
    client.set_ca_cert_path((work / "cert.pem").c_str());
    client.enable_server_certificate_verification(true);
    const httplib::Headers cookie = {{"Cookie", "skm_session=" + session}};
    timings.push_back(time_it("overview 2025 over HTTPS (keep-alive GET)", runs, [&] {
        const auto res = client.Get("/overview?period=2025", cookie);
        if (!res || res->status != 200) throw std::runtime_error("HTTPS GET failed");
        return res->body.size();
    }));
    timings.push_back(time_it("overview 2025 over HTTPS (new connection, TLS handshake)", runs, [&] {
        httplib::SSLClient fresh("127.0.0.1", port);
        fresh.set_ca_cert_path((work / "cert.pem").c_str());
        fresh.enable_server_certificate_verification(true);
        const auto res = fresh.Get("/overview?period=2025", cookie);
        if (!res || res->status != 200) throw std::runtime_error("HTTPS GET failed");
        return res->body.size();
    }));
    server.stop();

    run.load_after = load_average();
    if (backend == "SQLite") {
        run.db_megabytes = static_cast<double>(fs::file_size(db)) / 1e6;
    } else {
        hub::PgConnection connection(db);
        run.db_megabytes =
            static_cast<double>(connection.query_int("SELECT pg_database_size(current_database())")) / 1e6;
    }
    return run;
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc < 2) {
        std::cerr << "usage: skm-bench-hub-web OUT_DIR [RESPONSES_PER_LAYANAN_YEAR] [RUNS] [PG=start|none|postgresql://…]\n";
        return 2;
    }
    const fs::path out_dir = argv[1];
    const int per_year = argc > 2 ? std::stoi(argv[2]) : 300;
    const int runs = argc > 3 ? std::stoi(argv[3]) : 15;
    const std::string pg = argc > 4 ? argv[4] : "start";
    if (pg != "start" && pg != "none" && !hub::is_postgres_uri(pg)) {
        std::cerr << "skm-bench-hub-web: PG must be start, none or a postgresql:// URI, not " << pg << "\n";
        return 2;
    }
    const fs::path work = fs::temp_directory_path() / ("skm-bench-hub-web-" + hub::new_token().substr(0, 8));
    fs::create_directories(work);
    std::vector<Run> done;
    done.push_back(run_backend("SQLite", (work / "hub.db").string(), work, per_year, runs));
    if (pg == "start") {
#ifdef SKM_BENCH_TEST_POSTGRES
        skm::testing::TestPostgres server;
        done.push_back(run_backend("PostgreSQL", server.uri(server.create_database()), work, per_year, runs));
#else
        throw std::runtime_error("built without the tests: give a postgresql:// URI or none as PG");
#endif
    } else if (pg != "none") {
        done.push_back(run_backend("PostgreSQL", pg, work, per_year, runs));
    }
    const Run& first = done.front();
    const std::int64_t total = first.total;

    // ---- results ----
    nlohmann::ordered_json j;
    j["benchmark"] = "hub web dashboard overview (issue #8)";
    j["budget_ms"] = 1000;
    j["kecamatan"] = kKecamatan;
    j["layanan"] = kLayanan;
    j["years"] = kYears;
    j["responses"] = total;
    j["responses_in_2025"] = total / kYears;
    j["runs"] = runs;
    for (const Run& run : done) {
        auto& b = j[run.backend == "SQLite" ? "sqlite" : "postgresql"];
        b["seed_seconds"] = run.seed_s;
        b["db_megabytes"] = run.db_megabytes;
        b["load_average_1min"] = {run.load_before, run.load_after};
        b["timings"] = nlohmann::ordered_json::array();
        for (const auto& t : run.timings) {
            b["timings"].push_back({{"what", t.what}, {"median_ms", t.median_ms}, {"min_ms", t.min_ms},
                                    {"max_ms", t.max_ms}, {"cpu_median_ms", t.cpu_median_ms}, {"bytes", t.bytes}});
        }
    }
    if (done.size() == 1) j["postgresql"] = "not run (PG=none)";
    fs::create_directories(out_dir);
    std::ofstream(out_dir / "hub-web.json") << j.dump(2) << "\n";

    std::ofstream md(out_dir / "hub-web.md");
    char line[256];
    md << "# Hub web dashboard under load (issue #8)\n\n";
    md << "Data: " << kKecamatan << " kecamatan × " << kLayanan << " layanan × " << kYears << " years (" << kFirstYear
       << "–" << kFirstYear + kYears - 1 << "), " << per_year << " responses per layanan per year: **" << total
       << " responses** (" << total / kYears << " in the year shown), the same rows on each backend, seeded "
          "through `HubStore::ingest`.\n\n";
    md << "The overview of 2025 needs every response of 2025 and of 2024 (for the change column). The dashboard "
          "keeps month × kecamatan × layanan tallies (hub/web/tally_cache) that it fills by reading each stored "
          "response once (WebStore::for_each_response_after) and then only the new ones, and scores each "
          "kecamatan with `scoring::summarize`; so once warm, a page costs about the same on either backend, and "
          "the backend shows in the cold read, the incremental read and the saran/profile queries of the "
          "kecamatan page. Rows: median of "
       << runs << " runs after one warm-up (cold: of " << std::max(3, runs / 3)
       << " fresh caches), on this machine (2 cores; PostgreSQL 15 on the same machine, over loopback TCP). "
          "Budget from the issue: well under 1 s.\n\n";
    md << "Other builds and tests share the 2 cores while this runs: wall time stretches with them, CPU time "
          "(of this process; PostgreSQL's own server processes are not in it) does not. The load average is "
          "given per backend.\n\n";
    for (const Run& run : done) {
        md << "## " << run.backend << "\n\n";
        std::snprintf(line, sizeof line, "Database %.0f MB, seeded in %.0f s. Load average (1 min) before and after "
                                         "the timed runs: %s and %s.\n\n",
                      run.db_megabytes, run.seed_s, run.load_before.c_str(), run.load_after.c_str());
        md << line;
        md << "| what | median ms | min ms | max ms | CPU ms (median) | page bytes |\n|---|---:|---:|---:|---:|---:|\n";
        for (const auto& t : run.timings) {
            std::snprintf(line, sizeof line, "| %s | %.1f | %.1f | %.1f | %.1f | %zu |\n", t.what.c_str(), t.median_ms,
                          t.min_ms, t.max_ms, t.cpu_median_ms, t.bytes);
            md << line;
        }
        md << "\n";
    }
    md << "Reproduce: `build/release/bench/skm-bench-hub-web bench/results " << per_year << " " << runs
       << "` (PostgreSQL: a throwaway server of its own; or pass a postgresql:// URI of an empty database as the "
          "fourth argument).\n";
    std::error_code ignored;
    fs::remove_all(work, ignored);
    std::cerr << "wrote " << (out_dir / "hub-web.md").string() << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "skm-bench-hub-web: " << e.what() << "\n";
    return 1;
}
