#include "tests/store/power_loss_disk.hpp"

#include "scoring/problem.hpp"
#include "tests/store/forwarding_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>

namespace skm::test {
namespace {

constexpr std::int64_t kSector = 512;

std::string parent_of(const std::string& path) { return std::filesystem::path(path).parent_path().string(); }

void write_at(std::string& bytes, std::int64_t offset, std::string_view data) {
    const auto at = static_cast<std::size_t>(offset);
    if (bytes.size() < at + data.size()) bytes.resize(at + data.size(), '\0');
    std::copy(data.begin(), data.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at));
}

void apply_change(std::string& bytes, const PowerLossDisk::Change& change) {
    if (change.truncate) {
        bytes.resize(static_cast<std::size_t>(change.offset), '\0');
    } else {
        write_at(bytes, change.offset, change.bytes);
    }
}

std::string read_real(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Error disk_error(const std::filesystem::path& file, std::string detail) {
    return Error(ErrorKind::storage, Problem{"store.io_error", {{"file", file.string()}, {"detail", std::move(detail)}}});
}

// ---- the VFS: the unix VFS, with the disk told of every change ---------------

struct Handle {
    std::string path;
    std::shared_ptr<PowerLossDisk::Inode> inode;
    bool folder_sync_on_first_sync = false;  // as unixOpen's syncDir
};

struct TrackedFile {
    sqlite3_file base;
    sqlite3_file* real;
    Handle* handle;  // null: not under the disk's root (passed through, not counted)
};

sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<TrackedFile*>(file)->real; }
Handle* handle_of(sqlite3_file* file) { return reinterpret_cast<TrackedFile*>(file)->handle; }
PowerLossDisk& disk() { return PowerLossDisk::instance(); }

int file_close(sqlite3_file* file) {
    auto* self = reinterpret_cast<TrackedFile*>(file);
    const int rc = self->real->pMethods ? self->real->pMethods->xClose(self->real) : SQLITE_OK;
    delete self->handle;
    self->handle = nullptr;
    return rc;
}

int file_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    return real_of(file)->pMethods->xRead(real_of(file), buffer, amount, offset);
}

int file_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    Handle* handle = handle_of(file);
    if (handle && disk().begin_operation(false)) return SQLITE_IOERR_WRITE;
    const int rc = real_of(file)->pMethods->xWrite(real_of(file), buffer, amount, offset);
    if (rc == SQLITE_OK && handle) {
        disk().written(*handle->inode,
                       {false, offset, std::string(static_cast<const char*>(buffer), static_cast<std::size_t>(amount))});
    }
    return rc;
}

int file_truncate(sqlite3_file* file, sqlite3_int64 size) {
    Handle* handle = handle_of(file);
    if (handle && disk().begin_operation(false)) return SQLITE_IOERR_TRUNCATE;
    const int rc = real_of(file)->pMethods->xTruncate(real_of(file), size);
    if (rc == SQLITE_OK && handle) disk().written(*handle->inode, {true, size, {}});
    return rc;
}

// The real file is never fsynced: what survives a cut is the simulation's to
// decide, and thousands of cuts must not wait for the disk.
int file_sync(sqlite3_file* file, int flags) {
    (void)flags;
    Handle* handle = handle_of(file);
    if (handle && disk().begin_operation(true)) return SQLITE_IOERR_FSYNC;
    const int rc = SQLITE_OK;
    if (handle) {
        disk().synced(*handle->inode);
        if (handle->folder_sync_on_first_sync) {
            disk().folder_synced(parent_of(handle->path));
            handle->folder_sync_on_first_sync = false;
        }
    }
    return rc;
}

