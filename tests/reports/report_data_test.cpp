// reports/report_data: the figures a report is made of, against the golden
// cases (the same numbers `skm score --json` must give), and the parts only a
// report has: periods, pooled vs mean-of-semesters, flagged responses, the
// weakest unsur, saran order, targets, capaian and earlier years.
#include "reports/report_data.hpp"

#include "reports/report_tables.hpp"
#include "report_test_support.hpp"
#include "store/office_data.hpp"

#include <gtest/gtest.h>

namespace skm::reports {
namespace {

using test::TestStore;

using test::gather;

std::string str(const std::optional<scoring::Decimal>& value) { return value ? value->str('.') : "null"; }

// ---- periods ---------------------------------------------------------------------

TEST(ReportPeriod, EveryFormOfTheContract) {
    const auto year = parse_report_period("2024");
    EXPECT_TRUE(year.annual());
    EXPECT_EQ(year.year(), 2024);
    EXPECT_EQ(year.range.first.str(), "2024-01-01");
    EXPECT_EQ(year.range.last.str(), "2024-12-31");
    ASSERT_TRUE(year.id);

    const auto s1 = parse_report_period("2024-S1");
    EXPECT_FALSE(s1.annual());
    EXPECT_EQ(s1.range.last.str(), "2024-06-30");
    const auto tw3 = parse_report_period("2024-TW3");
    EXPECT_EQ(tw3.range.first.str(), "2024-07-01");
    EXPECT_EQ(tw3.range.last.str(), "2024-09-30");
    const auto march = parse_report_period("2024-03");
    EXPECT_EQ(march.range.last.str(), "2024-03-31");

    const auto range = parse_report_period("2024-01-01..2024-06-30");
    EXPECT_FALSE(range.id);
    EXPECT_FALSE(range.annual());
    EXPECT_EQ(range.year(), 2024);
    // A range covering exactly one calendar year is an annual period too.
    EXPECT_TRUE(parse_report_period("2024-01-01..2024-12-31").annual());
    EXPECT_FALSE(parse_report_period("2023-07-01..2024-06-30").year().has_value());
}

TEST(ReportPeriod, BadPeriodsAreUsageErrors) {
    for (const char* bad : {"", "2024-S3", "2024-TW5", "2024-13", "24", "2024-06-30..2024-01-01", "2024-02-30..2024-03-01",
                            "semester 1", "2024-S1 "}) {
        try {
            parse_report_period(bad);
            ADD_FAILURE() << "accepted \"" << bad << "\"";
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::usage) << bad;
            EXPECT_EQ(error.problem().key, "report.bad_period") << bad;
        }
    }
}

TEST(ReportPeriod, AnnualMethodNames) {
    EXPECT_EQ(parse_annual_method("pooled"), AnnualMethod::pooled);
    EXPECT_EQ(parse_annual_method("semesters"), AnnualMethod::semesters);
    EXPECT_THROW(parse_annual_method("mean"), Error);
}

// ---- golden figures ----------------------------------------------------------------

TEST(ReportData, OverallFiguresEqualTheGoldenCases) {
    const auto cases = test::golden()["ikm"];
    int checked = 0;
    for (const auto& c : cases) {
        const auto& expect = c["expect"];
        if (!expect.contains("ikm")) continue;  // the pooled-vs-semesters case has only groups
        SCOPED_TRACE(c["name"].get<std::string>());
        TestStore db(c["csv"].get<std::string>());
        const ReportData data = gather(db, "2024");
        const auto& s = data.overall.pooled;
        EXPECT_EQ(s.respondents, expect["respondents"].get<std::uint64_t>());
        EXPECT_EQ(str(s.ikm), expect["ikm"].get<std::string>());
        EXPECT_EQ(str(s.ikm_unit), expect["ikm_unit"].get<std::string>());
        ASSERT_TRUE(s.mutu);
        EXPECT_EQ(std::string(1, scoring::mutu_letter(*s.mutu)), expect["mutu"].get<std::string>());
        for (std::size_t i = 0; i < s.unsur.size(); ++i) {
            const auto& u = expect["unsur"][s.unsur[i].code];
            EXPECT_EQ(str(s.unsur[i].nrr), u["nrr"].get<std::string>()) << s.unsur[i].code;
            EXPECT_EQ(s.unsur[i].answered, u["answered"].get<std::uint64_t>()) << s.unsur[i].code;
        }
        // The legacy figure is the 0.111 one of the golden file.
        EXPECT_EQ(str(data.legacy), expect["legacy"]["0.111"].get<std::string>());
        ASSERT_TRUE(s.ci95);
        EXPECT_EQ(s.ci95->low.str('.'), expect["ci95"][0].get<std::string>());
        // The headline of a pooled annual report is the pooled figure.
        EXPECT_EQ(str(data.headline().ikm), expect["ikm"].get<std::string>());
        ++checked;
    }
    EXPECT_EQ(checked, 4);
}

TEST(ReportData, PerLayananEqualsTheGoldenGroups) {
    for (const auto& c : test::golden()["ikm"]) {
        if (!c["expect"].contains("groups_by_layanan")) continue;
        TestStore db(c["csv"].get<std::string>());
        const ReportData data = gather(db, "2024");
        const auto& groups = c["expect"]["groups_by_layanan"];
        ASSERT_EQ(data.layanan.size(), groups.size());
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            EXPECT_EQ(data.layanan[i].layanan, groups[i]["key"].get<std::string>());
            const auto& ikm = groups[i]["ikm"];
            EXPECT_EQ(str(data.layanan[i].figures.pooled.ikm), ikm.is_null() ? "null" : ikm.get<std::string>()) << groups[i]["key"];
            total += data.layanan[i].figures.pooled.respondents;
        }
        EXPECT_EQ(total, data.respondents());
        return;
    }
    FAIL() << "no golden case with groups_by_layanan";
}

