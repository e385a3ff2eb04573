// reports/poster_data and poster_render: the poster's figures under the min-n
// rule (a small group gives none at all), the change against the previous
// period computed from the exact IKM, the weakest unsur marked, the file
// kinds and their sizes (a PNG's header says 1080×1080).
#include "reports/poster_data.hpp"
#include "reports/poster_render.hpp"
#include "report_test_support.hpp"

#include <gtest/gtest.h>

namespace skm::reports {
namespace {

using test::TestStore;

std::string row(const std::string& id, const std::string& at, const std::string& layanan, const std::string& answers) {
    return id + "," + at + "," + layanan + ",L,30-39,SMA,PNS," + answers + ",,\n";
}

// n rows of one layanan on one day, all with the same answers.
std::string rows(const std::string& prefix, int n, const std::string& date, const std::string& layanan, const std::string& answers) {
    std::string out;
    for (int i = 0; i < n; ++i) out += row(prefix + std::to_string(i), date + "T09:00:00+07:00", layanan, answers);
    return out;
}

PosterData poster(TestStore& db, const std::string& period, std::optional<std::string> layanan = std::nullopt,
                  std::uint64_t min_n = 5) {
    PosterRequest request;
    request.report.period = parse_report_period(period);
    request.report.generated_on = {2025, 1, 15};
    request.layanan = std::move(layanan);
    request.min_n = min_n;
    return gather_poster(db.store(), test::questionnaire(), std::move(request));
}

std::string str(const std::optional<scoring::Decimal>& value) { return value ? value->str('.') : "null"; }

// S1: six KTP-el respondents answering all 4 (IKM 100.00); S2: six answering
// all 3 except the third unsur at 2, and three Informasi respondents.
const std::string kTwoSemesters =
    test::kHeader + rows("a", 6, "2024-03-01", "KTP-el", "4,4,4,4,4,4,4,4,4") +
    rows("b", 6, "2024-08-01", "KTP-el", "3,3,2,3,3,3,3,3,3") + rows("c", 3, "2024-08-02", "Informasi", "4,4,4,4,4,4,4,4,4");

TEST(PosterData, FiguresAndTheChangeAgainstThePreviousPeriod) {
    TestStore db(kTwoSemesters);
    const PosterData p = poster(db, "2024-S2");
    EXPECT_TRUE(p.enough);
    EXPECT_EQ(p.respondents, 9u);
    // (6 × (8×3 + 2) + 3 × 36) / (9 × 9) = 264/81 → × 25 = 81.48
    EXPECT_EQ(str(p.headline.ikm), "81.48");
    ASSERT_EQ(p.bars.size(), 9u);
    for (const auto& bar : p.bars) EXPECT_EQ(bar.weakest, bar.unsur == 2) << bar.unsur;
    EXPECT_EQ(str(p.bars[2].nrr), "2.667");  // (6×2 + 3×4) / 9
    ASSERT_TRUE(p.previous);
    EXPECT_EQ(scoring::period_key(*p.previous), "2024-S1");
    EXPECT_EQ(str(p.previous_ikm), "100.00");
    EXPECT_EQ(str(p.change), "-18.52");  // 6600/81 − 100, exact then rounded
    EXPECT_FALSE(p.sample);  // no population set: no sample claimed
}

TEST(PosterData, AGroupUnderMinNGetsNoFigureAtAll) {
    TestStore db(kTwoSemesters);
    const PosterData small = poster(db, "2024-S2", "Informasi");
    EXPECT_FALSE(small.enough);
    EXPECT_FALSE(small.headline.ikm);
    EXPECT_FALSE(small.headline.mutu);
    EXPECT_TRUE(small.bars.empty());
    EXPECT_FALSE(small.change);
    EXPECT_FALSE(small.previous_ikm);
    // The office's min-n setting decides: at 10 even the whole office is too small.
    EXPECT_FALSE(poster(db, "2024-S2", std::nullopt, 10).enough);
    // KTP-el (6) is withheld too, as in the report: beside the office's 9 it would give
    // Informasi's 3 away by subtraction (secondary suppression, scoring::hidden_groups).
    const PosterData ktp = poster(db, "2024-S2", "KTP-el");
    EXPECT_FALSE(ktp.enough);
    EXPECT_FALSE(ktp.headline.ikm);
    // At min-n 3 both layanan are shown, and a shown poster has its figure.
    const PosterData shown = poster(db, "2024-S2", "KTP-el", 3);
    EXPECT_TRUE(shown.enough);
    EXPECT_TRUE(shown.headline.ikm);
}

TEST(PosterData, APreviousPeriodUnderMinNIsNotComparedWith) {
    TestStore db(test::kHeader + rows("a", 4, "2024-03-01", "KTP-el", "4,4,4,4,4,4,4,4,4") +
                 rows("b", 6, "2024-08-01", "KTP-el", "3,3,3,3,3,3,3,3,3"));
    const PosterData p = poster(db, "2024-S2");
    EXPECT_EQ(str(p.headline.ikm), "75.00");
    ASSERT_TRUE(p.previous);
    EXPECT_FALSE(p.previous_ikm);
    EXPECT_FALSE(p.change);
    // A date range has no previous period.
    EXPECT_FALSE(poster(db, "2024-07-01..2024-12-31").previous);
}

TEST(PosterData, AnUnknownLayananIsAUsageError) {
    TestStore db(kTwoSemesters);
    try {
        poster(db, "2024-S2", "Tidak Ada");
        ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
        EXPECT_EQ(e.problem().key, "poster.unknown_layanan");
    }
}

TEST(PosterFormat, FromTheFileEndingAndPaper) {
    EXPECT_EQ(parse_poster_format("p.pdf", std::nullopt), PosterFormat::pdf_a4);
    EXPECT_EQ(parse_poster_format("p.PDF", std::string("a4")), PosterFormat::pdf_a4);
    EXPECT_EQ(parse_poster_format("p.pdf", std::string("a3")), PosterFormat::pdf_a3);
    EXPECT_EQ(parse_poster_format("p.png", std::nullopt), PosterFormat::png_square);
    const std::vector<std::pair<std::string, std::optional<std::string>>> bad = {
        {"p.png", "a4"}, {"p.pdf", "a5"}, {"p.jpg", std::nullopt}, {"poster", std::nullopt}};
    const std::vector<std::string> keys = {"poster.paper_with_png", "poster.bad_paper", "poster.bad_output", "poster.bad_output"};
    for (std::size_t i = 0; i < bad.size(); ++i) {
        try {
            parse_poster_format(bad[i].first, bad[i].second);
            ADD_FAILURE() << bad[i].first;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::usage);
            EXPECT_EQ(e.problem().key, keys[i]) << bad[i].first;
        }
    }
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
    return value;
}

TEST(PosterRender, ThePngIs1080SquareAndTheLogoIsDrawn) {
    TestStore db(kTwoSemesters);
    PosterData p = poster(db, "2024-S2");
    p.logo = test::kSource / "assets" / "kiosk" / "logo-demo.png";
    const auto png = render_poster(p, test::catalog(), PosterFormat::png_square);
    ASSERT_GT(png.bytes.size(), 24u);
    EXPECT_EQ(png.bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(png.bytes.substr(12, 4), "IHDR");
    EXPECT_EQ(big_endian(png.bytes, 16), 1080u);
    EXPECT_EQ(big_endian(png.bytes, 20), 1080u);
    EXPECT_TRUE(png.logo_drawn);
    p.logo = test::kSource / "assets" / "i18n" / "id.json";  // not a PNG: the poster is made without it
    EXPECT_FALSE(render_poster(p, test::catalog(), PosterFormat::png_square).logo_drawn);
}

}  // namespace
}  // namespace skm::reports
