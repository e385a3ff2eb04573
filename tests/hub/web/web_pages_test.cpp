// What the dashboard shows: the overview's figures are scoring::summarize's
// over the same rows (as /api/v1/ikm), below-target rows are marked, the
// min-n rule hides small groups' figures and saran, a kiosk's own report
// (through the real sync path) reaches the devices page, a kiosk enrolled on
// the page can upload, languages switch, and the exports are real files.
#include "tests/hub/web/web_test_support.hpp"

#include "hub/web/dashboard_data.hpp"

#include "scoring/summary.hpp"
#include "scoring/tally.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace skm::hub::web::testing {
namespace {

const std::string kPassword = "kata-sandi-admin-123";

class WebPages : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        hub.add_user("admin", kPassword, Role::admin);
        hub.enroll("kiosk-a", "Sukamaju");
        hub.enroll("kiosk-b", "Sukamakmur");
        hub.enroll("kiosk-c", "Cibodas");
        // Sukamaju: 8 in 2025 (two layanan), 6 in 2024; Sukamakmur: 6 in 2025, lower; Cibodas: 3 (below min-n).
        for (int i = 0; i < 8; ++i) {
            a2025.push_back(response("a25-" + std::to_string(i), "2025-0" + std::to_string(1 + i % 6) + "-10",
                                     i % 2 ? "KTP-el" : "Kartu Keluarga",
                                     {4, 4, 3, static_cast<std::uint8_t>(3 + i % 2), 4, 4, 3, 3, 4},
                                     i == 0 ? "Antrean terlalu panjang" : ""));
        }
        for (int i = 0; i < 6; ++i) {
            a2024.push_back(response("a24-" + std::to_string(i), "2024-05-10", "KTP-el", {3, 3, 3, 3, 3, 3, 3, 3, 3}));
            b2025.push_back(response("b25-" + std::to_string(i), "2025-02-11", "KTP-el", {2, 3, 2, 2, 3, 2, 2, 3, 2},
                                     i == 0 ? "Petugas ramah" : ""));
        }
        for (int i = 0; i < 3; ++i) {
            c2025.push_back(response("c25-" + std::to_string(i), "2025-04-01", "KTP-el", {1, 1, 1, 1, 1, 1, 1, 1, 1},
                                     "Rahasia warga " + std::to_string(i)));
        }
        hub.ingest("kiosk-a", "Sukamaju", a2025);
        hub.ingest("kiosk-a", "Sukamaju", a2024);
        hub.ingest("kiosk-b", "Sukamakmur", b2025);
        hub.ingest("kiosk-c", "Cibodas", c2025);
        hub.web().set_target({2025, "", std::string("80.00"), std::int64_t{100}});
        browser.login("admin", kPassword);
    }

    // As the pages write it in Indonesian (decimal comma); files keep the point.
    static std::string ikm_of(const std::vector<store::Submission>& rows, char separator = ',') {
        scoring::Tally t(scheme().size());
        for (const auto& r : rows) t.add(r.response.answers);
        return scoring::summarize(t, scheme(), {}).ikm->str(separator);
    }
    // The overview table's row of a kecamatan.
    static std::string row_of(const std::string& html, const std::string& kecamatan) {
        const auto at = html.find(">" + kecamatan + "</a>");
        if (at == std::string::npos) return "";
        const auto start = html.rfind("<tr", at);
        return html.substr(start, html.find("</tr>", at) - start);
    }

    WebHub hub{GetParam()};
    Browser browser{hub};
    std::vector<store::Submission> a2025, a2024, b2025, c2025;
};

