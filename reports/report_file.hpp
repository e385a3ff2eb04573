// Writing a finished report's bytes, and the one storage error every writer
// raises when it cannot.
#pragma once

#include "scoring/problem.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace skm::reports {

// skm::Error(storage, "report.cannot_write") naming the file and the reason.
Error cannot_write(const std::filesystem::path& file, std::string detail);

// Throws cannot_write when the file cannot be created or fully written.
void write_whole_file(const std::filesystem::path& file, std::string_view bytes);

}  // namespace skm::reports
