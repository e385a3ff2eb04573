// libstb (Debian's libstb-dev) already contains stb_image_write's
// implementation (nm -D libstb.so: stbi_write_png), so only the header here.
#include "kiosk/platform/png_writer.hpp"

#include <stb_image_write.h>

#include <cstddef>
#include <limits>

namespace skm::kiosk::platform {

bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
    if (width <= 0 || height <= 0 || path.empty()) return false;
    if (width > std::numeric_limits<int>::max() / 4) return false;  // the stride must fit an int
    const std::size_t expected = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    if (rgba.size() != expected) return false;
    return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace skm::kiosk::platform
