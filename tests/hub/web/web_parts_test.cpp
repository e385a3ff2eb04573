// The dashboard's small parts on their own: escaping, cookies, the CSRF
// compare, epoch seconds, previous periods, passwords, SVG gaps, and the
// protocol's optional kiosk-report fields (the login limiter has its own file).
#include "hub/web/dashboard_data.hpp"
#include "hub/web/html.hpp"
#include "hub/web/password.hpp"
#include "hub/web/sessions.hpp"
#include "hub/web/svg_chart.hpp"
#include "scoring/privacy.hpp"
#include "sync/protocol.hpp"
#include "tests/hub/hub_test_support.hpp"

#include <gtest/gtest.h>

namespace skm::hub::web {
namespace {

TEST(WebParts, EscapesEveryHtmlSpecialCharacter) {
    EXPECT_EQ(esc("<a href=\"x\" title='y'>&</a>"), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(esc("Kecamatan Sukamaju — ü"), "Kecamatan Sukamaju — ü");
    EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

TEST(WebParts, ReadsOneCookieOfAHeader) {
    EXPECT_EQ(cookie_value("a=1; skm_session=abc; b=2", "skm_session"), "abc");
    EXPECT_EQ(cookie_value("skm_session_x=1;skm_session=z", "skm_session"), "z");
    EXPECT_FALSE(cookie_value("a=1", "skm_session"));
    EXPECT_FALSE(cookie_value("", "skm_session"));
}

TEST(WebParts, CsrfCompareNeedsTheWholeToken) {
    EXPECT_TRUE(csrf_matches("abcdef", "abcdef"));
    EXPECT_FALSE(csrf_matches("abcde", "abcdef"));
    EXPECT_FALSE(csrf_matches("abcdeg", "abcdef"));
    EXPECT_FALSE(csrf_matches("", ""));
}

TEST(WebParts, PreviousPeriods) {
    EXPECT_EQ(previous_period(*parse_web_period("2025")).key, "2024");
    EXPECT_EQ(previous_period(*parse_web_period("2025-S1")).key, "2024-S2");
    EXPECT_EQ(previous_period(*parse_web_period("2025-TW3")).key, "2025-TW2");
    EXPECT_EQ(previous_period(*parse_web_period("2025-01")).key, "2024-12");
    EXPECT_FALSE(parse_web_period("2025-01-01..2025-02-01"));
    EXPECT_FALSE(parse_web_period("<script>"));
}

TEST(WebParts, PasswordsAreArgon2idAndCheckedWhole) {
    const std::string hash = hash_password("kata sandi panjang");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(verify_password(hash, "kata sandi panjang"));
    EXPECT_FALSE(verify_password(hash, "kata sandi panjan"));
    EXPECT_FALSE(verify_password("", "x"));
    EXPECT_THROW(check_new_password("pendek"), Error);
}

TEST(WebParts, MinNRuleIsShared) {
    EXPECT_FALSE(scoring::enough_for_figures(0, 1));
    EXPECT_FALSE(scoring::enough_for_figures(4, 5));
    EXPECT_TRUE(scoring::enough_for_figures(5, 5));
}

TEST(WebParts, LineChartLeavesGapsForMissingMonths) {
    const std::string svg = line_chart({{"Jan", 80.0}, {"Feb", std::nullopt}, {"Mar", 90.0}, {"Apr", 85.0}}, 82.0, "<t>");
    EXPECT_NE(svg.find("&lt;t&gt;"), std::string::npos);
    // Jan stands alone (M), Mar starts a new segment (M) joined to Apr (L).
    const auto d = svg.substr(svg.find(" d=\"") + 4);
    EXPECT_EQ(std::count(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.find('"')), 'M'), 2);
    EXPECT_EQ(std::count(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.find('"')), 'L'), 1);
    EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);  // the target line
}

TEST(WebParts, ProtocolCarriesTheKiosksOwnReportOptionally) {
    const auto& scheme = skm::hub::testing::scheme();
    sync::Batch batch{"k1", "b1", {skm::hub::testing::make_response("r1")}, "0.1.0", 42, "2025-07-01T09:00:00+07:00"};
    const auto decoded = sync::decode_batch(sync::encode_batch(batch, scheme), scheme);
    ASSERT_TRUE(std::holds_alternative<sync::Batch>(decoded));
    const auto& got = std::get<sync::Batch>(decoded);
    EXPECT_EQ(got.app_version, "0.1.0");
    EXPECT_EQ(got.pending, 42);
    EXPECT_EQ(got.sent_at, "2025-07-01T09:00:00+07:00");

    // An older kiosk sends none of them; a bad value is dropped, not a reason to refuse the responses.
    sync::Batch old{"k1", "b2", {skm::hub::testing::make_response("r2")}, std::nullopt, std::nullopt, std::nullopt};
    std::string json = sync::encode_batch(old, scheme);
    EXPECT_EQ(json.find("app_version"), std::string::npos);
    auto plain = sync::decode_batch(json, scheme);
    ASSERT_TRUE(std::holds_alternative<sync::Batch>(plain));
    EXPECT_FALSE(std::get<sync::Batch>(plain).pending);
    json.insert(json.size() - 1, R"(,"pending":-3,"sent_at":"gestern","app_version":7)");
    plain = sync::decode_batch(json, scheme);
    ASSERT_TRUE(std::holds_alternative<sync::Batch>(plain));
    EXPECT_FALSE(std::get<sync::Batch>(plain).pending);
    EXPECT_FALSE(std::get<sync::Batch>(plain).sent_at);
    EXPECT_FALSE(std::get<sync::Batch>(plain).app_version);
    EXPECT_EQ(std::get<sync::Batch>(plain).responses.size(), 1u);
}

}  // namespace
}  // namespace skm::hub::web