int file_size(sqlite3_file* file, sqlite3_int64* size) { return real_of(file)->pMethods->xFileSize(real_of(file), size); }
int file_lock(sqlite3_file* file, int level) { return real_of(file)->pMethods->xLock(real_of(file), level); }
int file_unlock(sqlite3_file* file, int level) { return real_of(file)->pMethods->xUnlock(real_of(file), level); }
int file_check_reserved_lock(sqlite3_file* file, int* out) {
    return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int file_control(sqlite3_file* file, int op, void* arg) {
    return real_of(file)->pMethods->xFileControl(real_of(file), op, arg);
}
int file_sector_size(sqlite3_file* file) { return real_of(file)->pMethods->xSectorSize(real_of(file)); }
int file_device_characteristics(sqlite3_file* file) {
    return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}
int file_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** out) {
    return real_of(file)->pMethods->xShmMap(real_of(file), page, page_size, extend, out);
}
int file_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void file_shm_barrier(sqlite3_file* file) { real_of(file)->pMethods->xShmBarrier(real_of(file)); }
int file_shm_unmap(sqlite3_file* file, int delete_flag) {
    return real_of(file)->pMethods->xShmUnmap(real_of(file), delete_flag);
}
int file_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    // No memory-mapped reads: every byte SQLite sees comes through xRead.
    (void)file, (void)offset, (void)amount;
    *out = nullptr;
    return SQLITE_OK;
}
int file_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    (void)file, (void)offset, (void)page;
    return SQLITE_OK;
}

const sqlite3_io_methods* methods_for(int version) {
    static const auto tables = testing::io_methods_by_version(
        {3, file_close, file_read, file_write, file_truncate, file_sync, file_size, file_lock, file_unlock,
         file_check_reserved_lock, file_control, file_sector_size, file_device_characteristics, file_shm_map,
         file_shm_lock, file_shm_barrier, file_shm_unmap, file_fetch, file_unfetch});
    return &tables[static_cast<std::size_t>(std::clamp(version, 1, 3) - 1)];
}

using skm::testing::real_vfs;

int vfs_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* self = reinterpret_cast<TrackedFile*>(file);
    self->base.pMethods = nullptr;
    self->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(TrackedFile));
    self->real->pMethods = nullptr;
    self->handle = nullptr;
    const bool tracked = name && disk().tracks(name);
    const int rc = real_vfs(vfs)->xOpen(real_vfs(vfs), name, self->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        if (self->real->pMethods) self->real->pMethods->xClose(self->real);
        return rc;
    }
    if (tracked) {
        const bool journal = (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL)) != 0;
        self->handle = new Handle{name, disk().opened(name), (flags & SQLITE_OPEN_CREATE) != 0 && journal};
    }
    self->base.pMethods = methods_for(self->real->pMethods->iVersion);
    return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    const bool tracked = name && disk().tracks(name);
    if (tracked && disk().begin_operation(false)) return SQLITE_IOERR_DELETE;
    const int rc = real_vfs(vfs)->xDelete(real_vfs(vfs), name, /*syncDir=*/0);  // the folder fsync is simulated
    if (tracked && (rc == SQLITE_OK || rc == SQLITE_IOERR_DELETE_NOENT)) disk().deleted(name, sync_dir != 0);
    return rc;
}

void install_vfs() {
    static sqlite3_vfs vfs{};
    if (sqlite3_vfs_find(PowerLossDisk::kVfsName)) return;
    sqlite3_vfs* unix_vfs = sqlite3_vfs_find("unix");
    if (!unix_vfs || unix_vfs->iVersion < 2) throw std::runtime_error("the unix VFS is not available");
    vfs = skm::testing::forwarding_vfs(unix_vfs, PowerLossDisk::kVfsName, static_cast<int>(sizeof(TrackedFile)) + unix_vfs->szOsFile, vfs_open,
                                       vfs_delete);
    if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) throw std::runtime_error("sqlite3_vfs_register failed");
}

}  // namespace

const char* to_string(CutMode mode) {
    switch (mode) {
        case CutMode::drop_unsynced: return "drop_unsynced";
        case CutMode::keep_unsynced: return "keep_unsynced";
        case CutMode::random_subset: return "random_subset";
        case CutMode::torn_sectors: return "torn_sectors";
    }
    return "?";
}

void PowerCutImage::write_to(const std::filesystem::path& root) const {
    for (const auto& [relative, bytes] : files) {
        const auto file = root / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("cannot write the power-cut image " + file.string());
    }
}

// ---- the disk ------------------------------------------------------------------

PowerLossDisk& PowerLossDisk::instance() {
    static PowerLossDisk the_disk;
    install_vfs();
    return the_disk;
}

std::string PowerLossDisk::key(const std::filesystem::path& path) const {
    return std::filesystem::weakly_canonical(std::filesystem::absolute(path)).string();
}