TEST_P(WebPages, OverviewShowsTheSameFiguresAsScoringWithChangeTargetAndCoverage) {
    const Reply r = browser.get("/overview?period=2025");
    ASSERT_EQ(r.status, 200);
    const std::string a = row_of(r.body, "Sukamaju");
    const std::string b = row_of(r.body, "Sukamakmur");
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty());
    EXPECT_NE(a.find("<strong>" + ikm_of(a2025) + "</strong>"), std::string::npos) << a;
    EXPECT_NE(b.find("<strong>" + ikm_of(b2025) + "</strong>"), std::string::npos) << b;
    // Change against 2024, from the exact values: Sukamaju went up.
    const auto change = scoring::round_half_up(
        *scoring::summarize([&] { scoring::Tally t(scheme().size()); for (auto& x : a2025) t.add(x.response.answers); return t; }(),
                            scheme(), {}).konversi_exact -
            *scoring::summarize([&] { scoring::Tally t(scheme().size()); for (auto& x : a2024) t.add(x.response.answers); return t; }(),
                                scheme(), {}).konversi_exact,
        2);
    EXPECT_NE(a.find("▲ +" + change.str(',')), std::string::npos) << a;
    // Target 80: Sukamakmur is below it and marked, Sukamaju is not.
    EXPECT_NE(b.find("class=\"below\""), std::string::npos) << b;
    EXPECT_EQ(a.find("class=\"below\""), std::string::npos) << a;
    // Coverage: population 100 needs 80 respondents (Krejcie–Morgan); 8 of 80 is 10 %.
    EXPECT_NE(a.find(" 10%"), std::string::npos) << a;
    // Kabupaten total over all 17 respondents of 2025.
    std::vector<store::Submission> all = a2025;
    all.insert(all.end(), b2025.begin(), b2025.end());
    all.insert(all.end(), c2025.begin(), c2025.end());
    EXPECT_NE(r.body.find("<div class=\"v\">" + ikm_of(all) + "</div>"), std::string::npos);
}

TEST_P(WebPages, FiguresFollowNewUploadsAndEqualAScanOfTheStore) {
    EXPECT_NE(row_of(browser.get("/overview?period=2025").body, "Cibodas").find("belum cukup data"), std::string::npos);
    // Two more for Cibodas after the page was drawn: 5 now, enough for figures.
    std::vector<store::Submission> more = {
        response("c25-late-1", "2025-04-02", "KTP-el", {2, 2, 2, 2, 2, 2, 2, 2, 2}),
        response("c25-late-2", "2025-11-30", "Akta", {4, 4, 4, 4, 4, 4, 4, 4, 4})};
    hub.ingest("kiosk-c", "Cibodas", more);
    std::vector<store::Submission> all_c = c2025;
    all_c.insert(all_c.end(), more.begin(), more.end());
    EXPECT_NE(row_of(browser.get("/overview?period=2025").body, "Cibodas").find("<strong>" + ikm_of(all_c) + "</strong>"),
              std::string::npos);

    // The cache's tallies are exactly a scan of the store, for every kind of period.
    auto& cache = hub.app().tallies;
    cache.refresh();
    for (const std::string key : {"2025", "2025-S1", "2025-S2", "2025-TW2", "2025-02", "2024", "2023"}) {
        const auto range = parse_web_period(key)->range;
        std::map<std::string, scoring::Tally> scanned;
        ResponseFilter filter;
        filter.dates = range;
        hub.hub().for_each_answers(filter, [&](std::string_view k, std::string_view, std::span<const std::uint8_t> a) {
            scanned.try_emplace(std::string(k), scheme().size()).first->second.add(a);
        });
        EXPECT_EQ(cache.by_kecamatan(range), scanned) << key;
    }
}

TEST_P(WebPages, OverviewSortsByAnyColumn) {
    const auto order = [](const std::string& html) {
        const auto a = html.find(">Sukamaju</a>");
        const auto b = html.find(">Sukamakmur</a>");
        const auto c = html.find(">Cibodas</a>");
        return std::vector<std::size_t>{a, b, c};
    };
    auto o = order(browser.get("/overview?period=2025").body);
    EXPECT_LT(o[2], o[0]);  // by name: Cibodas, Sukamaju, Sukamakmur
    EXPECT_LT(o[0], o[1]);
    o = order(browser.get("/overview?period=2025&sort=ikm&dir=desc").body);
    EXPECT_LT(o[0], o[1]);  // Sukamaju's IKM is higher; Cibodas (no figure) last
    EXPECT_LT(o[1], o[2]);
    o = order(browser.get("/overview?period=2025&sort=ikm&dir=asc").body);
    EXPECT_LT(o[1], o[0]);
    EXPECT_LT(o[0], o[2]);
    o = order(browser.get("/overview?period=2025&sort=respondents&dir=desc").body);
    EXPECT_LT(o[0], o[1]);
    EXPECT_LT(o[1], o[2]);
}

