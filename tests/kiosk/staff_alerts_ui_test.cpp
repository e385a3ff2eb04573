// The live-alert banner on the staff dashboard, headless, on a real database:
// a seeded drop shows what, since when, which unsur and the saran; "Sudah
// ditangani" hides it and leaves one audit row; the demo year raises nothing.
#include "formats/response_csv_reader.hpp"
#include "reports/report_heat_map.hpp"
#include "kiosk/core/staff_service.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "seeded_drop.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

namespace skm::kiosk::ui {
namespace {

class AlertKiosk : public testing::HeadlessUi {
public:
    explicit AlertKiosk(const std::vector<store::Submission>& rows)
        : HeadlessUi(ImVec2(1280, 800)),
          db_(options(), questionnaire().scheme, clock),
          lock_(StaffLock::hash_pin("2468"), clock),
          service_(db_, lock_, config_),
          flow_(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"k", &questionnaire()}, clock, ids_, sink_),
          view_(service_, clock, MediaSources{}, questionnaire().codes(), "kiosk-test"),
          gate_(lock_, clock, &view_) {
        db_.import(rows);
        ctx_.reset(new ViewContext{flow_, texts_, speaker_, config_, fonts(), scale(), &gate_});
        attach(*ctx_);
        open_staff();
    }
    std::int64_t audit_rows(const std::string& detail) const {
        sqlite3* raw = nullptr;
        sqlite3_open_v2((dir_.path() / "skm.db").c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(raw, "SELECT count(*) FROM audit_log WHERE actor = 'staff' AND action = 'alert_acknowledged' AND detail = ?1",
                           -1, &q, nullptr);
        sqlite3_bind_text(q, 1, detail.c_str(), -1, SQLITE_TRANSIENT);
        const std::int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
        sqlite3_finalize(q);
        sqlite3_close(raw);
        return n;
    }
    StaffService& service() { return service_; }
    ViewContext& ctx() { return *ctx_; }

private:
    store::StoreOptions options() const {
        store::StoreOptions o;
        o.path = dir_.path() / "skm.db";
        return o;
    }
    // What the flow and the view context borrow first, then the database and what is built on it.
    skm::test::TempDir dir_;
    testing::NoSink sink_;
    testing::Ids ids_;
    SilentSpeaker speaker_;
    const UiTexts texts_ = UiTexts::load(kAssets / "i18n");
    formats::KioskConfig config_;
    store::ResponseStore db_;
    StaffLock lock_;
    StaffService service_;
    SurveyFlow flow_;
    StaffView view_;
    StaffGate gate_;
    std::unique_ptr<ViewContext> ctx_;
};

TEST(StaffAlertsUi, SeededDropShowsTheBannerUntilAcknowledgedAndAudited) {
    AlertKiosk k(skm::test::seeded_drop("KTP-el", 40, "antrian lama sekali"));
    k.frame();
    const auto alerts = k.service().open_alerts(k.clock.wall_now().date);
    ASSERT_EQ(alerts.size(), 1u);
    const std::string id = alerts[0].alert.id;
    EXPECT_TRUE(k.shows("IKM KTP-el turun")) << k.drawn();
    EXPECT_TRUE(k.shows("Sejak 2026-05-29")) << k.drawn();
    EXPECT_TRUE(k.shows("unsur terlemah")) << k.drawn();
    EXPECT_TRUE(k.shows("antrian lama sekali")) << k.drawn();
    EXPECT_TRUE(k.has_button("alert_ack"));
    EXPECT_TRUE(k.ctx().overflows.empty()) << k.ctx().overflows.front().label;
    EXPECT_EQ(k.audit_rows(id), 0);

    k.tap("alert_ack");
    k.frame();
    EXPECT_FALSE(k.has_button("alert_ack"));
    EXPECT_FALSE(k.shows("IKM KTP-el turun")) << k.drawn();
    EXPECT_EQ(k.audit_rows(id), 1);
    EXPECT_TRUE(k.service().open_alerts(k.clock.wall_now().date).empty());
}

TEST(StaffAlertsUi, TheDemoYearRaisesNoBanner) {
    std::ifstream in(kAssets / "demo" / "responses.csv", std::ios::binary);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<store::Submission> rows;
    formats::read_response_csv(csv, "responses.csv", questionnaire().codes(),
                               [&](const formats::ResponseRow& row) { rows.push_back(store::submission_from_row(row, questionnaire())); });
    AlertKiosk k(rows);
    k.frame();
    EXPECT_FALSE(k.has_button("alert_ack")) << k.drawn();
}

TEST(StaffAlertsUi, HeatMapShowsTheRecountedCellsAndHidesSmallOnes) {
    auto rows = skm::test::seeded_drop("KTP-el", 40, "");
    // Three responses on Tuesday 2025-12-16 at 18:xx: a cell below min-n (5).
    for (int i = 0; i < 3; ++i) {
        store::Submission extra = skm::test::minimal_submission("late-" + std::to_string(i), "KTP-el");
        extra.response.submitted_at = "2025-12-16T18:1" + std::to_string(i) + ":00+07:00";
        rows.push_back(extra);
    }
    AlertKiosk k(rows);
    k.tap("period_4");  // this year (2025): only the three late ones
    k.tap("heat_map");
    k.frame();
    EXPECT_TRUE(k.shows("per jam dan hari")) << k.drawn();
    EXPECT_TRUE(k.shows("Selasa")) << k.drawn();
    EXPECT_TRUE(k.shows("n=3")) << k.drawn();
    const scoring::HeatMap map = reports::build_heat_map(k.service().store(), {{2025, 1, 1}, {2025, 12, 31}}, 5);
    EXPECT_EQ(map.cells[1][18].respondents, 3u);
    EXPECT_FALSE(map.cells[1][18].ikm);
    EXPECT_TRUE(k.ctx().overflows.empty());
    k.tap("heat_map");  // back to the figures
    k.frame();
    EXPECT_FALSE(k.shows("per jam dan hari"));
}

}  // namespace
}  // namespace skm::kiosk::ui
