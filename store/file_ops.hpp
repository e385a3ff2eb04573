// File operations outside SQLite: the backup's rename into place and its
// rotation, USB export files. One small interface so that the power-loss
// tests (tests/store/power_loss_disk.*) can stand in for the disk, and one
// place that knows a new name is durable only once its folder is fsynced:
// rename() alone can be undone by a power cut (POSIX; ext4 without
// auto_da_alloc, FAT on a USB stick). SQLite's own files go through its VFS.
//
// Every failure throws skm::Error(storage) with store.disk_full,
// store.read_only or store.io_error and the file in plain words.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>
#include <vector>

namespace skm::store {

class FileOps {
public:
    virtual ~FileOps() = default;

    // Creates or replaces `file` with what `fill` writes (not yet durable).
    virtual void write_file(const std::filesystem::path& file, const std::function<void(std::ostream&)>& fill) = 0;
    // fsync: the file's bytes survive a power cut (its name may not).
    virtual void sync_file(const std::filesystem::path& file) = 0;
    // Atomic replace within one folder (not yet durable).
    virtual void rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    // fsync of a folder: the names created, renamed or removed in it survive a power cut.
    virtual void sync_directory(const std::filesystem::path& folder) = 0;
    // Removes `file` if it is there (not yet durable).
    virtual void remove(const std::filesystem::path& file) = 0;
    // Regular files directly in `folder`, sorted by name; none when it does not exist.
    virtual std::vector<std::filesystem::path> list(const std::filesystem::path& folder) = 0;
    // Creates `folder` and its missing parents, each new name made durable.
    virtual void create_directories(const std::filesystem::path& folder) = 0;
};

// The real disk (POSIX calls).
FileOps& system_file_ops();

// Makes a complete `partial` file durable, renames it to `target` and fsyncs
// the folder: after return a power cut leaves `target` whole, and before
// that either the old `target` or none, never a part.
void publish_file(FileOps& ops, const std::filesystem::path& partial, const std::filesystem::path& target);

// The same for bytes produced by `fill`: written to <target>.partial first.
void write_file_durably(FileOps& ops, const std::filesystem::path& target,
                        const std::function<void(std::ostream&)>& fill);

}  // namespace skm::store