TEST(ReportData, AnnualPooledAndMeanOfSemestersAreBothThere) {
    for (const auto& c : test::golden()["ikm"]) {
        if (!c["expect"].contains("groups_by_year")) continue;
        const auto& year = c["expect"]["groups_by_year"][0];
        TestStore db(c["csv"].get<std::string>());

        const ReportData pooled = gather(db, "2024", AnnualMethod::pooled);
        ASSERT_TRUE(pooled.annual);
        EXPECT_EQ(str(pooled.headline().ikm), year["ikm"].get<std::string>());
        EXPECT_EQ(str(other_headline(pooled.overall, AnnualMethod::pooled).ikm), year["ikm_mean_of_semesters"].get<std::string>());

        const ReportData semesters = gather(db, "2024", AnnualMethod::semesters);
        EXPECT_EQ(str(semesters.headline().ikm), year["ikm_mean_of_semesters"].get<std::string>());
        EXPECT_EQ(str(other_headline(semesters.overall, AnnualMethod::semesters).ikm), year["ikm"].get<std::string>());
        // Mutu follows the figure actually reported: 72.04 is C, 78.19 is B.
        EXPECT_EQ(scoring::mutu_letter(*semesters.headline().mutu), 'C');
        EXPECT_EQ(scoring::mutu_letter(*pooled.headline().mutu), 'B');

        // A semester report is never "annual": its headline is its own pooled figure.
        const ReportData s1 = gather(db, "2024-S1", AnnualMethod::semesters);
        EXPECT_FALSE(s1.annual);
        EXPECT_EQ(str(s1.headline().ikm), c["expect"]["groups_by_semester"][0]["ikm"].get<std::string>());
        return;
    }
    FAIL() << "no golden case with groups_by_year";
}

// ---- what only a report has ---------------------------------------------------------

std::string row(const std::string& id, const std::string& at, const std::string& layanan, const std::string& answers,
                const std::string& saran = "", const std::string& flags = "", const std::string& profile = "L,30-39,SMA,PNS") {
    return id + "," + at + "," + layanan + "," + profile + "," + answers + "," + saran + "," + flags + "\n";
}

TEST(ReportData, FlaggedResponsesCountButAreAlsoShownWithout) {
    TestStore db(test::kHeader + row("a", "2024-02-01T09:00:00+07:00", "KTP-el", "4,4,4,4,4,4,4,4,4") +
                 row("b", "2024-02-02T09:00:00+07:00", "KTP-el", "2,2,2,2,2,2,2,2,2") +
                 row("c", "2024-02-03T09:00:00+07:00", "KTP-el", "1,1,1,1,1,1,1,1,1", "", "too_fast;straight_line"));
    const ReportData data = gather(db, "2024-02", AnnualMethod::pooled, {}, 1);
    EXPECT_EQ(data.respondents(), 3u);
    EXPECT_EQ(data.flagged, 1u);
    EXPECT_EQ(data.unflagged.pooled.respondents, 2u);
    EXPECT_EQ(str(data.overall.pooled.ikm), "58.33");   // (4+2+1)/3 × 25
    EXPECT_EQ(str(data.unflagged.pooled.ikm), "75.00");  // (4+2)/2 × 25
}

