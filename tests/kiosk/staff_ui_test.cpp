// The staff view without a window, on a real database holding the demo year:
// every tab in every language fits; the dashboard shows the same figures as
// `skm score`; the min-n privacy rule hides small groups; invalid settings are
// refused in plain words and change nothing; valid ones are stored and
// audited; the PIN changes in two steps; export writes the CSV to a mounted
// removable stick only; the view locks when left alone and on "Kembali ke
// survei"; closing the kiosk asks first; a double tap acts once per screen.
#include "formats/layanan_list.hpp"
#include "formats/response_csv_reader.hpp"
#include "kiosk/core/staff_service.hpp"
#include "scoring/capaian.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/touch_queue.hpp"
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "store/outbox.hpp"
#include "store/setting_keys.hpp"
#include "store/stored_row.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

namespace skm::kiosk::ui {
namespace {

namespace fs = std::filesystem;

std::vector<store::Submission> demo_year() {
    std::ifstream in(kAssets / "demo" / "responses.csv", std::ios::binary);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<store::Submission> out;
    formats::read_response_csv(csv, "responses.csv", questionnaire().codes(), [&](const formats::ResponseRow& row) {
        out.push_back(store::submission_from_row(row, questionnaire()));
    });
    return out;
}

const formats::Catalog& report_words() {
    static const auto c = formats::Catalog::load(kAssets / "i18n", "id");
    return c;
}

using testing::Ids;
using testing::NoSink;

// A USB stick mounted at <dir>/media/FLASHDISK, as the kernel shows it: a
// mount-table line and a sysfs disk on the USB bus with removable = 1. A
// plain folder beside it (<dir>/media/BUKAN-FLASHDISK) is mounted on nothing.
MediaSources fake_usb_stick(const fs::path& dir) {
    const fs::path disk = dir / "sys" / "devices" / "pci0000:00" / "0000:00:14.0" / "usb1" / "1-2" / "block" / "sdb";
    fs::create_directories(disk / "sdb1");
    fs::create_directories(dir / "sys" / "class" / "block");
    std::ofstream(disk / "removable") << "1\n";
    std::ofstream(disk / "sdb1" / "partition") << "1\n";
    fs::create_directory_symlink(fs::relative(disk / "sdb1", dir / "sys" / "class" / "block"), dir / "sys" / "class" / "block" / "sdb1");
    fs::create_directories(dir / "media" / "BUKAN-FLASHDISK");
    std::ofstream(dir / "mounts") << "/dev/sdb1 " << (dir / "media" / "FLASHDISK").string() << " vfat rw,nosuid 0 0\n";
    return {dir / "mounts", dir / "sys"};
}

// A kiosk with its real database, opened on the staff view.
class StaffKiosk : public testing::HeadlessUi {
public:
    explicit StaffKiosk(ImVec2 display, const std::string& language = "id")
        : HeadlessUi(display),
          dir_(fs::temp_directory_path() / ("skm-staff-" + std::to_string(::getpid()) + "-" + std::to_string(++count_))),
          db_((fs::remove_all(dir_), fs::create_directories(dir_ / "media" / "FLASHDISK"), options()), questionnaire().scheme,
              clock),
          lock_(StaffLock::hash_pin("2468"), clock),
          service_(db_, lock_, config_),
          flow_(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"k", &questionnaire()}, clock, ids_, sink_),
          view_(service_, clock, fake_usb_stick(dir_), questionnaire().codes(), "kiosk-test"),
          gate_(lock_, clock, &view_) {
        db_.import(demo_year());
        store::seed_layanan(db_.connection(), formats::load_layanan_list(kAssets / "demo" / "layanan.json"));
        config_.office = "Kantor Kecamatan Sukamaju";
        flow_.set_language(language);
        ctx_.reset(new ViewContext{flow_, texts_, speaker_, config_, fonts(), scale(), &gate_});
        attach(*ctx_);
        open_staff();
    }
    ~StaffKiosk() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // A finger on the scrollbar, as the mouse wheel: down a long list until `id` is on screen.
    void scroll_to(const std::string& id) {
        queue.push({640, 600, false});
        for (int i = 0; i < 60; ++i) {
            const ButtonRecord* b = ctx_->button(id);
            if (b && b->center().y > 0 && b->max.y < ImGui::GetIO().DisplaySize.y) return;
            ImGui::GetIO().MouseWheel = -1;
            frame();
        }
        throw std::runtime_error("cannot scroll to " + id);
    }
    store::ResponseStore& db() { return db_; }
    ViewContext& ctx() { return *ctx_; }
    StaffService& service() { return service_; }
    StaffLock& lock() { return lock_; }
    StaffView& view() { return view_; }
    const fs::path& dir() const { return dir_; }

private:
    store::StoreOptions options() const {
        store::StoreOptions o;
        o.path = dir_ / "skm.db";
        return o;
    }

public:
    StaffGate& gate() { return gate_; }
    SurveyFlow& flow() { return flow_; }

private:

