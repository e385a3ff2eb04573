#include "tools/skm/output_file.hpp"

#include "reports/report_file.hpp"
#include "store/file_ops.hpp"

#include <filesystem>

namespace skm::tools {

void write_atomically(const std::string& output, std::string_view bytes) {
    const std::filesystem::path partial = output + ".partial";
    try {
        reports::write_whole_file(partial, bytes);
        store::publish_file(store::system_file_ops(), partial, output);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
}

}  // namespace skm::tools