TEST(ReportData, ProfileMonthsAndWeakestUnsur) {
    TestStore db(test::kHeader + row("a", "2024-01-10T09:00:00+07:00", "KTP-el", "4,3,2,4,4,4,4,1,4", "", "", "L,30-39,SMA,PNS") +
                 row("b", "2024-03-05T09:00:00+07:00", "SKTM", "4,3,2,4,4,4,4,1,4", "", "", "P,,S1,Swasta") +
                 row("c", "2024-03-06T09:00:00+07:00", "SKTM", "4,3,3,4,4,4,4,,3", "", "", "P,60+,,Lainnya"));
    const ReportData data = gather(db, "2024-S1", AnnualMethod::pooled, {}, 1);
    ASSERT_EQ(data.months.size(), 6u);
    EXPECT_EQ(data.months[0].summary.respondents, 1u);
    EXPECT_EQ(data.months[1].summary.respondents, 0u);
    EXPECT_FALSE(data.months[1].summary.ikm);
    EXPECT_EQ(data.months[2].summary.respondents, 2u);

    ASSERT_EQ(data.profile.size(), 6u);
    for (const auto& table : data.profile) {
        EXPECT_EQ(table.total, 3u) << table.field;
        std::uint64_t sum = 0;
        for (const auto& count : table.counts) sum += count.count;
        EXPECT_EQ(sum, 3u) << table.field;
    }
    // Vocabulary order, zero rows kept, "not answered" last.
    const auto& umur = data.profile[1];
    EXPECT_EQ(umur.counts.front().value, "<20");
    EXPECT_EQ(umur.counts.back().value, "");
    EXPECT_EQ(umur.counts.back().count, 1u);
    EXPECT_EQ(data.profile[4].field, "layanan");
    // How they answered: the channels in the vocabulary's order, rows without one "not recorded" last.
    const auto& channel = data.profile[5];
    EXPECT_EQ(channel.field, "channel");
    ASSERT_EQ(channel.counts.size(), 5u);
    EXPECT_EQ(channel.counts[0].value, "kiosk");
    EXPECT_EQ(channel.counts[1].value, "link");
    EXPECT_EQ(channel.counts.back().value, "");
    EXPECT_EQ(channel.counts.back().count, 3u);

    // pengaduan 1 (two answers), waktu 7/3, prosedur 3; the rest higher: lowest first.
    ASSERT_EQ(data.weakest.size(), 3u);
    EXPECT_EQ(test::questionnaire().unsur[data.weakest[0]].code, "pengaduan");
    EXPECT_EQ(test::questionnaire().unsur[data.weakest[1]].code, "waktu");
    EXPECT_EQ(test::questionnaire().unsur[data.weakest[2]].code, "prosedur");
}

TEST(ReportData, SaranNewestFirstByInstantAcrossOffsets) {
    // 10:00 WIT (+09) is 08:00 WIB: earlier than 09:00 WIB the same day.
    TestStore db(test::kHeader + row("a", "2024-05-01T09:00:00+07:00", "KTP-el", "3,3,3,3,3,3,3,3,3", "pertama WIB") +
                 row("b", "2024-05-01T10:00:00+09:00", "SKTM", "3,3,3,3,3,3,3,3,3", "lebih awal WIT") +
                 row("c", "2024-05-02T08:00:00+07:00", "KK", "3,3,3,3,3,3,3,3,3", "terbaru") +
                 row("d", "2024-05-02T08:30:00+07:00", "KK", "3,3,3,3,3,3,3,3,3", ""));
    const ReportData data = gather(db, "2024-05", AnnualMethod::pooled, {}, 1);
    ASSERT_EQ(data.saran.size(), 3u);
    EXPECT_EQ(data.saran[0].saran, "terbaru");
    EXPECT_EQ(data.saran[1].saran, "pertama WIB");
    EXPECT_EQ(data.saran[2].saran, "lebih awal WIT");
    EXPECT_EQ(data.saran[2].layanan, "SKTM");
    EXPECT_EQ(data.saran[2].date.str(), "2024-05-01");
}

