// The kiosk's views without a window: an ImGui context, the real fonts and
// translations, and simulated touches through the same TouchQueue the
// platform feeds. Every screen in every language and orientation renders with
// no label wider than its button; taps move through the flow; a tap that
// falls between two frames answers exactly once; a double tap never answers
// twice or skips a question, on every screen change the flow can make (the
// last face's twin tap types nothing on the saran keyboard); the staff
// corner, PIN pad, lockout and the exit confirmation work; a broken
// configuration is shown on the screen with its line and column.
#include "headless_ui.hpp"
#include "kiosk_assets.hpp"
#include "formats/layanan_list.hpp"
#include "kiosk/core/staff_lock.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/startup_error_screen.hpp"
#include "kiosk/ui/touch_queue.hpp"
#include "kiosk/ui/widgets.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>

namespace skm::kiosk::ui {
namespace {

const std::filesystem::path kFonts = "/usr/share/fonts/truetype/noto";

const UiTexts& texts() {
    static const auto t = UiTexts::load(kAssets / "i18n");
    return t;
}

using FakeSink = testing::KeepingSink;

class RecordingSpeaker final : public Speaker {
public:
    void say(const std::string& text, const std::string& language) override { said.emplace_back(language, text); }
    void stop() override {}
    std::vector<std::pair<std::string, std::string>> said;
};

class CountingIds final : public store::IdSource {
public:
    std::string next_id() override { return "id-" + std::to_string(++n); }
    int n = 0;
};

// One kiosk on a virtual display of the given size.
class Headless {
public:
    explicit Headless(ImVec2 display, std::vector<std::string> layanan = formats::load_layanan_list(kAssets / "demo" / "layanan.json"))
        : flow_(questionnaire(), std::move(layanan), FlowSettings{}, store::DeviceIdentity{"ui-test", &questionnaire()},
                clock, ids_, sink),
          lock_(StaffLock::hash_pin("2468"), clock),
          gate_(lock_, clock) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        const float scale = layout_scale(display);
        config_.office = "Kantor Kecamatan Sukamaju";
        config_.region = "Kabupaten Contoh";
        ctx_.reset(new ViewContext{flow_, texts(), speaker, config_, load_fonts(io, kFonts, scale), scale, &gate_});
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(scale);
    }
    ~Headless() { ImGui::DestroyContext(context_); }

    void frame(std::int64_t ms = 16) {
        testing::begin_frame(clock, queue, ms);
        flow_.tick();
        draw_kiosk(*ctx_);
        ImGui::Render();
    }
    // Renders until every queued touch was applied, then two more frames
    // (ImGui fires a click on the frame after the release).
    void settle() {
        while (queue.pending()) frame();
        frame();
        frame();
    }
    // A finger resting in the top-left corner for `frames` frames, then lifted.
    void press_corner(int frames) {
        queue.push({20, 20, true});
        for (int i = 0; i < frames; ++i) frame();
        queue.push({20, 20, false});
        settle();
    }
    const ButtonRecord& button(const std::string& id) {
        const ButtonRecord* b = ctx_->button(id);
        if (!b) throw std::runtime_error("no button " + id + " on this screen");
        return *b;
    }
    void press_release(const std::string& id) {
        const ImVec2 c = button(id).center();
        queue.push({c.x, c.y, true});
        queue.push({c.x, c.y, false});
    }
    // A citizen's tap, then time to read the next screen.
    void tap(const std::string& id) {
        press_release(id);
        settle();
        frame(500);
    }
    // Two taps on the spot of `id`, the second `gap_ms` after the first (an
    // impatient finger): the first on `id`, the second on whatever the next
    // screen shows there. Returns that: the button under the second tap.
    std::string double_tap(const std::string& id, std::int64_t gap_ms = 120) {
        const ImVec2 c = button(id).center();
        queue.push({c.x, c.y, true});
        queue.push({c.x, c.y, false});
        std::int64_t elapsed = 0;
        for (; queue.pending() || elapsed < gap_ms; elapsed += 16) frame();
        const std::string under = button_at(c);
        queue.push({c.x, c.y, true});
        queue.push({c.x, c.y, false});
        settle();
        frame(500);
        return under;
    }
    std::string button_at(ImVec2 p) const {
        for (const auto& b : ctx_->buttons) {
            if (p.x >= b.min.x && p.x < b.max.x && p.y >= b.min.y && p.y < b.max.y) return b.id;
        }
        return "";
    }

    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420}};
    FakeSink sink;
    RecordingSpeaker speaker;
    TouchQueue queue;
    SurveyFlow& flow() { return flow_; }
    ViewContext& ctx() { return *ctx_; }
    StaffGate& gate() { return gate_; }

