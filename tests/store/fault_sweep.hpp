// The fault-injection sweep shared by the default-tier test and the long
// release-tier one. For every n in a range, every kind of error and every
// persistence: open a store (fresh, or copied from a pre-filled template)
// through the "skm-faulty" VFS, arm the fault at the n-th write/sync/truncate,
// submit a sequence of responses, and check each outcome: a submit that
// succeeded is durable (its files synced) and present after reopening without
// the faulty VFS; a submit that failed reported store.disk_full or
// store.io_error and is absent (unless its fsync was what failed and no later
// commit has rewritten its WAL frames: asserted, see SweepTotals); the
// database is intact and every earlier row is still there. Assertions are GoogleTest EXPECTs; the totals are returned.
#pragma once

#include "scoring/scheme.hpp"
#include "tests/store/faulty_vfs.hpp"

#include <map>
#include <string>
#include <vector>

namespace skm::test {

struct SweepConfig {
    int first_n = 1;
    int last_n = 60;
    std::vector<FaultKind> kinds = {FaultKind::io_error, FaultKind::disk_full};
    std::vector<FaultPersistence> persistences = {FaultPersistence::once};
    int prefilled = 20;  // rows already in the database; 0 = a new database
    int submits = 8;     // per case
    // false: disarmed before the store closes (the case the issue names);
    // true: still armed, so the checkpoint on close can fail too.
    std::vector<bool> armed_at_close = {false};
    // Also copy the database and its WAL as they are on disk after the
    // submits (what a power cut would leave) and check that copy.
    bool crash_images = true;
};

struct SweepTotals {
    int cases = 0;
    int submits_ok = 0;
    int submits_failed = 0;
    int failed_writes = 0;
    int failed_syncs = 0;
    int failed_truncates = 0;
    int cases_without_fault = 0;  // n beyond the last operation of the case
    int most_operations = 0;      // the most writes+syncs+truncates one case made
    // Failed submits whose row is nevertheless in the crash image (a copy of
    // the files as they are, unsynced writes included): the write reached the
    // WAL but its fsync failed. Asserted to happen only before any later
    // submit was acknowledged (whose commit overwrites those WAL frames); the
    // power-loss sweep (power_loss_sweep.hpp) checks the images a cut leaves.
    int failed_but_in_crash_image = 0;
    // The same, found after the close's checkpoint failed and the WAL was recovered.
    int failed_but_after_reopen = 0;
    std::map<std::string, int> problems;  // problem key → submits that reported it

    std::string summary() const;
};

SweepTotals run_fault_sweep(const SweepConfig& config, const scoring::ScoringScheme& scheme);

// Faults while the store opens: the n-th write/sync/truncate of the open
// fails, on a new database, a filled one, and a schema-1 one that the open
// backs up and migrates. The open either succeeds whole or throws
// skm::Error(storage) with store.disk_full / store.io_error (never moves the
// file aside as damaged); the next start, without faults, finds every earlier
// row, the latest schema and check() ok, and any migration backup under its
// final name is a whole database.
enum class OpenTemplate { none, filled, schema_1 };
const char* to_string(OpenTemplate kind);

struct OpenSweepConfig {
    // n runs from 1 to one past the last write/sync/truncate of the open and the
    // close after it (counted in a dry run).
    std::vector<FaultKind> kinds = {FaultKind::io_error, FaultKind::disk_full};
    std::vector<FaultPersistence> persistences = {FaultPersistence::once, FaultPersistence::sticky};
    std::vector<OpenTemplate> templates = {OpenTemplate::none, OpenTemplate::filled, OpenTemplate::schema_1};
    int prefilled = 10;
};

struct OpenSweepTotals {
    int cases = 0;
    int opened = 0;
    int refused = 0;
    int cases_without_fault = 0;
    int most_operations = 0;
    std::map<std::string, int> operations;  // per template: the open's operations without a fault
    std::string summary() const;
};

OpenSweepTotals run_open_fault_sweep(const OpenSweepConfig& config, const scoring::ScoringScheme& scheme);

}  // namespace skm::test
