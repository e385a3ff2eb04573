// Screenshots to PNG files (stb_image_write), e.g. Window::read_pixels output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace skm::kiosk::platform {

// Writes `rgba` (width × height × 4 bytes, top row first) as an RGBA PNG.
// false when the sizes do not match or the file cannot be written.
bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba);

}  // namespace skm::kiosk::platform