private:
    CountingIds ids_;
    SurveyFlow flow_;
    StaffLock lock_;
    StaffGate gate_;
    formats::KioskConfig config_;
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<ViewContext> ctx_;
};

std::string describe(const std::vector<Overflow>& overflows) {
    std::string out;
    for (const auto& o : overflows) out += o.id + " \"" + o.label + "\" needs " + std::to_string(o.needed) + " > " + std::to_string(o.available) + "\n";
    return out;
}

// Walks every screen through taps, checking each one as it goes.
void walk_every_screen(Headless& k, const std::string& lang, const std::function<void(const std::string&)>& check) {
    k.frame(500);
    k.tap("lang_" + lang);
    check("welcome");
    k.tap("start");
    check("layanan");
    k.tap("layanan_0");
    for (int i = 0; i < 4; ++i) {
        check("profile " + std::to_string(i));
        k.tap("profile_0");
    }
    for (int i = 0; i < 9; ++i) {
        check("unsur " + std::to_string(i));
        k.tap("answer_" + std::to_string(i % 4 + 1));
    }
    check("saran");
    k.tap("key_b");
    k.tap("key_a");
    k.tap("key_i");
    k.tap("key_k");
    k.tap("submit");
    check("thanks");
    k.frame(8'000);
    k.frame(500);
    // The idle prompt, reached by waiting mid-survey.
    k.tap("start");
    k.frame(61'000);
    k.frame();
    check("still_there");
    k.tap("still_here");
    k.frame(61'000);
    k.frame(21'000);
    k.frame();
    ASSERT_EQ(k.flow().screen(), Screen::welcome);
}

TEST(KioskUi, EveryScreenInEveryLanguageAndOrientationFits) {
    int screens = 0;
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280), ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        for (const std::string lang : {"id", "en", "jv"}) {
            Headless k(display);
            walk_every_screen(k, lang, [&](const std::string& where) {
                ++screens;
                EXPECT_TRUE(k.ctx().overflows.empty())
                    << lang << " " << display.x << "x" << display.y << " " << where << ":\n" << describe(k.ctx().overflows);
                k.ctx().overflows.clear();
                // Touch targets: at least ~15 mm, i.e. 80 px at the 800-px layout unit.
                for (const auto& b : k.ctx().buttons) {
                    EXPECT_EQ(missing_glyphs(k.ctx().fonts.body, b.label), "") << where << " " << b.id;
                    EXPECT_GE(b.max.y - b.min.y, 64 * k.ctx().scale) << where << " " << b.id;
                    EXPECT_GE(b.max.x - b.min.x, 64 * k.ctx().scale) << where << " " << b.id;
                    EXPECT_LE(b.max.x, display.x) << where << " " << b.id << " off screen";
                    EXPECT_LE(b.max.y, display.y) << where << " " << b.id << " off screen";
                }
            });
            ASSERT_EQ(k.sink.stored.size(), 1u) << lang;
            EXPECT_EQ(k.sink.stored[0].response.saran, "baik");
        }
    }
    EXPECT_EQ(screens, 4 * 3 * 18);
}

TEST(KioskUi, EveryKioskTextExistsInEveryLanguage) {
    const auto id = formats::load_text_map(kAssets / "i18n" / "id.json");
    int checked = 0;
    for (const auto& [key, text] : id) {
        if (key.rfind("kiosk.", 0) != 0 || text.empty()) continue;
        for (const std::string lang : {"en", "jv"}) {
            EXPECT_TRUE(texts().has(lang, key)) << lang << " lacks " << key;
        }
        ++checked;
    }
    EXPECT_GT(checked, 50);
    for (const auto& unsur : questionnaire().unsur) {
        for (const std::string lang : {"id", "en", "jv"}) {
            EXPECT_FALSE(unsur.question.at(lang).empty());
            EXPECT_EQ(unsur.answers.at(lang).size(), 4u);
        }
    }
}

// The citizen these tests play: Kartu Keluarga, Perempuan, 60+, SMA, no
// pekerjaan given, no saran.
void expect_citizen_stored(const formats::Response& r, const std::vector<std::uint8_t>& answers) {
    EXPECT_EQ(r.layanan, "Kartu Keluarga");
    EXPECT_EQ(r.jenis_kelamin, "P");
    EXPECT_EQ(r.umur, "60+");
    EXPECT_EQ(r.pendidikan, "SMA");
    EXPECT_EQ(r.pekerjaan, "");
    EXPECT_EQ(r.answers, answers);
    EXPECT_EQ(r.saran, "");
}

TEST(KioskUi, TapsCompleteASurveyWithTheRightAnswers) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    k.tap("start");
    k.tap("layanan_1");
    k.tap("profile_1");  // Perempuan
    k.tap("profile_5");  // 60+
    k.tap("profile_2");  // SMA
    k.tap("profile_6");  // Tidak menjawab
    const std::vector<std::uint8_t> answers = {4, 3, 3, 2, 4, 4, 3, 1, 2};
    for (auto a : answers) k.tap("answer_" + std::to_string(a));
    k.tap("submit");  // "Lewati": no saran
    ASSERT_EQ(k.flow().screen(), Screen::thanks);
    ASSERT_EQ(k.sink.stored.size(), 1u);
    expect_citizen_stored(k.sink.stored[0].response, answers);
}

TEST(KioskUi, APressAndReleaseBetweenTwoFramesAnswersExactlyOnce) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    k.tap("start");
    k.tap("layanan_0");
    for (int i = 0; i < 4; ++i) k.tap("profile_0");
    ASSERT_EQ(k.flow().screen(), Screen::unsur);
    // Both events arrive before the next frame.
    k.press_release("answer_3");
    k.settle();
    EXPECT_EQ(k.flow().unsur_index(), 1u);
    EXPECT_EQ(k.flow().answers().answers[0], 3);
    // Nothing more happens on later frames.
    for (int i = 0; i < 10; ++i) k.frame();
    EXPECT_EQ(k.flow().unsur_index(), 1u);
    EXPECT_EQ(k.flow().answers().answers[1], 0);
}

