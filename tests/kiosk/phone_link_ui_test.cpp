// "Isi lewat HP" on the screens, headless: the button on the welcome screen
// only while links can be made; a tap shows the code with its countdown and
// "Selesai", a second tap a new link; the code leaves the screen after a
// minute; every text fits, on screen, at least the citizen's smallest size,
// none under a button it is not part of, in every language, orientation and
// with "Huruf besar".
#include "formats/layanan_list.hpp"
#include "headless_ui.hpp"
#include "kiosk/core/phone_link.hpp"
#include "kiosk/core/screen_tour.hpp"
#include "kiosk/core/speaker.hpp"
#include "kiosk/ui/ui_texts.hpp"
#include "kiosk_assets.hpp"

#include <gtest/gtest.h>

namespace skm::kiosk::ui {
namespace {

const UiTexts& texts() {
    static const auto t = UiTexts::load(kAssets / "i18n");
    return t;
}

class PhoneKiosk {
public:
    explicit PhoneKiosk(ImVec2 display)
        : ui_(display),
          flow_(questionnaire(), formats::load_layanan_list(kAssets / "demo" / "layanan.json"), FlowSettings{},
                store::DeviceIdentity{"phone-ui", &questionnaire()}, ui_.clock, ids_, sink_),
          link_(tour_link_maker(), ui_.clock),
          ctx_{flow_, texts(), speaker_, config_, ui_.fonts(), ui_.scale(), nullptr},
          display_(display) {
        config_.office = "Kantor Kecamatan Sukamaju";
        config_.region = "Kabupaten Contoh";
        ctx_.phone_link = &link_;
        ui_.attach(ctx_);
        ui_.frame(500);
    }
    void frame(std::int64_t ms = 16) {
        link_.tick();
        ui_.frame(ms);
    }
    testing::HeadlessUi& ui() { return ui_; }
    SurveyFlow& flow() { return flow_; }
    PhoneLink& link() { return link_; }
    ViewContext& ctx() { return ctx_; }

    // Every text of this frame: on screen, at least the note size, not under a button it is not part of.
    void expect_texts_fit(const std::string& where) {
        EXPECT_TRUE(ctx_.overflows.empty()) << where << ": " << (ctx_.overflows.empty() ? "" : ctx_.overflows[0].label);
        ctx_.overflows.clear();
        for (const auto& t : ctx_.text_log) {
            EXPECT_GE(t.size + 0.01f, type_scale::kNotePx * ui_.scale()) << where << ": \"" << t.text << "\"";
            EXPECT_GE(t.min.x, 0) << where << ": " << t.text;
            EXPECT_LE(t.max.x, display_.x) << where << ": " << t.text;
            EXPECT_LE(t.max.y, display_.y) << where << ": " << t.text;
            for (const auto& b : ctx_.buttons) {
                if (b.id == t.button) continue;
                const bool apart = t.max.x <= b.min.x || t.min.x >= b.max.x || t.max.y <= b.min.y || t.min.y >= b.max.y;
                EXPECT_TRUE(apart) << where << ": \"" << t.text << "\" under button " << b.id;
            }
        }
        for (const auto& b : ctx_.buttons) {
            EXPECT_LE(b.max.x, display_.x) << where << " " << b.id;
            EXPECT_LE(b.max.y, display_.y) << where << " " << b.id;
            EXPECT_GE(b.max.y - b.min.y, 64 * ui_.scale()) << where << " " << b.id;
            for (const auto& other : ctx_.buttons) {
                if (&other == &b) continue;
                const bool apart = b.max.x <= other.min.x || b.min.x >= other.max.x || b.max.y <= other.min.y || b.min.y >= other.max.y;
                EXPECT_TRUE(apart) << where << ": " << b.id << " overlaps " << other.id;
            }
        }
    }

private:
    testing::HeadlessUi ui_;
    testing::NoSink sink_;
    testing::Ids ids_;
    SurveyFlow flow_;
    PhoneLink link_;
    SilentSpeaker speaker_;
    formats::KioskConfig config_;
    ViewContext ctx_;
    ImVec2 display_;
};

TEST(PhoneLinkUi, ATapShowsAFreshCodeUntilSelesaiInEveryLanguageAndOrientation) {
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280), ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        for (const std::string lang : {"id", "en", "jv"}) {
            for (const bool large : {false, true}) {
                const std::string where = lang + " " + std::to_string(static_cast<int>(display.x)) + "x" +
                                          std::to_string(static_cast<int>(display.y)) + (large ? " large" : "");
                PhoneKiosk k(display);
                k.flow().set_language(lang);
                if (large) k.flow().toggle_large_text();
                k.frame(500);
                ASSERT_TRUE(k.ui().has_button("phone_link")) << where;
                EXPECT_EQ(k.ctx().button("phone_link")->label, texts().text(lang, "kiosk.welcome.phone"));
                k.expect_texts_fit(where + " welcome");

                k.ui().tap("phone_link");
                ASSERT_TRUE(k.link().showing()) << where;
                const std::string first = k.link().url();
                EXPECT_FALSE(k.ui().has_button("start")) << where << ": the code covers the welcome screen";
                ASSERT_TRUE(k.ui().has_button("phone_link_close")) << where;
                EXPECT_TRUE(k.ui().shows(texts().format(lang, "kiosk.phone_link.countdown", {{"seconds", "60"}}))) << where << k.ui().drawn();
                EXPECT_TRUE(k.ui().shows(texts().text(lang, "kiosk.phone_link.instruction"))) << where;
                k.expect_texts_fit(where + " code");

                k.ui().tap("phone_link_close");
                EXPECT_FALSE(k.link().showing()) << where;
                ASSERT_TRUE(k.ui().has_button("phone_link")) << where;
                k.ui().tap("phone_link");
                EXPECT_TRUE(k.link().showing());
                EXPECT_NE(k.link().url(), first) << where << ": a new link each press";
            }
        }
    }
}

