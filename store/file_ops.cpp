#include "store/file_ops.hpp"

#include "scoring/problem.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace skm::store {
namespace {

Error file_error(const std::filesystem::path& file, int error_number) {
    const char* key = "store.io_error";
    if (error_number == ENOSPC || error_number == EDQUOT) key = "store.disk_full";
    if (error_number == EROFS || error_number == EACCES || error_number == EPERM) key = "store.read_only";
    return Error(ErrorKind::storage, Problem{key, {{"file", file.string()},
                                                   {"detail", std::strerror(error_number)},
                                                   {"code", std::to_string(error_number)}}});
}

// fsync through a descriptor of its own; a folder is opened read-only.
void fsync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw file_error(path, errno);
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) throw file_error(path, saved);
}

class SystemFileOps final : public FileOps {
public:
    void write_file(const std::filesystem::path& file, const std::function<void(std::ostream&)>& fill) override {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        if (!out) throw file_error(file, errno ? errno : EIO);
        fill(out);
        out.close();
        if (!out) throw file_error(file, errno ? errno : EIO);
    }

    void sync_file(const std::filesystem::path& file) override { fsync_path(file, O_RDONLY); }

    void rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
        if (::rename(from.c_str(), to.c_str()) != 0) throw file_error(to, errno);
    }

    void sync_directory(const std::filesystem::path& folder) override {
        fsync_path(folder.empty() ? std::filesystem::path(".") : folder, O_RDONLY | O_DIRECTORY);
    }

    void remove(const std::filesystem::path& file) override {
        if (::unlink(file.c_str()) != 0 && errno != ENOENT) throw file_error(file, errno);
    }

    std::vector<std::filesystem::path> list(const std::filesystem::path& folder) override {
        std::vector<std::filesystem::path> files;
        std::error_code error;
        std::filesystem::directory_iterator it(folder, error);
        if (error == std::errc::no_such_file_or_directory) return files;
        if (error) throw file_error(folder, error.value());
        for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
            if (error) throw file_error(folder, error.value());
            if (it->is_regular_file(error)) files.push_back(it->path());
        }
        if (error) throw file_error(folder, error.value());
        std::sort(files.begin(), files.end());
        return files;
    }

    void create_directories(const std::filesystem::path& folder) override {
        // The outermost missing folder's parent is fsynced, once the whole chain exists.
        std::filesystem::path first_missing;
        for (auto p = folder; !p.empty() && !std::filesystem::exists(p); p = p.parent_path()) {
            first_missing = p;
            if (p == p.parent_path()) break;
        }
        if (first_missing.empty()) return;
        std::error_code error;
        std::filesystem::create_directories(folder, error);
        if (error) throw file_error(folder, error.value());
        for (auto p = folder; ; p = p.parent_path()) {
            sync_directory(p.has_parent_path() ? p.parent_path() : std::filesystem::path("."));
            if (p == first_missing) break;
        }
    }
};

}  // namespace

FileOps& system_file_ops() {
    static SystemFileOps ops;
    return ops;
}

void publish_file(FileOps& ops, const std::filesystem::path& partial, const std::filesystem::path& target) {
    ops.sync_file(partial);
    ops.rename(partial, target);
    ops.sync_directory(target.has_parent_path() ? target.parent_path() : std::filesystem::path("."));
}

void write_file_durably(FileOps& ops, const std::filesystem::path& target,
                        const std::function<void(std::ostream&)>& fill) {
    const std::filesystem::path partial = target.string() + ".partial";
    try {
        ops.write_file(partial, fill);
        publish_file(ops, partial, target);
    } catch (...) {
        try {
            ops.remove(partial);
        } catch (const Error&) {
            // The first failure is the one to report.
        }
        throw;
    }
}

}  // namespace skm::store
