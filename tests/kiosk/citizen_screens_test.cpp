// The citizen's screens as a 65-year-old meets them, drawn headless with the
// real fonts, translations and the shipped profile sub-options, in id/en/jv,
// landscape and portrait, with and without "Huruf besar":
// - every text drawn (titles, questions, centred text, button labels, the
//   saran box) is at least type_scale::kNotePx at layout scale 1, fits its
//   room, stays on the screen, covers no button it is not part of, and uses
//   only glyphs the fonts have;
// - every text colour on its fill has WCAG contrast ≥ 7:1;
// - no citizen screen draws text around the recording helpers;
// - the saran keys are ≥ 90 px each way; one progress counts 1..14;
// - a sub-option's tap stores the official code and the detail.
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"

#include "formats/layanan_list.hpp"
#include "formats/profile_options.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/widgets.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

namespace skm::kiosk::ui {
namespace {

const UiTexts& texts() {
    static const auto t = UiTexts::load(kAssets / "i18n");
    return t;
}

const formats::ProfileOptions& shipped_options() {
    static const auto o = formats::load_profile_options(kAssets / "kiosk" / "profile-options.json");
    return o;
}

class Quiet final : public Speaker {
public:
    void say(const std::string&, const std::string&) override {}
    void stop() override {}
};

// A kiosk whose flow knows the office's sub-options.
class CitizenKiosk : public testing::HeadlessUi {
public:
    explicit CitizenKiosk(ImVec2 display)
        : HeadlessUi(display),
          flow_(questionnaire(), formats::load_layanan_list(kAssets / "demo" / "layanan.json"), FlowSettings{},
                store::DeviceIdentity{"citizen-test", &questionnaire()}, clock, ids_, sink, shipped_options()) {
        config_.office = "Kantor Kecamatan Sukamaju";
        config_.region = "Kabupaten Contoh";
        ctx_.reset(new ViewContext{flow_, texts(), speaker_, config_, fonts(), scale(), nullptr});
        attach(*ctx_);
    }
    // Time passes with no touch: the flow's timers run, then a frame.
    void idle(std::int64_t ms) {
        clock.advance_ms(ms);
        flow_.tick();
        frame();
    }
    SurveyFlow& flow() { return flow_; }
    ViewContext& ctx() { return *ctx_; }
    testing::KeepingSink sink;

private:
    testing::Ids ids_;
    Quiet speaker_;
    formats::KioskConfig config_;
    SurveyFlow flow_;
    std::unique_ptr<ViewContext> ctx_;
};

bool overlaps(ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max) {
    return a_min.x < b_max.x && b_min.x < a_max.x && a_min.y < b_max.y && b_min.y < a_max.y;
}

// Every check on this frame's texts; returns how many texts it looked at.
std::size_t check_texts(CitizenKiosk& k, const std::string& where) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float floor = type_scale::kNotePx * k.scale();
    for (const auto& t : k.ctx().text_log) {
        if (t.text.find_first_not_of(' ') == std::string::npos) continue;
        EXPECT_GE(t.size, floor - 0.01f) << where << ": \"" << t.text << "\" drawn at " << t.size << " px";
        EXPECT_EQ(missing_glyphs(t.font, t.text), "") << where << ": \"" << t.text << "\"";
        EXPECT_GE(t.min.x, 0.0f) << where << ": \"" << t.text << "\" starts left of the screen";
        EXPECT_GE(t.min.y, 0.0f) << where << ": \"" << t.text << "\" starts above the screen";
        EXPECT_LE(t.max.x, display.x) << where << ": \"" << t.text << "\" runs off the right edge";
        EXPECT_LE(t.max.y, display.y) << where << ": \"" << t.text << "\" runs off the bottom";
        if (!t.button.empty()) continue;
        for (const auto& b : k.ctx().buttons) {
            EXPECT_FALSE(overlaps(t.min, t.max, b.min, b.max))
                << where << ": \"" << t.text << "\" lies over the button " << b.id << " (" << b.label << ")";
        }
    }
    EXPECT_TRUE(k.ctx().overflows.empty()) << where << ": " << (k.ctx().overflows.empty() ? "" : k.ctx().overflows.front().id + " \"" + k.ctx().overflows.front().label + "\"");
    k.ctx().overflows.clear();
    return k.ctx().text_log.size();
}

// Every citizen screen, sub-options chosen, checked on arrival.
void walk(CitizenKiosk& k, const std::string& lang, bool large, const std::function<void(const std::string&)>& check) {
    k.frame(500);
    k.tap("lang_" + lang);
    if (large) k.tap("large_text");
    ASSERT_EQ(k.flow().large_text(), large);
    check("welcome");
    k.tap("start");
    check("layanan");
    k.tap("layanan_0");
    for (int i = 0; i < 4; ++i) {
        check("profile " + std::to_string(i + 1));
        k.tap("profile_0");
    }
    for (int i = 0; i < 9; ++i) {
        check("unsur " + std::to_string(i + 1));
        k.tap("answer_" + std::to_string(i % 4 + 1));
    }
    check("saran");
    k.type("Bagus");
    check("saran typed");
    k.sink.failing = true;
    k.tap("submit");
    check("store failed");
    k.sink.failing = false;
    k.tap("retry");
    check("thanks");
    k.idle(9'000);
    ASSERT_EQ(k.flow().screen(), Screen::welcome);
    EXPECT_FALSE(k.flow().large_text()) << "Huruf besar must not outlive the survey";
    k.frame(500);  // past the new screen's settle time
    if (large) k.tap("large_text");
    k.tap("start");
    k.idle(61'000);
    ASSERT_EQ(k.flow().screen(), Screen::still_there);
    check("still there");
}

TEST(CitizenScreens, EveryTextIsAtLeast30PxFitsAndCoversNoButton) {
    int screens = 0;
    std::size_t texts_seen = 0;
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280), ImVec2(1920, 1080)}) {
        for (const std::string lang : {"id", "en", "jv"}) {
            for (const bool large : {false, true}) {
                CitizenKiosk k(display);
                walk(k, lang, large, [&](const std::string& where) {
                    ++screens;
                    texts_seen += check_texts(k, lang + " " + std::to_string(static_cast<int>(display.x)) + "x" +
                                                     std::to_string(static_cast<int>(display.y)) +
                                                     (large ? " large " : " ") + where);
                });
                ASSERT_EQ(k.sink.stored.size(), 1u);
                EXPECT_EQ(k.sink.stored[0].response.profile_detail, "pendidikan=tidak_sekolah");
            }
        }
    }
    EXPECT_EQ(screens, 3 * 3 * 2 * 20);
    EXPECT_GT(texts_seen, static_cast<std::size_t>(screens) * 5);  // the log does see the screens' texts
}