    static inline int count_ = 0;
    fs::path dir_;
    formats::KioskConfig config_;
    store::ResponseStore db_;
    StaffLock lock_;
    StaffService service_;
    NoSink sink_;
    Ids ids_;
    SurveyFlow flow_;
    StaffView view_;
    StaffGate gate_;
    SilentSpeaker speaker_;
    const UiTexts texts_ = UiTexts::load(kAssets / "i18n");
    std::unique_ptr<ViewContext> ctx_;
};

TEST(StaffUi, EveryTabInEveryLanguageAndOrientationFits) {
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280), ImVec2(1920, 1080)}) {
        for (const std::string lang : {"id", "en", "jv"}) {
            StaffKiosk k(display, lang);
            for (const char* tab : {"tab_dashboard", "tab_saran", "tab_status", "tab_settings", "tab_export"}) {
                k.tap(tab);
                k.frame();
                EXPECT_TRUE(k.ctx().overflows.empty()) << lang << " " << display.x << " " << tab << ": "
                                                       << k.ctx().overflows.front().label;
                k.ctx().overflows.clear();
                // Inside what ImGui draws: the window clips half its padding at each edge
                // (the old tab row started at 8 px and lost its rounded ends there).
                const ImVec2 clip = ImGui::GetStyle().WindowPadding;
                for (const auto& b : k.ctx().buttons) {
                    EXPECT_GE(b.min.x, clip.x / 2 - 0.5f) << lang << " " << display.x << " " << tab << " " << b.id;
                    EXPECT_LE(b.max.x, display.x - clip.x / 2 + 0.5f) << lang << " " << display.x << " " << tab << " " << b.id;
                }
                for (const char* id : {"tab_dashboard", "tab_export", "staff_back"}) {
                    ASSERT_NE(k.ctx().button(id), nullptr) << id;
                    EXPECT_GE(k.ctx().button(id)->min.y, clip.y / 2 - 0.5f) << lang << " " << display.x << " " << id;
                }
            }
        }
    }
}

// One number format per language on every staff screen: the comma in
// Indonesian and Javanese, the point in English — the summary's IKM and the
// target stored as "80.00" alike (Settings used to show it as stored).
TEST(StaffUi, OneDecimalFormatPerLanguageOnEveryStaffScreen) {
    for (const std::string lang : {"id", "en", "jv"}) {
        StaffKiosk k(ImVec2(1280, 800), lang);
        ASSERT_FALSE(k.service().set_target(2025, "", "80.00"));
        const char sep = lang == "en" ? '.' : ',';
        const std::regex wrong(lang == "en" ? R"(\d,\d)" : R"(\d\.\d)");
        const std::string target = std::string("80") + sep + "00";
        k.tap("period_4");
        k.frame();
        EXPECT_TRUE(k.shows(target)) << lang << ":\n" << k.drawn();
        for (const char* tab : {"tab_dashboard", "tab_settings", "tab_status", "tab_saran"}) {
            k.tap(tab);
            k.frame();
            if (std::string(tab) == "tab_settings") {
                EXPECT_TRUE(k.shows(target)) << lang << ":\n" << k.drawn();
            }
            for (const auto& text : k.ctx().texts_drawn) {
                EXPECT_FALSE(std::regex_search(text, wrong)) << lang << " " << tab << ": \"" << text << "\"";
            }
        }
    }
}