bool PowerLossDisk::tracks(const std::string& path) const {
    return !root_.empty() && path.size() > root_.size() && path.compare(0, root_.size(), root_) == 0 &&
           path[root_.size()] == '/';
}

void PowerLossDisk::begin(const std::filesystem::path& root) {
    end();
    root_ = key(root);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
        if (!entry.is_regular_file()) continue;
        auto inode = std::make_shared<Inode>();
        inode->durable = read_real(entry.path().string());
        live_[entry.path().string()] = inode;
        durable_[entry.path().string()] = inode;
    }
}

void PowerLossDisk::end() {
    root_.clear();
    operations_ = 0;
    fail_next_sync_ = false;
    hook_ = nullptr;
    live_.clear();
    durable_.clear();
    pending_names_.clear();
}

bool PowerLossDisk::begin_operation(bool is_sync) {
    ++operations_;
    if (hook_) hook_(operations_);
    if (is_sync && fail_next_sync_) {
        fail_next_sync_ = false;
        return true;
    }
    return false;
}

std::shared_ptr<PowerLossDisk::Inode> PowerLossDisk::opened(const std::string& path) {
    if (auto it = live_.find(path); it != live_.end()) return it->second;
    // Opened by SQLite's xOpen, which just created it (or found it made outside the disk).
    auto inode = adopt(path);
    return inode;
}

std::shared_ptr<PowerLossDisk::Inode> PowerLossDisk::adopt(const std::string& path) {
    auto inode = std::make_shared<Inode>();
    const std::string bytes = read_real(path);
    if (!bytes.empty()) inode->pending.push_back({false, 0, bytes});
    live_[path] = inode;
    pending_names_.push_back({NameChange::create, parent_of(path), {}, path, inode});
    return inode;
}

void PowerLossDisk::synced(Inode& inode) {
    for (const Change& change : inode.pending) apply_change(inode.durable, change);
    inode.pending.clear();
}

void PowerLossDisk::apply(std::map<std::string, std::shared_ptr<Inode>>& names, const NameChange& change) {
    switch (change.kind) {
        case NameChange::create: names[change.to] = change.inode; break;
        case NameChange::rename:
            names.erase(change.from);
            names[change.to] = change.inode;
            break;
        case NameChange::remove: names.erase(change.from); break;
    }
}

void PowerLossDisk::folder_synced(const std::string& folder) {
    std::vector<NameChange> still_pending;
    for (auto& change : pending_names_) {
        if (change.folder == folder) {
            apply(durable_, change);
        } else {
            still_pending.push_back(std::move(change));
        }
    }
    pending_names_ = std::move(still_pending);
}

void PowerLossDisk::deleted(const std::string& path, bool sync_dir) {
    auto it = live_.find(path);
    if (it == live_.end()) return;
    pending_names_.push_back({NameChange::remove, parent_of(path), path, {}, it->second});
    live_.erase(it);
    if (sync_dir) folder_synced(parent_of(path));
}

PowerCutImage PowerLossDisk::cut(CutMode mode, std::uint64_t seed) const {
    std::mt19937_64 rng(seed);
    PowerCutImage image;
    auto names = durable_;
    image.names_pending = static_cast<int>(pending_names_.size());
    std::size_t keep_names = 0;
    if (mode == CutMode::keep_unsynced) keep_names = pending_names_.size();
    if (mode == CutMode::random_subset || mode == CutMode::torn_sectors) {
        keep_names = static_cast<std::size_t>(rng() % (pending_names_.size() + 1));
    }
    // A journaling file system commits name changes in order: a prefix survives.
    for (std::size_t i = 0; i < keep_names; ++i) apply(names, pending_names_[i]);
    image.names_kept = static_cast<int>(keep_names);

    for (const auto& [path, inode] : names) {
        if (path.size() >= 4 && path.compare(path.size() - 4, 4, "-shm") == 0) continue;
        std::string bytes = inode->durable;
        for (const Change& change : inode->pending) {
            ++image.unsynced_changes;
            bool kept = false;
            switch (mode) {
                case CutMode::drop_unsynced: break;
                case CutMode::keep_unsynced: kept = true; break;
                case CutMode::random_subset: kept = rng() % 2 == 0; break;
                case CutMode::torn_sectors:
                    if (change.truncate) {
                        kept = rng() % 2 == 0;
                        break;
                    }
                    {
                        const std::int64_t end = change.offset + static_cast<std::int64_t>(change.bytes.size());
                        int sectors = 0;
                        int whole = 0;
                        for (std::int64_t at = change.offset; at < end;) {
                            const std::int64_t next = std::min(end, (at / kSector + 1) * kSector);
                            const auto from = static_cast<std::size_t>(at - change.offset);
                            const auto length = static_cast<std::size_t>(next - at);
                            ++sectors;
                            switch (rng() % 3) {
                                case 0:
                                    write_at(bytes, at, std::string_view(change.bytes).substr(from, length));
                                    ++whole;
                                    break;
                                case 1: break;  // the old bytes stay
                                default: {
                                    std::string garbage(length, '\0');
                                    for (auto& c : garbage) c = static_cast<char>(rng());
                                    write_at(bytes, at, garbage);
                                    image.torn = true;
                                    kept = true;
                                }
                            }
                            at = next;
                        }
                        if (whole > 0) kept = true;
                        if (whole > 0 && whole < sectors) image.torn = true;
                    }
                    if (kept) ++image.unsynced_kept;
                    continue;
            }
            if (kept) {
                apply_change(bytes, change);
                ++image.unsynced_kept;
            }
        }
        image.files[path.substr(root_.size() + 1)] = std::move(bytes);
    }
    return image;
}

