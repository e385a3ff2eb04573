// The staff dashboard's trend chart as the staff see it: rendered through the
// real window (OpenGL under Xvfb, as `skm-kiosk --screenshots`), read back as
// pixels, the gridlines found as rows of their grey and the y labels as rows
// of dark ink in the gutter left of the plot. Each label's ink must be centred
// on its gridline (±3 px) — the old chart put them ~10 px above, so "80" read
// as 75 — and the whole chart must be on screen in both orientations.
// Run only under xvfb-run (tests/kiosk/CMakeLists.txt): without a display it fails.
#include "formats/layanan_list.hpp"
#include "formats/response_csv_reader.hpp"
#include "kiosk/core/speaker.hpp"
#include "kiosk/core/staff_service.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_texts.hpp"
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "store/office_data.hpp"
#include "store/stored_row.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace skm::kiosk::ui {
namespace {

namespace fs = std::filesystem;

struct Pixels {
    std::vector<std::uint8_t> rgba;
    int width = 0;
    int height = 0;
    const std::uint8_t* at(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Runs of consecutive rows for which `hit(y)` holds: their middles.
template <typename Hit>
std::vector<float> row_groups(int from, int to, Hit hit) {
    std::vector<float> middles;
    int start = -1;
    for (int y = from; y <= to + 1; ++y) {
        const bool on = y <= to && hit(y);
        if (on && start < 0) start = y;
        if (!on && start >= 0) {
            middles.push_back(static_cast<float>(start + y - 1) / 2.0f);
            start = -1;
        }
    }
    return middles;
}

class StaffChartPixels : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(StaffChartPixels, LabelsSitOnTheirGridlinesAndTheChartIsOnScreen) {
    const auto [width, height] = GetParam();
    const char* display = std::getenv("DISPLAY");
    ASSERT_TRUE(display && *display) << "run under xvfb-run (ctest does)";
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    const fs::path dir = fs::temp_directory_path() / ("skm-chart-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    Pixels shot;
    StaffView::TrendPlot plot;
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

        // The demo year, with a target off the gridlines (its yellow line is not a gridline).
        store::ManualClock clock(scoring::Timestamp{{2025, 12, 20}, 10, 0, 0, 420});
        store::StoreOptions store_options;
        store_options.path = dir / "skm.db";
        store::ResponseStore db(store_options, questionnaire().scheme, clock);
        std::ifstream in(kAssets / "demo" / "responses.csv", std::ios::binary);
        const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::vector<store::Submission> rows;
        formats::read_response_csv(csv, "responses.csv", questionnaire().codes(), [&](const formats::ResponseRow& row) {
            rows.push_back(store::submission_from_row(row, questionnaire()));
        });
        db.import(rows);
        const auto layanan = formats::load_layanan_list(kAssets / "demo" / "layanan.json");
        store::seed_layanan(db.connection(), layanan);
        store::set_target(db.connection(), 2025, "", "85.00");
        formats::KioskConfig config;
        StaffLock lock(StaffLock::hash_pin("2468"), clock);
        StaffService service(db, lock, config);
        testing::NoSink sink;
        testing::Ids ids;
        SurveyFlow flow(questionnaire(), layanan, FlowSettings{}, store::DeviceIdentity{"chart", &questionnaire()}, clock, ids, sink);
        const UiTexts texts = UiTexts::load(kAssets / "i18n");
        SilentSpeaker speaker;
        StaffView staff(service, clock, {dir}, questionnaire().codes(), "chart");
        staff.period = DashboardPeriod::year;
        ViewContext view{flow, texts, speaker, config, fonts, scale, nullptr};
        for (int frame = 0; frame < 2; ++frame) {
            window.poll_events();
            window.begin_frame();
            ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
            ImGui::NewFrame();
            draw_full_screen(view, [&](float w, float h) { staff.draw(view, w, h); });
            ImGui::Render();
            if (frame == 1) window.capture_next_frame();
            window.end_frame();
        }
        shot.rgba = window.read_pixels(shot.width, shot.height);
        plot = staff.trend_plot;
    }
    ImGui::DestroyContext();
    fs::remove_all(dir);
    ASSERT_EQ(shot.width, width);
    ASSERT_EQ(shot.height, height);

    // On screen, with room for the month numbers under it.
    EXPECT_GT(plot.max.x - plot.min.x, 200.0f);
    EXPECT_GT(plot.max.y - plot.min.y, 100.0f);
    EXPECT_GE(plot.gutter_x, 0.0f);
    EXPECT_LE(plot.max.x, static_cast<float>(width));
    EXPECT_LE(plot.max.y + 30.0f, static_cast<float>(height)) << "the chart is pushed off the screen";

    // Gridlines: rows inside the frame where most of the plot is gridline grey (palette::kNeutral).
    const int x0 = static_cast<int>(plot.min.x) + 3;
    const int x1 = static_cast<int>(plot.max.x) - 3;
    auto grey = [&](int x, int y) {
        const auto* p = shot.at(x, y);
        return std::abs(p[0] - 224) <= 10 && std::abs(p[1] - 224) <= 10 && std::abs(p[2] - 224) <= 10;
    };
    const std::vector<float> grid = row_groups(static_cast<int>(plot.min.y) + 3, static_cast<int>(plot.max.y) - 3, [&](int y) {
        int n = 0;
        for (int x = x0; x <= x1; ++x) n += grey(x, y);
        return n >= (x1 - x0) * 6 / 10;
    });
    ASSERT_EQ(grid.size(), 3u) << "gridlines at 90, 80 and 70";
    // Evenly spaced: 10 IKM points each.
    EXPECT_NEAR(grid[1] - grid[0], grid[2] - grid[1], 1.5f);

    // Labels: rows of dark ink in the gutter, from half a label above the plot to its bottom.
    const int g0 = static_cast<int>(plot.gutter_x);
    const int g1 = static_cast<int>(plot.min.x) - 2;
    const std::vector<float> ink = row_groups(static_cast<int>(plot.min.y) - 20, static_cast<int>(plot.max.y), [&](int y) {
        for (int x = g0; x <= g1; ++x) {
            const auto* p = shot.at(x, y);
            if (p[0] + p[1] + p[2] < 3 * 150) return true;
        }
        return false;
    });
    ASSERT_EQ(ink.size(), grid.size()) << "one label per gridline";
    for (std::size_t i = 0; i < grid.size(); ++i) {
        EXPECT_NEAR(ink[i], grid[i], 3.0f) << "label " << i << " (90, 80, 70 from the top) at " << width << "x" << height;
    }
}

INSTANTIATE_TEST_SUITE_P(BothOrientations, StaffChartPixels,
                         ::testing::Values(std::pair{1280, 800}, std::pair{800, 1280}),
                         [](const auto& param_info) { return std::to_string(param_info.param.first) + "x" + std::to_string(param_info.param.second); });

}  // namespace
}  // namespace skm::kiosk::ui