TEST(StaffUi, TheDashboardShowsWhatSkmScoreComputes) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("period_4");  // this year: 2025, the demo year
    k.frame();
    scoring::CubeFilter year;
    year.period = scoring::DateRange{{2025, 1, 1}, {2025, 12, 31}};
    const auto expected = scoring::summarize(k.db().tallies().total(year), questionnaire().scheme, {});
    ASSERT_TRUE(expected.ikm);
    const std::string ikm = expected.ikm->str(',');
    EXPECT_TRUE(k.shows("IKM " + ikm)) << "expected IKM " << ikm << " in:\n" << k.drawn();
    EXPECT_TRUE(k.shows(std::to_string(expected.respondents) + " responden")) << k.drawn();
    EXPECT_TRUE(k.shows(expected.ci95->low.str(','))) << k.drawn();
    // The per-layanan lines carry each layanan's own IKM.
    scoring::CubeFilter ktp = year;
    ktp.layanan = "KTP-el";
    const auto ktp_summary = scoring::summarize(k.db().tallies().total(ktp), questionnaire().scheme, {});
    EXPECT_TRUE(k.shows(ktp_summary.ikm->str(','))) << k.drawn();
}

TEST(StaffUi, SmallGroupsShowNoFigures) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("period_0");  // today: the demo year has no responses on 2025-12-20
    k.frame();
    EXPECT_TRUE(k.shows("belum cukup data")) << k.drawn();
    EXPECT_FALSE(k.shows("IKM 8")) << k.drawn();
    // Raise the threshold above every layanan's yearly count: all hidden, the office too.
    ASSERT_FALSE(k.service().set_number(formats::setting::kMinN, "100"));
    k.tap("period_4");
    k.frame();
    const auto dashboard = k.service().dashboard(DashboardPeriod::year, {2025, 12, 20});
    for (const auto& g : dashboard.layanan) {
        if (g.respondents < 100) {
            EXPECT_FALSE(g.summary) << g.layanan;
        }
    }
    EXPECT_TRUE(k.shows("Informasi")) << k.drawn();  // 49 respondents: named, but no figures
}

// "ACTOR DETAIL" of every audit-log row with this action, oldest first.
std::vector<std::string> audit_rows(const std::filesystem::path& db, const std::string& action) {
    std::vector<std::string> rows;
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return {"cannot open " + db.string()};
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "SELECT actor || ' ' || detail FROM audit_log WHERE action = ?1 ORDER BY rowid", -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, action.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW) rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return rows;
}

TEST(StaffUi, SignatoryIsEditedOnTheSettingsTabCheckedAndAudited) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.scroll_to("set_signatory_nip");
    k.tap("set_signatory_nip");
    k.clear_field();
    k.type("12345");
    k.tap("edit_save");
    EXPECT_TRUE(k.shows("18 angka")) << k.drawn();
    EXPECT_EQ(k.service().text(formats::setting::kSignatoryNip), "");
    k.clear_field();
    k.type("198001012005011001");
    k.tap("edit_save");
    EXPECT_EQ(k.service().text(formats::setting::kSignatoryNip), "198001012005011001");
    EXPECT_EQ(k.db().setting(formats::setting::kSignatoryNip.stored), "198001012005011001");

    k.scroll_to("set_signatory_place");
    k.tap("set_signatory_place");
    k.clear_field();
    k.type("sukamaju");
    k.tap("edit_save");
    EXPECT_EQ(k.service().text(formats::setting::kSignatoryPlace), "sukamaju");

    // The refused "12345" left no trace.
    EXPECT_EQ(audit_rows(k.db().path(), "signatory_nip"), std::vector<std::string>{"staff 198001012005011001"});
}

