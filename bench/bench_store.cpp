// skm-bench-store: what durability costs, measured against the floor.
//   submit        ResponseStore::submit latency (WAL, synchronous=FULL), p50/p99
//   bare_sqlite   a bare prepared INSERT + autocommit loop, same settings and row
//   simulate      `skm simulate` throughput (whole program, --count N)
//   startup       opening a database of R stored responses, both ways in the same
//                 run: the old full startup (quick_check + live tallies counted
//                 from every row before the constructor returns) and the kiosk's
//                 deferred one (only opening, header check, schema version; the
//                 tallies and the quick_check on a background thread afterwards)
// usage: skm-bench-store --out DIR [--submits N] [--rows R] [--startup-runs K] [--skm PATH]
//                        [--keep-db FILE]   (leave the R-row database there, e.g. for bench/kiosk-startup-bench)
//                        [--only startup]   (measure only the startup; rewrite only that section of store.md)
// Writes DIR/store.md and DIR/store.json.
#include "bench/synthetic_submissions.hpp"
#include "formats/questionnaire.hpp"
#include "store/response_store.hpp"
#include "store/schema.hpp"
#include "store/stored_row.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using skm::store::Submission;

double elapsed_us(Clock::time_point since) {
    return std::chrono::duration<double, std::micro>(Clock::now() - since).count();
}

struct Percentiles {
    double p50 = 0, p99 = 0, mean = 0;
};

Percentiles percentiles(std::vector<double> us) {
    std::sort(us.begin(), us.end());
    Percentiles p;
    p.p50 = us[us.size() / 2];
    p.p99 = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    for (double v : us) p.mean += v;
    p.mean /= static_cast<double>(us.size());
    return p;
}

using skm::bench::synthetic_submissions;

void must(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

// The floor: the same schema (our migrations' SQL), one prepared INSERT of the
// same columns reused for every row, autocommit, WAL, synchronous=FULL.
class BareSqlite {
public:
    explicit BareSqlite(const fs::path& file) {
        must(sqlite3_open(file.c_str(), &db_), db_, "open");
        must(sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr), db_,
             "pragmas");
        for (const auto& migration : skm::store::migrations()) {
            must(sqlite3_exec(db_, migration.sql, nullptr, nullptr, nullptr), db_, "schema");
        }
        must(sqlite3_prepare_v2(db_,
                                "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, "
                                "questionnaire_version, jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, "
                                "submitted_at, local_date, duration_ms, flags) "
                                "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 95000, '')",
                                -1, &insert_, nullptr),
             db_, "prepare");
    }
    ~BareSqlite() {
        sqlite3_finalize(insert_);
        sqlite3_close(db_);
    }
    BareSqlite(const BareSqlite&) = delete;
    BareSqlite& operator=(const BareSqlite&) = delete;

    void insert(const Submission& s) {
        const auto& r = s.response;
        static const std::string answers =
            "persyaratan=4;prosedur=3;waktu=3;biaya=4;produk=3;kompetensi=4;perilaku=4;pengaduan=3;sarana=3";
        int i = 0;
        for (const std::string* text : {&r.response_id, &r.device_id, &r.layanan, &s.questionnaire_id, &r.jenis_kelamin,
                                        &r.umur, &r.pendidikan, &r.pekerjaan, &answers, &r.saran, &r.submitted_at}) {
            sqlite3_bind_text(insert_, ++i, text->c_str(), -1, SQLITE_TRANSIENT);
        }
        sqlite3_bind_text(insert_, 12, r.submitted_at.c_str(), 10, SQLITE_TRANSIENT);
        must(sqlite3_step(insert_), db_, "insert");
        sqlite3_reset(insert_);
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
};

struct SubmitFigures {
    Percentiles ours;
    Percentiles bare;
};

// Alternates one submit through our store with one bare insert, so both see
// the same disk and cache state.
SubmitFigures bench_submit(const fs::path& dir, const skm::formats::Questionnaire& q, const std::vector<Submission>& rows) {
    skm::store::SystemClock clock;
    skm::store::StoreOptions options;
    options.path = dir / "submit.db";
    skm::store::ResponseStore store(options, q.scheme, clock);
    BareSqlite bare(dir / "bare.db");
    std::vector<double> ours_us;
    std::vector<double> bare_us;
    for (const auto& s : rows) {
        auto start = Clock::now();
        if (store.submit(s)) {
            std::fprintf(stderr, "submit failed\n");
            std::exit(1);
        }
        ours_us.push_back(elapsed_us(start));
        start = Clock::now();
        bare.insert(s);
        bare_us.push_back(elapsed_us(start));
    }
    return {percentiles(ours_us), percentiles(bare_us)};
}

double bench_simulate(const fs::path& dir, const std::string& skm, int count) {
    const std::string command = skm + " simulate --db " + (dir / "simulate.db").string() + " --count " +
                                std::to_string(count) + " --seed 1 >/dev/null 2>&1";
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "skm simulate failed: %s\n", command.c_str());
        std::exit(1);
    }
    return count / (elapsed_us(start) / 1e6);
}

