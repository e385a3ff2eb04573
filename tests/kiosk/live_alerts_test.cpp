// The kiosk's live alerts over a real database: a seeded drop raises one
// drop alert with its saran (min-n respected), acknowledging stores it,
// audits it and hides it; the heat map's cells equal a recount of the rows.
#include "reports/report_heat_map.hpp"
#include "kiosk/core/live_alerts.hpp"
#include "scoring/ikm.hpp"
#include "seeded_drop.hpp"
#include "tests/support/permenpan_scheme.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <optional>
#include <set>

#include <map>

namespace skm::kiosk {
namespace {

class LiveAlertsDb : public ::testing::Test {
protected:
    LiveAlertsDb() : db_(options(), test::permenpan_scheme(), clock_) {}
    store::StoreOptions options() const {
        store::StoreOptions o;
        o.path = dir_.path() / "skm.db";
        return o;
    }
    std::int64_t audit_rows(const std::string& action, const std::string& detail) {
        sqlite3* raw = nullptr;
        sqlite3_open_v2((dir_.path() / "skm.db").c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(raw, "SELECT count(*) FROM audit_log WHERE actor = 'staff' AND action = ?1 AND detail = ?2", -1, &q, nullptr);
        sqlite3_bind_text(q, 1, action.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, detail.c_str(), -1, SQLITE_TRANSIENT);
        const std::int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
        sqlite3_finalize(q);
        sqlite3_close(raw);
        return n;
    }

    test::TempDir dir_;
    store::ManualClock clock_{scoring::Timestamp{{2026, 6, 5}, 10, 0, 0, 420}};
    store::ResponseStore db_;
    const scoring::LocalDate today_{2026, 6, 5};
};

TEST_F(LiveAlertsDb, SeededDropShowsOneAlertWithSaranUntilAcknowledgedAndAudited) {
    db_.import(test::seeded_drop("KTP-el", 40, "antrian lama sekali"));
    const auto alerts = open_alerts(db_, today_, 5);
    ASSERT_EQ(alerts.size(), 1u);
    const LiveAlert& a = alerts[0];
    EXPECT_EQ(a.alert.rule, scoring::AlertRule::drop);
    EXPECT_EQ(a.layanan, "KTP-el");
    EXPECT_EQ(a.alert.id.rfind("drop:KTP-el:KTP-el-r", 0), 0u) << a.alert.id;
    EXPECT_EQ(a.respondents, 30u);
    EXPECT_TRUE(a.enough);
    EXPECT_FALSE(a.saran.empty());
    for (const auto& s : a.saran) EXPECT_EQ(s, "antrian lama sekali");
    // The drop starts on day 90 (2026-05-30); its window reaches back into the last good day.
    EXPECT_EQ(a.since.substr(0, 10), "2026-05-29");
    EXPECT_EQ(audit_rows("alert_acknowledged", a.alert.id), 0);

    acknowledge_alert(db_, a.alert.id, "2026-06-05T10:00:00+07:00");
    EXPECT_TRUE(open_alerts(db_, today_, 5).empty());
    EXPECT_EQ(audit_rows("alert_acknowledged", a.alert.id), 1);
    acknowledge_alert(db_, a.alert.id, "2026-06-05T10:01:00+07:00");  // a second tap: still one row
    EXPECT_EQ(audit_rows("alert_acknowledged", a.alert.id), 1);
}

TEST_F(LiveAlertsDb, WindowBelowMinNShowsNoSaran) {
    db_.import(test::seeded_drop("KTP-el", 40, "antrian lama sekali"));
    const auto alerts = open_alerts(db_, today_, 31);  // the window holds 30
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_FALSE(alerts[0].enough);
    EXPECT_TRUE(alerts[0].saran.empty());
}

TEST_F(LiveAlertsDb, ThresholdsComeFromTheSettingsTable) {
    EXPECT_EQ(alert_thresholds(db_).window, 30u);
    db_.set_setting("alert_window", "50");
    db_.set_setting("alert_ones_run", "7");
    EXPECT_EQ(alert_thresholds(db_).window, 50u);
    EXPECT_EQ(alert_thresholds(db_).ones_run, 7u);
    db_.set_setting("alert_window", "abc");  // unreadable: the default
    EXPECT_EQ(alert_thresholds(db_).window, 30u);
}

TEST_F(LiveAlertsDb, HeatMapCellsEqualARecountOfTheInsertedRows) {
    auto rows = test::seeded_drop("KTP-el", 60, "");
    // A second layanan at other hours, some cells with fewer than min-n.
    for (std::size_t i = 0; i < 16; ++i) {
        store::Submission s = test::minimal_submission("kk-" + std::to_string(i), "Kartu Keluarga");
        s.response.submitted_at = "2026-04-" + std::string(i % 2 ? "07" : "11") + "T" + (i % 4 ? "17" : "06") + ":" +
                                  std::to_string(10 + i) + ":00+07:00";
        s.response.answers = {static_cast<std::uint8_t>(1 + i % 4), 3, 3, 4, 2, 4, 3, 1, 2};
        rows.push_back(s);
    }
    db_.import(rows);
    const scoring::DateRange range{{2026, 3, 1}, {2026, 6, 30}};
    const scoring::HeatMap map = reports::build_heat_map(db_, range, 5);
    // The recount: weekday from the date by Zeller's rule, independent of days_since_epoch.
    auto zeller_monday0 = [](int y, int m, int d) {
        if (m < 3) { m += 12; --y; }
        const int h = (d + 13 * (m + 1) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7;  // 0 = Saturday
        return (h + 5) % 7;
    };
    std::map<std::pair<int, int>, std::vector<const store::Submission*>> cells;
    for (const auto& s : rows) {
        const std::string& t = s.response.submitted_at;
        const int y = std::stoi(t.substr(0, 4)), mo = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
        cells[{zeller_monday0(y, mo, d), std::stoi(t.substr(11, 2))}].push_back(&s);
    }
    // Withheld: cells under 5, and when that is one cell alone, the smallest
    // other with respondents too (the first in weekday, hour order on a tie).
    std::set<std::pair<int, int>> withheld;
    for (const auto& [at, list] : cells) {
        if (list.size() < 5) withheld.insert(at);
    }
    if (withheld.size() == 1) {
        std::optional<std::pair<int, int>> smallest;
        for (const auto& [at, list] : cells) {
            if (withheld.count(at) || list.empty()) continue;
            if (!smallest || list.size() < cells[*smallest].size()) smallest = at;
        }
        if (smallest) withheld.insert(*smallest);
    }
    std::uint64_t total = 0;
    std::size_t hidden = 0;
    for (int w = 0; w < scoring::kWeekdays; ++w) {
        for (int h = 0; h < scoring::kHours; ++h) {
            const scoring::HeatCell& cell = map.cells[static_cast<std::size_t>(w)][static_cast<std::size_t>(h)];
            const auto found = cells.find({w, h});
            const std::size_t expected = found == cells.end() ? 0 : found->second.size();
            EXPECT_EQ(cell.respondents, expected) << "weekday " << w << " hour " << h;
            total += cell.respondents;
            if (expected == 0) continue;
            if (withheld.count({w, h})) {
                EXPECT_FALSE(cell.ikm) << "withheld: weekday " << w << " hour " << h;
                ++hidden;
                continue;
            }
            // IKM recounted: mean over unsur of each unsur's mean answer × 25 (no unanswered here).
            mpq_class sum_of_means = 0;
            for (std::size_t u = 0; u < 9; ++u) {
                mpq_class total_u = 0;
                for (const auto* s : found->second) total_u += s->response.answers[u];
                sum_of_means += total_u / static_cast<unsigned long>(expected);
            }
            mpq_class ikm = sum_of_means / 9 * 25;
            ikm.canonicalize();
            ASSERT_TRUE(cell.ikm);
            EXPECT_EQ(cell.ikm->str(), scoring::round_half_up(ikm, 2).str()) << "weekday " << w << " hour " << h;
        }
    }
    EXPECT_EQ(total, rows.size());
    EXPECT_GT(hidden, 0u);
    EXPECT_EQ(scoring::weekday_of({2026, 3, 1}), 6);  // a Sunday
}

}  // namespace
}  // namespace skm::kiosk