// ---- store::FileOps --------------------------------------------------------------

void PowerLossDisk::write_file(const std::filesystem::path& file, const std::function<void(std::ostream&)>& fill) {
    const std::string path = key(file);
    if (!tracks(path)) return store::system_file_ops().write_file(file, fill);
    begin_operation(false);
    std::ostringstream buffer;
    fill(buffer);
    const std::string bytes = buffer.str();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw disk_error(file, "write failed");
    }
    if (auto it = live_.find(path); it != live_.end()) {
        written(*it->second, {true, 0, {}});
        written(*it->second, {false, 0, bytes});
    } else {
        auto inode = std::make_shared<Inode>();
        inode->pending.push_back({false, 0, bytes});
        live_[path] = inode;
        pending_names_.push_back({NameChange::create, parent_of(path), {}, path, inode});
    }
}

void PowerLossDisk::sync_file(const std::filesystem::path& file) {
    const std::string path = key(file);
    if (!tracks(path)) return;  // outside the root: nothing to simulate, and no real fsync either
    if (begin_operation(true)) throw disk_error(file, "fsync failed (simulated)");
    auto it = live_.find(path);
    if (it == live_.end()) {
        if (!std::filesystem::exists(path)) throw disk_error(file, "no such file");
        synced(*adopt(path));
    } else {
        synced(*it->second);
    }
}

void PowerLossDisk::rename(const std::filesystem::path& from, const std::filesystem::path& to) {
    const std::string source = key(from);
    const std::string target = key(to);
    if (!tracks(source) && !tracks(target)) return store::system_file_ops().rename(from, to);
    if (!tracks(source) || !tracks(target)) throw disk_error(to, "rename into or out of the simulated disk");
    if (begin_operation(false)) throw disk_error(to, "rename failed (simulated)");
    std::error_code error;
    std::filesystem::rename(source, target, error);
    if (error) throw disk_error(to, error.message());
    auto it = live_.find(source);
    auto inode = it != live_.end() ? it->second : adopt(source);
    live_.erase(source);
    live_[target] = inode;
    pending_names_.push_back({NameChange::rename, parent_of(target), source, target, inode});
}

void PowerLossDisk::sync_directory(const std::filesystem::path& folder) {
    const std::string path = key(folder);
    if (!tracks(path) && path != root_) return;  // as sync_file
    if (begin_operation(true)) throw disk_error(folder, "fsync failed (simulated)");
    folder_synced(path);
}

void PowerLossDisk::remove(const std::filesystem::path& file) {
    const std::string path = key(file);
    if (!tracks(path)) return store::system_file_ops().remove(file);
    if (begin_operation(false)) throw disk_error(file, "remove failed (simulated)");
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error) throw disk_error(file, error.message());
    deleted(path, false);
}

std::vector<std::filesystem::path> PowerLossDisk::list(const std::filesystem::path& folder) {
    return store::system_file_ops().list(folder);
}

void PowerLossDisk::create_directories(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
}

}  // namespace skm::test
