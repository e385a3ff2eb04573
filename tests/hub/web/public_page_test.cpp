// The public page and open data (/public, /public/data.csv|json): answered
// without a session and without setting a cookie, cacheable, holding only the
// periods an admin made public, with the figures of GET /api/v1/ikm for the
// same period; a group under min-n absent, and the secondary suppression of
// scoring::hidden_in_hierarchy; never a saran. And the dashboard's control
// that makes a period public (admin, CSRF, audited, overlaps refused).
#include "tests/hub/web/web_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace skm::hub::web::testing {
namespace {

using nlohmann::json;

const std::string kPassword = "kata-sandi-admin-123";

std::vector<std::uint8_t> answers(int seed) {
    std::vector<std::uint8_t> a;
    for (int u = 0; u < 9; ++u) a.push_back(static_cast<std::uint8_t>(1 + (seed * 7 + u * 3) % 4));
    return a;
}

class PublicPage : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        hub.add_user("admin", kPassword, Role::admin);
        admin = sign_in(hub, "admin", kPassword);
        // 2025-S1 (min-n 5):
        //   Sukamaju     KTP-el 8, Kartu Keluarga 6, Akta Kelahiran 2 → total 16 shown;
        //                Akta under min-n, Kartu Keluarga withheld with it (16 − 8 would be the 2 otherwise)
        //   Megamendung  KTP-el 20 → shown
        //   Ciawi        KTP-el 12 → withheld: the smallest other kecamatan beside Cibodas
        //   Cibodas      KTP-el 3 → under min-n
        //   kabupaten    51 → shown (51 − 16 − 20 = 15 is Ciawi and Cibodas together)
        // 2025-S2: Sukamaju KTP-el 7, Megamendung KTP-el 9. 2024: Sukamaju 10 (never public).
        add("Sukamaju", "2025-02-10", "KTP-el", 8, "Loket pagi terlalu sedikit");
        add("Sukamaju", "2025-03-10", "Kartu Keluarga", 6, "");
        add("Sukamaju", "2025-04-10", "Akta Kelahiran", 2, "Rahasia warga Akta");
        add("Megamendung", "2025-05-12", "KTP-el", 20, "");
        add("Ciawi", "2025-01-20", "KTP-el", 12, "");
        add("Cibodas", "2025-06-01", "KTP-el", 3, "Rahasia warga Cibodas");
        add("Sukamaju", "2025-08-10", "KTP-el", 7, "Kursi tunggu kurang");
        add("Megamendung", "2025-09-10", "KTP-el", 9, "");
        add("Sukamaju", "2024-05-10", "KTP-el", 10, "Saran tahun lalu");
    }

    void add(const std::string& kecamatan, const std::string& date, const std::string& layanan, int n, const std::string& saran) {
        const std::string device = "kiosk-" + kecamatan;
        if (!devices.count(device)) {
            hub.enroll(device, kecamatan);
            devices.insert(device);
        }
        std::vector<store::Submission> items;
        for (int i = 0; i < n; ++i) {
            items.push_back(response(kecamatan + "-" + date + "-" + layanan + "-" + std::to_string(i), date, layanan,
                                     answers(static_cast<int>(next++)), i == 0 ? saran : ""));
        }
        hub.ingest(device, kecamatan, items);
    }

    void make_public(const std::string& period) {
        const Reply r = admin.post("/publish/public", {{"action", "add"}, {"period", period}});
        ASSERT_EQ(r.status, 200) << r.body;
    }

    // GET /api/v1/ikm with the admin token.
    json api(const std::string& period) {
        httplib::SSLClient client("127.0.0.1", hub.port());
        client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
        client.enable_server_certificate_verification(true);
        const auto result = client.Get(("/api/v1/ikm?period=" + period).c_str(), {{"Authorization", "Bearer " + hub.admin_token}});
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, 200) << result->body;
        return json::parse(result->body);
    }

    json open_json(Browser& b) {
        const Reply r = b.get("/public/data.json");
        EXPECT_EQ(r.status, 200);
        return json::parse(r.body, nullptr, false);
    }

    WebHub hub{GetParam()};
    Browser admin{hub};
    std::set<std::string> devices;
    std::size_t next = 0;
};

// (period, kecamatan, layanan or "") of every row.
std::set<std::tuple<std::string, std::string, std::string>> keys_of(const json& data) {
    std::set<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& row : data.at("rows")) {
        out.emplace(row.at("period"), row.at("kecamatan"), row.at("layanan").is_null() ? "" : std::string(row.at("layanan")));
    }
    return out;
}

TEST_P(PublicPage, NothingIsPublicUntilAnAdminMakesAPeriodPublic) {
    Browser stranger(hub);
    const json data = open_json(stranger);
    EXPECT_EQ(data.at("licence"), "CC BY 4.0");
    EXPECT_TRUE(data.at("rows").empty());
    const Reply page = stranger.get("/public");
    EXPECT_EQ(page.status, 200);
    for (const char* name : {"Sukamaju", "Megamendung", "Ciawi", "Cibodas"}) EXPECT_EQ(page.body.find(name), std::string::npos) << name;
    EXPECT_NE(page.body.find(esc(texts().of("id").text("public.none"))), std::string::npos);
    const Reply csv = stranger.get("/public/data.csv");
    EXPECT_EQ(csv.body, "period,kecamatan,layanan,respondents,ikm,mutu\r\n");
}

