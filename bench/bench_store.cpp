// skm-bench-store: what durability costs, measured against the floor.
//   submit        ResponseStore::submit latency (WAL, synchronous=FULL), p50/p99
//   bare_sqlite   a bare prepared INSERT + autocommit loop, same settings and row
//   simulate      `skm simulate` throughput (whole program, --count N)
//   startup       opening a database of R stored responses (quick_check + live
//                 tallies rebuilt from every row)
// usage: skm-bench-store --out DIR [--submits N] [--rows R] [--skm PATH]
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
#include <string>
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
    double store_ms = 0;        // ResponseStore constructor: open, quick_check, migrate, rebuild tallies
    double quick_check_ms = 0;  // the floor: a bare PRAGMA quick_check on the same file
};

double bare_quick_check_ms(const fs::path& file) {
    sqlite3* db = nullptr;
    must(sqlite3_open(file.c_str(), &db), db, "open");
    const auto start = Clock::now();
    must(sqlite3_exec(db, "PRAGMA quick_check", nullptr, nullptr, nullptr), db, "quick_check");
    const double ms = elapsed_us(start) / 1000.0;
    sqlite3_close(db);
    return ms;
}

StartupFigures bench_startup(const fs::path& dir, const skm::formats::Questionnaire& q, std::size_t rows) {
    skm::store::SystemClock clock;
    skm::store::StoreOptions options;
    options.path = dir / "big.db";
    {
        skm::store::ResponseStore store(options, q.scheme, clock);
        const std::size_t batch = 100'000;
        for (std::size_t done = 0; done < rows; done += batch) {
            const auto part = synthetic_submissions(std::min(batch, rows - done), 1000 + done, q);
            store.import(part);
        }
    }
    StartupFigures figures;
    figures.quick_check_ms = bare_quick_check_ms(options.path);
    const auto start = Clock::now();
    skm::store::ResponseStore reopened(options, q.scheme, clock);
    figures.store_ms = elapsed_us(start) / 1000.0;
    if (reopened.tallies().total().respondents() != rows) {
        std::fprintf(stderr, "startup: tallies hold %llu of %zu rows\n",
                     static_cast<unsigned long long>(reopened.tallies().total().respondents()), rows);
        std::exit(1);
    }
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path out_dir;
    std::size_t submits = 2000;
    std::size_t rows = 1'000'000;
    std::string skm = "build/release/tools/skm";
    std::string assets = "assets";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--out") out_dir = argv[i + 1];
        else if (name == "--submits") submits = std::stoul(argv[i + 1]);
        else if (name == "--rows") rows = std::stoul(argv[i + 1]);
        else if (name == "--skm") skm = argv[i + 1];
        else if (name == "--assets") assets = argv[i + 1];
    }
    if (out_dir.empty()) {
        std::fprintf(stderr, "usage: skm-bench-store --out DIR [--submits N] [--rows R] [--skm PATH] [--assets DIR]\n");
        return 2;
    }
    const auto q = skm::formats::load_questionnaire(fs::path(assets) / "questionnaire" / "permenpan-14-2017.json");
    const fs::path work = fs::temp_directory_path() / ("skm-bench-store-" + std::to_string(::getpid()));
    fs::create_directories(work);

    const auto rows_to_submit = synthetic_submissions(submits, 7, q);
    const auto [ours, bare] = bench_submit(work, q, rows_to_submit);
    const double simulate_per_s = bench_simulate(work, skm, static_cast<int>(submits));
    const StartupFigures startup = bench_startup(work, q, rows);
    const auto big_bytes = fs::file_size(work / "big.db");
    fs::remove_all(work);

    fs::create_directories(out_dir);
    std::ofstream json(out_dir / "store.json");
    json << "{\"submits\": " << submits << ", \"submit_us\": {\"p50\": " << ours.p50 << ", \"p99\": " << ours.p99
         << ", \"mean\": " << ours.mean << "}, \"bare_sqlite_us\": {\"p50\": " << bare.p50 << ", \"p99\": " << bare.p99
         << ", \"mean\": " << bare.mean << "}, \"simulate_per_second\": " << simulate_per_s
         << ", \"startup_rows\": " << rows << ", \"startup_ms\": " << startup.store_ms << ", \"bare_quick_check_ms\": " << startup.quick_check_ms
         << ", \"database_bytes\": " << big_bytes << "}\n";
    std::ofstream md(out_dir / "store.md");
    char line[512];
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
    std::snprintf(line, sizeof line, "- `skm simulate --count %zu`: %.0f responses per second (whole program, each durable before its id is printed)\n",
                  submits, simulate_per_s);
    md << line;
    std::snprintf(line, sizeof line,
                  "- Startup with %zu stored responses (%.0f MiB file): %.0f ms (quick_check + live tallies rebuilt from "
                  "every row), of which a bare `PRAGMA quick_check` on the same file takes %.0f ms\n",
                  rows, static_cast<double>(big_bytes) / (1024.0 * 1024.0), startup.store_ms, startup.quick_check_ms);
    md << line;
    std::printf("%s", (std::string("written ") + (out_dir / "store.md").string() + "\n").c_str());
    return 0;
}
