#include "tests/store/forwarding_vfs.hpp"

#include <initializer_list>

namespace skm::testing {
namespace {

int vfs_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
    return real_vfs(vfs)->xAccess(real_vfs(vfs), name, flags, out);
}
int vfs_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return real_vfs(vfs)->xFullPathname(real_vfs(vfs), name, size, out);
}
void* vfs_dl_open(sqlite3_vfs* vfs, const char* name) { return real_vfs(vfs)->xDlOpen(real_vfs(vfs), name); }
void vfs_dl_error(sqlite3_vfs* vfs, int size, char* out) { real_vfs(vfs)->xDlError(real_vfs(vfs), size, out); }
void (*vfs_dl_sym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
    return real_vfs(vfs)->xDlSym(real_vfs(vfs), handle, symbol);
}
void vfs_dl_close(sqlite3_vfs* vfs, void* handle) { real_vfs(vfs)->xDlClose(real_vfs(vfs), handle); }
int vfs_randomness(sqlite3_vfs* vfs, int size, char* out) {
    return real_vfs(vfs)->xRandomness(real_vfs(vfs), size, out);
}
int vfs_sleep(sqlite3_vfs* vfs, int microseconds) { return real_vfs(vfs)->xSleep(real_vfs(vfs), microseconds); }
int vfs_current_time(sqlite3_vfs* vfs, double* out) { return real_vfs(vfs)->xCurrentTime(real_vfs(vfs), out); }
int vfs_get_last_error(sqlite3_vfs* vfs, int size, char* out) {
    return real_vfs(vfs)->xGetLastError(real_vfs(vfs), size, out);
}
int vfs_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
    return real_vfs(vfs)->xCurrentTimeInt64(real_vfs(vfs), out);
}

}  // namespace

sqlite3_vfs forwarding_vfs(sqlite3_vfs* real, const char* name, int file_size,
                           int (*x_open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*),
                           int (*x_delete)(sqlite3_vfs*, const char*, int)) {
    sqlite3_vfs vfs{};
    vfs.iVersion = 2;  // up to xCurrentTimeInt64; no system-call overrides
    vfs.szOsFile = file_size;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = name;
    vfs.pAppData = real;
    vfs.xOpen = x_open;
    vfs.xDelete = x_delete;
    vfs.xAccess = vfs_access;
    vfs.xFullPathname = vfs_full_pathname;
    vfs.xDlOpen = vfs_dl_open;
    vfs.xDlError = vfs_dl_error;
    vfs.xDlSym = vfs_dl_sym;
    vfs.xDlClose = vfs_dl_close;
    vfs.xRandomness = vfs_randomness;
    vfs.xSleep = vfs_sleep;
    vfs.xCurrentTime = vfs_current_time;
    vfs.xGetLastError = vfs_get_last_error;
    vfs.xCurrentTimeInt64 = vfs_current_time_int64;
    return vfs;
}

std::array<sqlite3_io_methods, 3> io_methods_by_version(const sqlite3_io_methods& all) {
    std::array<sqlite3_io_methods, 3> tables{all, all, all};
    tables[0].iVersion = 1;
    tables[1].iVersion = 2;
    tables[2].iVersion = 3;
    for (sqlite3_io_methods* table : {&tables[0], &tables[1]}) {  // version 3 added memory-mapped reads
        table->xFetch = nullptr;
        table->xUnfetch = nullptr;
    }
    tables[0].xShmMap = nullptr;  // version 2 added shared memory (WAL)
    tables[0].xShmLock = nullptr;
    tables[0].xShmBarrier = nullptr;
    tables[0].xShmUnmap = nullptr;
    return tables;
}

}  // namespace skm::testing