TEST_P(PublicPage, AnswersWithoutSessionOrCookieAndMayBeCached) {
    make_public("2025-S1");
    for (const std::string path : {"/public", "/public?lang=en", "/public?lang=jv", "/public/data.csv", "/public/data.json"}) {
        Browser stranger(hub);
        const Reply r = stranger.get(path);
        EXPECT_EQ(r.status, 200) << path;
        EXPECT_TRUE(r.set_cookies.empty()) << path << ": " << (r.set_cookies.empty() ? "" : r.set_cookies[0]);
        EXPECT_EQ(r.header("Cache-Control"), "public, max-age=300") << path;
        EXPECT_NE(r.body.find("Sukamaju"), std::string::npos) << path;
    }
    // A signed-in admin with a language cookie gets the same page as everyone (a cache may serve it to anyone).
    admin.cookies["skm_lang"] = "en";
    Browser stranger(hub);
    const Reply as_admin = admin.get("/public");
    const Reply as_stranger = stranger.get("/public");
    EXPECT_TRUE(as_admin.set_cookies.empty());
    EXPECT_EQ(as_admin.body, as_stranger.body);
    EXPECT_EQ(as_admin.body.find("csrf"), std::string::npos);
    EXPECT_EQ(as_admin.body.find("<script"), std::string::npos);
    EXPECT_NE(as_admin.body.find("lang=\"id\""), std::string::npos);
    // The language comes from ?lang= only.
    EXPECT_NE(stranger.get("/public?lang=en").body.find(esc(texts().of("en").text("public.title"))), std::string::npos);
    EXPECT_NE(stranger.get("/public?lang=jv").body.find(esc(texts().of("jv").text("public.title"))), std::string::npos);
}