// "Huruf besar" really is larger: the question and the answers grow by the factor.
TEST(CitizenScreens, LargeTextEnlargesTheSurveysText) {
    auto sizes_on_first_unsur = [](bool large) {
        CitizenKiosk k(ImVec2(1280, 800));
        k.frame(500);
        if (large) k.tap("large_text");
        k.tap("start");
        k.tap("layanan_0");
        for (int i = 0; i < 4; ++i) k.tap("profile_0");
        std::vector<float> sizes;
        for (const auto& t : k.ctx().text_log) sizes.push_back(t.size);
        return sizes;
    };
    const auto normal = sizes_on_first_unsur(false);
    const auto large = sizes_on_first_unsur(true);
    ASSERT_FALSE(normal.empty());
    const float smallest_normal = *std::min_element(normal.begin(), normal.end());
    const float smallest_large = *std::min_element(large.begin(), large.end());
    EXPECT_FLOAT_EQ(smallest_normal, type_scale::kNotePx);
    EXPECT_FLOAT_EQ(smallest_large, type_scale::kNotePx * type_scale::kLargeFactor);
    EXPECT_FLOAT_EQ(*std::max_element(large.begin(), large.end()), type_scale::kTitlePx * type_scale::kLargeFactor);
}

double channel(unsigned int c8) {
    const double c = c8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 colour) {
    return 0.2126 * channel(colour & 0xFF) + 0.7152 * channel((colour >> 8) & 0xFF) + 0.0722 * channel((colour >> 16) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(CitizenScreens, EveryTextColourHasSevenToOneContrastOnItsFill) {
    // The formula checked on known values: black on white 21:1, white on white 1:1.
    EXPECT_NEAR(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0, 1e-9);
    EXPECT_NEAR(contrast(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)), 1.0, 1e-9);
    EXPECT_NEAR(contrast(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)), 4.54, 0.01);
    for (const auto& pair : palette::kCitizenPairs) {
        EXPECT_GE(contrast(pair.text, pair.fill), 7.0) << std::hex << pair.text << " on " << pair.fill;
    }
}