TEST(StaffUi, InvalidSettingsAreRefusedInPlainWordsAndChangeNothing) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.tap("set_min_n");
    k.clear_field();
    k.type("1");
    k.tap("edit_save");
    EXPECT_TRUE(k.shows("harus bilangan bulat antara 2 dan 100")) << k.drawn();
    EXPECT_EQ(k.service().number(formats::setting::kMinN), 5u);
    EXPECT_FALSE(k.db().setting(formats::setting::kMinN.stored));
    k.clear_field();
    k.type("7");
    k.tap("edit_save");
    EXPECT_EQ(k.service().number(formats::setting::kMinN), 7u);

    k.scroll_to("default_lang_jv");
    k.tap("default_lang_jv");
    EXPECT_EQ(k.service().default_language(), "jv");
    EXPECT_EQ(k.service().flow_settings().default_language, "jv");
    EXPECT_TRUE(k.service().set_default_language("fr"));  // refused
    EXPECT_EQ(k.service().default_language(), "jv");

    k.tap("set_hub");
    k.clear_field();
    k.type("http.kab");
    k.tap("edit_save");
    EXPECT_TRUE(k.shows("https://")) << k.drawn();
    EXPECT_EQ(k.service().hub_url(), "");
    k.tap("edit_cancel");

    // Every accepted change is in the audit log.
    // The refused "1" left no trace.
    EXPECT_EQ(audit_rows(k.db().path(), "staff_min_n"), std::vector<std::string>{"staff 7"});
}

TEST(StaffUi, ThePosterTextsAreSettingsStaffChange) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    EXPECT_EQ(k.service().text(formats::setting::kComplaintChannel), "SP4N-LAPOR! — www.lapor.go.id");  // the default
    EXPECT_EQ(k.service().text(formats::setting::kFollowUp), "");
    k.scroll_to("set_follow_up");
    k.tap("set_follow_up");
    k.type("loket");
    k.tap("edit_save");
    EXPECT_EQ(k.service().text(formats::setting::kFollowUp), "loket");
    EXPECT_EQ(k.db().setting(formats::setting::kFollowUp.stored), "loket");
    // The complaint channel cannot be emptied: a poster always says where to complain.
    EXPECT_TRUE(k.service().set_text(formats::setting::kComplaintChannel, ""));
    EXPECT_EQ(k.service().text(formats::setting::kComplaintChannel), "SP4N-LAPOR! — www.lapor.go.id");
}

TEST(StaffUi, LayananAreAddedRenamedAndRetiredNeverDeleted) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.scroll_to("add_layanan");
    k.tap("add_layanan");
    k.type("paspor");
    k.tap("edit_save");
    const auto names = k.service().active_layanan();
    ASSERT_EQ(names.size(), 13u);
    EXPECT_EQ(names.back(), "paspor");
    // Renaming to a name that exists is refused.
    k.scroll_to("rename_12");
    k.tap("rename_12");
    k.clear_field();
    k.type("SKTM");
    k.tap("edit_save");
    EXPECT_TRUE(k.shows("sudah ada")) << k.drawn();
    k.tap("edit_cancel");
    k.scroll_to("toggle_12");
    k.tap("toggle_12");
    EXPECT_EQ(k.service().active_layanan().size(), 12u);
    EXPECT_EQ(k.service().layanan().size(), 13u);  // retired, still listed
    EXPECT_EQ(k.db().count(), 2634);                // and no response touched
}

