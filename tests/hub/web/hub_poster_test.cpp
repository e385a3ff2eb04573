// The hub's posters (/export/poster.pdf, .png) and the office profile they
// carry: a kiosk's profile sent with a batch through the real sync path is
// kept per device and shown on the devices page; a kecamatan's poster holds
// the IKM, mutu and respondents /api/v1/ikm gives and the office name of the
// profile; one without a profile names no office; the min-n rule and the
// secondary suppression of the recap hold; the kabupaten's poster holds the
// kabupaten's figures; the PNG is 1080×1080. On both storage backends.
#include "tests/hub/web/web_test_support.hpp"

#include "reports/poster_render.hpp"
#include "store/outbox.hpp"
#include "sync/engine.hpp"
#include "sync/transport.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace skm::hub::web::testing {
namespace {

const std::string kPassword = "kata-sandi-admin-123";

std::string comma(std::string text) {
    for (auto& ch : text) {
        if (ch == '.') ch = ',';
    }
    return text;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
    return value;
}

class HubPoster : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        hub.add_user("admin", kPassword, Role::admin);
        hub.enroll("kiosk-a", "Sukamaju");
        hub.enroll("kiosk-b", "Sukamakmur");
        hub.enroll("kiosk-c", "Cibodas");
        hub.enroll("kiosk-d", "Cisarua");
        // 2025: Sukamaju 8, Cisarua 9, Sukamakmur 6 and Cibodas 3 (under min-n 5), so Sukamakmur,
        // the smallest other, is withheld too. 2024: Sukamaju 6, for the change.
        std::vector<store::Submission> a, a24, b, c, d;
        for (int i = 0; i < 8; ++i) {
            a.push_back(response("a25-" + std::to_string(i), "2025-0" + std::to_string(1 + i % 6) + "-10", "KTP-el",
                                 {4, 4, 3, static_cast<std::uint8_t>(3 + i % 2), 4, 4, 3, 3, 4}));
        }
        for (int i = 0; i < 6; ++i) {
            a24.push_back(response("a24-" + std::to_string(i), "2024-05-10", "KTP-el", {3, 3, 3, 3, 3, 3, 3, 3, 3}));
            b.push_back(response("b25-" + std::to_string(i), "2025-02-11", "KTP-el", {2, 3, 2, 2, 3, 2, 2, 3, 2}));
        }
        for (int i = 0; i < 3; ++i) c.push_back(response("c25-" + std::to_string(i), "2025-04-01", "KTP-el", {1, 1, 1, 1, 1, 1, 1, 1, 1}));
        for (int i = 0; i < 9; ++i) d.push_back(response("d25-" + std::to_string(i), "2025-03-01", "KTP-el", {3, 4, 3, 4, 3, 4, 3, 4, 3}));
        hub.ingest("kiosk-a", "Sukamaju", a);
        hub.ingest("kiosk-a", "Sukamaju", a24);
        hub.ingest("kiosk-b", "Sukamakmur", b);
        hub.ingest("kiosk-c", "Cibodas", c);
        hub.ingest("kiosk-d", "Cisarua", d);
        browser.login("admin", kPassword);
    }

    nlohmann::json ikm_api(const std::string& query) {
        httplib::SSLClient client("127.0.0.1", hub.port());
        client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
        client.enable_server_certificate_verification(true);
        const httplib::Headers headers{{"Authorization", "Bearer " + hub.admin_token}};
        const auto result = client.Get(("/api/v1/ikm" + query).c_str(), headers);
        EXPECT_TRUE(result && result->status == 200);
        return result ? nlohmann::json::parse(result->body, nullptr, false) : nlohmann::json();
    }

    // Each poster fetched is also kept under the build tree, to be looked at (pdftoppm).
    static void keep(const std::string& path, const std::string& bytes) {
        const std::filesystem::path dir = std::filesystem::path(SKM_BINARY_DIR) / "test-artifacts" / "hub-posters";
        std::filesystem::create_directories(dir);
        std::string name = path.substr(1);
        for (auto& ch : name) {
            if (ch == '/' || ch == '?' || ch == '&' || ch == '=') ch = '-';
        }
        std::ofstream(dir / name, std::ios::binary) << bytes;
    }

    std::string pdf_text(const std::string& path) {
        const Reply pdf = browser.get(path);
        EXPECT_EQ(pdf.status, 200) << path;
        EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-") << path;
        keep(path + ".pdf", pdf.body);
        const std::filesystem::path dir = skm::testing::make_temp_dir();
        {
            std::ofstream out(dir / "p.pdf", std::ios::binary);
            out << pdf.body;
        }
        const auto text = skm::testing::run_program({"/usr/bin/pdftotext", "-layout", (dir / "p.pdf").string(), "-"});
        std::filesystem::remove_all(dir);
        EXPECT_EQ(text.exit_code, 0) << text.err;
        return text.out;
    }

    // Sukamaju's kiosk sends its profile with a batch, as a kiosk does (sync/engine, real HTTPS).
    void send_profile(const sync::OfficeProfile& profile) {
        const std::string token = hub.enroll("kiosk-a2", "Sukamaju");
        skm::hub::testing::Kiosk kiosk({response("a2-1", "2025-06-02", "KTP-el", {4, 4, 4, 4, 4, 4, 4, 4, 4})});
        sync::TransportOptions t;
        t.url = hub.batches_url();
        t.device_token = token;
        t.ca_file = skm::testing::test_pki().ca.string();
        sync::CurlTransport transport(t);
        store::Outbox outbox(kiosk.db(), scheme());
        sync::EngineOptions options;
        options.device_id = "kiosk-a2";
        options.office_profile = [&](const store::Outbox&) { return profile; };
        sync::SyncEngine engine(outbox, transport, scheme(), kiosk.clock, [] { return 0.5; }, options);
        ASSERT_FALSE(engine.drain().failed);
    }

    static sync::OfficeProfile sukamaju_profile() {
        const std::string logo = reports::small_logo_png(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "kiosk" / "logo-demo.png", sync::kMaxProfileLogoBytes);
        EXPECT_FALSE(logo.empty());
        return {"Kantor Kecamatan Sukamaju", "WA 0812-0000-1111", "Menambah loket pada hari Senin.", "SP4N-LAPOR! — www.lapor.go.id",
                logo};
    }

    WebHub hub{GetParam()};
    Browser browser{hub};
};

