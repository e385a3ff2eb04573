// Storage trouble as citizens and staff see it, headless, on a database whose
// writes fail (the fault VFS of tests/store): after a failed submit and
// "Selesai" the welcome screen invites no one and says why, in the chosen
// language, until the 30-second probe succeeds; staff see the banner on every
// tab and the dropped answer on Status.
#include "kiosk/core/staff_service.hpp"
#include "kiosk/core/storage_watch.hpp"
#include "kiosk/core/store_sink.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "store/setting_keys.hpp"
#include "tests/store/faulty_vfs.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

namespace skm::kiosk::ui {
namespace {

namespace fs = std::filesystem;
using skm::test::ArmedFault;
using skm::test::FaultKind;
using skm::test::FaultPersistence;

store::StoreOptions faulty_options(const fs::path& dir) {
    skm::test::FaultyVfs::install();
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::StoreOptions o;
    o.path = dir / "skm.db";
    o.vfs = skm::test::FaultyVfs::kName;
    return o;
}

// The kiosk as main.cpp wires it: the real sink through the watch, the staff view reading it.
class StorageKiosk : public testing::HeadlessUi {
public:
    StorageKiosk()
        : HeadlessUi(ImVec2(1280, 800)),
          dir_(fs::temp_directory_path() / ("skm-storage-ui-" + std::to_string(::getpid()) + "-" + std::to_string(++made_))),
          db_(faulty_options(dir_), questionnaire().scheme, clock),
          watch_(db_, clock, words_, journal_),
          sink_(db_, watch_),
          lock_(StaffLock::hash_pin("2468"), clock),
          service_(db_, lock_, config_),
          flow_(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"k", &questionnaire()}, clock, ids_, sink_),
          view_(service_, clock, {dir_ / "media"}, questionnaire().codes(), "kiosk-test"),
          gate_(lock_, clock, &view_) {
        service_.set_storage_watch(&watch_);
        config_.office = "Kantor Kecamatan Sukamaju";
        ctx_.reset(new ViewContext{flow_, texts_, speaker_, config_, fonts(), scale(), &gate_});
        attach(*ctx_);
        frame(500);
    }
    ~StorageKiosk() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // A citizen answers everything and taps "Lewati".
    void survey() {
        tap("start");
        tap("layanan_0");
        for (int i = 0; i < 4; ++i) tap("profile_0");
        for (int i = 0; i < 9; ++i) tap("answer_" + std::to_string(i % 4 + 1));
        tap("submit");
    }
    // The kiosk's once-a-second timer, for `seconds`.
    void run_timer(int seconds) {
        for (int i = 0; i < seconds; ++i) {
            frame(1000);
            watch_.tick();
        }
        frame();
    }
    SurveyFlow& flow() { return flow_; }
    ViewContext& ctx() { return *ctx_; }
    store::ResponseStore& db() { return db_; }

private:
    static inline int made_ = 0;
    fs::path dir_;
    formats::KioskConfig config_;
    store::ResponseStore db_;
    const formats::Catalog words_ = formats::Catalog::load(kAssets / "i18n", "id");
    std::ostringstream journal_;
    StorageWatch watch_;
    StoreSink sink_;
    StaffLock lock_;
    StaffService service_;
    testing::Ids ids_;
    SurveyFlow flow_;
    StaffView view_;
    StaffGate gate_;
    SilentSpeaker speaker_;
    const UiTexts texts_ = UiTexts::load(kAssets / "i18n");
    std::unique_ptr<ViewContext> ctx_;
};

const std::string kPausedId = "Maaf, kios sedang tidak dapat menyimpan jawaban — silakan hubungi petugas";
const std::string kPausedEn = "Sorry, the kiosk cannot save answers at the moment — please contact the staff";

TEST(StorageUi, TheWelcomeScreenPausesWhileStorageFailsAndInvitesAgainAfterTheProbe) {
    StorageKiosk k;
    ASSERT_TRUE(k.has_button("start"));
    EXPECT_FALSE(k.shows(kPausedId));
    {
        ArmedFault full(1, FaultKind::disk_full, FaultPersistence::sticky);
        k.survey();
        ASSERT_EQ(k.flow().screen(), Screen::store_failed);
        k.tap("done");  // "Selesai"
        ASSERT_EQ(k.flow().screen(), Screen::welcome);
        EXPECT_FALSE(k.has_button("start"));
        EXPECT_TRUE(k.shows(kPausedId)) << k.drawn();
        k.tap("lang_en");
        EXPECT_TRUE(k.shows(kPausedEn)) << k.drawn();
        k.run_timer(45);  // a probe at 30 s fails: still paused
        EXPECT_FALSE(k.has_button("start"));
    }
    // Space again: the next probe (60 s after the failed submit) ends the pause, not before.
    k.run_timer(10);
    EXPECT_FALSE(k.has_button("start"));
    k.run_timer(10);
    ASSERT_TRUE(k.has_button("start"));
    EXPECT_FALSE(k.shows(kPausedEn));
    k.survey();
    EXPECT_EQ(k.flow().screen(), Screen::thanks);
    EXPECT_EQ(k.db().count(), 1);
}

TEST(StorageUi, StaffSeeTheBannerOnEveryTabAndTheDroppedAnswerOnStatus) {
    StorageKiosk k;
    {
        ArmedFault full(1, FaultKind::disk_full, FaultPersistence::sticky);
        k.survey();
        k.tap("done");
        k.open_staff();
        const std::string banner = "PENYIMPANAN BERMASALAH: jawaban tidak dapat disimpan (penyimpanan penuh: jawaban tidak dapat disimpan di ";
        for (const char* tab : {"tab_dashboard", "tab_saran", "tab_status", "tab_settings", "tab_export"}) {
            k.tap(tab);
            EXPECT_TRUE(k.shows(banner)) << tab << ":\n" << k.drawn();
            EXPECT_TRUE(k.shows("mencoba menulis lagi tiap 30 detik")) << tab;
        }
        // On Status: the answer dropped by "Selesai", counted in memory only while the disk is full.
        k.tap("tab_status");
        EXPECT_TRUE(k.shows("Jawaban yang tidak tersimpan (warga menekan Selesai setelah gagal simpan): 1")) << k.drawn();
        EXPECT_TRUE(k.shows("1 di antaranya baru tercatat di memori")) << k.drawn();
    }
    k.run_timer(31);
    EXPECT_FALSE(k.shows("PENYIMPANAN BERMASALAH")) << k.drawn();
    EXPECT_TRUE(k.shows("Jawaban yang tidak tersimpan (warga menekan Selesai setelah gagal simpan): 1"));
    EXPECT_FALSE(k.shows("di antaranya baru tercatat di memori"));
    EXPECT_EQ(k.db().setting(store::setting_key::kDroppedAnswers), "1");
}

TEST(StorageUi, AStaffSettingTheDiskRefusesIsARefusalNotTheEndOfTheKiosk) {
    StorageKiosk k;
    k.open_staff();
    k.tap("tab_settings");
    k.tap("set_min_n");
    k.clear_field();
    k.type("7");
    {
        ArmedFault full(1, FaultKind::disk_full, FaultPersistence::sticky);
        k.tap("edit_save");  // SQLITE_FULL from the settings table: thrown before, it closed the kiosk
    }
    EXPECT_TRUE(k.shows("penyimpanan penuh")) << k.drawn();
    EXPECT_TRUE(k.has_button("edit_save"));  // still editing, to save again
    EXPECT_FALSE(k.db().setting(formats::setting::kMinN.stored));
    k.tap("edit_save");
    EXPECT_EQ(k.db().setting(formats::setting::kMinN.stored), "7");
}

TEST(StorageUi, AFrameThatThrowsEndsCleanlyAndTheNextFrameDraws) {
    StorageKiosk k;
    ImGui::NewFrame();
    draw_full_screen(k.ctx(), [](float width, float) {
        // Mid-view: an ID and a child window open, as a staff tab has them when a read fails.
        ImGui::PushID("tab");
        ImGui::BeginChild("settings", ImVec2(width, 100), false);
        throw Error(ErrorKind::storage, Problem{"store.locked", {{"file", "skm.db"}}});
    });
    ImGui::Render();
    ASSERT_TRUE(k.ctx().frame_problem);
    EXPECT_EQ(k.ctx().frame_problem->key, "store.locked");
    k.frame();  // ImGui's stacks are whole again: the welcome screen draws
    EXPECT_TRUE(k.has_button("start"));
    k.tap("start");
    EXPECT_EQ(k.flow().screen(), Screen::layanan);
}

}  // namespace
}  // namespace skm::kiosk::ui
