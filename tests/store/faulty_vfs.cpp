#include "tests/store/faulty_vfs.hpp"

#include "tests/store/forwarding_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>

namespace skm::test {
namespace {

// ---- state -----------------------------------------------------------------

struct FileState {
    std::string name;
    bool tracked = false;  // main database or WAL
    bool unsynced = false;
};

struct Fault {
    bool armed = false;
    int fail_at = 0;
    FaultKind kind = FaultKind::io_error;
    FaultPersistence persistence = FaultPersistence::once;
    FaultCounts counts;
};

Fault& fault() {
    static Fault state;
    return state;
}

std::set<FileState*>& open_states() {
    static std::set<FileState*> states;
    return states;
}

enum class Op { write, sync, truncate };

// Counts one durable operation; returns the error to inject, or SQLITE_OK.
int next_operation(Op op) {
    Fault& f = fault();
    if (!f.armed) return SQLITE_OK;
    int& seen = op == Op::write ? f.counts.writes : op == Op::sync ? f.counts.syncs : f.counts.truncates;
    ++seen;
    const int n = f.counts.operations();
    const bool fail = f.persistence == FaultPersistence::once ? n == f.fail_at : n >= f.fail_at;
    if (!fail) return SQLITE_OK;
    int& failed = op == Op::write  ? f.counts.failed_writes
                  : op == Op::sync ? f.counts.failed_syncs
                                   : f.counts.failed_truncates;
    ++failed;
    if (f.kind == FaultKind::disk_full) return SQLITE_FULL;
    return op == Op::write ? SQLITE_IOERR_WRITE : op == Op::sync ? SQLITE_IOERR_FSYNC : SQLITE_IOERR_TRUNCATE;
}

// ---- files -----------------------------------------------------------------

// SQLite allocates szOsFile bytes: this header, then the real file's bytes.
struct FaultyFile {
    sqlite3_file base;
    sqlite3_file* real;
    FileState* state;
};

sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file)->real; }
FileState* state_of(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file)->state; }

int file_close(sqlite3_file* file) {
    auto* self = reinterpret_cast<FaultyFile*>(file);
    const int rc = self->real->pMethods ? self->real->pMethods->xClose(self->real) : SQLITE_OK;
    open_states().erase(self->state);
    delete self->state;
    self->state = nullptr;
    return rc;
}

int file_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xRead(real, buffer, amount, offset);
}

int file_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    if (const int injected = next_operation(Op::write)) return injected;
    sqlite3_file* real = real_of(file);
    const int rc = real->pMethods->xWrite(real, buffer, amount, offset);
    if (rc == SQLITE_OK) state_of(file)->unsynced = true;
    return rc;
}

int file_truncate(sqlite3_file* file, sqlite3_int64 size) {
    if (const int injected = next_operation(Op::truncate)) return injected;
    sqlite3_file* real = real_of(file);
    const int rc = real->pMethods->xTruncate(real, size);
    if (rc == SQLITE_OK) state_of(file)->unsynced = true;
    return rc;
}

// The real fsync is left out: what the tests assert is that SQLite asked for
// it (unsynced_files), and on a busy disk thousands of real ones take minutes.
int file_sync(sqlite3_file* file, int flags) {
    (void)flags;
    if (const int injected = next_operation(Op::sync)) return injected;
    state_of(file)->unsynced = false;
    return SQLITE_OK;
}

int file_size(sqlite3_file* file, sqlite3_int64* size) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xFileSize(real, size);
}

int file_lock(sqlite3_file* file, int level) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xLock(real, level);
}

int file_unlock(sqlite3_file* file, int level) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xUnlock(real, level);
}

int file_check_reserved_lock(sqlite3_file* file, int* out) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xCheckReservedLock(real, out);
}

int file_control(sqlite3_file* file, int op, void* arg) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xFileControl(real, op, arg);
}

int file_sector_size(sqlite3_file* file) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xSectorSize(real);
}

int file_device_characteristics(sqlite3_file* file) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xDeviceCharacteristics(real);
}

int file_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** out) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xShmMap(real, page, page_size, extend, out);
}

int file_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void file_shm_barrier(sqlite3_file* file) {
    sqlite3_file* real = real_of(file);
    real->pMethods->xShmBarrier(real);
}

int file_shm_unmap(sqlite3_file* file, int delete_flag) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xShmUnmap(real, delete_flag);
}

int file_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xFetch(real, offset, amount, out);
}

int file_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    sqlite3_file* real = real_of(file);
    return real->pMethods->xUnfetch(real, offset, page);
}

// One table per io_methods version the real VFS may report (1 to 3).
const sqlite3_io_methods* methods_for(int version) {
    static const auto tables = testing::io_methods_by_version(
        {3, file_close, file_read, file_write, file_truncate, file_sync, file_size, file_lock, file_unlock,
         file_check_reserved_lock, file_control, file_sector_size, file_device_characteristics, file_shm_map,
         file_shm_lock, file_shm_barrier, file_shm_unmap, file_fetch, file_unfetch});
    return &tables[static_cast<std::size_t>(std::clamp(version, 1, 3) - 1)];
}

// ---- the VFS ---------------------------------------------------------------

using skm::testing::real_vfs;

int vfs_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* self = reinterpret_cast<FaultyFile*>(file);
    self->base.pMethods = nullptr;
    self->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(FaultyFile));
    self->real->pMethods = nullptr;
    self->state = nullptr;
    const int rc = real_vfs(vfs)->xOpen(real_vfs(vfs), name, self->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        // SQLite calls xClose only when pMethods is set: close the real file here.
        if (self->real->pMethods) self->real->pMethods->xClose(self->real);
        return rc;
    }
    self->state = new FileState{name ? name : "", (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0, false};
    open_states().insert(self->state);
    self->base.pMethods = methods_for(self->real->pMethods->iVersion);
    return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    return real_vfs(vfs)->xDelete(real_vfs(vfs), name, sync_dir);
}

}  // namespace

const char* to_string(FaultKind kind) { return kind == FaultKind::io_error ? "io_error" : "disk_full"; }

const char* to_string(FaultPersistence persistence) {
    return persistence == FaultPersistence::once ? "once" : "sticky";
}

void FaultyVfs::install() {
    static sqlite3_vfs vfs{};
    if (sqlite3_vfs_find(kName)) return;
    sqlite3_vfs* unix_vfs = sqlite3_vfs_find("unix");
    if (!unix_vfs || unix_vfs->iVersion < 2) throw std::runtime_error("the unix VFS is not available");
    vfs = skm::testing::forwarding_vfs(unix_vfs, kName, static_cast<int>(sizeof(FaultyFile)) + unix_vfs->szOsFile, vfs_open,
                                       vfs_delete);
    if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) throw std::runtime_error("sqlite3_vfs_register failed");
}

void FaultyVfs::arm(int fail_at, FaultKind kind, FaultPersistence persistence) {
    Fault& f = fault();
    f = Fault{};
    f.armed = true;
    f.fail_at = fail_at;
    f.kind = kind;
    f.persistence = persistence;
}

void FaultyVfs::disarm() { fault().armed = false; }

const FaultCounts& FaultyVfs::counts() { return fault().counts; }

std::vector<std::string> FaultyVfs::unsynced_files() {
    std::vector<std::string> names;
    for (const FileState* state : open_states()) {
        if (state->tracked && state->unsynced) names.push_back(state->name);
    }
    return names;
}

int FaultyVfs::open_files() { return static_cast<int>(open_states().size()); }

}  // namespace skm::test
