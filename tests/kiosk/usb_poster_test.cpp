// The poster from the staff view's USB tab (kiosk/core/usb_export): on the
// imported demo year, written into a temporary folder standing for the
// stick, the PDF's text holds the IKM, mutu words and respondents `skm score`
// gives for the semester, the PNG is 1080×1080, and a stick that cannot be
// written or a semester without answers gives a message in the staff's
// language and leaves no file behind. The profile sent to the hub carries
// the settings and a logo made small enough for the wire.
#include "formats/kiosk_config.hpp"
#include "kiosk/core/office_profile.hpp"
#include "kiosk/core/usb_export.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "tests/reports/report_test_support.hpp"

#include <gtest/gtest.h>

namespace skm::kiosk {
namespace {

using reports::test::comma;
using reports::test::kSource;
using reports::test::skm;

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
    return value;
}

class UsbPoster : public reports::test::DemoYearSuite {
protected:
    void SetUp() override {
        stick_ = file("stick-" + std::to_string(++count_));
        std::filesystem::create_directories(stick_);
        store::StoreOptions options;
        options.path = db();
        db_ = std::make_unique<store::ResponseStore>(options, reports::test::questionnaire().scheme, clock_);
    }
    void TearDown() override { db_.reset(); }

    static formats::KioskConfig config() {
        return formats::load_kiosk_config(kSource / "assets" / "kiosk" / "demo.json", kSource / "assets");
    }
    // 2025-09-15, in the demo year's second semester.
    static scoring::Timestamp september() { return scoring::Timestamp{{2025, 9, 15}, 10, 0, 0, 420}; }

    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(stick_)) names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    std::filesystem::path stick_;
    store::ManualClock clock_{september()};
    std::unique_ptr<store::ResponseStore> db_;
    inline static int count_ = 0;
};

TEST_F(UsbPoster, ThePosterOnTheStickHoldsWhatSkmScoreSays) {
    const auto score = skm({"score", "--db", db(), "--by", "semester", "--json"});
    ASSERT_EQ(score.exit_code, 0) << score.err;
    nlohmann::json s2;
    const auto json = nlohmann::json::parse(score.out);  // kept: a loop over a temporary's member dangles
    for (const auto& group : json["groups"]) {
        if (group["key"] == "2025-S2") s2 = group;
    }
    ASSERT_FALSE(s2.is_null()) << score.out;
    const std::string respondents = std::to_string(s2["respondents"].get<std::uint64_t>());

    for (const std::string lang : {"id", "en"}) {
        std::filesystem::remove_all(stick_);
        std::filesystem::create_directories(stick_);
        const ExportOutcome outcome = export_semester_poster(*db_, reports::test::questionnaire(), reports::test::catalog(lang),
                                                             stick_, september(), config());
        ASSERT_FALSE(outcome.problem) << outcome.problem->key;
        EXPECT_EQ(files(), (std::vector<std::string>{"poster-skm-2025-S2.pdf", "poster-skm-2025-S2.png"}));
        ASSERT_TRUE(outcome.file && outcome.second_file);
        EXPECT_EQ(*outcome.file, stick_ / "poster-skm-2025-S2.pdf");
        EXPECT_EQ(std::to_string(outcome.rows), respondents);
        EXPECT_FALSE(outcome.withheld);

        const std::string text = reports::test::pdf_text(*outcome.file);
        const std::string ikm = lang == "en" ? s2["ikm"].get<std::string>() : comma(s2["ikm"].get<std::string>());
        EXPECT_NE(text.find(ikm), std::string::npos) << lang << ": " << ikm << "\n" << text;
        EXPECT_NE(text.find(respondents + (lang == "en" ? " respondents" : " responden")), std::string::npos) << text;
        EXPECT_NE(text.find(lang == "en" ? "Service quality" : "Mutu pelayanan"), std::string::npos) << text;
        EXPECT_NE(text.find("Kantor Kecamatan Sukamaju"), std::string::npos) << text;  // the configured office
        EXPECT_NE(text.find("SP4N-LAPOR"), std::string::npos) << text;

        const std::string png = reports::test::read_file(*outcome.second_file);
        ASSERT_GT(png.size(), 24u);
        EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
        EXPECT_EQ(big_endian(png, 16), 1080u);
        EXPECT_EQ(big_endian(png, 20), 1080u);
    }
}

TEST_F(UsbPoster, AStickThatCannotBeWrittenSaysSoInTheStaffsLanguageAndLeavesNothing) {
    const auto gone = stick_ / "pulled-out";  // not there: the stick was pulled
    const ExportOutcome outcome =
        export_semester_poster(*db_, reports::test::questionnaire(), reports::test::catalog("en"), gone, september(), config());
    ASSERT_TRUE(outcome.problem);
    EXPECT_EQ(outcome.problem->key, "export.cannot_write");
    EXPECT_FALSE(outcome.file);
    const std::string message = reports::test::catalog("en").format(*outcome.problem);
    EXPECT_NE(message.find("cannot write " + (gone / "poster-skm-2025-S2.pdf").string()), std::string::npos) << message;
    EXPECT_EQ(files(), std::vector<std::string>{});
}

TEST_F(UsbPoster, ASemesterWithoutAnswersMakesNoPoster) {
    const ExportOutcome outcome = export_semester_poster(*db_, reports::test::questionnaire(), reports::test::catalog("id"), stick_,
                                                         scoring::Timestamp{{2031, 2, 1}, 10, 0, 0, 420}, config());
    ASSERT_TRUE(outcome.problem);
    EXPECT_EQ(outcome.problem->key, "poster.empty_period");
    const std::string message = reports::test::catalog("id").format(*outcome.problem);
    EXPECT_NE(message.find("poster tidak dibuat"), std::string::npos) << message;
    EXPECT_EQ(files(), std::vector<std::string>{});
}

TEST_F(UsbPoster, TheOfficeProfileCarriesTheSettingsAndASmallLogo) {
    ASSERT_EQ(skm({"settings", "set", "follow_up", "Menambah loket pada hari Senin.", "--db", db()}).exit_code, 0);
    ASSERT_EQ(skm({"settings", "set", "office_contact", "WA 0812-0000-1111", "--db", db()}).exit_code, 0);
    const store::Outbox outbox(db(), reports::test::questionnaire().scheme);
    const formats::KioskConfig kiosk = config();
    const std::string logo = profile_logo(kiosk.logo);
    ASSERT_FALSE(logo.empty());
    EXPECT_LE(logo.size(), sync::kMaxProfileLogoBytes);
    EXPECT_EQ(logo.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    const sync::OfficeProfile p = office_profile(outbox, kiosk, logo);
    EXPECT_EQ(p.office, kiosk.office);  // none set by staff: the configured one
    EXPECT_EQ(p.office, "Kantor Kecamatan Sukamaju");
    EXPECT_EQ(p.follow_up, "Menambah loket pada hari Senin.");
    EXPECT_EQ(p.contact, "WA 0812-0000-1111");
    EXPECT_EQ(p.complaint_channel, "SP4N-LAPOR! — www.lapor.go.id");
    EXPECT_EQ(p.logo_png, logo);
    EXPECT_EQ(profile_logo(kSource / "assets" / "i18n" / "id.json"), "");  // not a PNG: none
}

}  // namespace
}  // namespace skm::kiosk
