// Writing a command's output file whole or not at all: under FILE.partial,
// renamed over FILE once every byte is on disk (`skm poster`, `skm links`).
#pragma once

#include <string>
#include <string_view>

namespace skm::tools {

// Throws skm::Error(storage, "report.cannot_write") and leaves no FILE.partial behind.
void write_atomically(const std::string& output, std::string_view bytes);

}  // namespace skm::tools
