#include "kiosk/core/storage_watch.hpp"

#include "kiosk/core/guarded.hpp"
#include "store/setting_keys.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace skm::kiosk {

bool is_storage_trouble(const Problem& problem) {
    static constexpr std::array<std::string_view, 5> kKeys = {"store.disk_full", "store.read_only", "store.corrupt",
                                                              "store.io_error", "store.locked"};
    return std::find(kKeys.begin(), kKeys.end(), problem.key) != kKeys.end();
}

StorageWatch::StorageWatch(store::ResponseStore& db, store::Clock& clock, const formats::Catalog& journal_words,
                           std::ostream& journal)
    : db_(db), clock_(clock), words_(journal_words), journal_(journal) {
    next_backup_ms_ = now() + kBackupCheckEveryMs;  // not in the first minute: the kiosk is starting
    const auto failure = guarded([&] {
        const std::string stored = db_.setting(store::setting_key::kDroppedAnswers).value_or("0");
        std::from_chars(stored.data(), stored.data() + stored.size(), dropped_saved_);
    });
    if (failure) met(*failure);
}

void StorageWatch::enter_trouble(const Problem& problem) {
    // One line per change of state: a new trouble, or another kind of it.
    if (!trouble_ || trouble_->key != problem.key) {
        journal_ << "skm-kiosk: " << words_.format("kiosk.storage.journal_trouble", {{"problem", words_.format(problem)}})
                 << std::endl;
    }
    trouble_ = problem;
}

void StorageWatch::leave_trouble() {
    if (!trouble_) return;
    trouble_.reset();
    journal_ << "skm-kiosk: " << words_.text("kiosk.storage.journal_recovered") << std::endl;
}

void StorageWatch::write_failed(const Problem& problem) {
    if (!is_storage_trouble(problem)) return;  // a duplicate or an invalid answer: the storage is fine
    enter_trouble(problem);
    last_probe_ms_ = now();  // this write was as good as a probe: the next one in kStorageProbeEveryMs
}

void StorageWatch::write_succeeded() {
    leave_trouble();
    if (dropped_unsaved_ > 0) guarded([&] { persist_dropped(); });
}

void StorageWatch::met(const Problem& problem) {
    last_problem_ = problem;
    if (is_storage_trouble(problem)) probe_wanted_ = true;
}

void StorageWatch::count_dropped() {
    ++dropped_unsaved_;
    // Kept in memory (and shown) when the database refuses it; written by the next probe that succeeds.
    guarded([&] { persist_dropped(); });
}

void StorageWatch::persist_dropped() {
    if (dropped_unsaved_ == 0) return;
    db_.set_setting(store::setting_key::kDroppedAnswers, std::to_string(dropped_saved_ + dropped_unsaved_));
    dropped_saved_ += dropped_unsaved_;
    dropped_unsaved_ = 0;
}

void StorageWatch::tick() {
    const bool probe_due = !last_probe_ms_ || now() - *last_probe_ms_ >= kStorageProbeEveryMs;
    if ((trouble_ || probe_wanted_) && probe_due) probe();
    if (now() >= next_backup_ms_) back_up();
}

void StorageWatch::probe() {
    last_probe_ms_ = now();
    probe_wanted_ = false;
    // The same kind of write as a submit (one autocommit statement, fsynced)
    // on the same connection: if this succeeds, an answer would too.
    const auto failure = guarded([&] {
        db_.set_setting(store::setting_key::kStorageProbe, store::iso8601(clock_.wall_now()));
        persist_dropped();
    });
    if (failure) {
        enter_trouble(*failure);
    } else {
        leave_trouble();
    }
}

void StorageWatch::back_up() {
    if (trouble_) {
        next_backup_ms_ = now() + kBackupCheckEveryMs;  // the database cannot even take a probe: later
        return;
    }
    std::optional<Problem> failure;
    try {
        db_.backup_if_due();
    } catch (const Error& error) {
        failure = error.problem();  // the backup file cannot be created or written
    } catch (const std::exception& error) {
        // A failed rename, a backup folder that cannot be listed (std::filesystem).
        failure = Problem{"store.backup_failed", {{"detail", error.what()}}};
    }
    if (failure) {
        if (!backup_problem_) {
            journal_ << "skm-kiosk: " << words_.format("kiosk.staff.status.backup_failed", {{"problem", words_.format(*failure)}})
                     << std::endl;
        }
        backup_problem_ = std::move(failure);
        backup_wait_ms_ = std::min(backup_wait_ms_ * 2, kBackupRetryMaxMs);  // shown on Status, tried again later
    } else {
        backup_problem_.reset();
        backup_wait_ms_ = kBackupCheckEveryMs;
    }
    next_backup_ms_ = now() + backup_wait_ms_;
}

}  // namespace skm::kiosk
