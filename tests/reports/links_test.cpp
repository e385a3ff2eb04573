// QR codes and `skm links`: a matrix from reports/qr_code drawn as a plain
// picture reads back (zbarimg) as the text it was made from; the printed slips
// of `skm links` hold N codes, six to an A4 page, each a different link under
// the hub's address, with the office's name, the layanan and the expiry date
// in the PDF's text (pdftotext); wrong command lines are usage errors (exit 2)
// that write nothing, and a database without office name or hub is refused.
#include "qr_test_support.hpp"
#include "report_test_support.hpp"
#include "reports/qr_code.hpp"

#include "store/sqlite.hpp"

#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <set>

namespace skm::reports {
namespace {

using test::skm;

// The matrix as a PGM picture, `scale` pixels per module, with its quiet zone.
void write_pgm(const QrMatrix& code, const std::filesystem::path& file, int scale) {
    const int side = code.size_with_quiet_zone() * scale;
    std::ofstream out(file, std::ios::binary);
    out << "P5\n" << side << " " << side << "\n255\n";
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int mx = x / scale - kQrQuietModules;
            const int my = y / scale - kQrQuietModules;
            const bool dark = mx >= 0 && my >= 0 && mx < code.size() && my < code.size() && code.dark(mx, my);
            out.put(static_cast<char>(dark ? 0 : 255));
        }
    }
}

TEST(QrCode, AMatrixReadsBackAsItsText) {
    const std::string dir = testing::make_temp_dir();
    const std::vector<std::string> texts = {
        "https://hub.example/l/TEST-1",
        // The shape of a signed link (sync/link_token): ~190 characters.
        "https://skm.kabupaten-contoh.go.id/l/1.kios-sukamaju-1.Q2hhbmdlTWVQbGVhc2UxMjM.20261202.1764844800.S1RQLWVs."
        "c2lnbmF0dXJlLW9mLTY0LWJ5dGVzLWluLWJhc2U2NHVybC13aXRob3V0LXBhZGRpbmctYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo",
    };
    int n = 0;
    for (const auto& text : texts) {
        const QrMatrix code = encode_qr(text);
        // Version 1 is 21 modules, each version 4 more.
        EXPECT_EQ((code.size() - 21) % 4, 0) << code.size();
        const auto file = std::filesystem::path(dir) / ("code-" + std::to_string(++n) + ".pgm");
        write_pgm(code, file, 4);
        EXPECT_EQ(skm::test::decode_qr_codes(file), std::vector<std::string>{text});
    }
    std::filesystem::remove_all(dir);
}

TEST(QrCode, LongerTextNeedsABiggerSymbolAndTooLongIsRefused) {
    EXPECT_EQ(encode_qr("https://hub.example/l/TEST-1").size(), 29);  // 28 bytes: over version 2-M (26), version 3
    EXPECT_GT(encode_qr(std::string(180, 'a')).size(), encode_qr(std::string(60, 'a')).size());
    try {
        encode_qr(std::string(4000, 'a'));  // version 40 at level M holds 2331 bytes
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::input);
        EXPECT_EQ(e.problem().key, "links.qr_too_long");
    }
}

// A device database with an office name and a hub, in its own folder.
class SkmLinks : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = testing::make_temp_dir();
        ASSERT_EQ(skm({"import", (test::kSource / "assets" / "demo" / "responses.csv").string(), "--db", db()}).exit_code, 0);
        ASSERT_EQ(skm({"settings", "set", "office", "Kantor Kecamatan Sukamaju", "--db", db()}).exit_code, 0);
        ASSERT_EQ(skm({"settings", "set", "hub_url", "https://hub.example/api/v1/batches", "--db", db()}).exit_code, 0);
        mark_key_registered(db());
    }
    // As the hub's reply to a sync does (sync/engine): this kiosk's link key is
    // registered for device kiosk-uji-01, so links can be made.
    static void mark_key_registered(const std::string& path) {
        store::Connection connection(path, SQLITE_OPEN_READWRITE);
        connection.exec("INSERT OR REPLACE INTO settings (key, value) VALUES ('link.device_id', 'kiosk-uji-01')");
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string db() const { return dir_ + "/skm.db"; }
    std::string file(const std::string& name) const { return dir_ + "/" + name; }

    // The codes on page `page` of the PDF, rendered as a printer would (150 dpi).
    std::vector<std::string> codes_on_page(const std::string& pdf, int page) {
        const std::string prefix = file("page-" + std::to_string(page));
        const auto render = testing::run_program({test::tool("pdftoppm"), "-r", "150", "-gray", "-png", "-singlefile", "-f",
                                                  std::to_string(page), "-l", std::to_string(page), pdf, prefix});
        EXPECT_EQ(render.exit_code, 0) << render.err;
        return skm::test::decode_qr_codes(prefix + ".png");
    }

    std::string dir_;
};

// "4 Desember 2026": the day `seconds` from now, as this machine's clock reads it.
std::string indonesian_date_in(std::time_t seconds) {
    static const char* kMonths[] = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                    "Agustus", "September", "Oktober", "November", "Desember"};
    const std::time_t at = std::time(nullptr) + seconds;
    std::tm local{};
    localtime_r(&at, &local);
    return std::to_string(local.tm_mday) + " " + kMonths[local.tm_mon] + " " + std::to_string(local.tm_year + 1900);
}