TEST_P(HubPoster, TheProfileSentWithABatchIsKeptAndShownOnTheDevicesPage) {
    send_profile(sukamaju_profile());
    EXPECT_EQ(hub.count("SELECT count(*) FROM device_profiles WHERE device_id = 'kiosk-a2' AND kecamatan = 'Sukamaju' "
                        "AND office = 'Kantor Kecamatan Sukamaju' AND follow_up = 'Menambah loket pada hari Senin.' "
                        "AND length(logo_png_base64) > 100"),
              1);
    const auto kept = hub.web().latest_profile("Sukamaju");
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->logo_png, sukamaju_profile().logo_png);
    EXPECT_EQ(kept->contact, "WA 0812-0000-1111");
    EXPECT_FALSE(hub.web().latest_profile("Cisarua").has_value());

    const Reply devices = browser.get("/devices");
    const auto at = devices.body.find("<table id=\"profiles\">");
    ASSERT_NE(at, std::string::npos) << devices.body;
    const std::string table = devices.body.substr(at, devices.body.find("</table>", at) - at);
    EXPECT_NE(table.find("<td>kiosk-a2</td><td>Sukamaju</td><td>Kantor Kecamatan Sukamaju</td><td>WA 0812-0000-1111</td>"),
              std::string::npos)
        << table;
}