TEST(KioskUi, AQuickDoubleTapNeverAnswersTwiceOrSkipsAQuestion) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    k.tap("start");
    k.tap("layanan_0");
    for (int i = 0; i < 4; ++i) k.tap("profile_0");
    // Two taps on the same spot inside a few frames (a shaky finger).
    k.press_release("answer_4");
    k.press_release("answer_4");
    k.settle();
    EXPECT_EQ(k.flow().unsur_index(), 1u);
    EXPECT_EQ(k.flow().answers().answers[0], 4);
    EXPECT_EQ(k.flow().answers().answers[1], 0);
    // Two quick taps on different answers: the first counts, the second is
    // inside the double-tap guard of the new question.
    k.frame(500);
    k.press_release("answer_1");
    k.press_release("answer_2");
    k.settle();
    EXPECT_EQ(k.flow().unsur_index(), 2u);
    EXPECT_EQ(k.flow().answers().answers[1], 1);
    EXPECT_EQ(k.flow().answers().answers[2], 0);
}

// Every screen change the citizen's flow can make, each by a double tap (120 ms
// apart, as a hurried finger does): the second tap lands on the next screen
// and must do nothing there; the stored row holds exactly the first taps.
void double_tap_a_whole_survey(ImVec2 display, std::uint8_t last_face) {
    SCOPED_TRACE(std::to_string(display.x) + "x" + std::to_string(display.y) + " last face " + std::to_string(last_face));
    Headless k(display);
    k.frame(500);
    const ImVec2 start_at = k.button("start").center();
    k.double_tap("start");  // welcome → layanan
    ASSERT_EQ(k.flow().screen(), Screen::layanan);
    k.double_tap("back");  // layanan → welcome (the twin tap falls where the languages are)
    ASSERT_EQ(k.flow().screen(), Screen::welcome);
    EXPECT_EQ(k.flow().language(), "id");
    k.double_tap("start");
    k.double_tap("layanan_1");  // layanan → profile
    ASSERT_EQ(k.flow().screen(), Screen::profile);
    ASSERT_EQ(k.flow().profile_step(), 0u);
    EXPECT_EQ(k.flow().answers().jenis_kelamin, "");
    k.double_tap("back");  // profile → layanan
    ASSERT_EQ(k.flow().screen(), Screen::layanan);
    k.double_tap("layanan_1");
    k.double_tap("profile_1");  // profile → profile: Perempuan
    ASSERT_EQ(k.flow().profile_step(), 1u);
    EXPECT_EQ(k.flow().answers().umur, "");
    k.double_tap("back");  // profile → profile, backwards
    ASSERT_EQ(k.flow().profile_step(), 0u);
    k.double_tap("profile_1");
    k.double_tap("profile_5");  // 60+
    ASSERT_EQ(k.flow().profile_step(), 2u);
    k.double_tap("profile_2");  // SMA
    ASSERT_EQ(k.flow().profile_step(), 3u);
    k.double_tap("profile_6");  // profile → unsur: Tidak menjawab
    ASSERT_EQ(k.flow().screen(), Screen::unsur);
    ASSERT_EQ(k.flow().unsur_index(), 0u);
    EXPECT_EQ(k.flow().answers().answers[0], 0);
    k.double_tap("back");  // unsur → profile
    ASSERT_EQ(k.flow().screen(), Screen::profile);
    ASSERT_EQ(k.flow().profile_step(), 3u);
    k.double_tap("profile_6");
    std::vector<std::uint8_t> answers = {4, 3, 3, 2, 4, 4, 3, 1, 2};
    answers.back() = last_face;
    for (std::size_t i = 0; i + 1 < answers.size(); ++i) {
        k.double_tap("answer_" + std::to_string(answers[i]));  // unsur → unsur
        ASSERT_EQ(k.flow().screen(), Screen::unsur);
        ASSERT_EQ(k.flow().unsur_index(), i + 1);
        EXPECT_EQ(k.flow().answers().answers[i + 1], 0);
        if (i == 3) {
            k.double_tap("back");  // unsur → unsur, backwards
            ASSERT_EQ(k.flow().unsur_index(), 3u);
            EXPECT_EQ(k.flow().answers().answers[3], answers[3]);  // the earlier answer stays shown, unchanged
            k.double_tap("answer_" + std::to_string(answers[3]));
            ASSERT_EQ(k.flow().unsur_index(), 4u);
        }
    }
    // The last face → the saran screen, whose keyboard lies under the finger.
    const std::string under = k.double_tap("answer_" + std::to_string(last_face));
    ASSERT_EQ(k.flow().screen(), Screen::saran);
    EXPECT_EQ(under.rfind("key_", 0), 0u) << "the second tap should fall on a key, fell on \"" << under << "\"";
    EXPECT_EQ(k.flow().answers().saran, "");
    EXPECT_EQ(k.button("submit").label, texts().text("id", "kiosk.saran.skip"));  // still "Lewati", not "Kirim"
    EXPECT_FALSE(k.ctx().keyboard_shift);
    k.double_tap("back");  // saran → unsur
    ASSERT_EQ(k.flow().screen(), Screen::unsur);
    ASSERT_EQ(k.flow().unsur_index(), 8u);
    k.double_tap("answer_" + std::to_string(last_face));
    ASSERT_EQ(k.flow().screen(), Screen::saran);
    // Saran → store_failed (the disk is full) → retry → thanks.
    k.sink.failing = true;
    k.double_tap("submit");
    ASSERT_EQ(k.flow().screen(), Screen::store_failed);
    k.sink.failing = false;
    k.double_tap("retry");
    ASSERT_EQ(k.flow().screen(), Screen::thanks);
    ASSERT_EQ(k.sink.stored.size(), 1u);
    expect_citizen_stored(k.sink.stored[0].response, answers);
    // Thanks → welcome by its countdown while a finger rests where "Mulai" appears:
    // that press began before the welcome screen, so its release starts nothing.
    k.queue.push({start_at.x, start_at.y, true});
    k.frame(8'000);
    k.frame();
    ASSERT_EQ(k.flow().screen(), Screen::welcome);
    k.frame(1'000);  // held past the settle time
    ASSERT_EQ(k.button_at(start_at), "start");
    k.queue.push({start_at.x, start_at.y, false});
    k.settle();
    k.frame(500);
    EXPECT_EQ(k.flow().screen(), Screen::welcome);
    // Still there? → back to the question: the "Lanjutkan" tap's twin answers nothing.
    k.double_tap("start");
    k.double_tap("layanan_0");
    for (int i = 0; i < 4; ++i) k.double_tap("profile_0");
    ASSERT_EQ(k.flow().screen(), Screen::unsur);
    k.frame(61'000);
    k.frame();
    ASSERT_EQ(k.flow().screen(), Screen::still_there);
    k.frame(2'000);  // the citizen looks up and reads it
    k.double_tap("still_here");
    ASSERT_EQ(k.flow().screen(), Screen::unsur);
    EXPECT_EQ(k.flow().unsur_index(), 0u);
    EXPECT_EQ(k.flow().answers().answers[0], 0);
    EXPECT_EQ(k.sink.stored.size(), 1u);
}

TEST(KioskUi, DoubleTapsOnEveryScreenChangeAnswerOnlyOnce) {
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280)}) double_tap_a_whole_survey(display, 2);
}

TEST(KioskUi, ADoubleTapOnAnyLastFaceTypesNoSaran) {
    for (std::uint8_t face = 1; face <= 4; ++face) double_tap_a_whole_survey(ImVec2(1280, 800), face);
}

// The same taps 300 ms apart are two deliberate taps: the settle time (250 ms)
// ends before the second, which counts on the new screen.
TEST(KioskUi, TwoTapsPastTheSettleTimeBothCount) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    k.tap("start");
    k.tap("layanan_0");
    for (int i = 0; i < 4; ++i) k.tap("profile_0");
    k.double_tap("answer_3", 300);
    EXPECT_EQ(k.flow().unsur_index(), 2u);
    EXPECT_EQ(k.flow().answers().answers[0], 3);
    EXPECT_EQ(k.flow().answers().answers[1], 3);
}

