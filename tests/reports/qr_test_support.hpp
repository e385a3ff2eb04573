// Reading QR codes back as a phone would: zbarimg (Debian zbar-tools) on a
// picture, every code it finds as one line of text. A missing zbarimg is a
// failure, not a skip.
#pragma once

#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace skm::test {

// The text of every QR code in `image` (PNG, PGM, …), in the order zbarimg reports them.
inline std::vector<std::string> decode_qr_codes(const std::filesystem::path& image) {
    EXPECT_TRUE(std::filesystem::exists("/usr/bin/zbarimg")) << "zbarimg missing: scripts/install-deps installs zbar-tools";
    const auto result = testing::run_program({"/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image.string()});
    // zbarimg exits 4 when it found no code at all: an empty list, for the caller's assertion to say so.
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 4) << result.exit_code << " " << result.err;
    std::vector<std::string> codes;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) codes.push_back(line);
    }
    return codes;
}

}  // namespace skm::test
