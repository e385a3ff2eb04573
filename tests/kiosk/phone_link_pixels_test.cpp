// "Isi lewat HP" as a phone's camera sees it: the code screen rendered
// through the real window (OpenGL under Xvfb, as `skm-kiosk --screenshots`),
// written as PNG and read back with zbarimg (Debian zbar-tools) to the very
// link the maker gave, in every language, landscape and portrait. The code's
// modules are found as the screen's only pure black pixels: at least 4 px
// each (readable at arm's length), whole pixels, and a white quiet zone of
// 4 modules around it.
// Run only under xvfb-run (tests/kiosk/CMakeLists.txt): without a display it fails.
#include "formats/layanan_list.hpp"
#include "kiosk/core/phone_link.hpp"
#include "kiosk/core/screen_tour.hpp"
#include "kiosk/core/speaker.hpp"
#include "kiosk/platform/png_writer.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_texts.hpp"
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "tests/reports/qr_test_support.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace skm::kiosk::ui {
namespace {

namespace fs = std::filesystem;

class PhoneLinkPixels : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(PhoneLinkPixels, TheScreenshotReadsBackAsTheLinkWithBigModules) {
    const auto [width, height] = GetParam();
    const char* display = std::getenv("DISPLAY");
    ASSERT_TRUE(display && *display) << "run under xvfb-run (ctest does)";
    const fs::path dir = fs::temp_directory_path() / ("skm-phone-link-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    {
        platform::WindowOptions options;
        options.windowed = true;
        options.width = width;
        options.height = height;
        platform::Window window(options);
        const float scale = layout_scale(ImVec2(static_cast<float>(width), static_cast<float>(height)));
        const Fonts fonts = load_fonts(ImGui::GetIO(), "/usr/share/fonts/truetype/noto", scale);
        window.reload_fonts();
        apply_theme(scale);
        store::ManualClock clock(scoring::Timestamp{{2026, 12, 2}, 10, 0, 0, 420});
        testing::NoSink sink;
        testing::Ids ids;
        SurveyFlow flow(questionnaire(), formats::load_layanan_list(kAssets / "demo" / "layanan.json"), FlowSettings{},
                        store::DeviceIdentity{"pixels", &questionnaire()}, clock, ids, sink);
        PhoneLink link(tour_link_maker(), clock);  // links of a signed link's length
        const UiTexts texts = UiTexts::load(kAssets / "i18n");
        SilentSpeaker speaker;
        formats::KioskConfig config;
        config.office = "Kantor Kecamatan Sukamaju";
        ViewContext view{flow, texts, speaker, config, fonts, scale, nullptr};
        view.phone_link = &link;
        for (const std::string lang : {"id", "en", "jv"}) {
            flow.set_language(lang);
            ASSERT_TRUE(link.show());
            const std::string url = link.url();
            for (int frame = 0; frame < 2; ++frame) {
                window.poll_events();
                window.begin_frame();
                ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
                ImGui::NewFrame();
                draw_kiosk(view);
                ImGui::Render();
                if (frame == 1) window.capture_next_frame();
                window.end_frame();
            }
            int w = 0;
            int h = 0;
            const auto rgba = window.read_pixels(w, h);
            ASSERT_EQ(w, width);
            ASSERT_EQ(h, height);
            const fs::path png = dir / (lang + ".png");
            ASSERT_TRUE(platform::write_png(png.string(), w, h, rgba));
            const std::string where = lang + " " + std::to_string(width) + "x" + std::to_string(height);
            EXPECT_EQ(skm::test::decode_qr_codes(png), std::vector<std::string>{url}) << where;

            // The code: the box around the pure black pixels.
            auto black = [&](int x, int y) {
                const auto* p = &rgba[(static_cast<std::size_t>(y) * w + x) * 4];
                return p[0] == 0 && p[1] == 0 && p[2] == 0;
            };
            auto white = [&](int x, int y) {
                const auto* p = &rgba[(static_cast<std::size_t>(y) * w + x) * 4];
                return p[0] == 255 && p[1] == 255 && p[2] == 255;
            };
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            for (int y = 0; y < h; ++y) {
                for (int x = 0; x < w; ++x) {
                    if (!black(x, y)) continue;
                    x0 = std::min(x0, x);
                    y0 = std::min(y0, y);
                    x1 = std::max(x1, x);
                    y1 = std::max(y1, y);
                }
            }
            ASSERT_GE(x1, 0) << where << ": no code on the screen";
            const int modules = link.code().size();
            const int side = x1 - x0 + 1;
            EXPECT_EQ(side, y1 - y0 + 1) << where << ": square";
            EXPECT_EQ(side % modules, 0) << where << ": whole pixels per module";
            const int module = side / modules;
            EXPECT_GE(module, 4) << where << ": " << modules << " modules in " << side << " px";
            // The top-left finder pattern: 7 modules of black along its top row.
            for (int x = x0; x < x0 + 7 * module; ++x) EXPECT_TRUE(black(x, y0)) << where << " finder at x " << x;
            // The quiet zone: 4 modules of white all round.
            const int quiet = 4 * module;
            ASSERT_GE(x0 - quiet, 0) << where;
            ASSERT_LT(x1 + quiet, w) << where;
            ASSERT_GE(y0 - quiet, 0) << where;
            ASSERT_LT(y1 + quiet, h) << where;
            int not_white = 0;
            for (int y = y0 - quiet; y <= y1 + quiet; ++y) {
                for (int x = x0 - quiet; x <= x1 + quiet; ++x) {
                    const bool in_code = x >= x0 && x <= x1 && y >= y0 && y <= y1;
                    if (!in_code && !white(x, y)) ++not_white;
                }
            }
            EXPECT_EQ(not_white, 0) << where << ": the quiet zone is not all white";
            link.hide();
        }
    }
    ImGui::DestroyContext();
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(BothOrientations, PhoneLinkPixels,
                         ::testing::Values(std::pair{1280, 800}, std::pair{800, 1280}),
                         [](const auto& param_info) { return std::to_string(param_info.param.first) + "x" + std::to_string(param_info.param.second); });

}  // namespace
}  // namespace skm::kiosk::ui