TEST_P(WebPages, MinNHidesFiguresAndSaranOfSmallGroups) {
    const Reply overview = browser.get("/overview?period=2025");
    const std::string c = row_of(overview.body, "Cibodas");
    EXPECT_NE(c.find("belum cukup data"), std::string::npos) << c;
    EXPECT_EQ(c.find("<strong>"), std::string::npos) << c;
    const Reply cibodas = browser.get("/kecamatan?name=Cibodas&period=2025");
    EXPECT_EQ(cibodas.status, 200);
    EXPECT_EQ(cibodas.body.find("Rahasia warga"), std::string::npos);
    EXPECT_NE(cibodas.body.find("Saran disembunyikan"), std::string::npos);
    EXPECT_EQ(browser.get("/export/kecamatan.pdf?name=Cibodas&period=2025").status, 409);

    const Reply sukamaju = browser.get("/kecamatan?name=Sukamaju&period=2025");
    EXPECT_NE(sukamaju.body.find("Antrean terlalu panjang"), std::string::npos);
    // Its layanan have 4 respondents each: below min-n, counts only.
    EXPECT_NE(sukamaju.body.find("belum cukup data"), std::string::npos);
    EXPECT_NE(sukamaju.body.find("<svg class=\"chart\""), std::string::npos);
    // Sukamaju's saran are not on Sukamakmur's page.
    const Reply sukamakmur = browser.get("/kecamatan?name=Sukamakmur&period=2025");
    EXPECT_EQ(sukamakmur.body.find("Antrean terlalu panjang"), std::string::npos);
    EXPECT_NE(sukamakmur.body.find("Petugas ramah"), std::string::npos);
}

TEST_P(WebPages, LanguageSwitchesByQueryAndStaysByCookie) {
    const Reply en = browser.get("/overview?period=2025&lang=en");
    EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(en.body.find("Regency overview, 2025"), std::string::npos);
    EXPECT_EQ(browser.cookies.at("skm_lang"), "en");
    EXPECT_NE(browser.get("/devices").body.find("Kiosk devices"), std::string::npos);
    const Reply id = browser.get("/devices?lang=id");
    EXPECT_NE(id.body.find("Perangkat kios"), std::string::npos);
    EXPECT_NE(browser.get("/overview?lang=jv").body.find("Ringkesan kabupaten"), std::string::npos);
}

TEST_P(WebPages, ExportsAreRealFiles) {
    const Reply xlsx = browser.get("/export/recap.xlsx?period=2025");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    const Reply csv = browser.get("/export/recap.csv?period=2025");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("Sukamaju,8," + ikm_of(a2025, '.') + ","), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("Sukamaju,KTP-el,4,"), std::string::npos) << csv.body;
    const Reply pdf = browser.get("/export/kecamatan.pdf?name=Sukamaju&period=2025");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
    EXPECT_EQ(browser.get("/export/recap.csv?period=bogus").status, 400);
}

