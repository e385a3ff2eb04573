#include "tests/store/power_loss_sweep.hpp"

#include "store/outbox.hpp"
#include "store/response_store.hpp"
#include "store/schema.hpp"
#include "tests/store/power_loss_disk.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <sstream>

namespace skm::test {
namespace {

// What the program had been told was done when the power failed.
struct Progress {
    std::set<std::string> acknowledged;          // submit() returned success
    std::set<std::string> refused;               // submit() returned a problem
    std::set<std::string> refused_since_commit;  // refused, no later commit yet (their WAL frames not overwritten)
    std::optional<std::string> in_flight;        // the submit under way
    std::vector<std::string> backups;            // backups reported done (paths relative to the folder)
    std::map<std::string, std::string> marked;   // id → sync_state, mark() returned
    std::map<std::string, std::string> marking;  // the batch under way
};

struct Captured {
    int operation = 0;
    Progress progress;
    std::vector<std::pair<CutMode, PowerCutImage>> images;
};

// The files each stage starts from.
struct Templates {
    TempDir dir;
    std::filesystem::path current;  // the latest schema, `prefilled` rows
    std::filesystem::path schema_1; // schema version 1, `prefilled` rows
    std::set<std::string> current_ids;
    std::set<std::string> schema_1_ids;
};

constexpr const char* kSchema1Row =
    "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, questionnaire_version, jenis_kelamin, "
    "umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags) VALUES "
    "(?1, 'kiosk-lama', 'Kartu Keluarga', 'permenpan-14-2017', 2, 'L', '40-49', 'S1', 'PNS', "
    "'persyaratan=4;prosedur=3;waktu=2;biaya=1;produk=4;kompetensi=3;perilaku=2;sarana=4', 'lama', "
    "'2023-12-31T23:00:00+07:00', '2023-12-31', 60000, '')";

void make_templates(Templates& t, int prefilled, const scoring::ScoringScheme& scheme) {
    t.current = t.dir / "current.db";
    t.current_ids = prefilled_database(t.current, static_cast<std::size_t>(prefilled), 17, scheme);
    t.schema_1 = t.dir / "schema-1.db";
    {
        store::Connection connection(t.schema_1.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        connection.exec("PRAGMA journal_mode = WAL");
        ASSERT_EQ(store::migrate(connection, 1), 0);
        for (int i = 0; i < prefilled; ++i) {
            const std::string id = "lama-" + std::to_string(i);
            store::Statement insert(connection, kSchema1Row);
            insert.bind(1, id);
            insert.step();
            t.schema_1_ids.insert(id);
        }
        connection.exec("INSERT INTO settings (key, value) VALUES ('kiosk.layanan', 'KTP-el;Kartu Keluarga')");
    }
}

store::Submission power_submission(int i) {
    auto s = make_submission("power-" + std::to_string(i));
    s.response.answers = {static_cast<std::uint8_t>(1 + i % 4), 4, 3, 2, 1, 4, 3, 0, static_cast<std::uint8_t>(i % 5)};
    s.response.layanan = i % 2 ? "KTP-el" : "SKTM";
    s.response.saran = std::string(static_cast<std::size_t>(300 * (i % 5)), 's');  // some rows span WAL frames
    return s;
}

// The most telling first, for the short runs: dropped, torn, all kept, then
// random subsets and torn sectors by turns, each with its own seed.
CutMode mode_for(int k) {
    if (k == 0) return CutMode::drop_unsynced;
    if (k == 1) return CutMode::torn_sectors;
    if (k == 2) return CutMode::keep_unsynced;
    return k % 2 == 1 ? CutMode::random_subset : CutMode::torn_sectors;
}

std::uint64_t seed_for(std::uint64_t seed, PowerLossStage stage, int operation, int k) {
    std::uint64_t h = seed ^ 0x9e3779b97f4a7c15ULL;
    for (std::uint64_t part : {static_cast<std::uint64_t>(stage), static_cast<std::uint64_t>(operation),
                               static_cast<std::uint64_t>(k)}) {
        h = (h ^ part) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    return h;
}

class StageRun {
public:
    StageRun(PowerLossStage stage, int cut_at, const PowerLossConfig& config, const Templates& templates,
             const scoring::ScoringScheme& scheme)
        : stage_(stage), cut_at_(cut_at), config_(config), templates_(templates), scheme_(scheme),
          disk_(PowerLossDisk::instance()) {}

    // Runs the stage; returns the number of operations it made.
    int run() {
        const auto database = live_ / "skm.db";
        std::filesystem::copy_file(stage_ == PowerLossStage::migration ? templates_.schema_1 : templates_.current,
                                   database);
        if (stage_ == PowerLossStage::backup) {
            // Older backups, so that the rotation removes one.
            std::filesystem::create_directories(live_ / "skm.db.backups");
            for (const char* name : {"skm-20240101-000000.db", "skm-20240201-000000.db"}) {
                std::filesystem::copy_file(templates_.current, live_ / "skm.db.backups" / name);
            }
        }
        disk_.begin(live_.path());
        disk_.set_hook([this](int operation) {
            if (operation == cut_at_) capture(operation);
        });
        try {
            body(database);
        } catch (const Error& error) {
            ADD_FAILURE() << to_string(stage_) << ": " << error.problem().key << " " << error.what();
        }
        const int operations = disk_.operations();
        if (cut_at_ > operations) capture(operations + 1);  // after the close
        disk_.end();
        return operations;
    }

    const std::optional<Captured>& captured() const { return captured_; }

private:
    bool stopped() const { return captured_.has_value(); }

    store::StoreOptions options(const std::filesystem::path& database) {
        auto o = options_for(database, PowerLossDisk::kVfsName);
        o.file_ops = &disk_;
        o.keep_backups = 2;
        return o;
    }

    void capture(int operation) {
        if (captured_) return;
        Captured c;
        c.operation = operation;
        c.progress = progress_;
        for (int k = 0; k < config_.images_per_cut; ++k) {
            c.images.emplace_back(mode_for(k), disk_.cut(mode_for(k), seed_for(config_.seed, stage_, operation, k)));
        }
        captured_ = std::move(c);
    }

    void body(const std::filesystem::path& database) {
        store::ManualClock clock{start_time()};
        switch (stage_) {
            case PowerLossStage::submit: {
                store::ResponseStore store(options(database), scheme_, clock);
                for (int i = 0; i < config_.submits && !stopped(); ++i) submit(store, power_submission(i), i == 1);
                // The kiosk retries a refused answer with the same id and time.
                if (!stopped() && config_.submits > 1) submit(store, power_submission(1), false);
                break;
            }
            case PowerLossStage::migration: {
                store::ResponseStore store(options(database), scheme_, clock);
                const auto& backup = store.open_report().migration_backup;
                EXPECT_TRUE(backup.has_value());
                if (backup) progress_.backups.push_back(backup->lexically_relative(live_.path()).string());
                break;
            }
            case PowerLossStage::backup: {
                store::ResponseStore store(options(database), scheme_, clock);
                if (stopped()) break;
                clock.advance_ms(3'600'000);
                const auto backup = store.backup_now();
                progress_.backups.push_back(backup.lexically_relative(live_.path()).string());
                break;
            }
            case PowerLossStage::sync_mark: {
                store::Outbox outbox(database, scheme_, PowerLossDisk::kVfsName);
                std::vector<std::string> ids(templates_.current_ids.begin(), templates_.current_ids.end());
                for (std::size_t batch = 0; batch < 2 && !stopped(); ++batch) {
                    std::vector<store::SyncMark> marks;
                    for (std::size_t i = batch * 5; i < batch * 5 + 5 && i < ids.size(); ++i) {
                        const bool sent = i % 4 != 3;
                        marks.push_back({ids[i], sent, sent ? "" : "layanan tidak dikenal"});
                        progress_.marking[ids[i]] = sent ? "sent" : "rejected";
                    }
                    outbox.mark(marks);
                    progress_.marked.insert(progress_.marking.begin(), progress_.marking.end());
                    progress_.marking.clear();
                }
                break;
            }
        }
    }

    void submit(store::ResponseStore& store, const store::Submission& s, bool fail_its_fsync) {
        const std::string& id = s.response.response_id;
        if (fail_its_fsync) disk_.fail_next_sync();
        progress_.in_flight = id;
        const auto problem = store.submit(s);
        progress_.in_flight.reset();
        if (!problem) {
            progress_.acknowledged.insert(id);
            progress_.refused.erase(id);
            progress_.refused_since_commit.clear();
        } else {
            EXPECT_TRUE(fail_its_fsync) << id << ": " << problem->key;
            EXPECT_EQ(problem->key, "store.io_error") << id;
            EXPECT_FALSE(store.contains(id)) << id;
            progress_.refused.insert(id);
            progress_.refused_since_commit.insert(id);
        }
    }

    PowerLossStage stage_;
    int cut_at_;
    const PowerLossConfig& config_;
    const Templates& templates_;
    const scoring::ScoringScheme& scheme_;
    PowerLossDisk& disk_;
    TempDir live_;
    Progress progress_;
    std::optional<Captured> captured_;
};

bool is_final_backup_name(const std::string& relative) {
    const std::filesystem::path p(relative);
    const std::string name = p.filename().string();
    return p.parent_path() == "skm.db.backups" && name.rfind("skm-", 0) == 0 && p.extension() == ".db";
}

void check_image(PowerLossStage stage, const Captured& c, CutMode mode, const PowerCutImage& image,
                 const std::set<std::string>& before, const scoring::ScoringScheme& scheme, PowerLossTotals& totals) {
    SCOPED_TRACE(std::string(to_string(stage)) + ", power cut before operation " + std::to_string(c.operation) + ", " +
                 to_string(mode) + " (" + std::to_string(image.unsynced_kept) + " of " +
                 std::to_string(image.unsynced_changes) + " unsynced writes kept, " + std::to_string(image.names_kept) +
                 " of " + std::to_string(image.names_pending) + " name changes)");
    ++totals.cuts;
    ++totals.images_by_mode[to_string(mode)];
    if (image.torn) ++totals.torn_images;
    if (image.unsynced_kept > 0 || image.names_kept > 0) ++totals.images_keeping_unsynced;
    ASSERT_EQ(image.files.count("skm.db"), 1u) << "the database file itself is gone";

    TempDir dir;
    image.write_to(dir.path());
    const auto database = dir / "skm.db";
    const Progress& p = c.progress;
    std::set<std::string> ids;
    {
        // Recovers the WAL as a restart would. Through the simulator's VFS only
        // because it skips the real fsyncs: these files are outside its root.
        RawDb raw(database, /*writable=*/true, PowerLossDisk::kVfsName);
        EXPECT_EQ(raw.integrity(), "ok");
        ids = raw.response_ids();
        for (const auto& id : before) EXPECT_EQ(ids.count(id), 1u) << "lost: " << id;
        for (const auto& id : p.acknowledged) {
            EXPECT_EQ(ids.count(id), 1u) << "acknowledged, lost: " << id;
            if (ids.count(id)) ++totals.acknowledged_checked;
        }
        totals.acknowledged_checked += static_cast<std::int64_t>(before.size());
        for (const auto& id : p.refused) {
            if (p.in_flight == id) continue;  // being retried: its new commit may be on disk already
            if (!ids.count(id)) {
                ++totals.refused_checked_absent;
            } else if (p.refused_since_commit.count(id) && image.unsynced_kept > 0) {
                ++totals.refused_back_from_unsynced_frames;
            } else {
                ADD_FAILURE() << "refused, yet present: " << id;
            }
        }
        for (const auto& id : ids) {
            if (p.in_flight == id) {
                ++totals.in_flight_present;
            } else {
                EXPECT_TRUE(before.count(id) || p.acknowledged.count(id) || p.refused.count(id))
                    << "a row nobody submitted: " << id;
            }
        }
        if (stage == PowerLossStage::sync_mark) {
            std::map<std::string, std::string> state;
            store::Statement query(raw.connection(), "SELECT response_id, sync_state FROM responses");
            while (query.step()) state[std::string(query.text(0))] = std::string(query.text(1));
            for (const auto& [id, expected] : p.marked) {
                EXPECT_EQ(state[id], expected) << "acknowledged sync mark lost: " << id;
                ++totals.marks_checked;
            }
            std::size_t done = 0;
            for (const auto& [id, expected] : p.marking) done += state[id] == expected ? 1 : 0;
            EXPECT_TRUE(done == 0 || done == p.marking.size()) << "half a mark batch: " << done;
        }
    }
    {
        store::ManualClock clock{start_time()};
        auto options = options_for(database, PowerLossDisk::kVfsName);
        options.file_ops = &PowerLossDisk::instance();  // outside its root: real files, no real fsync
        store::ResponseStore reopened(options, scheme, clock);
        EXPECT_FALSE(reopened.open_report().moved_aside.has_value());
        EXPECT_EQ(store::schema_version(reopened.connection()), store::latest_schema_version());
        EXPECT_EQ(reopened.count(), static_cast<std::int64_t>(ids.size()));
        const auto report = reopened.check();
        EXPECT_TRUE(report.ok()) << (report.integrity.empty() ? "" : report.integrity.front());
    }
    for (const auto& backup : p.backups) EXPECT_EQ(image.files.count(backup), 1u) << "backup reported done, lost: " << backup;
    for (const auto& [relative, bytes] : image.files) {
        if (!is_final_backup_name(relative)) continue;
        RawDb backup(dir / relative, /*writable=*/false, PowerLossDisk::kVfsName);
        EXPECT_EQ(backup.integrity(), "ok") << relative;
        const auto backed_up = backup.response_ids();
        for (const auto& id : before) EXPECT_EQ(backed_up.count(id), 1u) << relative << " lacks " << id;
        ++totals.backups_checked;
    }
}

}  // namespace

const char* to_string(PowerLossStage stage) {
    switch (stage) {
        case PowerLossStage::submit: return "submit";
        case PowerLossStage::migration: return "migration";
        case PowerLossStage::backup: return "backup";
        case PowerLossStage::sync_mark: return "sync_mark";
    }
    return "?";
}

std::string PowerLossTotals::summary() const {
    std::ostringstream out;
    out << cuts << " power cuts simulated (";
    const char* sep = "";
    for (const auto& [stage, points] : cut_points) {
        out << sep << stage << " " << points << " cut points";
        sep = ", ";
    }
    out << "; images:";
    for (const auto& [mode, count] : images_by_mode) out << " " << mode << "=" << count;
    out << "), " << torn_images << " images with torn sectors, " << images_keeping_unsynced
        << " keeping some unsynced change; " << acknowledged_checked
        << " earlier or acknowledged responses checked present, none lost; " << refused_checked_absent
        << " refused submits checked absent (" << refused_back_from_unsynced_frames
        << " back only because the cut kept the WAL frames whose fsync failed); " << in_flight_present
        << " committed submits cut before they were acknowledged; " << backups_checked << " backup files and "
        << marks_checked << " sync marks checked";
    return out.str();
}

PowerLossTotals run_power_loss_sweep(const PowerLossConfig& config, const scoring::ScoringScheme& scheme) {
    PowerLossTotals totals;
    Templates templates;
    make_templates(templates, config.prefilled, scheme);
    for (const PowerLossStage stage : config.stages) {
        const auto& before = stage == PowerLossStage::migration ? templates.schema_1_ids : templates.current_ids;
        const int operations = StageRun(stage, 0, config, templates, scheme).run();
        EXPECT_GT(operations, 0) << to_string(stage);
        totals.cut_points[to_string(stage)] = operations + 1;
        for (int cut_at = 1; cut_at <= operations + 1; ++cut_at) {
            StageRun run(stage, cut_at, config, templates, scheme);
            run.run();
            const auto& captured = run.captured();
            if (!captured) {
                ADD_FAILURE() << to_string(stage) << ": no cut at operation " << cut_at;
                continue;
            }
            for (const auto& [mode, image] : captured->images) {
                check_image(stage, *captured, mode, image, before, scheme, totals);
                if (::testing::Test::HasFatalFailure()) return totals;
            }
        }
    }
    return totals;
}

}  // namespace skm::test