TEST(StaffUi, PopulationAndTargetDriveSampleAndCapaian) {
    StaffKiosk k(ImVec2(1280, 800));
    ASSERT_FALSE(k.service().set_population(2025, "KTP-el", "1899"));
    ASSERT_FALSE(k.service().set_target(2025, "", "85,50"));
    EXPECT_TRUE(k.service().set_target(2025, "", "120"));   // out of 25–100
    EXPECT_TRUE(k.service().set_population(2025, "KTP-el", "-3"));
    const auto d = k.service().dashboard(DashboardPeriod::year, {2025, 12, 20});
    const auto ktp = std::find_if(d.layanan.begin(), d.layanan.end(), [](const auto& g) { return g.layanan == "KTP-el"; });
    ASSERT_NE(ktp, d.layanan.end());
    ASSERT_TRUE(ktp->sample);
    EXPECT_EQ(ktp->sample->needed, 320u);  // Krejcie–Morgan for 1,899 (the regulation's annex)
    ASSERT_TRUE(d.overall.capaian);
    const auto expected = scoring::capaian_percent(*d.overall.summary->konversi_exact, mpq_class(171, 2));
    EXPECT_EQ(d.overall.capaian->str(), expected->str());
    k.tap("period_4");
    k.frame();
    EXPECT_TRUE(k.shows(std::to_string(ktp->respondents) + "/320")) << k.drawn();  // KTP-el: collected / needed
    EXPECT_TRUE(k.shows("capaian " + expected->str(','))) << k.drawn();
}

TEST(StaffUi, ThePinChangesInTwoStepsAndAMismatchKeepsTheOldOne) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.scroll_to("set_pin");
    k.tap("set_pin");
    // On the number pad, the digits hidden: no letter key, no PIN in the drawn text.
    EXPECT_TRUE(k.has_button("key_0"));
    EXPECT_FALSE(k.has_button("key_a"));
    k.type("1357");
    k.tap("edit_save");
    EXPECT_FALSE(k.has_button("key_a"));  // the repeat too
    k.type("1358");
    k.tap("edit_save");
    EXPECT_TRUE(k.shows("tidak sama")) << k.drawn();
    EXPECT_EQ(k.lock().try_pin("2468"), PinResult::ok);
    k.tap("edit_cancel");
    k.scroll_to("set_pin");
    k.tap("set_pin");
    k.type("1357");
    k.tap("edit_save");
    k.type("1357");
    k.tap("edit_save");
    EXPECT_EQ(k.lock().try_pin("1357"), PinResult::ok);
    EXPECT_EQ(k.lock().try_pin("2468"), PinResult::wrong);
    EXPECT_EQ(k.db().setting("staff.pin_hash")->rfind("$argon2id$", 0), 0u);
}

TEST(StaffUi, SaranNewestFirstAndExportToAStick) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_saran");
    k.frame();
    const auto saran = k.service().saran(5);
    ASSERT_FALSE(saran.empty());
    EXPECT_GE(saran[0].submitted_at, saran[1].submitted_at);
    EXPECT_TRUE(k.shows(saran[0].saran)) << k.drawn();
    k.tap("tab_export");
    // The stick by its label, not its whole mount path (which would run off a portrait screen).
    EXPECT_TRUE(k.shows("FLASHDISK")) << k.drawn();
    EXPECT_FALSE(k.shows((k.dir() / "media" / "FLASHDISK").string())) << k.drawn();
    EXPECT_EQ(k.ctx().button("export_1"), nullptr) << "only the mounted stick is offered, not " << k.drawn();
    EXPECT_FALSE(k.shows("BUKAN-FLASHDISK")) << k.drawn();
    k.tap("export_0");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(k.dir() / "media" / "FLASHDISK")) files.push_back(e.path());
    ASSERT_EQ(files.size(), 1u);
    std::ifstream in(files[0]);
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    EXPECT_EQ(lines, 2635u);  // header + every response
    EXPECT_TRUE(k.shows("2634 jawaban disimpan")) << k.drawn();
    // The semester report too (the clock says 2025-12-20: 2025-S2).
    k.view().set_report_catalog(&report_words());
    k.tap("export_pdf_0");
    const auto pdf = k.dir() / "media" / "FLASHDISK" / "laporan-skm-2025-S2.pdf";
    ASSERT_TRUE(fs::exists(pdf)) << k.drawn();
    std::ifstream pdf_in(pdf, std::ios::binary);
    std::string magic(5, '\0');
    pdf_in.read(magic.data(), 5);
    EXPECT_EQ(magic, "%PDF-");
    EXPECT_GT(fs::file_size(pdf), 10'000u);
    k.tap("export_xlsx_0");
    EXPECT_TRUE(fs::exists(k.dir() / "media" / "FLASHDISK" / "laporan-skm-2025-S2.xlsx")) << k.drawn();
    EXPECT_FALSE(fs::exists(k.dir() / "media" / "FLASHDISK" / "laporan-skm-2025-S2.pdf.partial"));
}

}  // namespace
}  // namespace skm::kiosk::ui