// The recording helpers see every text only if no citizen screen goes around them.
TEST(CitizenScreens, NoCitizenScreenDrawsTextAroundTheHelpers) {
    for (const char* file : {"welcome_screen.cpp", "layanan_screen.cpp", "profile_screen.cpp", "unsur_screen.cpp",
                             "saran_screen.cpp", "thanks_screen.cpp", "still_there_screen.cpp", "store_failed_screen.cpp",
                             "common_parts.cpp", "keyboard.cpp"}) {
        std::ifstream in(std::filesystem::path(SKM_SOURCE_DIR) / "kiosk" / "ui" / file);
        ASSERT_TRUE(in) << file;
        std::stringstream source;
        source << in.rdbuf();
        for (const char* direct : {"AddText(", "ImGui::Text", "TextWrapped", "TextUnformatted", "fonts.small"}) {
            EXPECT_EQ(source.str().find(direct), std::string::npos) << file << " uses " << direct;
        }
    }
}

TEST(CitizenScreens, SaranKeysAreAtLeast90PxEachWayInBothOrientations) {
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280)}) {
        for (const bool large : {false, true}) {
            CitizenKiosk k(display);
            k.frame(500);
            if (large) k.tap("large_text");
            k.tap("start");
            k.tap("layanan_0");
            for (int i = 0; i < 4; ++i) k.tap("profile_0");
            for (int i = 0; i < 9; ++i) k.tap("answer_3");
            ASSERT_EQ(k.flow().screen(), Screen::saran);
            int keys = 0;
            float lowest = 0;
            for (const auto& b : k.ctx().buttons) {
                if (b.id.rfind("key_", 0) != 0) continue;
                ++keys;
                // A key's touch area reaches half a gap (4 px at scale 1) past the key drawn on each side.
                const float gap = 8 * k.scale();
                EXPECT_GE(b.max.x - b.min.x - gap, 90.0f) << display.x << " " << b.id;
                EXPECT_GE(b.max.y - b.min.y - gap, 90.0f) << display.x << " " << b.id;
                lowest = std::max(lowest, b.max.y);
            }
            EXPECT_EQ(keys, 43) << display.x;  // 40 characters, capitals, space, delete
            // The keyboard uses the screen: its last row ends near the bottom (portrait: above Kembali/Lewati).
            const float bottom = display.y - 32 - (display.x < display.y ? 104 + 16 : 0);
            EXPECT_GE(lowest, bottom - 8) << display.x;
            // Typing still types.
            k.type("Ok 1");
            EXPECT_EQ(k.flow().answers().saran, "Ok 1");
        }
    }
}

TEST(CitizenScreens, OneProgressLineReplacesTheTwoCounters) {
    CitizenKiosk k(ImVec2(1280, 800));
    k.frame(500);
    k.tap("start");
    k.tap("layanan_0");
    k.tap("profile_0");
    k.tap("profile_0");
    auto drawn = [&](const std::string& text) {
        for (const auto& t : k.ctx().text_log) {
            if (t.text == text) return true;
        }
        return false;
    };
    EXPECT_TRUE(drawn("Langkah 3 dari 14"));
    for (int i = 0; i < 2; ++i) k.tap("profile_0");
    EXPECT_TRUE(drawn("Langkah 5 dari 14"));
    for (const auto& t : k.ctx().text_log) {
        EXPECT_EQ(t.text.find("Pertanyaan"), std::string::npos) << t.text;
        EXPECT_EQ(t.text.find("/4"), std::string::npos) << t.text;
    }
}