TEST(ReportData, TargetsCapaianAndEarlierYearsForTheLkjip) {
    TestStore db(test::kHeader + row("a", "2022-03-01T09:00:00+07:00", "KTP-el", "3,3,3,3,3,3,3,3,3") +
                 row("b", "2024-03-01T09:00:00+07:00", "KTP-el", "4,4,4,4,3,3,3,3,3") +
                 row("c", "2024-08-01T09:00:00+07:00", "SKTM", "4,4,4,4,4,4,4,4,4"));
    auto& conn = db.store().connection();
    ASSERT_FALSE(store::set_target(conn, 2024, "", "85.50"));
    ASSERT_FALSE(store::set_target(conn, 2023, "", "80.00"));
    ASSERT_FALSE(store::set_target(conn, 2024, "SKTM", "90.00"));
    ASSERT_FALSE(store::set_population(conn, 2024, "KTP-el", 1899));

    const ReportData data = gather(db, "2024", AnnualMethod::pooled, {}, 1);
    EXPECT_EQ(str(data.target), "85.50");
    EXPECT_EQ(str(data.overall.pooled.ikm), "93.06");  // (4 × 4 + 5 × 7/2) / 9 × 25 = 93.055…
    ASSERT_TRUE(data.population);
    EXPECT_EQ(*data.population, 1899u);  // summed from the layanan: no office-wide figure
    ASSERT_TRUE(data.sample);
    EXPECT_EQ(data.sample->needed, 320u);
    // 2020 and 2021 have neither data nor a target; 2022 has data, 2023 a target.
    ASSERT_EQ(data.previous_years.size(), 2u);
    EXPECT_EQ(data.previous_years[0].year, 2022);
    EXPECT_EQ(str(data.previous_years[0].figures.pooled.ikm), "75.00");
    EXPECT_FALSE(data.previous_years[0].target);
    EXPECT_EQ(data.previous_years[1].year, 2023);
    EXPECT_EQ(str(data.previous_years[1].target), "80.00");
    EXPECT_EQ(data.previous_years[1].figures.pooled.respondents, 0u);

    const auto& sktm = data.layanan[1];
    EXPECT_EQ(sktm.layanan, "SKTM");
    EXPECT_EQ(str(sktm.target), "90.00");

    // Capaian = printed realisasi / target × 100, half-up: 93.06 / 85.50 = 108.842… → 108.84.
    EXPECT_EQ(str(capaian(data.headline().ikm, data.target)), "108.84");
    const ReportTables tables = build_tables(data, test::catalog(), ',');
    const auto& last = tables.lkjip.rows.back();
    EXPECT_EQ(last.cells[1].display(','), "2024");
    EXPECT_EQ(last.cells[2].display(','), "85,50");
    EXPECT_EQ(last.cells[3].display(','), "93,06");
    EXPECT_EQ(last.cells[4].display(','), "108,84");
    EXPECT_EQ(tables.lkjip.rows.size(), 3u);
}

TEST(ReportData, LayananWithoutResponsesAreListedAndTheOfficeNameComesFromSettings) {
    TestStore db(test::kHeader + row("a", "2024-03-01T09:00:00+07:00", "KTP-el", "3,3,3,3,3,3,3,3,3"));
    store::seed_layanan(db.store().connection(), {"KTP-el", "Legalisasi"});
    db.store().set_setting("office_name", "Kantor Kecamatan Uji");
    const ReportData data = gather(db, "2024");
    ASSERT_EQ(data.layanan.size(), 2u);
    EXPECT_EQ(data.layanan[1].layanan, "Legalisasi");
    EXPECT_EQ(data.layanan[1].figures.pooled.respondents, 0u);
    EXPECT_FALSE(data.layanan[1].figures.pooled.ikm);
    EXPECT_EQ(data.office, "Kantor Kecamatan Uji");
}

TEST(ReportData, AnEmptyPeriodHasNoRespondents) {
    TestStore db(test::kHeader + row("a", "2024-03-01T09:00:00+07:00", "KTP-el", "3,3,3,3,3,3,3,3,3"));
    const ReportData data = gather(db, "2023-S2");
    EXPECT_EQ(data.respondents(), 0u);
    EXPECT_FALSE(data.headline().ikm);
}

}  // namespace
}  // namespace skm::reports
