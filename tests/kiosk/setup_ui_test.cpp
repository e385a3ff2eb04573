// The first-run setup as staff meet it on a new kiosk: every step tapped and
// typed on the screen, then the rows in the device database; refusals shown
// in words with nothing stored; a setup cut short resumes; and the core's
// rules on their own.
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "kiosk/core/first_run.hpp"
#include "kiosk/ui/setup_screen.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "formats/layanan_list.hpp"
#include "store/setting_keys.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace skm::kiosk::ui {
namespace {

namespace fs = std::filesystem;

using testing::Ids;
using testing::NoSink;

// A new kiosk: an empty database, the first-run configuration, the setup on screen.
struct NewKiosk {
    explicit NewKiosk(ImVec2 display = ImVec2(1280, 800), fs::path reuse_dir = {})
        : dir(reuse_dir.empty() ? fs::temp_directory_path() / ("skm-setup-" + std::to_string(::getpid()) + "-" +
                                                                std::to_string(++count))
                                : reuse_dir),
          ui(display),
          config(formats::load_kiosk_config(kAssets / "kiosk" / "first-run.json", kAssets)),
          db((fs::create_directories(dir), options()), questionnaire().scheme, ui.clock),
          lock("", ui.clock),
          service(db, lock, config),
          setup(service),
          screen(setup),
          flow(questionnaire(), {"-"}, FlowSettings{}, store::DeviceIdentity{"k", &questionnaire()}, ui.clock, ids, sink),
          gate(lock, ui.clock),
          ctx{flow, texts, speaker, config, ui.fonts(), ui.scale(), &gate} {
        store::seed_layanan(db.connection(), formats::load_layanan_list(config.layanan_file));
        ctx.setup = &screen;
        ui.attach(ctx);
        ui.frame();
    }
    ~NewKiosk() {
        if (keep) return;
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    store::StoreOptions options() const {
        store::StoreOptions o;
        o.path = dir / "skm.db";
        return o;
    }
    std::optional<std::string> setting(const char* key) { return db.setting(key); }

    static inline int count = 0;
    fs::path dir;
    bool keep = false;
    testing::HeadlessUi ui;
    formats::KioskConfig config;
    store::ResponseStore db;
    StaffLock lock;
    StaffService service;
    FirstRunSetup setup;
    SetupScreen screen;
    NoSink sink;
    Ids ids;
    SurveyFlow flow;
    StaffGate gate;
    SilentSpeaker speaker;
    const UiTexts texts = UiTexts::load(kAssets / "i18n");
    ViewContext ctx;
};

TEST(SetupUi, StaffSetUpANewKioskByTouchAndEveryAnswerIsStored) {
    NewKiosk k;
    EXPECT_TRUE(k.ui.shows("langkah 1 dari 5")) << k.ui.drawn();
    k.ui.tap("setup_lang_jv");
    EXPECT_EQ(k.service.default_language(), "jv");
    EXPECT_TRUE(k.ui.shows("Nami kantor")) << k.ui.drawn();
    k.ui.type("Kantor Kecamatan Sukamaju");
    k.ui.tap("setup_next");
    EXPECT_EQ(k.service.office_name(), "Kantor Kecamatan Sukamaju");

    // Layanan: leave two out, add one of the office's own.
    ASSERT_TRUE(k.ui.has_button("setup_layanan_0"));
    const auto before = k.service.active_layanan();
    k.ui.tap("setup_layanan_10");  // Konsultasi
    k.ui.tap("setup_layanan_11");  // Informasi
    k.ui.tap("setup_add_layanan");
    k.ui.type("Surat Waris");
    k.ui.tap("setup_next");
    k.ui.tap("setup_next");
    auto active = k.service.active_layanan();
    EXPECT_EQ(active.size(), before.size() - 1);
    EXPECT_EQ(std::count(active.begin(), active.end(), "Konsultasi"), 0);
    EXPECT_EQ(active.back(), "Surat Waris");

    // Hub: the address with ':' and '/' from the keyboard, then the token.
    k.ui.type("hub.kab.go.id/api/v1/batches");
    k.ui.tap("setup_next");
    k.ui.type("0123456789abcdef0123");
    k.ui.tap("setup_next");
    EXPECT_EQ(k.setting(store::setting_key::kHubUrl), "https://hub.kab.go.id/api/v1/batches");
    EXPECT_EQ(k.setting(store::setting_key::kDeviceToken), "0123456789abcdef0123");

    // PIN twice, on the number pad (digits and delete, no letters); a mismatch
    // first, said in words, nothing stored.
    ASSERT_TRUE(k.ui.has_button("key_0"));
    ASSERT_TRUE(k.ui.has_button("key_delete"));
    EXPECT_FALSE(k.ui.has_button("key_a"));
    EXPECT_FALSE(k.ui.has_button("key_space"));
    k.ui.type("24689");
    k.ui.tap("key_delete");
    k.ui.tap("setup_next");
    EXPECT_FALSE(k.ui.has_button("key_a"));  // the repeat too
    k.ui.type("2469");
    k.ui.tap("setup_next");
    EXPECT_FALSE(k.setting(store::setting_key::kStaffPinHash).has_value());
    EXPECT_FALSE(k.setup.done());
    EXPECT_NE(k.ui.drawn().find("PIN"), std::string::npos) << k.ui.drawn();
    k.ui.type("2468");
    k.ui.tap("setup_next");
    k.ui.type("2468");
    k.ui.tap("setup_next");
    EXPECT_TRUE(k.setup.done());
    EXPECT_EQ(k.lock.try_pin("2468"), PinResult::ok);
    EXPECT_EQ(k.setting(store::setting_key::kSetupComplete), "1");
    // The survey's welcome screen is what is drawn now.
    EXPECT_FALSE(k.screen.active());
    EXPECT_TRUE(k.ui.has_button("start"));
}

TEST(SetupUi, RefusalsAreShownInWordsAndStoreNothing) {
    NewKiosk k;
    k.ui.tap("setup_lang_id");
    k.ui.tap("setup_next");  // no office name
    EXPECT_TRUE(k.ui.shows("nama kantor tidak boleh kosong")) << k.ui.drawn();
    EXPECT_EQ(k.setting("office_name"), std::nullopt);
    k.ui.type("Kantor Kecamatan Sukamaju");
    k.ui.tap("setup_next");
    // Leaving every layanan out: the last one stays, and the screen says why.
    for (int i = 0; i < 12; ++i) k.ui.tap("setup_layanan_" + std::to_string(i));
    EXPECT_EQ(k.service.active_layanan(), std::vector<std::string>{"Informasi"});
    EXPECT_TRUE(k.ui.shows("Informasi")) << k.ui.drawn();
    EXPECT_TRUE(k.ui.shows("satu-satunya layanan aktif")) << k.ui.drawn();
    k.ui.tap("setup_layanan_0");
    k.ui.tap("setup_next");
    EXPECT_EQ(k.service.active_layanan(), (std::vector<std::string>{"KTP-el", "Informasi"}));
    // A token that is too short: refused, the address not kept either.
    k.ui.type("hub.example");
    k.ui.tap("setup_next");
    k.ui.type("abc");
    k.ui.tap("setup_next");
    EXPECT_TRUE(k.ui.shows("token perangkat")) << k.ui.drawn();
    EXPECT_FALSE(k.setting(store::setting_key::kHubUrl).has_value());
    EXPECT_FALSE(k.setting(store::setting_key::kDeviceToken).has_value());
    k.ui.tap("setup_skip");
    EXPECT_EQ(k.setup.step(), SetupStep::pin);
    EXPECT_FALSE(k.setting(store::setting_key::kHubUrl).has_value());
}

TEST(SetupUi, ASetupCutShortResumesAndOneFinishedNeverShowsAgain) {
    fs::path dir;
    {
        NewKiosk k;
        k.keep = true;
        dir = k.dir;
        k.ui.tap("setup_lang_en");
        k.ui.type("Kantor Kecamatan Sukamakmur");
        k.ui.tap("setup_next");
    }  // the power goes
    {
        NewKiosk k(ImVec2(800, 1280), dir);
        k.keep = true;
        EXPECT_TRUE(FirstRunSetup::needed(k.service, false));
        EXPECT_EQ(k.service.office_name(), "Kantor Kecamatan Sukamakmur");
        EXPECT_EQ(k.setup.step(), SetupStep::language);
        k.ui.tap("setup_lang_en");
        k.ui.clear_field();
        k.ui.type("Kantor Kecamatan Sukamakmur");
        k.ui.tap("setup_next");
        k.ui.tap("setup_next");
        k.ui.tap("setup_skip");
        k.ui.type("13579");
        k.ui.tap("setup_next");
        k.ui.type("13579");
        k.ui.tap("setup_next");
        EXPECT_TRUE(k.setup.done());
    }
    NewKiosk k(ImVec2(1280, 800), dir);
    EXPECT_FALSE(FirstRunSetup::needed(k.service, false));
    EXPECT_TRUE(k.setup.done());
    EXPECT_FALSE(k.screen.active());
    EXPECT_FALSE(FirstRunSetup::needed(k.service, true));
}

TEST(SetupUi, EveryStepFitsInEveryLanguageAndOrientation) {
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280), ImVec2(1920, 1080)}) {
        for (const std::string lang : {"id", "en", "jv"}) {
            NewKiosk k(display);
            k.ui.tap("setup_lang_" + lang);
            k.ui.type("Kantor");
            k.ui.tap("setup_next");
            k.ui.frame();
            k.ui.tap("setup_next");
            k.ui.frame();
            k.ui.tap("setup_skip");
            k.ui.frame();
            EXPECT_TRUE(k.ctx.overflows.empty()) << lang << " " << display.x << ": " << k.ctx.overflows.front().label;
        }
    }
}

TEST(FirstRun, StepsOnlyInOrder) {
    NewKiosk k;
    EXPECT_EQ(k.setup.set_office("X")->key, "office.setup_wrong_step");
    EXPECT_EQ(k.setup.set_pin("1234", "1234")->key, "office.setup_wrong_step");
    EXPECT_EQ(k.setup.choose_language("fr")->key, "office.language_invalid");
    EXPECT_FALSE(k.setup.choose_language("id"));
    k.setup.back();
    EXPECT_EQ(k.setup.step(), SetupStep::language);
    EXPECT_FALSE(k.setting(store::setting_key::kSetupComplete).has_value());
}

}  // namespace
}  // namespace skm::kiosk::ui
