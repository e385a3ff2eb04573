// A simulated disk for power-loss tests, after SQLite's own crash tests
// (test6.c, the "crash VFS"): the test SQLite VFS "skm-powerloss" and a
// store::FileOps both write through to the real files (so the program runs
// as usual) and record, per file, every write and truncate since that file's
// last fsync, and every create, rename and remove since its folder's last
// fsync. cut() then builds the files a power cut at this moment would leave:
//   drop_unsynced   only what was fsynced (content) and dir-fsynced (names);
//   keep_unsynced   everything, as if the disk had written it all;
//   random_subset   each unsynced write kept or lost, a random prefix of the
//                   unsynced name changes kept (seeded: deterministic);
//   torn_sectors    each 512-byte sector of each unsynced write kept, lost or
//                   garbage (SQLite's powersafe-overwrite model: bytes outside
//                   a write are never touched), names as random_subset.
// Folders themselves are taken as durable. SQLite's unix VFS fsyncs the
// folder on the first sync of a WAL or rollback journal it opened with
// SQLITE_OPEN_CREATE (unixOpen's syncDir); the simulation does the same, and
// a delete with syncDir=1 is durable at once. The -shm file is not kept (it is
// rebuilt from the WAL, as after a real reboot). Nothing is fsynced for real
// (files outside the root pass through unsynced too): open the images to
// check through this VFS as well, and thousands of cuts take seconds.
//
// Every write, truncate, sync, delete (VFS) and write_file, sync_file,
// rename, sync_directory, remove (FileOps) is one numbered operation; a hook
// sees each number before the operation runs, so a sweep can cut before any
// of them. Single-threaded, like the tests that use it.
#pragma once

#include "store/file_ops.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace skm::test {

enum class CutMode { drop_unsynced, keep_unsynced, random_subset, torn_sectors };
const char* to_string(CutMode mode);

// The files a power cut leaves under the disk's root.
struct PowerCutImage {
    std::map<std::string, std::string> files;  // path relative to the root → bytes
    int unsynced_changes = 0;  // writes and truncates not yet fsynced at the cut
    int unsynced_kept = 0;     // of those, kept whole or in part
    int names_pending = 0;     // creates, renames, removes not yet dir-fsynced
    int names_kept = 0;
    bool torn = false;         // some write survived only in part, or as garbage

    // Writes the files under `root` (which must be empty).
    void write_to(const std::filesystem::path& root) const;
};

class PowerLossDisk final : public store::FileOps {
public:
    static constexpr const char* kVfsName = "skm-powerloss";

    // The one disk (SQLite's VFS is process-wide); registers the VFS on first use.
    static PowerLossDisk& instance();

    // Tracks files under `root` from now on: those there now count as durable.
    // Numbers operations from 1 and forgets any hook or fault.
    void begin(const std::filesystem::path& root);
    void end();

    int operations() const { return operations_; }
    // Called before each operation with its number.
    void set_hook(std::function<void(int operation)> hook) { hook_ = std::move(hook); }
    // The next fsync (VFS or FileOps) fails with an I/O error and leaves its
    // file's writes unsynced: a refused submit whose frames are in the WAL.
    void fail_next_sync() { fail_next_sync_ = true; }

    PowerCutImage cut(CutMode mode, std::uint64_t seed) const;

    // store::FileOps, tracked.
    void write_file(const std::filesystem::path& file, const std::function<void(std::ostream&)>& fill) override;
    void sync_file(const std::filesystem::path& file) override;
    void rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    void sync_directory(const std::filesystem::path& folder) override;
    void remove(const std::filesystem::path& file) override;
    std::vector<std::filesystem::path> list(const std::filesystem::path& folder) override;
    void create_directories(const std::filesystem::path& folder) override;

    // ---- used by the VFS (power_loss_disk.cpp) ----
    struct Change {
        bool truncate = false;
        std::int64_t offset = 0;  // a truncate: the new size
        std::string bytes;
    };
    struct Inode {
        std::string durable;
        std::vector<Change> pending;
    };
    bool tracks(const std::string& path) const;
    // Counts the operation and runs the hook; true when it is to fail.
    bool begin_operation(bool is_sync);
    std::shared_ptr<Inode> opened(const std::string& path);
    void written(Inode& inode, Change change) { inode.pending.push_back(std::move(change)); }
    void synced(Inode& inode);
    void deleted(const std::string& path, bool sync_dir);
    void folder_synced(const std::string& folder);

private:
    struct NameChange {
        enum Kind { create, rename, remove } kind;
        std::string folder;
        std::string from;
        std::string to;
        std::shared_ptr<Inode> inode;
    };
    static void apply(std::map<std::string, std::shared_ptr<Inode>>& names, const NameChange& change);
    std::shared_ptr<Inode> adopt(const std::string& path);  // a file written outside the disk (report writers)
    std::string key(const std::filesystem::path& path) const;

    std::string root_;
    int operations_ = 0;
    bool fail_next_sync_ = false;
    std::function<void(int)> hook_;
    std::map<std::string, std::shared_ptr<Inode>> live_;     // what the program sees
    std::map<std::string, std::shared_ptr<Inode>> durable_;  // names that survive a cut
    std::vector<NameChange> pending_names_;
};

}  // namespace skm::test