TEST_P(PublicPage, OpenDataHoldsOnlyPublicPeriodsMinNAndSecondarySuppressionApplied) {
    make_public("2025-S1");
    make_public("2025-S2");
    Browser stranger(hub);
    const json data = open_json(stranger);
    // Worked out by hand in SetUp: Cibodas (3) and Akta Kelahiran (2) under min-n; Ciawi (12) and
    // Kartu Keluarga (6) withheld so that neither comes back by subtraction; 2024 never public.
    using Key = std::tuple<std::string, std::string, std::string>;
    EXPECT_EQ(keys_of(data), (std::set<Key>{{"2025-S1", "Megamendung", ""},
                                            {"2025-S1", "Megamendung", "KTP-el"},
                                            {"2025-S1", "Sukamaju", ""},
                                            {"2025-S1", "Sukamaju", "KTP-el"},
                                            {"2025-S2", "Megamendung", ""},
                                            {"2025-S2", "Megamendung", "KTP-el"},
                                            {"2025-S2", "Sukamaju", ""},
                                            {"2025-S2", "Sukamaju", "KTP-el"}}));
    const std::string generated = data.at("generated_at");
    EXPECT_EQ(generated.rfind("2025-07-01T09:00:00", 0), 0u) << generated;  // the hub's clock, ISO-8601
    // The CSV holds the same rows, and nothing of the hidden groups either.
    const Reply csv = stranger.get("/public/data.csv");
    EXPECT_EQ(csv.header("Content-Type").value_or("").rfind("text/csv", 0), 0u);
    std::size_t lines = 0;
    for (const char ch : csv.body) lines += ch == '\n';
    EXPECT_EQ(lines, 1 + data.at("rows").size());
    for (const char* absent : {"Ciawi", "Cibodas", "Akta", "Kartu Keluarga"}) {
        EXPECT_EQ(csv.body.find(absent), std::string::npos) << absent;
        EXPECT_EQ(stranger.get("/public").body.find(absent), std::string::npos) << absent;
    }
    EXPECT_NE(csv.body.find("\r\n2025-S1,Sukamaju,,16,"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("\r\n2025-S1,Sukamaju,KTP-el,8,"), std::string::npos) << csv.body;
}

TEST_P(PublicPage, FiguresEqualTheIkmApiForTheSamePeriod) {
    make_public("2025-S1");
    make_public("2025-S2");
    Browser stranger(hub);
    const json data = open_json(stranger);
    const Reply csv = stranger.get("/public/data.csv");
    const Reply page = stranger.get("/public");
    const Reply page_en = stranger.get("/public?lang=en");
    std::size_t compared = 0;
    for (const std::string period : {"2025-S1", "2025-S2"}) {
        const json ikm = api(period);
        for (const auto& row : data.at("rows")) {
            if (row.at("period") != period) continue;
            const json* expected = nullptr;
            if (row.at("layanan").is_null()) {
                for (const auto& k : ikm.at("kecamatan")) {
                    if (k.at("kecamatan") == row.at("kecamatan")) expected = &k;
                }
            } else {
                for (const auto& g : ikm.at("groups")) {
                    if (g.at("kecamatan") == row.at("kecamatan") && g.at("layanan") == row.at("layanan")) expected = &g;
                }
            }
            ASSERT_NE(expected, nullptr) << row.dump();
            EXPECT_EQ(row.at("respondents"), expected->at("respondents")) << row.dump();
            EXPECT_EQ(row.at("ikm"), expected->at("ikm")) << row.dump();
            EXPECT_EQ(row.at("mutu"), expected->at("mutu")) << row.dump();
            ASSERT_TRUE(row.at("ikm").is_string());
            const std::string text = row.at("ikm");
            EXPECT_NE(csv.body.find("," + std::to_string(row.at("respondents").get<int>()) + "," + text + ","), std::string::npos) << text;
            if (row.at("layanan").is_null()) {
                std::string comma = text;
                std::replace(comma.begin(), comma.end(), '.', ',');
                EXPECT_NE(page.body.find("<strong>" + comma + "</strong>"), std::string::npos) << comma;
                EXPECT_NE(page_en.body.find("<strong>" + text + "</strong>"), std::string::npos) << text;
                // Its respondents under its name.
                EXPECT_NE(page.body.find(row.at("kecamatan").get<std::string>() + "<span class=\"count\">" +
                                         std::to_string(row.at("respondents").get<int>()) + " responden</span>"),
                          std::string::npos)
                    << row.dump();
            }
            ++compared;
        }
        // The kabupaten figure: the API's whole selection, all kecamatan together.
        const std::string whole = ikm.at("ikm");
        std::string comma = whole;
        std::replace(comma.begin(), comma.end(), '.', ',');
        EXPECT_NE(page.body.find("<div class=\"v\">" + comma + "</div>"), std::string::npos) << period << " " << comma;
        EXPECT_NE(page.body.find("<div class=\"v\">" + std::to_string(ikm.at("respondents").get<int>()) + "</div>"), std::string::npos);
    }
    EXPECT_EQ(compared, 8u);
    // The trend across the two public periods is drawn.
    EXPECT_NE(page.body.find("<svg class=\"chart\""), std::string::npos);
}

TEST_P(PublicPage, NoSaranAndNoUnpublishedPeriodOnThePage) {
    make_public("2025-S1");
    Browser stranger(hub);
    for (const std::string path : {"/public", "/public?lang=en", "/public?lang=jv", "/public/data.csv", "/public/data.json"}) {
        const Reply r = stranger.get(path);
        for (const char* saran : {"Loket pagi", "Rahasia warga", "Kursi tunggu", "Saran tahun lalu"}) {
            EXPECT_EQ(r.body.find(saran), std::string::npos) << path << ": " << saran;
        }
        EXPECT_EQ(r.body.find("2025-S2"), std::string::npos) << path;
    }
}

TEST_P(PublicPage, TheDashboardMakesAPeriodPublicAuditedAndRefusesAnOverlap) {
    make_public("2025-S1");
    EXPECT_EQ(hub.count("SELECT count(*) FROM public_periods WHERE period = '2025-S1'"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'public_add' AND username = 'admin' AND detail = '2025-S1'"), 1);
    // The publish page lists it with its remove button.
    const Reply page = admin.get("/publish");
    EXPECT_NE(page.body.find("<strong>2025-S1</strong>"), std::string::npos);
    // A year over a public semester: refused with both names, nothing stored.
    const Reply overlap = admin.post("/publish/public", {{"action", "add"}, {"period", "2025"}});
    EXPECT_EQ(overlap.status, 400);
    EXPECT_NE(overlap.body.find(esc(texts().of("id").format("web.public_overlap", {{"period", "2025"}, {"other", "2025-S1"}}))),
              std::string::npos);
    EXPECT_EQ(hub.count("SELECT count(*) FROM public_periods"), 1);
    // Not a period: refused.
    EXPECT_EQ(admin.post("/publish/public", {{"action", "add"}, {"period", "2025-01-01..2025-03-31"}}).status, 400);
    EXPECT_EQ(admin.post("/publish/public", {{"action", "drop"}, {"period", "2025-S2"}}).status, 400);
    // Without the CSRF token: refused.
    EXPECT_EQ(admin.post("/publish/public", {{"action", "remove"}, {"period", "2025-S1"}, {"csrf", std::string(64, '0')}}).status, 403);
    EXPECT_EQ(hub.count("SELECT count(*) FROM public_periods"), 1);
    // Taken back: gone from the page and the data, audited.
    ASSERT_EQ(admin.post("/publish/public", {{"action", "remove"}, {"period", "2025-S1"}}).status, 200);
    EXPECT_EQ(hub.count("SELECT count(*) FROM public_periods"), 0);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'public_remove' AND detail = '2025-S1'"), 1);
    Browser stranger(hub);
    EXPECT_TRUE(open_json(stranger).at("rows").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PublicPage, SKM_ALL_HUB_BACKENDS);

}  // namespace
}  // namespace skm::hub::web::testing