TEST_F(SkmLinks, TenSlipsOnTwoPagesEachADifferentLinkThatReadsBack) {
    const std::string pdf = file("links.pdf");
    const auto result = skm({"links", "--db", db(), "--count", "10", "-o", pdf});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("10"), std::string::npos) << result.out;
    EXPECT_FALSE(std::filesystem::exists(pdf + ".partial"));
    ASSERT_EQ(test::pdf_pages(pdf), 2);
    const auto first = codes_on_page(pdf, 1);
    const auto second = codes_on_page(pdf, 2);
    EXPECT_EQ(first.size(), 6u);
    EXPECT_EQ(second.size(), 4u);
    std::set<std::string> links(first.begin(), first.end());
    links.insert(second.begin(), second.end());
    EXPECT_EQ(links.size(), 10u) << "every slip a different link";
    for (const auto& link : links) {
        EXPECT_EQ(link.rfind("https://hub.example/l/", 0), 0u) << link;
        EXPECT_GT(link.size(), std::string("https://hub.example/l/").size() + 16) << "an unguessable part: " << link;
    }
    // A second run: new links, none the first run printed.
    const std::string again = file("again.pdf");
    ASSERT_EQ(skm({"links", "--db", db(), "--count", "1", "-o", again}).exit_code, 0);
    const auto next = codes_on_page(again, 1);
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(links.count(next[0]), 0u);
}

TEST_F(SkmLinks, EachSlipNamesTheOfficeTheLayananAndTheExpiryDate) {
    const std::string pdf = file("ktp.pdf");
    const auto result = skm({"links", "--db", db(), "--count", "3", "--layanan", "KTP-el", "-o", pdf});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string text = test::pdf_text(pdf);
    auto count = [&](const std::string& word) {
        std::size_t n = 0;
        for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("Kantor Kecamatan"), 3u) << text;
    EXPECT_EQ(count("Layanan: KTP-el"), 3u) << text;
    EXPECT_EQ(count("kamera HP"), 3u) << text;
    // Valid for the default two days from now (link_valid_days).
    const std::string expiry = indonesian_date_in(2 * 86'400);
    EXPECT_EQ(count(expiry), 3u) << expiry << "\n" << text;
    EXPECT_EQ(count("Berlaku sampai"), 3u) << text;
    // In English when asked.
    ASSERT_EQ(skm({"--lang", "en", "links", "--db", db(), "--count", "1", "-o", file("en.pdf")}).exit_code, 0);
    const std::string english = test::pdf_text(file("en.pdf"));
    EXPECT_NE(english.find("Valid until"), std::string::npos) << english;
    EXPECT_NE(english.find("Kantor Kecamatan Sukamaju"), std::string::npos) << english;
}

TEST_F(SkmLinks, UsageErrorsExitTwoAndWriteNothing) {
    const std::string out = file("bad.pdf");
    test::expect_usage_errors({
        {"links", "--db", db(), "-o", out},                                // no --count
        {"links", "--db", db(), "--count", "0", "-o", out},
        {"links", "--db", db(), "--count", "1001", "-o", out},
        {"links", "--db", db(), "--count", "ten", "-o", out},
        {"links", "--db", db(), "--count", "-3", "-o", out},
        {"links", "--db", db(), "--count", "5"},                           // no output
        {"links", "--db", db(), "--count", "5", "-o", file("bad.png")},
        {"links", "--count", "5", "-o", out},                              // no database
        {"links", "--db", db(), "--count", "5", "--layanan", "", "-o", out},
        {"links", "--db", db(), "--count", "5", "-o", out, "--paper", "a3"},
    });
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(file("bad.png")));
    const auto count = skm({"--lang", "en", "links", "--db", db(), "--count", "0", "-o", out});
    EXPECT_NE(count.err.find("1 to 1000"), std::string::npos) << count.err;
}

TEST_F(SkmLinks, NoHubOrNoOfficeNameIsRefusedWithTheFix) {
    const std::string out = file("x.pdf");
    ASSERT_EQ(skm({"settings", "set", "hub_url", "", "--db", db()}).exit_code, 0);
    const auto no_hub = skm({"--lang", "en", "links", "--db", db(), "--count", "2", "-o", out});
    EXPECT_EQ(no_hub.exit_code, 3) << no_hub.err;
    EXPECT_NE(no_hub.err.find("hub_url"), std::string::npos) << no_hub.err;
    EXPECT_FALSE(std::filesystem::exists(out));

    const std::string fresh = file("fresh.db");
    ASSERT_EQ(skm({"settings", "set", "hub_url", "https://hub.example/api/v1/batches", "--db", fresh}).exit_code, 0);
    const auto no_office = skm({"--lang", "en", "links", "--db", fresh, "--count", "2", "-o", out});
    EXPECT_EQ(no_office.exit_code, 3) << no_office.err;
    EXPECT_NE(no_office.err.find("skm settings set office"), std::string::npos) << no_office.err;
    EXPECT_FALSE(std::filesystem::exists(out));

    // A hub set but the kiosk's key not yet taken by it: wait for the next sync.
    const std::string unsynced = file("unsynced.db");
    ASSERT_EQ(skm({"settings", "set", "office", "Kantor Kecamatan Sukamaju", "--db", unsynced}).exit_code, 0);
    ASSERT_EQ(skm({"settings", "set", "hub_url", "https://hub.example/api/v1/batches", "--db", unsynced}).exit_code, 0);
    const auto unregistered = skm({"--lang", "en", "links", "--db", unsynced, "--count", "2", "-o", out});
    EXPECT_EQ(unregistered.exit_code, 3) << unregistered.err;
    EXPECT_NE(unregistered.err.find("Status"), std::string::npos) << unregistered.err;
    EXPECT_FALSE(std::filesystem::exists(out));

    const auto missing = skm({"links", "--db", file("nothing-here.db"), "--count", "2", "-o", out});
    EXPECT_NE(missing.exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(file("nothing-here.db")));
}

}  // namespace
}  // namespace skm::reports
