// The part of a test VFS that does nothing of its own: an sqlite3_vfs (version
// 2) whose every method but xOpen and xDelete passes straight to the real VFS
// kept in pAppData. tests/store/faulty_vfs and tests/store/power_loss_disk
// fill in those two, and their file methods, with what they simulate.
#pragma once

#include <sqlite3.h>

#include <array>

namespace skm::testing {

// The VFS `vfs` wraps (its pAppData).
inline sqlite3_vfs* real_vfs(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

// A VFS named `name` over `real` for files of `file_size` bytes (the wrapper's
// own sqlite3_file header plus real->szOsFile), with open and delete given.
sqlite3_vfs forwarding_vfs(sqlite3_vfs* real, const char* name, int file_size,
                           int (*x_open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*),
                           int (*x_delete)(sqlite3_vfs*, const char*, int));

// The file methods for io_methods versions 1, 2 and 3 from `all` (every slot
// filled): a wrapped file offers SQLite no method of a later version than the
// real file it wraps, so each table stops where its version does.
std::array<sqlite3_io_methods, 3> io_methods_by_version(const sqlite3_io_methods& all);

}  // namespace skm::testing