// The PIN pad and the minimal staff menu: the hold that opened the pad, a
// double tap on OK, and closing the kiosk only after "Ya, tutup".
TEST(KioskUi, StaffGateScreensTakeOneTapEachAndClosingAsksFirst) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    k.press_corner(200);
    ASSERT_TRUE(k.gate().open());
    k.frame(500);
    for (const char* key : {"pin_1", "pin_3", "pin_5", "pin_7"}) k.tap(key);  // 2468
    k.double_tap("pin_11");
    ASSERT_NE(k.ctx().button("staff_exit"), nullptr);
    k.double_tap("staff_exit");
    EXPECT_FALSE(k.gate().exit_requested());
    ASSERT_NE(k.ctx().button("exit_confirm"), nullptr);
    k.double_tap("exit_cancel");
    EXPECT_FALSE(k.gate().exit_requested());
    ASSERT_NE(k.ctx().button("staff_exit"), nullptr);
    k.tap("staff_exit");
    k.double_tap("exit_confirm");
    EXPECT_TRUE(k.gate().exit_requested());
}

// A broken configuration file: the kiosk's window shows the same message as
// stderr (file, line, column, the fix) in the staff language, not black.
TEST(KioskUi, AConfigErrorIsShownOnTheScreenWithLineAndColumn) {
    Problem problem;
    try {
        formats::parse_kiosk_config("{\n  \"office\": \"Kantor Kecamatan Sukamaju\"\n  \"region\": \"Kabupaten Contoh\"\n}\n",
                                    "/etc/skm/kiosk.json", kAssets);
        FAIL() << "a missing comma was accepted";
    } catch (const Error& e) {
        problem = e.problem();
    }
    const StartupError error{texts().text("id", "kiosk.config_error.title"), texts().format("id", problem.key, problem.args),
                             texts().text("id", "kiosk.config_error.help")};
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280)}) {
        ImGuiContext* context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        const float scale = layout_scale(display);
        const Fonts fonts = load_fonts(io, kFonts, scale);
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(scale);
        ImGui::NewFrame();
        const auto drawn = draw_startup_error(error, fonts, scale);
        ImGui::Render();
        ASSERT_EQ(drawn.size(), 3u);
        EXPECT_EQ(drawn[0], "Konfigurasi kios perlu diperbaiki");
        EXPECT_EQ(drawn[1],
                  "berkas konfigurasi /etc/skm/kiosk.json, baris 3, kolom 3: tanda koma kurang sebelum ini. "
                  "Perbaiki: tambahkan koma (,) di akhir isian sebelumnya.");
        EXPECT_NE(drawn[2].find("mulai lagi dengan sendirinya"), std::string::npos);
        // Every line of it fits the screen and uses glyphs the fonts have.
        for (const auto& text : drawn) {
            EXPECT_EQ(missing_glyphs(fonts.body, text), "") << text;
            for (const auto& line : wrap_lines(fonts.body, text, display.x - 96 * scale)) {
                EXPECT_LE(fonts.body->CalcTextSizeA(fonts.body->FontSize, 1e9f, 0, line.c_str()).x, display.x - 96 * scale) << line;
            }
        }
        // Each drawn glyph is a quad: at least four vertices per visible character of the message.
        const auto visible = std::count_if(drawn[1].begin(), drawn[1].end(), [](char c) { return c != ' '; });
        EXPECT_GE(ImGui::GetDrawData()->TotalVtxCount, 4 * visible) << "the message was drawn";
        ImGui::DestroyContext(context);
    }
}

