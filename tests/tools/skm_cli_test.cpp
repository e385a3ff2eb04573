// The `skm` program as a user runs it: golden vectors through `skm score
// --json`, the sample table through `skm sample`, audits through `skm check`,
// and every kind of bad input with its exit code, file, line and column.
#include "tests/scoring/golden_cases.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace skm::testing {
namespace {

using nlohmann::json;

const json& golden() {
    static const json data = load_golden("ikm-cases.json");
    return data;
}

ProgramResult skm(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), skm_binary());
    return run_program(args, env);
}

// Every field of `expected` must be in `actual` with the same value.
void expect_subset(const json& expected, const json& actual, const std::string& path) {
    if (expected.is_object()) {
        ASSERT_TRUE(actual.is_object()) << path;
        for (const auto& [key, value] : expected.items()) {
            ASSERT_TRUE(actual.contains(key)) << path << "." << key << " missing";
            expect_subset(value, actual[key], path + "." + key);
        }
    } else if (expected.is_array()) {
        ASSERT_TRUE(actual.is_array()) << path;
        ASSERT_EQ(expected.size(), actual.size()) << path;
        for (std::size_t i = 0; i < expected.size(); ++i) expect_subset(expected[i], actual[i], path + "[" + std::to_string(i) + "]");
    } else {
        EXPECT_EQ(expected, actual) << path;
    }
}

// The golden "expect" without the fields that need other options.
json plain(json expect) {
    expect.erase("legacy");
    for (auto it = expect.begin(); it != expect.end();) {
        it = it.key().rfind("groups_by_", 0) == 0 ? expect.erase(it) : std::next(it);
    }
    return expect;
}

class CliGolden : public ::testing::Test {
protected:
    void SetUp() override { dir_ = make_temp_dir(); }
    std::string write_case(std::size_t index) {
        const std::string path = dir_ + "/case" + std::to_string(index) + ".csv";
        write_file(path, golden()["ikm"][index]["csv"].get<std::string>());
        return path;
    }
    std::string dir_;
};