TEST_P(HubPoster, AKecamatanPosterHoldsTheIkmApiFiguresAndTheProfilesOfficeName) {
    send_profile(sukamaju_profile());
    const nlohmann::json api = ikm_api("?period=2025&kecamatan=Sukamaju");
    const std::string ikm = api["ikm"].get<std::string>();
    const std::string respondents = std::to_string(api["respondents"].get<std::uint64_t>());
    ASSERT_EQ(respondents, "9");  // 8 + the kiosk's one
    const std::string text = pdf_text("/export/poster.pdf?name=Sukamaju&period=2025");
    EXPECT_NE(text.find(comma(ikm)), std::string::npos) << ikm << "\n" << text;
    EXPECT_NE(text.find(respondents + " responden"), std::string::npos) << text;
    const std::map<std::string, std::string> mutu_words = {{"A", "Sangat baik"}, {"B", "Baik"}, {"C", "Kurang baik"}, {"D", "Tidak baik"}};
    EXPECT_NE(text.find(mutu_words.at(api["mutu"].get<std::string>())), std::string::npos) << text;
    EXPECT_NE(text.find("Kantor Kecamatan Sukamaju"), std::string::npos) << text;
    EXPECT_NE(text.find("WA 0812-0000-1111"), std::string::npos) << text;
    EXPECT_NE(text.find("Menambah loket pada hari Senin."), std::string::npos) << text;
    EXPECT_NE(text.find("Kecamatan Sukamaju"), std::string::npos) << text;
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'export_poster'"), 1);

    const Reply png = browser.get("/export/poster.png?name=Sukamaju&period=2025");
    ASSERT_EQ(png.status, 200);
    keep("/export/poster.png?name=Sukamaju&period=2025.png", png.body);
    EXPECT_EQ(png.header("Content-Type").value_or(""), "image/png");
    ASSERT_GT(png.body.size(), 24u);
    EXPECT_EQ(png.body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(big_endian(png.body, 16), 1080u);
    EXPECT_EQ(big_endian(png.body, 20), 1080u);
}

TEST_P(HubPoster, APosterWithoutAProfileNamesNoOffice) {
    send_profile(sukamaju_profile());  // Sukamaju's, not Cisarua's
    const nlohmann::json api = ikm_api("?period=2025&kecamatan=Cisarua");
    const std::string text = pdf_text("/export/poster.pdf?name=Cisarua&period=2025");
    EXPECT_NE(text.find(comma(api["ikm"].get<std::string>())), std::string::npos) << text;
    EXPECT_NE(text.find("9 responden"), std::string::npos) << text;
    EXPECT_NE(text.find("Kecamatan Cisarua"), std::string::npos) << text;  // the hub's own: where its kiosks are enrolled
    EXPECT_EQ(text.find("Kantor"), std::string::npos) << text;             // no office name made up
    EXPECT_EQ(text.find("Sukamaju"), std::string::npos) << text;
    EXPECT_EQ(text.find("Kontak kantor"), std::string::npos) << text;
    EXPECT_EQ(text.find("Yang kami tindak lanjuti"), std::string::npos) << text;
    EXPECT_NE(text.find("SP4N-LAPOR"), std::string::npos) << text;  // the national channel is every office's
}

TEST_P(HubPoster, TheMinNRuleAndTheSecondarySuppressionHold) {
    // Cibodas (3) is under min-n; Sukamakmur (6) is withheld so Cibodas cannot be worked out from the total.
    for (const std::string name : {"Cibodas", "Sukamakmur"}) {
        const std::string ikm = ikm_api("?period=2025&kecamatan=" + name)["ikm"].get<std::string>();
        const std::string text = pdf_text("/export/poster.pdf?name=" + name + "&period=2025");
        EXPECT_NE(text.find("Belum cukup data"), std::string::npos) << name << "\n" << text;
        EXPECT_EQ(text.find(comma(ikm)), std::string::npos) << name << "\n" << text;
        // Sukamakmur has enough of its own: the poster says why it is withheld all the same.
        const bool withheld = name == "Sukamakmur";
        EXPECT_EQ(text.find("tidak dapat dihitung dari jumlah") != std::string::npos, withheld) << name << "\n" << text;
        EXPECT_EQ(text.find("Nilai baru ditampilkan bila sedikitnya 5") != std::string::npos, !withheld) << name << "\n" << text;
    }
    const std::string sukamaju = pdf_text("/export/poster.pdf?name=Sukamaju&period=2025");
    EXPECT_EQ(sukamaju.find("Belum cukup data"), std::string::npos) << sukamaju;
}

TEST_P(HubPoster, TheKabupatenPosterHoldsTheKabupatensFigures) {
    const nlohmann::json api = ikm_api("?period=2025");
    ASSERT_EQ(api["respondents"].get<std::uint64_t>(), 26u);
    const std::string text = pdf_text("/export/poster.pdf?period=2025");
    EXPECT_NE(text.find(comma(api["ikm"].get<std::string>())), std::string::npos) << text;
    EXPECT_NE(text.find("26 responden"), std::string::npos) << text;
    EXPECT_NE(text.find("Seluruh kecamatan di kabupaten"), std::string::npos) << text;
    EXPECT_EQ(text.find("Kantor"), std::string::npos) << text;
    const Reply png = browser.get("/export/poster.png?period=2025");
    ASSERT_EQ(png.status, 200);
    keep("/export/poster.png?period=2025.png", png.body);
    EXPECT_EQ(big_endian(png.body, 16), 1080u);
    EXPECT_EQ(big_endian(png.body, 20), 1080u);
    // The links on the overview and the kecamatan page.
    EXPECT_NE(browser.get("/overview?period=2025").body.find("href=\"/export/poster.pdf?period=2025\""), std::string::npos);
    EXPECT_NE(browser.get("/kecamatan?name=Sukamaju&period=2025").body.find("href=\"/export/poster.png?name=Sukamaju&amp;period=2025\""),
              std::string::npos);
    EXPECT_EQ(browser.get("/export/poster.pdf?period=bogus").status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, HubPoster, SKM_ALL_HUB_BACKENDS);

}  // namespace
}  // namespace skm::hub::web::testing