TEST(KioskUi, ReadAloudSpeaksTheQuestionAndAnswersInTheChosenLanguage) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    k.tap("lang_jv");
    k.tap("start");
    k.tap("layanan_0");
    for (int i = 0; i < 4; ++i) k.tap("profile_0");
    k.tap("read_aloud");
    ASSERT_EQ(k.speaker.said.size(), 1u);
    EXPECT_EQ(k.speaker.said[0].first, "jv");
    EXPECT_NE(k.speaker.said[0].second.find(questionnaire().unsur[0].question.at("jv")), std::string::npos);
    EXPECT_NE(k.speaker.said[0].second.find(questionnaire().unsur[0].answers.at("jv")[3]), std::string::npos);
    EXPECT_EQ(k.flow().unsur_index(), 0u);  // reading aloud answers nothing
}

TEST(KioskUi, StaffCornerPinPadAndLockout) {
    Headless k(ImVec2(1280, 800));
    k.frame(500);
    // A short press in the corner does nothing.
    k.press_corner(60);
    EXPECT_FALSE(k.gate().open());
    // Held for three seconds: the PIN pad.
    k.press_corner(200);
    ASSERT_TRUE(k.gate().open());
    k.frame(500);  // the pad's settle time
    EXPECT_EQ(k.ctx().button("start"), nullptr);  // the survey is covered
    auto enter = [&](const std::string& digits) {
        for (char d : digits) k.tap("pin_" + std::to_string(d == '0' ? 10 : d - '1'));
        k.tap("pin_11");
    };
    for (int i = 0; i < 3; ++i) enter("1111");  // three slips: no wait
    EXPECT_EQ(k.gate().screen_name(), "pin");
    enter("1111");  // the fourth: the pad waits 5 s (StaffLock::wait_after)
    enter("2468");  // right PIN, but typed while the pad waits
    EXPECT_EQ(k.ctx().button("staff_exit"), nullptr);
    k.frame(5'000);
    k.frame();
    enter("2468");
    ASSERT_NE(k.ctx().button("staff_exit"), nullptr);
    k.tap("staff_exit");
    EXPECT_FALSE(k.gate().exit_requested());  // asked first
    k.tap("exit_confirm");
    EXPECT_TRUE(k.gate().exit_requested());
}

}  // namespace
}  // namespace skm::kiosk::ui