// The pekerjaan screen shows each sub-option as its own button just before
// its official code; one tap stores both.
TEST(CitizenScreens, OneTapOnASubOptionStoresTheCodeAndTheDetail) {
    CitizenKiosk k(ImVec2(800, 1280));
    k.frame(500);
    k.tap("start");
    k.tap("layanan_0");
    k.tap("profile_1");  // Perempuan
    k.tap("profile_5");  // 60 ke atas
    k.tap("profile_3");  // SMA (after Tidak sekolah, SD, SMP)
    std::vector<std::string> labels;
    for (const auto& b : k.ctx().buttons) {
        if (b.id.rfind("profile_", 0) == 0) labels.push_back(b.label);
    }
    const std::vector<std::string> expected = {"PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Petani / Nelayan",
                                               "Pelajar / Mahasiswa", "Ibu rumah tangga", "Pensiunan",
                                               "Belum / tidak bekerja", "Lainnya", "Tidak menjawab"};
    EXPECT_EQ(labels, expected);
    k.tap("profile_5");  // Petani / Nelayan
    ASSERT_EQ(k.flow().screen(), Screen::unsur);
    k.tap("back");
    EXPECT_EQ(k.ctx().button("profile_5")->label, "Petani / Nelayan");
    k.tap("profile_5");
    for (int i = 0; i < 9; ++i) k.tap("answer_4");
    k.tap("submit");
    ASSERT_EQ(k.sink.stored.size(), 1u);
    const auto& r = k.sink.stored[0].response;
    EXPECT_EQ(r.jenis_kelamin, "P");
    EXPECT_EQ(r.umur, "60+");
    EXPECT_EQ(r.pendidikan, "SMA");
    EXPECT_EQ(r.pekerjaan, "Lainnya");
    EXPECT_EQ(r.profile_detail, "pekerjaan=petani_nelayan");
}

// The recording sees what the helpers draw on any screen (staff and setup
// use them too): a word wider than its room and a character the font lacks
// are both reported, so a screenshot run and every screen test count them.
TEST(CitizenScreens, TheHelpersReportAWordTooWideAndAMissingGlyph) {
    CitizenKiosk k(ImVec2(1280, 800));
    testing::begin_frame(k.clock, k.queue, 16);
    draw_full_screen(k.ctx(), [&](float, float) {
        centered_text(k.ctx().fonts.body, "Kependudukan", 0, 0, 100, palette::kText);  // one word, ~200 px
        centered_text(k.ctx().fonts.body, "Selesai \xE2\x9C\x93", 0, 100, 600, palette::kText);  // U+2713 check mark
        centered_text(k.ctx().fonts.note, "Terima kasih", 0, 200, 600, palette::kText);
    });
    ImGui::Render();
    ASSERT_EQ(k.ctx().overflows.size(), 2u);
    EXPECT_EQ(k.ctx().overflows[0].id, "text");
    EXPECT_EQ(k.ctx().overflows[0].label, "Kependudukan");
    EXPECT_GT(k.ctx().overflows[0].needed, 100.0f);
    EXPECT_EQ(k.ctx().overflows[1].id, "missing_glyph");
    ASSERT_EQ(k.ctx().text_log.size(), 3u);
    EXPECT_FLOAT_EQ(k.ctx().text_log[2].size, type_scale::kNotePx);

    // The next frame draws the same: nothing new is recorded (the kiosk draws for years).
    testing::begin_frame(k.clock, k.queue, 16);
    draw_full_screen(k.ctx(), [&](float, float) {
        centered_text(k.ctx().fonts.body, "Kependudukan", 0, 0, 100, palette::kText);
        centered_text(k.ctx().fonts.body, "Selesai \xE2\x9C\x93", 0, 100, 600, palette::kText);
    });
    ImGui::Render();
    EXPECT_EQ(k.ctx().overflows.size(), 2u);
}

}  // namespace
}  // namespace skm::kiosk::ui