struct StartupFigures {
    double full_ms = 0;           // StartupChecks::full: open, quick_check, migrate, tallies counted
    double quick_check_ms = 0;    // the floor of that: a bare PRAGMA quick_check on the same file
    double deferred_open_ms = 0;  // StartupChecks::deferred: what stands before the kiosk's first frame
    double tallies_ms = 0;        // then, from start_deferred_checks(): the tallies ready
    double check_ms = 0;          // and the background quick_check done
    int runs = 0;
    double load_before = 0;  // the machine's 1-minute load average: a shared machine slows both ways
    double load_after = 0;
};

double load_average() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : 0;
}

double bare_quick_check_ms(const fs::path& file) {
    sqlite3* db = nullptr;
    must(sqlite3_open(file.c_str(), &db), db, "open");
    const auto start = Clock::now();
    must(sqlite3_exec(db, "PRAGMA quick_check", nullptr, nullptr, nullptr), db, "quick_check");
    const double ms = elapsed_us(start) / 1000.0;
    sqlite3_close(db);
    return ms;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

[[noreturn]] void startup_failed(const char* what) {
    std::fprintf(stderr, "startup: %s\n", what);
    std::exit(1);
}

// Old and new startup alternate `runs` times on the same file (same page
// cache state for both); each figure is the median of its runs.
StartupFigures bench_startup(const fs::path& file, const skm::formats::Questionnaire& q, std::size_t rows, int runs) {
    skm::store::SystemClock clock;
    skm::store::StoreOptions options;
    options.path = file;
    {
        skm::store::ResponseStore store(options, q.scheme, clock);
        const std::size_t batch = 100'000;
        for (std::size_t done = 0; done < rows; done += batch) {
            const auto part = synthetic_submissions(std::min(batch, rows - done), 1000 + done, q);
            store.import(part);
        }
    }
    StartupFigures figures;
    figures.runs = runs;
    figures.load_before = load_average();
    figures.quick_check_ms = bare_quick_check_ms(options.path);
    std::vector<double> full, open, tallies, check;
    for (int run = 0; run < runs; ++run) {
        auto start = Clock::now();
        options.startup = skm::store::StartupChecks::full;
        auto old_way = std::make_unique<skm::store::ResponseStore>(options, q.scheme, clock);
        full.push_back(elapsed_us(start) / 1000.0);
        const skm::scoring::TallyCube expected = old_way->tallies();
        old_way.reset();
        if (expected.total().respondents() != rows) startup_failed("the full startup did not count every row");

        start = Clock::now();
        options.startup = skm::store::StartupChecks::deferred;
        skm::store::ResponseStore new_way(options, q.scheme, clock);
        open.push_back(elapsed_us(start) / 1000.0);
        start = Clock::now();
        new_way.start_deferred_checks();  // the kiosk: right after its first frame
        if (!(new_way.tallies() == expected)) startup_failed("the deferred tallies differ from the full startup's");
        tallies.push_back(elapsed_us(start) / 1000.0);
        new_way.wait_for_deferred_checks();
        check.push_back(elapsed_us(start) / 1000.0);
        if (new_way.integrity_status().state != skm::store::IntegrityStatus::State::ok) {
            startup_failed("the deferred quick_check did not say ok");
        }
    }
    figures.load_after = load_average();
    figures.full_ms = median(full);
    figures.deferred_open_ms = median(open);
    figures.tallies_ms = median(tallies);
    figures.check_ms = median(check);
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path out_dir;
    std::size_t submits = 2000;
    std::size_t rows = 1'000'000;
    std::string skm = "build/release/tools/skm";
    std::string assets = "assets";
    int startup_runs = 3;
    fs::path keep_db;
    bool only_startup = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--out") out_dir = argv[i + 1];
        else if (name == "--submits") submits = std::stoul(argv[i + 1]);
        else if (name == "--rows") rows = std::stoul(argv[i + 1]);
        else if (name == "--skm") skm = argv[i + 1];
        else if (name == "--assets") assets = argv[i + 1];
        else if (name == "--startup-runs") startup_runs = std::max(1, std::atoi(argv[i + 1]));
        else if (name == "--keep-db") keep_db = argv[i + 1];
        else if (name == "--only") only_startup = std::string(argv[i + 1]) == "startup";
    }
    if (out_dir.empty()) {
        std::fprintf(stderr, "usage: skm-bench-store --out DIR [--submits N] [--rows R] [--skm PATH] [--assets DIR]\n");
        return 2;
    }
    const auto q = skm::formats::load_questionnaire(fs::path(assets) / "questionnaire" / "permenpan-14-2017.json");
    const fs::path work = fs::temp_directory_path() / ("skm-bench-store-" + std::to_string(::getpid()));
    fs::create_directories(work);

    SubmitFigures submit_figures;
    double simulate_per_s = 0;
    if (!only_startup) {
        const auto rows_to_submit = synthetic_submissions(submits, 7, q);
        submit_figures = bench_submit(work, q, rows_to_submit);
        simulate_per_s = bench_simulate(work, skm, static_cast<int>(submits));
    }
    const auto& [ours, bare] = submit_figures;
    const StartupFigures startup = bench_startup(work / "big.db", q, rows, startup_runs);
    const auto big_bytes = fs::file_size(work / "big.db");
    if (!keep_db.empty()) {
        fs::copy_file(work / "big.db", keep_db, fs::copy_options::overwrite_existing);
        std::printf("kept the %zu-row database as %s\n", rows, keep_db.c_str());
    }
    fs::remove_all(work);

    fs::create_directories(out_dir);
    char line[512];
    std::ostringstream startup_json;
    startup_json << "\"startup_rows\": " << rows << ", \"startup_runs\": " << startup.runs
                 << ", \"startup_full_ms\": " << startup.full_ms << ", \"startup_deferred_open_ms\": " << startup.deferred_open_ms
                 << ", \"startup_deferred_tallies_ms\": " << startup.tallies_ms
                 << ", \"startup_deferred_check_ms\": " << startup.check_ms << ", \"bare_quick_check_ms\": " << startup.quick_check_ms
                 << ", \"database_bytes\": " << big_bytes;
    std::ostringstream section;
    const std::string rows_text = rows % 1'000'000 == 0 ? std::to_string(rows / 1'000'000) + "M" : std::to_string(rows);
    std::snprintf(line, sizeof line,
                  "## Startup with %s responses\n\n"
                  "A %.0f MiB database, opened both ways in the same run, alternating, %d times each (medians; the file "
                  "was just written, so the page cache is warm for both). Load average of the machine %.1f before, "
                  "%.1f after (%u CPUs).\n\n"
                  "| startup | before the first frame | then, in the background: tallies ready | quick_check done |\n"
                  "|---|---:|---:|---:|\n",
                  rows_text.c_str(), static_cast<double>(big_bytes) / (1024.0 * 1024.0), startup.runs, startup.load_before,
                  startup.load_after, std::thread::hardware_concurrency());
    section << line;
    std::snprintf(line, sizeof line,
                  "| full: quick_check + tallies before the first frame (as before; `skm`, `skm-kiosk --full-startup-check`) "
                  "| %.0f ms | | |\n",
                  startup.full_ms);
    section << line;
    std::snprintf(line, sizeof line,
                  "| deferred: opening, header check, schema version only (the kiosk now) | %.0f ms | +%.0f ms | +%.0f ms |\n\n",
                  startup.deferred_open_ms, startup.tallies_ms, startup.check_ms);
    section << line;
    std::snprintf(line, sizeof line,
                  "- A bare `PRAGMA quick_check` on the same file: %.0f ms. The deferred tallies equal the full startup's "
                  "in every run (the bench exits 1 otherwise).\n"
                  "- The kiosk's own first frame on this file, both ways: bench/kiosk-startup-bench (bench/results/kiosk.md).\n",
                  startup.quick_check_ms);
    section << line;

    if (only_startup) {
        // Only the startup section of store.md (and startup.json) is measured anew.
        std::ifstream in(out_dir / "store.md");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // This section (or the old one-line figure) up to the next section, which is kept.
        std::string after;
        for (const char* marker : {"## Startup with", "- Startup with"}) {
            if (const auto at = text.find(marker); at != std::string::npos) {
                if (const auto next = text.find("\n## ", at + 1); next != std::string::npos) after = text.substr(next + 1);
                text.erase(at);
            }
        }
        while (!text.empty() && text.back() == '\n') text.pop_back();
        std::ofstream(out_dir / "store.md") << text << "\n\n" << section.str() << (after.empty() ? "" : "\n" + after);
        std::ofstream(out_dir / "startup.json") << "{" << startup_json.str() << "}\n";
        std::printf("written the startup section of %s\n", (out_dir / "store.md").c_str());
        return 0;
    }
    std::ofstream json(out_dir / "store.json");
    json << "{\"submits\": " << submits << ", \"submit_us\": {\"p50\": " << ours.p50 << ", \"p99\": " << ours.p99
         << ", \"mean\": " << ours.mean << "}, \"bare_sqlite_us\": {\"p50\": " << bare.p50 << ", \"p99\": " << bare.p99
         << ", \"mean\": " << bare.mean << "}, \"simulate_per_second\": " << simulate_per_s << ", " << startup_json.str()
         << "}\n";
    std::ofstream md(out_dir / "store.md");
    md << "# Store benchmark (skm-bench-store)\n\n"
       << "WAL, synchronous=FULL, one commit (and fsync) per response, on this machine's disk.\n\n"
       << "| what | p50 | p99 | mean |\n|---|---|---|---|\n";
    std::snprintf(line, sizeof line, "| `ResponseStore::submit` (%zu submits) | %.0f µs | %.0f µs | %.0f µs |\n", submits,
                  ours.p50, ours.p99, ours.mean);
    md << line;
    std::snprintf(line, sizeof line, "| bare SQLite prepared INSERT + commit, same settings | %.0f µs | %.0f µs | %.0f µs |\n",
                  bare.p50, bare.p99, bare.mean);
    md << line;
    std::snprintf(line, sizeof line, "| overhead of our layer (p50) | %.0f µs | | |\n\n", ours.p50 - bare.p50);
    md << line;
    std::snprintf(line, sizeof line, "- `skm simulate --count %zu`: %.0f responses per second (whole program, each durable before its id is printed)\n\n",
                  submits, simulate_per_s);
    md << line << section.str();
    std::printf("%s", (std::string("written ") + (out_dir / "store.md").string() + "\n").c_str());
    return 0;
}
