#include "formats/file_content.hpp"

#include "scoring/problem.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace skm::formats {
namespace {

[[noreturn]] void unreadable(const std::filesystem::path& path, int error_number) {
    throw Error(ErrorKind::input,
                Problem{"file.unreadable", {{"file", path.string()}, {"reason", std::strerror(error_number)}}});
}

}  // namespace

FileContent::FileContent(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) unreadable(path, errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error_number = errno;
        ::close(fd);
        unreadable(path, error_number);
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        unreadable(path, EISDIR);
    }
    if (S_ISREG(info.st_mode) && info.st_size > 0) {
        void* address = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (address != MAP_FAILED) {
            ::madvise(address, static_cast<std::size_t>(info.st_size), MADV_SEQUENTIAL);
            mapped_ = static_cast<const char*>(address);
            size_ = static_cast<std::size_t>(info.st_size);
            ::close(fd);
            return;
        }
    }
    char chunk[65536];
    for (;;) {
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            const int error_number = errno;
            ::close(fd);
            unreadable(path, error_number);
        }
        buffer_.append(chunk, static_cast<std::size_t>(got));
    }
    ::close(fd);
}

FileContent::~FileContent() {
    if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
}

std::string read_text_file(const std::filesystem::path& path) {
    FileContent content(path);
    return std::string(content.view());
}

}  // namespace skm::formats
