// The docs' list of kiosk screenshots (docs/reference/kiosk-screenshots.md)
// is the list the screenshot run writes (kiosk/core/screen_tour's
// screenshot_files, which `skm-kiosk --screenshots` checks itself against).
// SKM_WRITE_SCREENSHOT_LIST=1 rewrites the docs' list from the tour.
#include "formats/layanan_list.hpp"
#include "kiosk/core/screen_tour.hpp"
#include "kiosk_assets.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace skm::kiosk {
namespace {

const std::filesystem::path kDoc = std::filesystem::path(SKM_SOURCE_DIR) / "docs" / "reference" / "kiosk-screenshots.md";
constexpr std::string_view kFence = "```\n";

std::vector<std::string> tour_files() {
    const auto layanan = formats::load_layanan_list(kAssets / "demo" / "layanan.json");
    return screenshot_files(questionnaire(), layanan, {kScreenshotSizes.begin(), kScreenshotSizes.end()}, true);
}

TEST(ScreenshotList, TheDocsListWhatTheScreenshotRunWrites) {
    const auto files = tour_files();
    std::ifstream in(kDoc);
    std::stringstream whole;
    whole << in.rdbuf();
    std::string text = whole.str();
    const auto open = text.find(kFence);
    auto close = open == std::string::npos ? open : text.find(kFence, open + kFence.size());
    if (std::getenv("SKM_WRITE_SCREENSHOT_LIST")) {
        std::string list;
        for (const auto& f : files) list += f + "\n";
        ASSERT_NE(close, std::string::npos) << kDoc << " needs a fenced block to fill";
        text.replace(open + kFence.size(), close - open - kFence.size(), list);
        std::ofstream(kDoc) << text;
        close = text.find(kFence, open + kFence.size());
    }
    ASSERT_NE(close, std::string::npos) << kDoc << " has no fenced list";
    std::vector<std::string> listed;
    std::istringstream block(text.substr(open + kFence.size(), close - open - kFence.size()));
    for (std::string line; std::getline(block, line);) listed.push_back(line);
    EXPECT_EQ(listed, files) << "regenerate: SKM_WRITE_SCREENSHOT_LIST=1 build/release/tests/kiosk/kiosk_core_test "
                                "--gtest_filter=ScreenshotList.*";
    // The count the docs state in words.
    EXPECT_NE(text.find(std::to_string(files.size()) + " screenshots"), std::string::npos);
}

TEST(ScreenshotList, HoldsThePinPadsAndEveryStaffScreenInEveryLanguageAndOrientation) {
    const auto files = tour_files();
    for (const auto& [w, h] : kScreenshotSizes) {
        for (const char* lang : {"id", "en", "jv"}) {
            const std::string prefix = std::to_string(w) + "x" + std::to_string(h) + "-" + lang + "-";
            for (const char* screen : {"31-staff-pin-pad", "32-staff-dashboard", "36-staff-export", "42-setup-pin-pad"}) {
                EXPECT_NE(std::find(files.begin(), files.end(), prefix + screen + ".png"), files.end()) << prefix + screen;
            }
        }
    }
    EXPECT_EQ(std::set<std::string>(files.begin(), files.end()).size(), files.size()) << "no name twice";
}

}  // namespace
}  // namespace skm::kiosk
