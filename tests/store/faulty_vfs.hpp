// A test SQLite VFS, "skm-faulty": the default "unix" VFS with fault
// injection on the calls that make data durable (xWrite, xSync, xTruncate).
// Armed with a number n, the n-th such call after arming fails with
// SQLITE_IOERR_* or SQLITE_FULL (only that call, or that call and every one
// after it: a disk that stays full). It also remembers, per database and WAL
// file, whether anything was written since the last successful xSync, so a
// test can assert that an acknowledged write is on stable storage. The real
// fsync itself is not made (the page cache serves reads the same).
//
// Single-threaded by design, like the tests that use it. Pass
// FaultyVfs::kName as StoreOptions::vfs (after FaultyVfs::install()).
#pragma once

#include <string>
#include <vector>

namespace skm::test {

enum class FaultKind { io_error, disk_full };
enum class FaultPersistence { once, sticky };

const char* to_string(FaultKind kind);
const char* to_string(FaultPersistence persistence);

struct FaultCounts {
    int writes = 0;     // xWrite calls seen while armed
    int syncs = 0;      // xSync calls seen while armed
    int truncates = 0;  // xTruncate calls seen while armed
    int failed_writes = 0;
    int failed_syncs = 0;
    int failed_truncates = 0;
    int operations() const { return writes + syncs + truncates; }
    int failures() const { return failed_writes + failed_syncs + failed_truncates; }
};

class FaultyVfs {
public:
    static constexpr const char* kName = "skm-faulty";

    // Registers the VFS (not as the default); idempotent.
    static void install();

    // Counts xWrite/xSync/xTruncate from zero; the fail_at-th one fails.
    static void arm(int fail_at, FaultKind kind, FaultPersistence persistence);
    static void disarm();
    static const FaultCounts& counts();  // since the last arm()

    // Open main-database and WAL files written since their last successful
    // xSync (names as SQLite passed them).
    static std::vector<std::string> unsynced_files();
    // How many files of the VFS are open now (a leak check for the tests).
    static int open_files();
};

// Disarms on scope exit, so a failing assertion cannot leave faults armed.
class ArmedFault {
public:
    ArmedFault(int fail_at, FaultKind kind, FaultPersistence persistence) {
        FaultyVfs::arm(fail_at, kind, persistence);
    }
    ~ArmedFault() { FaultyVfs::disarm(); }
    ArmedFault(const ArmedFault&) = delete;
    ArmedFault& operator=(const ArmedFault&) = delete;
};

}  // namespace skm::test
