#include "tests/store/fault_sweep.hpp"

#include "store/response_store.hpp"
#include "store/schema.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace skm::test {
namespace {

// A response row as schema version 1 stored it (tests/store/store_migration_test.cpp).
constexpr const char* kSchema1Row =
    "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, questionnaire_version, jenis_kelamin, "
    "umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags) VALUES "
    "(?1, 'kiosk-lama', 'Kartu Keluarga', 'permenpan-14-2017', 2, 'L', '40-49', 'S1', 'PNS', "
    "'persyaratan=4;prosedur=3;waktu=2;biaya=1;produk=4;kompetensi=3;perilaku=2;sarana=4', 'lama', "
    "'2023-12-31T23:00:00+07:00', '2023-12-31', 60000, '')";

std::string expected_key(FaultKind kind) { return kind == FaultKind::disk_full ? "store.disk_full" : "store.io_error"; }

store::Submission case_submission(int n, int i) {
    auto s = make_submission("n" + std::to_string(n) + "-s" + std::to_string(i));
    s.response.answers = {static_cast<std::uint8_t>(1 + i % 4), static_cast<std::uint8_t>(1 + n % 4), 3, 4, 2, 1, 0, 4,
                          static_cast<std::uint8_t>(1 + (n + i) % 4)};
    s.response.layanan = i % 2 ? "KTP-el" : "SKTM";
    s.response.saran = std::string(static_cast<std::size_t>(40 * i), 'x');  // rows of different sizes
    return s;
}

std::set<std::string> join(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::set<std::string> all = a;
    all.insert(b.begin(), b.end());
    return all;
}

struct Case {
    int n;
    FaultKind kind;
    FaultPersistence persistence;
    bool armed_at_close;  // the fault may also hit the checkpoint when the store closes
};

void run_case(const Case& c, const std::filesystem::path& template_file, const std::set<std::string>& prefilled,
              const SweepConfig& config, const scoring::ScoringScheme& scheme, SweepTotals& totals) {
    SCOPED_TRACE(std::string(to_string(c.kind)) + "/" + to_string(c.persistence) + " at operation " +
                 std::to_string(c.n) + (c.armed_at_close ? ", armed while closing" : ""));
    TempDir dir;
    const auto database = dir / "skm.db";
    if (!template_file.empty()) std::filesystem::copy_file(template_file, database);

    std::set<std::string> acknowledged;
    std::set<std::string> refused;
    // Refused after their WAL frames were written, at the fsync: a later
    // recovery of that WAL may bring them back. Every other refusal must stay absent.
    std::set<std::string> refused_at_fsync;
    // Of those, the ones no later acknowledged submit has overwritten: a later
    // commit rewrites the WAL from the same frame, which breaks the refused
    // frames' checksum chain. Only these may come back; asserted below.
    std::set<std::string> refused_at_fsync_since_ack;
    std::unique_ptr<ArmedFault> armed_across_close;
    // What a database recovered after the faults may hold: every earlier and
    // acknowledged row, and of the refused ones only those whose WAL frames
    // no later commit overwrote (each counted in `came_back`).
    const auto expect_recovered = [&](const std::set<std::string>& ids, int& came_back) {
        for (const auto& id : join(prefilled, acknowledged)) EXPECT_EQ(ids.count(id), 1u) << "lost: " << id;
        for (const auto& id : ids) {
            if (refused_at_fsync.count(id)) {
                EXPECT_EQ(refused_at_fsync_since_ack.count(id), 1u)
                    << "refused " << id << " is back although a later commit overwrote its WAL frames";
                ++came_back;
            } else {
                EXPECT_TRUE(prefilled.count(id) || acknowledged.count(id)) << "refused or unknown row " << id;
            }
        }
    };
    {
        store::ManualClock clock{start_time()};
        store::ResponseStore store(options_for(database, FaultyVfs::kName), scheme, clock);
        ASSERT_EQ(store.count(), static_cast<std::int64_t>(prefilled.size()));
        std::unique_ptr<ArmedFault> armed_until_close;  // disarmed before the store closes
        (c.armed_at_close ? armed_across_close : armed_until_close) =
            std::make_unique<ArmedFault>(c.n, c.kind, c.persistence);
        for (int i = 0; i < config.submits; ++i) {
            const auto submission = case_submission(c.n, i);
            const std::string& id = submission.response.response_id;
            const int failed_syncs_before = FaultyVfs::counts().failed_syncs;
            const auto problem = store.submit(submission);
            if (!problem) {
                acknowledged.insert(id);
                refused_at_fsync_since_ack.clear();
                // Acknowledged means on stable storage: nothing written since the last fsync.
                EXPECT_EQ(FaultyVfs::unsynced_files(), std::vector<std::string>{}) << id;
                EXPECT_TRUE(store.contains(id)) << id;
            } else {
                refused.insert(id);
                if (FaultyVfs::counts().failed_syncs > failed_syncs_before) {
                    refused_at_fsync.insert(id);
                    refused_at_fsync_since_ack.insert(id);
                }
                ++totals.problems[problem->key];
                EXPECT_EQ(problem->key, expected_key(c.kind)) << id;
                EXPECT_FALSE(store.contains(id)) << id;
            }
        }
        EXPECT_EQ(store.count(), static_cast<std::int64_t>(prefilled.size() + acknowledged.size()));
        EXPECT_TRUE(store.tallies() == store.recount());

        if (config.crash_images) {
            // The files as a power cut would find them now (the -shm is rebuilt).
            const auto crash = dir / "crash.db";
            std::filesystem::copy_file(database, crash);
            if (std::filesystem::exists(database.string() + "-wal")) {
                std::filesystem::copy_file(database.string() + "-wal", crash.string() + "-wal");
            }
            RawDb image(crash, /*writable=*/true);
            EXPECT_EQ(image.integrity(), "ok");
            expect_recovered(image.response_ids(), totals.failed_but_in_crash_image);
        }

        if (c.persistence == FaultPersistence::sticky && FaultyVfs::counts().failures() > 0) {
            EXPECT_FALSE(refused.empty());  // a disk that stays full refuses
        }
    }  // closed: a checkpoint runs, under the fault if it is still armed
    armed_across_close.reset();
    const FaultCounts& counts = FaultyVfs::counts();
    totals.failed_writes += counts.failed_writes;
    totals.failed_syncs += counts.failed_syncs;
    totals.failed_truncates += counts.failed_truncates;
    if (counts.failures() == 0) ++totals.cases_without_fault;
    totals.most_operations = std::max(totals.most_operations, counts.operations());
    ++totals.cases;
    totals.submits_ok += static_cast<int>(acknowledged.size());
    totals.submits_failed += static_cast<int>(refused.size());
    EXPECT_EQ(FaultyVfs::open_files(), 0);

    // Reopened without the faulty VFS: the earlier rows and the acknowledged
    // ones; after a clean close nothing else. When the close itself failed,
    // its WAL is recovered and may hold a row whose fsync failed.
    std::int64_t rows = 0;
    {
        RawDb raw(database, /*writable=*/true);  // recovers a WAL a failed checkpoint left behind
        EXPECT_EQ(raw.integrity(), "ok");
        const auto ids = raw.response_ids();
        rows = static_cast<std::int64_t>(ids.size());
        if (!c.armed_at_close) {
            EXPECT_EQ(ids, join(prefilled, acknowledged));
        } else {
            expect_recovered(ids, totals.failed_but_after_reopen);
        }
    }
    store::ManualClock clock{start_time()};
    store::ResponseStore reopened(options_for(database), scheme, clock);
    EXPECT_FALSE(reopened.open_report().moved_aside.has_value());
    EXPECT_EQ(reopened.count(), rows);
    EXPECT_TRUE(reopened.check().ok());
}

// A fault while the store opens: creating a new file, opening a filled one,
// or migrating a schema-1 one (its backup first, then the migrations).
void run_open_case(const Case& c, OpenTemplate kind, const std::filesystem::path& template_file,
                   const std::set<std::string>& before, const scoring::ScoringScheme& scheme, OpenSweepTotals& totals) {
    SCOPED_TRACE(std::string(to_string(kind)) + ": " + to_string(c.kind) + "/" + to_string(c.persistence) +
                 " at operation " + std::to_string(c.n) + " of the open");
    TempDir dir;
    const auto database = dir / "skm.db";
    if (!template_file.empty()) std::filesystem::copy_file(template_file, database);
    bool opened = false;
    {
        ArmedFault fault(c.n, c.kind, c.persistence);
        try {
            store::ManualClock clock{start_time()};
            store::ResponseStore store(options_for(database, FaultyVfs::kName), scheme, clock);
            opened = true;
            EXPECT_FALSE(store.open_report().moved_aside.has_value());
            EXPECT_EQ(store::schema_version(store.connection()), store::latest_schema_version());
            for (const auto& id : before) EXPECT_TRUE(store.contains(id)) << id;
        } catch (const Error& error) {
            // Refused in plain words, never as a damaged file.
            EXPECT_EQ(error.problem().key, expected_key(c.kind));
            EXPECT_EQ(error.kind(), ErrorKind::storage);
        }
        totals.most_operations = std::max(totals.most_operations, FaultyVfs::counts().operations());
        if (FaultyVfs::counts().failures() == 0) ++totals.cases_without_fault;
    }
    ++totals.cases;
    ++(opened ? totals.opened : totals.refused);
    EXPECT_EQ(FaultyVfs::open_files(), 0);

    // The next start, on a disk that works again (the VFS disarmed): nothing
    // moved aside, every earlier row there, the schema the latest, the check ok.
    store::ManualClock clock{start_time()};
    store::ResponseStore reopened(options_for(database, FaultyVfs::kName), scheme, clock);
    EXPECT_FALSE(reopened.open_report().moved_aside.has_value());
    EXPECT_EQ(store::schema_version(reopened.connection()), store::latest_schema_version());
    EXPECT_EQ(reopened.count(), static_cast<std::int64_t>(before.size()));
    for (const auto& id : before) EXPECT_TRUE(reopened.contains(id)) << "lost: " << id;
    EXPECT_TRUE(reopened.check().ok());
    // A migration backup that carries its final name is a whole database.
    for (const auto& name : file_names(dir / "skm.db.backups")) {
        if (name.size() < 3 || name.compare(name.size() - 3, 3, ".db") != 0) continue;
        RawDb backup(copy_for_inspection(dir / "skm.db.backups" / name, dir));
        EXPECT_EQ(backup.integrity(), "ok") << name;
        EXPECT_EQ(backup.response_ids(), before) << name;
    }
}

}  // namespace