TEST(PhoneLinkUi, TheCodeLeavesTheScreenAfterAMinute) {
    PhoneKiosk k(ImVec2(1280, 800));
    k.ui().tap("phone_link");
    ASSERT_TRUE(k.ui().has_button("phone_link_close"));
    // The tap itself took a few frames (~0.4 s): 59 s on, one second is left.
    for (int i = 0; i < 59; ++i) k.frame(1000);
    EXPECT_TRUE(k.ui().has_button("phone_link_close"));
    EXPECT_TRUE(k.ui().shows(texts().format("id", "kiosk.phone_link.countdown", {{"seconds", "1"}}))) << k.ui().drawn();
    k.frame(1000);
    k.frame();  // the timer ticks at the start of the frame after the minute ended, as in the kiosk's loop
    EXPECT_FALSE(k.link().showing());
    EXPECT_FALSE(k.ui().has_button("phone_link_close"));
    EXPECT_TRUE(k.ui().has_button("start"));
    EXPECT_EQ(k.link().url(), "");
}

TEST(PhoneLinkUi, NoButtonWithoutAHub) {
    PhoneKiosk k(ImVec2(1280, 800));
    k.link().set_hub_set(false);
    k.frame(500);
    EXPECT_TRUE(k.ui().has_button("start"));
    EXPECT_FALSE(k.ui().has_button("phone_link"));
    k.link().set_hub_set(true);
    k.frame(500);
    EXPECT_TRUE(k.ui().has_button("phone_link"));
}

TEST(PhoneLinkUi, AFailedLinkIsSaidWhereTheCodeWouldBe) {
    testing::HeadlessUi ui(ImVec2(1280, 800));
    testing::NoSink sink;
    testing::Ids ids;
    SurveyFlow flow(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"phone-ui", &questionnaire()}, ui.clock, ids, sink);
    PhoneLink link([](const std::optional<std::string>&) -> std::string { throw std::runtime_error("no key"); }, ui.clock);
    SilentSpeaker speaker;
    formats::KioskConfig config;
    ViewContext ctx{flow, texts(), speaker, config, ui.fonts(), ui.scale(), nullptr};
    ctx.phone_link = &link;
    ui.attach(ctx);
    ui.frame(500);
    ui.tap("phone_link");
    EXPECT_TRUE(link.showing());
    EXPECT_TRUE(ui.shows(texts().text("id", "kiosk.phone_link.failed"))) << ui.drawn();
    EXPECT_TRUE(ui.has_button("phone_link_close"));
}

}  // namespace
}  // namespace skm::kiosk::ui
