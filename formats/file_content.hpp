// The bytes of an input file, memory-mapped when possible (the CSV reader is
// the benchmark's hot path), read into memory otherwise (pipes, /dev/stdin).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace skm::formats {

class FileContent {
public:
    // Throws skm::Error(input, "file.unreadable") naming the file and reason.
    explicit FileContent(const std::filesystem::path& path);
    ~FileContent();
    FileContent(const FileContent&) = delete;
    FileContent& operator=(const FileContent&) = delete;

    std::string_view view() const { return mapped_ ? std::string_view(mapped_, size_) : std::string_view(buffer_); }

private:
    const char* mapped_ = nullptr;
    std::size_t size_ = 0;
    std::string buffer_;
};

std::string read_text_file(const std::filesystem::path& path);

}  // namespace skm::formats
