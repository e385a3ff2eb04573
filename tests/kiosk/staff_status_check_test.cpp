// The Status tab shows the result of the full integrity check that now runs
// after the first frame, for a sound database and for one whose damage only
// that check can see.
#include "kiosk/core/staff_service.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "headless_ui.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace skm::kiosk::ui {
namespace {

namespace fs = std::filesystem;

const formats::Questionnaire& questionnaire() {
    static const auto q =
        formats::load_questionnaire(fs::path(SKM_SOURCE_DIR) / "assets" / "questionnaire" / "permenpan-14-2017.json");
    return q;
}

// A closed database of 300 responses in `dir`; `damaged`: its oldest rows' page spoiled.
fs::path stored_database(const fs::path& dir, bool damaged) {
    fs::remove_all(dir);
    fs::create_directories(dir / "media");
    const fs::path file = dir / "skm.db";
    {
        store::ManualClock clock(scoring::Timestamp{{2025, 12, 1}, 9, 0, 0, 420});
        store::StoreOptions options;
        options.path = file;
        store::ResponseStore db(options, questionnaire().scheme, clock);
        for (int i = 0; i < 300; ++i) {
            store::Submission s;
            s.response.response_id = "r-" + std::to_string(i);
            s.response.submitted_at = "2025-12-01T09:30:00+07:00";
            s.response.layanan = "KTP-el";
            s.response.answers.assign(questionnaire().scheme.size(), 3);
            s.questionnaire_id = questionnaire().id;
            if (db.submit(s)) throw std::runtime_error("submit failed");
        }
    }
    if (damaged) {
        store::Connection raw(file.string(), SQLITE_OPEN_READONLY);
        const auto page = store::query_int(
            raw, "SELECT pageno FROM dbstat WHERE name = 'responses' AND pagetype = 'leaf' ORDER BY path LIMIT 1");
        const auto page_size = store::query_int(raw, "PRAGMA page_size");
        std::fstream io(file, std::ios::binary | std::ios::in | std::ios::out);
        io.seekp((page - 1) * page_size);
        io.write(std::string(64, '\x5C').data(), 64);
    }
    return file;
}

// The staff view, opened on the Status tab, over a kiosk that defers its checks.
class StatusKiosk : public testing::HeadlessUi {
public:
    explicit StatusKiosk(bool damaged)
        : HeadlessUi(ImVec2(1280, 800)),
          dir_(fs::temp_directory_path() / ("skm-status-check-" + std::to_string(::getpid()) + (damaged ? "-d" : "-ok"))),
          db_(options(stored_database(dir_, damaged)), questionnaire().scheme, clock),
          lock_(StaffLock::hash_pin("2468"), clock),
          service_(db_, lock_, config_),
          flow_(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"k", &questionnaire()}, clock, ids_, sink_),
          view_(service_, clock, {dir_ / "media"}, questionnaire().codes(), "kiosk-test"),
          gate_(lock_, clock, &view_) {
        ctx_.reset(new ViewContext{flow_, texts_, speaker_, config_, fonts(), scale(), &gate_});
        attach(*ctx_);
        open_staff();
        tap("tab_status");
        frame();
    }
    ~StatusKiosk() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    store::ResponseStore& db() { return db_; }
    // The deferred integrity check run to its end, then a frame to show it.
    void run_deferred_check() {
        db_.start_deferred_checks();
        db_.wait_for_deferred_checks();
        frame();
    }

private:
    static store::StoreOptions options(const fs::path& file) {
        store::StoreOptions o;
        o.path = file;
        o.startup = store::StartupChecks::deferred;
        return o;
    }

    fs::path dir_;
    formats::KioskConfig config_;
    store::ResponseStore db_;
    StaffLock lock_;
    StaffService service_;
    testing::NoSink sink_;
    testing::Ids ids_;
    SurveyFlow flow_;
    StaffView view_;
    StaffGate gate_;
    SilentSpeaker speaker_;
    const UiTexts texts_ = UiTexts::load(fs::path(SKM_SOURCE_DIR) / "assets" / "i18n");
    std::unique_ptr<ViewContext> ctx_;
};

TEST(StaffStatusCheck, ShowsTheCheckSound) {
    StatusKiosk k(false);
    // (Opening the dashboard already started the background work for its
    // tallies, so whether "running" is still shown here depends on timing.)
    k.run_deferred_check();
    EXPECT_TRUE(k.shows("Pemeriksaan keutuhan basis data terakhir: baik (2025-12-20T10:00:")) << k.drawn();
    EXPECT_FALSE(k.shows("PERHATIAN")) << k.drawn();
}

TEST(StaffStatusCheck, ShowsTheDamageTheDeferredCheckFound) {
    StatusKiosk k(true);
    k.run_deferred_check();
    EXPECT_TRUE(k.shows("PERHATIAN petugas: pemeriksaan keutuhan (2025-12-20T10:00:")) << k.drawn();
    EXPECT_TRUE(k.shows("menemukan kerusakan basis data:")) << k.drawn();
    EXPECT_FALSE(k.shows("terakhir: baik")) << k.drawn();
    // Moved aside (the kiosk does it between surveys): the finding stays, the alert joins it.
    ASSERT_TRUE(k.db().move_damaged_aside());
    k.frame();
    EXPECT_TRUE(k.shows("PERHATIAN petugas: pemeriksaan keutuhan")) << k.drawn();
    EXPECT_TRUE(k.shows("PERHATIAN petugas: basis data rusak dan sudah dipindahkan ke ")) << k.drawn();
}

}  // namespace
}  // namespace skm::kiosk::ui