const char* to_string(OpenTemplate kind) {
    switch (kind) {
        case OpenTemplate::none: return "new database";
        case OpenTemplate::filled: return "filled database";
        case OpenTemplate::schema_1: return "schema-1 database";
    }
    return "?";
}

std::string OpenSweepTotals::summary() const {
    std::ostringstream out;
    out << cases << " cases (n = 1 to one past the last operation of the open and close:";
    for (const auto& [kind, count] : operations) out << " " << kind << " " << count << ",";
    out << " " << cases_without_fault << " cases past the last): the store opened in " << opened
        << ", refused to open in plain words in " << refused << "; every next start found every row, nothing moved aside";
    return out.str();
}

OpenSweepTotals run_open_fault_sweep(const OpenSweepConfig& config, const scoring::ScoringScheme& scheme) {
    FaultyVfs::install();
    OpenSweepTotals totals;
    TempDir templates;
    for (const OpenTemplate kind : config.templates) {
        std::filesystem::path template_file;
        std::set<std::string> before;
        if (kind == OpenTemplate::filled) {
            template_file = templates / "filled.db";
            before = prefilled_database(template_file, static_cast<std::size_t>(config.prefilled), 5, scheme);
        }
        if (kind == OpenTemplate::schema_1) {
            template_file = templates / "schema-1.db";
            store::Connection connection(template_file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            connection.exec("PRAGMA journal_mode = WAL");
            store::migrate(connection, 1);
            for (int i = 0; i < config.prefilled; ++i) {
                const std::string id = "lama-" + std::to_string(i);
                store::Statement insert(connection, kSchema1Row);
                insert.bind(1, id);
                insert.step();
                before.insert(id);
            }
        }
        // How many operations this open (and the close after it) makes without
        // a fault: n runs one past them.
        int operations = 0;
        {
            TempDir dry;
            if (!template_file.empty()) std::filesystem::copy_file(template_file, dry / "skm.db");
            ArmedFault count_only(1'000'000, FaultKind::io_error, FaultPersistence::once);
            {
                store::ManualClock clock{start_time()};
                store::ResponseStore store(options_for(dry / "skm.db", FaultyVfs::kName), scheme, clock);
            }
            operations = FaultyVfs::counts().operations();
        }
        totals.operations[to_string(kind)] = operations;
        for (const auto persistence : config.persistences) {
            for (const auto fault_kind : config.kinds) {
                for (int n = 1; n <= operations + 1; ++n) {
                    run_open_case(Case{n, fault_kind, persistence, false}, kind, template_file, before, scheme, totals);
                }
            }
        }
    }
    return totals;
}

std::string SweepTotals::summary() const {
    std::ostringstream out;
    out << cases << " cases (" << cases_without_fault << " where n was past the last of up to " << most_operations
        << " operations), " << submits_ok
        << " submits succeeded, " << submits_failed << " failed; faults injected: " << failed_writes << " xWrite, "
        << failed_syncs << " xSync, " << failed_truncates << " xTruncate; submits refused at the fsync but present "
        << "later: " << failed_but_in_crash_image << " in a crash image, " << failed_but_after_reopen
        << " after a failed close;";
    for (const auto& [key, count] : problems) out << " " << key << "=" << count;
    return out.str();
}

SweepTotals run_fault_sweep(const SweepConfig& config, const scoring::ScoringScheme& scheme) {
    FaultyVfs::install();
    SweepTotals totals;
    TempDir templates;
    std::filesystem::path template_file;
    std::set<std::string> prefilled;
    if (config.prefilled > 0) {
        template_file = templates / "template.db";
        prefilled = prefilled_database(template_file, static_cast<std::size_t>(config.prefilled), 99, scheme);
    }
    for (const bool armed_at_close : config.armed_at_close) {
        for (const auto persistence : config.persistences) {
            for (const auto kind : config.kinds) {
                for (int n = config.first_n; n <= config.last_n; ++n) {
                    run_case(Case{n, kind, persistence, armed_at_close}, template_file, prefilled, config, scheme,
                             totals);
                }
            }
        }
    }
    return totals;
}

}  // namespace skm::test
