#include "reports/report_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace skm::reports {

Error cannot_write(const std::filesystem::path& file, std::string detail) {
    return Error(ErrorKind::storage, Problem{"report.cannot_write", {{"file", file.string()}, {"detail", std::move(detail)}}});
}

void write_whole_file(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw cannot_write(file, std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw cannot_write(file, std::strerror(errno));
}

}  // namespace skm::reports