TEST_F(CliGolden, EveryCaseThroughSkmScoreJson) {
    for (std::size_t i = 0; i < golden()["ikm"].size(); ++i) {
        const json& c = golden()["ikm"][i];
        SCOPED_TRACE(c["name"].get<std::string>());
        const std::string file = write_case(i);
        const json& expect = c["expect"];

        auto result = skm({"score", file, "--json"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const json actual = json::parse(result.out);
        EXPECT_FALSE(actual.contains("groups"));
        EXPECT_FALSE(actual.contains("ikm_legacy"));
        expect_subset(plain(expect), actual, "top");

        if (expect.contains("legacy")) {
            for (const auto& [weight, printed] : expect["legacy"].items()) {
                auto legacy = skm({"score", file, "--json", "--legacy", weight});
                ASSERT_EQ(legacy.exit_code, 0) << legacy.err;
                EXPECT_EQ(json::parse(legacy.out)["ikm_legacy"], printed) << weight;
            }
        }
        for (const auto& [field, value] : expect.items()) {
            if (field.rfind("groups_by_", 0) != 0) continue;
            const std::string by = field.substr(10);
            auto grouped = skm({"score", file, "--json", "--by", by});
            ASSERT_EQ(grouped.exit_code, 0) << grouped.err;
            const json groups = json::parse(grouped.out)["groups"];
            json expected_groups = json::array();
            for (const auto& g : value) expected_groups.push_back(plain(g));
            expect_subset(expected_groups, groups, field);
        }
    }
}

TEST_F(CliGolden, ReadableTableIsIndonesianByDefaultAndEnglishOnRequest) {
    const std::string file = write_case(2);
    auto id = skm({"score", file, "--by", "layanan", "--legacy", "0.111"});
    ASSERT_EQ(id.exit_code, 0) << id.err;
    EXPECT_NE(id.out.find("Responden: 40"), std::string::npos) << id.out;
    EXPECT_NE(id.out.find("74,42"), std::string::npos);
    EXPECT_NE(id.out.find("C (Kurang baik)"), std::string::npos);
    EXPECT_NE(id.out.find("71,66 – 77,19"), std::string::npos);
    EXPECT_NE(id.out.find("74,34"), std::string::npos);
    EXPECT_NE(id.out.find("KTP-el"), std::string::npos);
    auto en = skm({"score", file, "--lang", "en"});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    EXPECT_NE(en.out.find("Respondents: 40"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("74.42"), std::string::npos);
    EXPECT_NE(en.out.find("C (Poor)"), std::string::npos);
}

TEST_F(CliGolden, YearGroupsCarryTheMeanOfSemesters) {
    const std::string file = write_case(4);
    auto result = skm({"score", file, "--json", "--by", "year"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json year = json::parse(result.out)["groups"][0];
    EXPECT_EQ(year["key"], "2024");
    EXPECT_EQ(year["ikm"], "78.19");
    EXPECT_EQ(year["ikm_mean_of_semesters"], "72.04");
    auto table = skm({"score", file, "--by", "year"});
    EXPECT_NE(table.out.find("72,04"), std::string::npos) << table.out;
}

TEST(Cli, SampleReproducesAllNinetyRowsOfTheAnnex) {
    std::ifstream in(std::string(SKM_GOLDEN_DIR) + "/krejcie-morgan.csv");
    std::string line;
    std::getline(in, line);
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto comma = line.find(',');
        const std::string population = line.substr(0, comma);
        auto result = skm({"sample", population, "--json"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const json j = json::parse(result.out);
        EXPECT_EQ(j["population"].get<std::uint64_t>(), std::stoull(population));
        EXPECT_EQ(j["sample"].get<std::uint64_t>(), std::stoull(line.substr(comma + 1))) << population;
        ++rows;
    }
    EXPECT_EQ(rows, 90);
    EXPECT_EQ(skm({"sample", "abc"}).exit_code, 2);
    EXPECT_EQ(skm({"sample"}).exit_code, 2);
}

TEST(Cli, NullRulesForUnansweredUnsurAndTinySamples) {
    const std::string dir = make_temp_dir();
    const std::string header =
        "response_id,submitted_at,layanan,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana\n";
    write_file(dir + "/one.csv", header + "r1,2024-01-05T10:00:00+07:00,KTP-el,4,4,4,4,4,4,4,,4\n");
    auto result = skm({"score", dir + "/one.csv", "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json j = json::parse(result.out);
    EXPECT_TRUE(j["ikm"].is_null());
    EXPECT_TRUE(j["ikm_unit"].is_null());
    EXPECT_TRUE(j["mutu"].is_null());
    EXPECT_TRUE(j["kinerja"].is_null());
    EXPECT_TRUE(j["ci95"].is_null());
    EXPECT_TRUE(j["unsur"]["pengaduan"]["nrr"].is_null());
    EXPECT_EQ(j["unsur"]["pengaduan"]["answered"], 0);
    EXPECT_NE(j["note"].get<std::string>().find("pengaduan"), std::string::npos);

    write_file(dir + "/single.csv", header + "r1,2024-01-05T10:00:00+07:00,KTP-el,4,4,4,4,4,4,4,3,4\n");
    const json single = json::parse(skm({"score", dir + "/single.csv", "--json"}).out);
    EXPECT_EQ(single["ikm"], "97.22");
    EXPECT_TRUE(single["ci95"].is_null());
}

TEST(Cli, ExcludeFlaggedLeavesFlaggedResponsesOut) {
    const std::string dir = make_temp_dir();
    write_file(dir + "/f.csv",
               "response_id,submitted_at,layanan,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,"
               "pengaduan,sarana,flags\n"
               "a,2024-01-05T10:00:00+07:00,KTP-el,3,3,3,3,3,3,3,3,3,\n"
               "b,2024-01-05T10:01:00+07:00,KTP-el,1,1,1,1,1,1,1,1,1,straight_line;too_fast\n");
    const json all = json::parse(skm({"score", dir + "/f.csv", "--json"}).out);
    const json kept = json::parse(skm({"score", dir + "/f.csv", "--json", "--exclude-flagged"}).out);
    EXPECT_EQ(all["respondents"], 2);
    EXPECT_EQ(all["ikm"], "50.00");
    EXPECT_EQ(kept["respondents"], 1);
    EXPECT_EQ(kept["ikm"], "75.00");
}

struct BadInput {
    const char* name;
    std::string content;
    std::string line;
    std::string column;
};

TEST(Cli, BadInputNamesFileLineAndColumnAndPrintsNothing) {
    const std::string header =
        "response_id,submitted_at,layanan,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana\n";
    const std::string good = "r1,2024-01-05T10:00:00+07:00,KTP-el,4,4,4,4,4,4,4,4,4\n";
    const std::vector<BadInput> cases = {
        {"value5", header + good + "r2,2024-01-05T10:00:00+07:00,KTP-el,4,4,5,4,4,4,4,4,4\n", "3", "waktu"},
        {"text", header + good + good.substr(0, 0) + "r2,2024-01-05T10:00:00+07:00,KTP-el,baik,4,4,4,4,4,4,4,4\n", "3", "persyaratan"},
        {"unknown_column", "response_id,submitted_at,layanan,nama," + header.substr(36), "1", "nama"},
        {"duplicate_id", header + good + good, "3", "response_id"},
        {"not_utf8", header + good + "r2,2024-01-05T10:00:00+07:00,Kartu Keluarga \xE9,4,4,4,4,4,4,4,4,4\n", "3", ""},
        {"empty", "", "", ""},
        {"missing_unsur", "response_id,submitted_at,layanan,persyaratan\n", "1", "prosedur"},
        {"bad_time", header + "r1,05/01/2024 10:00,KTP-el,4,4,4,4,4,4,4,4,4\n", "2", "submitted_at"},
    };
    const std::string dir = make_temp_dir();
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string file = dir + "/" + c.name + ".csv";
        write_file(file, c.content);
        for (const char* lang : {"id", "en"}) {
            auto result = skm({"score", file, "--json", "--lang", lang});
            EXPECT_EQ(result.exit_code, 3) << result.err;
            EXPECT_EQ(result.out, "") << "nothing half-printed";
            EXPECT_NE(result.err.find(file), std::string::npos) << result.err;
            const std::string line_word = std::string(lang) == "id" ? "baris " : "line ";
            if (!c.line.empty()) {
                EXPECT_NE(result.err.find(line_word + c.line), std::string::npos) << result.err;
            }
            if (!c.column.empty()) {
                EXPECT_NE(result.err.find(c.column), std::string::npos) << result.err;
            }
        }
    }
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(skm({}).exit_code, 2);
    EXPECT_EQ(skm({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(skm({"score"}).exit_code, 2);
    EXPECT_EQ(skm({"score", "x.csv", "--by", "week"}).exit_code, 2);
    EXPECT_EQ(skm({"score", "x.csv", "--legacy", "abc"}).exit_code, 2);
    EXPECT_EQ(skm({"score", "x.csv", "--colour"}).exit_code, 2);
    EXPECT_EQ(skm({"score", "x.csv", "--lang", "fr"}).exit_code, 2);
    EXPECT_EQ(skm({"help"}).exit_code, 0);
    EXPECT_EQ(skm({"score", "/nonexistent/x.csv"}).exit_code, 3);
}

TEST(Cli, MissingAssetsNameEveryPathTried) {
    auto result = skm({"score", "x.csv"}, {"SKM_ASSETS=/nonexistent/assets"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("/nonexistent/assets"), std::string::npos) << result.err;
}

TEST(Cli, CheckFindsEveryInconsistencyOfAPublishedReport) {
    const std::string dir = make_temp_dir();
    write_file(dir + "/bad.json", R"({"unsur": {"persyaratan": "3.40", "prosedur": "3.40", "waktu": "3.40",
        "biaya": "3.40", "produk": "3.40", "kompetensi": "3.40", "perilaku": "3.40", "pengaduan": "3.40",
        "sarana": "3.40"}, "ikm": "86,30", "ikm_unit": "3.352", "mutu": "B", "bobot": "0.111",
        "target": "85.50", "capaian_percent": "100.93"})");
    auto bad = skm({"check", dir + "/bad.json", "--json"});
    EXPECT_EQ(bad.exit_code, 1) << bad.err;
    const json report = json::parse(bad.out);
    std::vector<std::string> codes;
    for (const auto& f : report["findings"]) codes.push_back(f["code"].get<std::string>());
    EXPECT_EQ(codes, (std::vector<std::string>{"bobot_not_one", "headline_vs_unsur", "ikm_vs_unit", "capaian_truncated"}));
    auto readable = skm({"check", dir + "/bad.json"});
    EXPECT_EQ(readable.exit_code, 1);
    EXPECT_NE(readable.out.find("99,90"), std::string::npos) << readable.out;  // Indonesian decimal comma
    EXPECT_NE(readable.out.find("85,00"), std::string::npos) << readable.out;

    write_file(dir + "/good.json", R"({"ikm": "89.72", "ikm_unit": "3.5887", "mutu": "A", "target": "87.00",
        "capaian_percent": "103.13"})");
    auto good = skm({"check", dir + "/good.json"});
    EXPECT_EQ(good.exit_code, 0) << good.out << good.err;

    write_file(dir + "/typo.json", R"({"ikmm": "89.72"})");
    EXPECT_EQ(skm({"check", dir + "/typo.json"}).exit_code, 3);
    write_file(dir + "/broken.json", R"({"ikm": )");
    EXPECT_EQ(skm({"check", dir + "/broken.json"}).exit_code, 3);
    // A number no type holds (found by fuzz/ in the questionnaire loader): refused, not a crash.
    write_file(dir + "/huge.json", R"({"ikm": 1e99999})");
    const auto huge = skm({"check", dir + "/huge.json"});
    EXPECT_EQ(huge.exit_code, 3) << huge.err;
    EXPECT_NE(huge.err.find("huge.json"), std::string::npos) << huge.err;
}

// Nine unsur as JSON members, `last` for sarana and `value` for the others; `skip` leaves one out.
std::string unsur_json(const std::string& value, const std::string& last, const std::string& skip = "") {
    const std::vector<std::string> codes = {"persyaratan", "prosedur", "waktu", "biaya", "produk",
                                            "kompetensi", "perilaku", "pengaduan", "sarana"};
    std::string out;
    for (const auto& code : codes) {
        if (code == skip) continue;
        out += (out.empty() ? "" : ", ") + ("\"" + code + "\": \"" + (code == "sarana" ? last : value) + "\"");
    }
    return "{" + out + "}";
}

TEST(Cli, CheckNamesTheExactFigureBehindALegacySpreadsheet) {
    // 25 × 0,111 × (8 × 3,589 + 3,584) = 89,6214, truncated 89,62; exact 25 × 32,296 / 9 = 89,7111… → 89,71.
    const std::string dir = make_temp_dir();
    const std::string file = dir + "/legacy.json";
    write_file(file, R"({"unsur": )" + unsur_json("3,589", "3,584") + R"(, "ikm": "89,62", "mutu": "Sangat Baik"})");
    const auto result = skm({"check", file});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(result.out, file + ": ditemukan 1 ketidaksesuaian:\n"
                                 "1. IKM yang tercetak 89,62 berasal dari lembar kerja lama: bobot 0,111, bukan tepat 1/9 "
                                 "(jumlahnya 0,9990, bukan 1), dan hasilnya dipotong, bukan dibulatkan. IKM yang tepat, "
                                 "rata-rata unsur × 25, adalah 89,71: mutu A (Sangat baik).\n");
}

TEST(Cli, CheckReadsMutuWordsAndPercentSignsAndCountsInEnglish) {
    const std::string dir = make_temp_dir();
    const std::string file = dir + "/report.json";
    // 80,90 / 80,95 × 100 = 99,938… → 99,94; 99,93 is the truncation.
    write_file(file, R"({"ikm": "80,90", "mutu": "baik", "target": "80,95", "capaian_percent": "99,94 %"})");
    auto result = skm({"check", file});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(result.out, file + ": tidak ditemukan ketidaksesuaian.\n");

    write_file(file, R"({"ikm": "80.90", "mutu": "Good", "target": "80.95", "capaian_percent": "99.93%"})");
    result = skm({"check", file, "--lang", "en"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(result.out, file + ": 1 inconsistency found:\n"
                                 "1. Capaian 99.93% was truncated instead of rounded: realisasi 80.90 / target 80.95 "
                                 "× 100 = 99.94%.\n");

    // 80,90 is B under the 2017 table (76,61–88,30), and B under the 2004 one too.
    write_file(file, R"({"ikm": "80.90", "mutu": "SANGAT BAIK", "target": "80.95", "capaian_percent": "99.93%"})");
    result = skm({"check", file, "--lang", "en"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(result.out, file + ": 2 inconsistencies found:\n"
                                 "1. Mutu A for IKM 80.90 is wrong: under the Permenpan 14/2017 table it is B (Baik).\n"
                                 "2. Capaian 99.93% was truncated instead of rounded: realisasi 80.90 / target 80.95 "
                                 "× 100 = 99.94%.\n");

    write_file(file, R"({"ikm": "80.90", "mutu": "Bagus"})");
    result = skm({"check", file});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find("\"Bagus\""), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("Kurang baik"), std::string::npos) << result.err;
}

TEST(Cli, CheckRefusesAReportMissingUnsurUnlessTheyAreNamed) {
    const std::string dir = make_temp_dir();
    const std::string file = dir + "/eight.json";
    write_file(file, R"({"unsur": )" + unsur_json("3.400", "3.400", "sarana") + R"(, "ikm": "85.00"})");
    auto result = skm({"check", file, "--lang", "en"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find(file + ": the report lists 8 of the 9 unsur; missing: sarana. If they were left out on "
                                     "purpose, say so: --missing-unsur sarana"),
              std::string::npos)
        << result.err;

    result = skm({"check", file, "--missing-unsur", "sarana"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, file + ": tidak ditemukan ketidaksesuaian.\n");

    result = skm({"check", file, "--missing-unsur", "sarana,biaya", "--lang", "en"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("--missing-unsur names biaya, but the report lists them."), std::string::npos)
        << result.err;

    result = skm({"check", file, "--missing-unsur", "gedung"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("\"gedung\""), std::string::npos) << result.err;

    // No unsur at all: the headline alone is audited.
    write_file(file, R"({"ikm": "85.00", "mutu": "B"})");
    EXPECT_EQ(skm({"check", file}).exit_code, 0);
}

}  // namespace
}  // namespace skm::testing
