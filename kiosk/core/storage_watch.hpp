// Storage trouble as the kiosk meets it, and what the kiosk does about it.
// A citizen's answer that cannot be written (disk full, read-only, damaged,
// locked) puts the kiosk in storage trouble: the welcome screen stops
// inviting citizens (each would spend a minute for an apology), the staff
// view and the Status tab show a banner, and one line goes to stderr (the
// journal under systemd) at each change of state, never once per frame.
// Every kStorageProbeEveryMs a small probe write tries the database again;
// the first that succeeds ends the trouble. The watch also counts answers a
// citizen left on the apology screen ("Selesai"), runs the scheduled backup
// (a failed backup is shown on Status and retried later; surveys go on), and
// keeps the last problem a timer or the sync thread met.
//
// Used on the kiosk's UI thread only (the frame loop and its timer).
#pragma once

#include "formats/catalog.hpp"
#include "scoring/problem.hpp"
#include "store/clock.hpp"
#include "store/response_store.hpp"

#include <cstdint>
#include <optional>
#include <ostream>

namespace skm::kiosk {

// How often a probe write tries the database while storage is in trouble.
inline constexpr std::int64_t kStorageProbeEveryMs = 30'000;
// How often the timer asks whether the scheduled backup is due; after a
// failed backup the wait doubles up to kBackupRetryMaxMs (a backup copies the
// whole database: not every minute onto a disk that refuses it).
inline constexpr std::int64_t kBackupCheckEveryMs = 60'000;
inline constexpr std::int64_t kBackupRetryMaxMs = 60 * 60'000;

// The problems that mean "answers cannot be stored now": store.disk_full,
// store.read_only, store.corrupt, store.io_error, store.locked.
bool is_storage_trouble(const Problem& problem);

class StorageWatch {
public:
    // journal_words: the language of the stderr lines (the kiosk's journal is Indonesian).
    StorageWatch(store::ResponseStore& db, store::Clock& clock, const formats::Catalog& journal_words,
                 std::ostream& journal);

    // The citizen's answer could not be written / was written.
    void write_failed(const Problem& problem);
    void write_succeeded();
    // Something else (a timer, the sync thread's own connection) met this
    // problem: kept for Status; a storage problem makes the next tick probe.
    void met(const Problem& problem);
    // A citizen left the apology screen: the answer is not known to be stored.
    void count_dropped();
    // Once a second from the kiosk's timer: the probe and the backup when
    // due. Never throws.
    void tick();

    bool troubled() const { return trouble_.has_value(); }
    const std::optional<Problem>& trouble() const { return trouble_; }
    const std::optional<Problem>& backup_problem() const { return backup_problem_; }
    const std::optional<Problem>& last_problem() const { return last_problem_; }
    // Answers dropped on the apology screen, ever on this device: the count in
    // the database plus those not written there yet (storage refused them).
    std::int64_t dropped() const { return dropped_saved_ + dropped_unsaved_; }
    std::int64_t dropped_unsaved() const { return dropped_unsaved_; }

private:
    void probe();
    void back_up();
    void persist_dropped();
    void enter_trouble(const Problem& problem);
    void leave_trouble();
    std::int64_t now() const { return clock_.monotonic_ms(); }

    store::ResponseStore& db_;
    store::Clock& clock_;
    const formats::Catalog& words_;
    std::ostream& journal_;
    std::optional<Problem> trouble_;
    std::optional<Problem> backup_problem_;
    std::optional<Problem> last_problem_;
    std::optional<std::int64_t> last_probe_ms_;  // none yet: the first tick probes
    bool probe_wanted_ = true;                   // at start, and after met() a storage problem
    std::int64_t next_backup_ms_ = 0;
    std::int64_t backup_wait_ms_ = kBackupCheckEveryMs;
    std::int64_t dropped_saved_ = 0;
    std::int64_t dropped_unsaved_ = 0;
};

}  // namespace skm::kiosk