// The exports follow the reports' min-n rule (5 here): Cibodas (3) reads
// "belum cukup data", and so does Sukamakmur (6), the smallest other
// kecamatan, or Cibodas would follow from the kabupaten's total; within
// Sukamaju both layanan have 4. The kecamatan PDF leaves out the saran of a
// layanan under min-n and prints no day.
TEST_P(WebPages, ExportsFollowTheMinNRule) {
    const Reply csv = browser.get("/export/recap.csv?period=2025");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("Cibodas,3,belum cukup data,,"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("Sukamakmur,6,belum cukup data,,"), std::string::npos) << csv.body;
    EXPECT_EQ(csv.body.find(ikm_of(b2025, '.')), std::string::npos);
    EXPECT_EQ(csv.body.find(ikm_of(c2025, '.')), std::string::npos);
    EXPECT_NE(csv.body.find("Sukamaju,8," + ikm_of(a2025, '.') + ","), std::string::npos);
    EXPECT_NE(csv.body.find("Sukamaju,KTP-el,4,belum cukup data,"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("Sukamaju,Kartu Keluarga,4,belum cukup data,"), std::string::npos) << csv.body;

    const Reply pdf = browser.get("/export/kecamatan.pdf?name=Sukamaju&period=2025");
    ASSERT_EQ(pdf.status, 200);
    const std::filesystem::path dir = skm::testing::make_temp_dir();
    {
        std::ofstream out(dir / "k.pdf", std::ios::binary);
        out << pdf.body;
    }
    const auto text = skm::testing::run_program({"/usr/bin/pdftotext", "-layout", (dir / "k.pdf").string(), "-"});
    std::filesystem::remove_all(dir);
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_EQ(text.out.find("Antrean terlalu panjang"), std::string::npos);  // Kartu Keluarga's, 4 respondents
    EXPECT_EQ(text.out.find("Rahasia warga"), std::string::npos);
    EXPECT_NE(text.out.find(ikm_of(a2025)), std::string::npos);
    EXPECT_NE(text.out.find("belum cukup data"), std::string::npos);
    EXPECT_NE(text.out.find("kurang dari 5 responden"), std::string::npos);
}

TEST_P(WebPages, AKioskEnrolledOnThePageUploadsAndReportsItself) {
    browser.get("/devices");
    const Reply enrolled = browser.post("/devices/enroll", {{"kecamatan", "Cisarua"}, {"device", "kiosk-new"}});
    ASSERT_EQ(enrolled.status, 200);
    const auto at = enrolled.body.find("<code>");
    ASSERT_NE(at, std::string::npos);
    const std::string token = enrolled.body.substr(at + 6, 64);
    EXPECT_TRUE(hub.hub().active_device(token_hash(token)).has_value());
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'device_enroll'"), 1);
    // A second enrolment of the active device is refused, and nothing changes.
    EXPECT_EQ(browser.post("/devices/enroll", {{"kecamatan", "Lain"}, {"device", "kiosk-new"}}).status, 409);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE kecamatan = 'Lain'"), 0);
}

TEST_P(WebPages, AKiosksOwnReportThroughTheRealSyncPathReachesTheDevicesPage) {
    const std::string token = hub.enroll("kiosk-sync", "Cisarua");
    std::vector<store::Submission> items;
    for (int i = 0; i < 7; ++i) items.push_back(response("sync-" + std::to_string(i), "2025-06-02", "KTP-el", {4, 4, 4, 4, 4, 4, 4, 4, 4}));
    skm::hub::testing::Kiosk kiosk(items);
    // The kiosk's clock runs 3 minutes and 20 seconds ahead of the hub's.
    kiosk.clock.advance_ms(200'000);
    sync::TransportOptions t;
    t.url = hub.batches_url();
    t.device_token = token;
    t.ca_file = skm::testing::test_pki().ca.string();
    sync::CurlTransport transport(t);
    store::Outbox outbox(kiosk.db(), scheme());
    sync::EngineOptions options;
    options.batch_size = 5;
    options.device_id = "kiosk-sync";
    options.app_version = "0.1.0-test";
    sync::SyncEngine engine(outbox, transport, scheme(), kiosk.clock, [] { return 0.5; }, options);
    ASSERT_FALSE(engine.drain().failed);

    const Reply devices = browser.get("/devices");
    const auto at = devices.body.find(">kiosk-sync</td>");
    ASSERT_NE(at, std::string::npos);
    const std::string row = devices.body.substr(at, devices.body.find("</tr>", at) - at);
    EXPECT_NE(row.find("0.1.0-test"), std::string::npos) << row;
    EXPECT_NE(row.find("<td class=\"n\">0</td>"), std::string::npos) << "nothing left after the last batch " << row;
    EXPECT_EQ(hub.count("SELECT count(*) FROM device_reports WHERE device_id = 'kiosk-sync' AND pending = 0"), 1);
    EXPECT_NE(row.find("+200 s"), std::string::npos) << row;
    EXPECT_NE(row.find("class=\"warn\""), std::string::npos) << "a skew over two minutes is flagged " << row;
    // The responses arrived and count on the overview.
    EXPECT_NE(row_of(browser.get("/overview?period=2025").body, "Cisarua").find("<strong>100,00</strong>"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebPages, SKM_ALL_HUB_BACKENDS);

}  // namespace
}  // namespace skm::hub::web::testing
