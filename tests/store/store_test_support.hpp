// Helpers shared by the store tests: a temporary folder per test, a fixed
// start time for ManualClock, well-formed responses, and a raw SQLite view of
// a database file (opened with the default VFS, independent of the store).
#pragma once

#include "formats/response.hpp"
#include "scoring/problem.hpp"
#include "scoring/scheme.hpp"
#include "store/clock.hpp"
#include "store/response_store.hpp"
#include "store/sqlite.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace skm::test {

// The value of a named argument, or "<absent>" so that comparisons fail visibly.
inline std::string arg(const Problem& problem, std::string_view name) {
    for (const auto& [arg_name, value] : problem.args) {
        if (arg_name == name) return value;
    }
    return "<absent>";
}

inline std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Compares file contents without printing them (they are often binary and large).
inline ::testing::AssertionResult same_bytes(const std::string& actual, const std::string& expected) {
    if (actual == expected) return ::testing::AssertionSuccess();
    std::size_t at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
    return ::testing::AssertionFailure() << "contents differ: " << actual.size() << " bytes vs " << expected.size()
                                         << " expected, first difference at byte " << at;
}

inline void write_bytes(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Overwrites `bytes.size()` bytes at `offset`, leaving the rest of the file alone.
inline void overwrite_bytes(const std::filesystem::path& file, std::size_t offset, std::string_view bytes) {
    std::fstream io(file, std::ios::binary | std::ios::in | std::ios::out);
    io.seekp(static_cast<std::streamoff>(offset));
    io.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Every file in a folder (names only), sorted.
inline std::vector<std::string> file_names(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    if (!std::filesystem::exists(folder)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// 2024-03-01T09:15:00+07:00 (WIB).
inline scoring::Timestamp start_time() {
    scoring::Timestamp ts;
    ts.date = {2024, 3, 1};
    ts.hour = 9;
    ts.minute = 15;
    ts.second = 0;
    ts.offset_minutes = 420;
    return ts;
}

// What most store tests start from: a fresh folder, a clock at start_time(),
// the 2017 scheme, and where the database goes.
class StoreTest : public ::testing::Test {
protected:
    TempDir dir;
    store::ManualClock clock{start_time()};
    const scoring::ScoringScheme scheme = scoring::ScoringScheme::permenpan_2017();
    std::filesystem::path database = dir / "skm.db";
};

inline store::StoreOptions options_for(const std::filesystem::path& database, const char* vfs = nullptr) {
    store::StoreOptions options;
    options.path = database;
    options.vfs = vfs;
    return options;
}

// A complete, valid submission; vary it through the arguments.
inline store::Submission make_submission(std::string response_id, std::string submitted_at = "2024-03-01T09:30:00+07:00",
                                         std::string layanan = "KTP-el", std::uint8_t base_answer = 3) {
    store::Submission s;
    formats::Response& r = s.response;
    r.response_id = std::move(response_id);
    r.submitted_at = std::move(submitted_at);
    r.layanan = std::move(layanan);
    r.jenis_kelamin = "P";
    r.umur = "30-39";
    r.pendidikan = "SMA";
    r.pekerjaan = "Wirausaha";
    r.answers = {base_answer, 4, 3, 2, 1, 4, 3, 0, base_answer};
    r.saran = "Antrean lebih tertib";
    r.device_id = "kiosk-01";
    r.questionnaire_version = "3";
    s.questionnaire_id = "permenpan-14-2017";
    s.duration_ms = 95'000;
    return s;
}

// A deterministic stream of varied, valid submissions (ids "<prefix>-<i>").
inline std::vector<store::Submission> varied_submissions(std::string_view prefix, std::size_t count, unsigned seed) {
    std::mt19937 engine(seed);
    auto rng = [&engine]() { return static_cast<unsigned>(engine()); };
    const std::vector<std::string> layanan = {"KTP-el", "Kartu Keluarga", "Akta Kelahiran", "SKTM"};
    const std::vector<std::string> offsets = {"+07:00", "+08:00", "+09:00"};
    std::vector<store::Submission> out;
    for (std::size_t i = 0; i < count; ++i) {
        auto s = make_submission(std::string(prefix) + "-" + std::to_string(i));
        formats::Response& r = s.response;
        r.layanan = layanan[rng() % layanan.size()];
        char when[64];
        std::snprintf(when, sizeof when, "2024-%02u-%02uT%02u:%02u:00%s", 1 + rng() % 12, 1 + rng() % 28, rng() % 24,
                      rng() % 60, offsets[rng() % offsets.size()].c_str());
        r.submitted_at = when;
        for (auto& a : r.answers) a = static_cast<std::uint8_t>(rng() % 5);
        r.jenis_kelamin = rng() % 3 == 0 ? "" : (rng() % 2 ? "L" : "P");
        r.umur = std::string(formats::kUmurBands[rng() % formats::kUmurBands.size()]);
        r.saran = rng() % 4 == 0 ? "" : "saran nomor " + std::to_string(i);
        if (rng() % 5 == 0) r.flags = {"too_fast"};
        s.duration_ms = rng() % 7 == 0 ? std::nullopt : std::optional<std::int64_t>(1000 + rng() % 300'000);
        out.push_back(std::move(s));
    }
    return out;
}

// A database at `file` holding `rows` varied submissions (ids "pre-<i>",
// drawn from `seed`), each submitted as a kiosk does, then closed
// (checkpointed, no WAL left). Returns their ids.
inline std::set<std::string> prefilled_database(const std::filesystem::path& file, std::size_t rows, unsigned seed,
                                                const scoring::ScoringScheme& scheme) {
    std::set<std::string> ids;
    store::ManualClock clock{start_time()};
    store::ResponseStore store(options_for(file), scheme, clock);
    for (const auto& s : varied_submissions("pre", rows, seed)) {
        EXPECT_EQ(store.submit(s), std::nullopt);
        ids.insert(s.response.response_id);
    }
    return ids;
}

// A read-only look at a database file through the default VFS (or `vfs`).
class RawDb {
public:
    explicit RawDb(const std::filesystem::path& file, bool writable = false, const char* vfs = nullptr)
        : connection_(file.string(), writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY,
                      vfs) {}

    store::Connection& connection() { return connection_; }

    std::int64_t integer(const char* sql) const { return store::query_int(connection_, sql); }

    std::vector<std::string> column(const char* sql) const {
        store::Statement query(connection_, sql);
        std::vector<std::string> values;
        while (query.step()) values.emplace_back(query.text(0));
        return values;
    }

    std::string integrity() const {
        std::string all;
        for (const auto& line : column("PRAGMA integrity_check")) all += (all.empty() ? "" : "\n") + line;
        return all;
    }

    std::set<std::string> response_ids() const {
        const auto ids = column("SELECT response_id FROM responses");
        return {ids.begin(), ids.end()};
    }

    std::vector<std::string> columns_of(const std::string& table) const {
        const std::string sql = "SELECT name FROM pragma_table_info('" + table + "')";
        return column(sql.c_str());
    }

private:
    store::Connection connection_;
};

// Backups and moved-aside files are inspected through a copy, so that opening
// them (which may create -wal and -shm files) leaves their folder as it was.
inline std::filesystem::path copy_for_inspection(const std::filesystem::path& file, const TempDir& scratch) {
    static std::atomic<unsigned> counter{0};
    const auto copy = scratch / ("inspect-" + std::to_string(counter++) + "-" + file.filename().string());
    std::filesystem::copy_file(file, copy);
    return copy;
}

inline std::vector<store::StoredRow> all_rows(const store::ResponseStore& store, const store::ExportFilter& filter = {}) {
    std::vector<store::StoredRow> rows;
    store.for_each(filter, [&](const store::StoredRow& row) { rows.push_back(row); });
    return rows;
}

inline std::vector<std::string> ids_of(const std::vector<store::StoredRow>& rows) {
    std::vector<std::string> ids;
    for (const auto& row : rows) ids.push_back(row.submission.response.response_id);
    return ids;
}

}  // namespace skm::test