namespace skm::kiosk::ui {
namespace {

TEST(StaffUi, ThisSemestersPosterGoesToTheStickAsPdfAndPng) {
    StaffKiosk k(ImVec2(1280, 800));
    k.view().set_report_catalog(&report_words());
    k.tap("tab_export");
    ASSERT_NE(k.ctx().button("export_poster_0"), nullptr) << k.drawn();
    k.tap("export_poster_0");
    const auto stick = k.dir() / "media" / "FLASHDISK";
    // The clock says 2025-12-20: 2025-S2.
    EXPECT_TRUE(fs::exists(stick / "poster-skm-2025-S2.pdf")) << k.drawn();
    EXPECT_TRUE(fs::exists(stick / "poster-skm-2025-S2.png")) << k.drawn();
    EXPECT_FALSE(fs::exists(stick / "poster-skm-2025-S2.pdf.partial"));
    EXPECT_FALSE(fs::exists(stick / "poster-skm-2025-S2.png.partial"));
    EXPECT_TRUE(k.shows("disimpan ke " + (stick / "poster-skm-2025-S2.pdf").string() + " (cetak A4) dan")) << k.drawn();
    EXPECT_TRUE(k.shows("Flashdisk boleh dicabut")) << k.drawn();
}

TEST(StaffUi, WithoutAStickMountedTheExportTabSaysSo) {
    StaffKiosk k(ImVec2(1280, 800));
    std::ofstream(k.dir() / "mounts") << "";  // the stick was pulled out
    k.tap("tab_export");
    EXPECT_EQ(k.ctx().button("export_0"), nullptr);
    EXPECT_TRUE(k.shows("Tidak ada flashdisk")) << k.drawn();
}

// Walked away from: after two minutes (the default) without a touch the
// staff view locks; the next person finds the survey, and the PIN pad again.
TEST(StaffUi, TheStaffViewLocksAfterTwoMinutesWithoutATouch) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.frame(119'000);
    k.frame();
    ASSERT_TRUE(k.gate().open());
    ASSERT_NE(k.ctx().button("tab_dashboard"), nullptr);
    k.tap("tab_saran");  // a touch starts the two minutes again
    k.frame(119'000);
    k.frame();
    ASSERT_TRUE(k.gate().open());
    k.frame(1'000);
    k.frame();
    EXPECT_FALSE(k.gate().open());
    EXPECT_NE(k.ctx().button("start"), nullptr);  // the welcome screen
    EXPECT_EQ(k.ctx().button("tab_dashboard"), nullptr);
    k.hold_corner();
    EXPECT_NE(k.ctx().button("pin_11"), nullptr);  // the PIN again, not the staff view
    EXPECT_EQ(k.ctx().button("tab_dashboard"), nullptr);
    // The PIN pad left alone locks too.
    k.frame(120'000);
    k.frame();
    EXPECT_FALSE(k.gate().open());
}

TEST(StaffUi, TheLockTimeIsASettingReadWhenThePadOpens) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.tap("set_staff_lock");
    k.clear_field();
    k.type("10");
    k.tap("edit_save");
    EXPECT_TRUE(k.shows("harus bilangan bulat antara 30 dan 3600")) << k.drawn();
    k.clear_field();
    k.type("45");
    k.tap("edit_save");
    EXPECT_EQ(k.service().staff_lock_ms(), 45'000);
    EXPECT_EQ(k.db().setting(formats::setting::kStaffLockSeconds.stored), "45");
    k.tap("staff_back");
    k.open_staff();
    k.frame(44'000);
    k.frame();
    ASSERT_TRUE(k.gate().open());
    k.frame(1'000);
    k.frame();
    EXPECT_FALSE(k.gate().open());
}

TEST(StaffUi, KembaliKeSurveiLocksTheStaffView) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_settings");
    k.tap("set_min_n");  // an editor open
    k.tap("edit_cancel");
    k.tap("staff_back");
    EXPECT_FALSE(k.gate().open());
    EXPECT_NE(k.ctx().button("start"), nullptr);
    k.hold_corner();
    EXPECT_NE(k.ctx().button("pin_11"), nullptr);
    EXPECT_EQ(k.ctx().button("tab_dashboard"), nullptr);
    for (char d : std::string("2468")) k.tap("pin_" + std::to_string(d - '1'));
    k.tap("pin_11");
    EXPECT_EQ(k.view().screen_name(), "tab:0");  // opens on the dashboard, not where the last visit left
}

TEST(StaffUi, ClosingTheKioskAsksFirstAndCancelKeepsItRunning) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("tab_status");
    k.tap("staff_exit");
    EXPECT_FALSE(k.gate().exit_requested());
    EXPECT_TRUE(k.shows("Tutup aplikasi kios?")) << k.drawn();
    EXPECT_TRUE(k.shows("warga tidak dapat mengisi survei")) << k.drawn();
    k.tap("exit_cancel");
    EXPECT_FALSE(k.gate().exit_requested());
    EXPECT_TRUE(k.gate().open());
    ASSERT_NE(k.ctx().button("staff_exit"), nullptr);  // back on the Status tab
    k.tap("staff_exit");
    k.tap("exit_confirm");
    EXPECT_TRUE(k.gate().exit_requested());
}

// Every staff screen change by a double tap: the twin tap does nothing on
// the screen that appears (no digit typed into a setting, no editor opened,
// no kiosk closed, no survey started behind the staff view).
TEST(StaffUi, DoubleTapsOnStaffScreensActOnce) {
    StaffKiosk k(ImVec2(1280, 800));
    k.tap("staff_back");
    k.open_staff(true);  // PIN pad → dashboard
    EXPECT_EQ(k.view().screen_name(), "tab:0");
    EXPECT_EQ(k.view().period, DashboardPeriod::month);
    k.double_tap("tab_settings");  // dashboard → settings
    EXPECT_EQ(k.view().screen_name(), "tab:3");
    const std::string under = k.double_tap("set_idle_prompt");  // settings → editor with its keyboard
    EXPECT_EQ(k.view().screen_name().rfind("edit:", 0), 0u);
    EXPECT_EQ(under.rfind("key_", 0), 0u) << "the twin tap should fall on a key, fell on \"" << under << "\"";
    k.tap("edit_save");
    EXPECT_EQ(k.service().number(formats::setting::kIdlePromptSeconds), 60u);  // nothing was typed into "60"
    k.tap("set_min_n");
    k.double_tap("edit_cancel");  // editor → settings
    EXPECT_EQ(k.view().screen_name(), "tab:3");
    k.double_tap("tab_status");
    k.double_tap("staff_exit");  // status → "close the kiosk?"
    EXPECT_EQ(k.view().screen_name(), "confirm_exit");
    EXPECT_FALSE(k.gate().exit_requested());
    k.double_tap("exit_cancel");  // → status
    EXPECT_EQ(k.view().screen_name(), "tab:2");
    EXPECT_FALSE(k.gate().exit_requested());
    k.double_tap("staff_back");  // staff view → welcome
    EXPECT_FALSE(k.gate().open());
    EXPECT_EQ(k.flow().screen(), Screen::welcome);
    EXPECT_FALSE(k.gate().exit_requested());
    EXPECT_EQ(k.db().setting(formats::setting::kIdlePromptSeconds.stored), "60");  // saved once, as shown: no twin digit
}

TEST(StaffUi, TheStatusTabSaysWhenTheClockIsOffAndWhichHubConfigIsApplied) {
    StaffKiosk k(ImVec2(1280, 800));
    sync::SyncStatus status;
    status.last_success = "2025-12-20T09:58:00+07:00";
    status.clock_ahead_s = 4 * 60;  // within tolerance: nothing said
    status.config_version = 3;
    k.service().set_sync_status_source([&] { return status; });
    k.tap("tab_status");
    k.frame();
    EXPECT_FALSE(k.shows("menit lebih")) << k.drawn();
    EXPECT_TRUE(k.shows("Pengaturan dari kabupaten: versi 3")) << k.drawn();
    status.clock_ahead_s = 12 * 60 + 30;
    k.frame();
    EXPECT_TRUE(k.shows("Jam kios ini 12 menit lebih cepat")) << k.drawn();
    status.clock_ahead_s = -(20 * 60);
    k.frame();
    EXPECT_TRUE(k.shows("20 menit lebih lambat")) << k.drawn();
}

}  // namespace
}  // namespace skm::kiosk::ui

namespace skm::kiosk::ui {
namespace {

// Phone-link answers the sync thread downloaded (store::Outbox, its own
// connection) are counted on the dashboard at once, and the summary shows the
// split by channel, counted here from the demo file itself.
TEST(StaffUi, TheSummaryShowsTheSplitByChannelWithTheDownloadedLinkAnswers) {
    StaffKiosk k(ImVec2(1280, 800));
    std::uint64_t kiosk_2025 = 0;
    std::uint64_t all_2025 = 0;
    for (const auto& s : demo_year()) {
        if (s.response.submitted_at.rfind("2025-", 0) != 0) continue;
        ++all_2025;
        kiosk_2025 += s.response.channel == "kiosk";
    }
    ASSERT_GT(kiosk_2025, 0u);
    k.tap("period_4");
    k.frame();
    EXPECT_TRUE(k.shows("Saluran: Kios " + std::to_string(kiosk_2025) + " · Tautan HP 0")) << k.drawn();

    std::vector<store::Submission> links;
    for (int i = 0; i < 8; ++i) {
        store::Submission s;
        s.response.response_id = "link-" + std::to_string(i);
        s.response.submitted_at = "2025-06-1" + std::to_string(i) + "T10:00:00+07:00";
        s.response.layanan = "KTP-el";
        s.response.answers = {4, 4, 4, 3, 4, 4, 4, 4, 3};
        s.response.questionnaire_version = "1";
        s.questionnaire_id = questionnaire().id;
        links.push_back(s);
    }
    store::Outbox outbox(k.db().path(), questionnaire().scheme);
    ASSERT_EQ(outbox.store_downloaded(links).inserted, 8u);
    k.frame();
    EXPECT_TRUE(k.shows("Saluran: Kios " + std::to_string(kiosk_2025) + " · Tautan HP 8")) << k.drawn();
    EXPECT_TRUE(k.shows(std::to_string(all_2025 + 8) + " responden")) << k.drawn();
    // In English too, from the catalog.
    k.flow().set_language("en");
    k.frame();
    EXPECT_TRUE(k.shows("Channels: Kiosk " + std::to_string(kiosk_2025) + " · Phone link 8")) << k.drawn();
}

}  // namespace
}  // namespace skm::kiosk::ui
