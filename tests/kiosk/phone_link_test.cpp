// "Isi lewat HP" without a screen: each press a new link from the maker, the
// code gone 60 seconds after the press (not a millisecond sooner), no button
// without a hub, a failing maker shown as a message and never thrown, and the
// whole pixels per module the screen gets for a code.
#include "kiosk/core/phone_link.hpp"
#include "kiosk/core/screen_tour.hpp"
#include "reports/qr_code.hpp"

#include <gtest/gtest.h>

#include <set>

namespace skm::kiosk {
namespace {

struct CountingMaker {
    int calls = 0;
    LinkMaker maker() {
        return [this](const std::optional<std::string>& layanan) {
            EXPECT_FALSE(layanan.has_value()) << "the welcome screen comes before the layanan";
            return "https://hub.example/l/TEST-" + std::to_string(++calls);
        };
    }
};

TEST(PhoneLink, EachPressShowsANewLink) {
    store::ManualClock clock(scoring::Timestamp{{2026, 12, 2}, 9, 0, 0, 420});
    CountingMaker made;
    PhoneLink link(made.maker(), clock);
    ASSERT_TRUE(link.available());
    EXPECT_FALSE(link.showing());
    ASSERT_TRUE(link.show());
    EXPECT_TRUE(link.showing());
    EXPECT_EQ(link.url(), "https://hub.example/l/TEST-1");
    EXPECT_EQ(link.code().size(), 29);  // 28 bytes at level M: version 3 (version 2 holds 26)
    clock.advance_ms(5'000);
    ASSERT_TRUE(link.show());  // pressed again while shown: a new link, a new minute
    EXPECT_EQ(link.url(), "https://hub.example/l/TEST-2");
    EXPECT_EQ(link.seconds_left(), 60);
    link.hide();
    EXPECT_FALSE(link.showing());
    EXPECT_EQ(link.url(), "");
    ASSERT_TRUE(link.show());
    EXPECT_EQ(link.url(), "https://hub.example/l/TEST-3");
    EXPECT_EQ(made.calls, 3);
    EXPECT_EQ(link.links_made(), 3u);
}

TEST(PhoneLink, TheCodeDisappearsSixtySecondsAfterThePress) {
    store::ManualClock clock(scoring::Timestamp{{2026, 12, 2}, 9, 0, 0, 420});
    CountingMaker made;
    PhoneLink link(made.maker(), clock);
    link.show();
    EXPECT_EQ(link.seconds_left(), 60);
    clock.advance_ms(1);
    EXPECT_EQ(link.seconds_left(), 60);  // rounded up: "60" for the whole first second
    clock.advance_ms(999);
    EXPECT_EQ(link.seconds_left(), 59);
    clock.advance_ms(58'999);  // 59.999 s after the press
    link.tick();
    EXPECT_TRUE(link.showing());
    EXPECT_EQ(link.seconds_left(), 1);
    EXPECT_FALSE(link.code().empty());
    clock.advance_ms(1);  // 60 s
    link.tick();
    EXPECT_FALSE(link.showing());
    EXPECT_EQ(link.seconds_left(), 0);
    EXPECT_TRUE(link.code().empty());
    EXPECT_EQ(link.url(), "");
    EXPECT_EQ(made.calls, 1) << "time passing makes no link";
}

TEST(PhoneLink, NoButtonWithoutAHubOrAMaker) {
    store::ManualClock clock(scoring::Timestamp{{2026, 12, 2}, 9, 0, 0, 420});
    CountingMaker made;
    PhoneLink link(made.maker(), clock);
    link.set_hub_set(false);
    EXPECT_FALSE(link.available());
    EXPECT_FALSE(link.show());
    EXPECT_FALSE(link.showing());
    link.set_hub_set(true);
    EXPECT_TRUE(link.show());
    PhoneLink none(nullptr, clock);
    EXPECT_FALSE(none.available());
    EXPECT_FALSE(none.show());
    EXPECT_EQ(made.calls, 1);
}

TEST(PhoneLink, AFailingMakerIsShownNotThrown) {
    store::ManualClock clock(scoring::Timestamp{{2026, 12, 2}, 9, 0, 0, 420});
    PhoneLink link([](const std::optional<std::string>&) -> std::string {
        throw Error(ErrorKind::storage, Problem{"store.disk_full", {}});
    }, clock);
    EXPECT_NO_THROW(link.show());
    EXPECT_TRUE(link.showing());
    EXPECT_TRUE(link.code().empty());
    ASSERT_TRUE(link.problem().has_value());
    EXPECT_EQ(link.problem()->key, "store.disk_full");
    clock.advance_ms(60'000);
    link.tick();
    EXPECT_FALSE(link.showing());
}

TEST(PhoneLink, WholePixelsPerModule) {
    // A 57-module code (version 10) with its 4-module quiet zone each side is 65 modules.
    EXPECT_EQ(qr_module_pixels(608, 57), 9);   // 608 / 65 = 9.35
    EXPECT_EQ(qr_module_pixels(520, 57), 8);   // exactly 8
    EXPECT_EQ(qr_module_pixels(519, 57), 7);
    EXPECT_EQ(qr_module_pixels(60, 57), 0);
    EXPECT_EQ(qr_module_pixels(100, 0), 0);
}

TEST(PhoneLink, TheTourMakerGivesLinksOfARealLinksSizeEachDifferent) {
    LinkMaker maker = tour_link_maker();
    std::set<std::string> urls;
    for (int i = 0; i < 5; ++i) urls.insert(maker(std::nullopt));
    EXPECT_EQ(urls.size(), 5u);
    for (const auto& url : urls) {
        EXPECT_GE(url.size(), 170u) << url;
        EXPECT_GE(reports::encode_qr(url).size(), 53) << url;  // version 9 or more, like a signed link
    }
}

}  // namespace
}  // namespace skm::kiosk
