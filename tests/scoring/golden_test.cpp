// Every golden vector through the library: exact, legacy, ci95, per layanan,
// per semester and year, mutu boundaries, capaian, the full sample table.
#include "formats/response_csv_reader.hpp"
#include "scoring/capaian.hpp"
#include "scoring/decimal.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/legacy.hpp"
#include "scoring/mutu.hpp"
#include "scoring/sample.hpp"
#include "scoring/summary.hpp"
#include "tests/scoring/golden_cases.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace skm::scoring {
namespace {

using nlohmann::json;

const json& golden() {
    static const json data = testing::load_golden("ikm-cases.json");
    return data;
}

std::vector<std::string> unsur_order() { return golden()["unsur_order"].get<std::vector<std::string>>(); }

ScoringScheme scheme() {
    std::vector<UnsurWeight> unsur;
    for (const auto& code : unsur_order()) unsur.push_back({code, mpq_class(1, 9)});
    return ScoringScheme::make(unsur);
}

GroupedTally tally_csv(const std::string& csv, GroupBy by) {
    GroupedTally grouped(unsur_order().size(), by);
    formats::read_response_csv(csv, "golden.csv", unsur_order(), [&](const formats::ResponseRow& row) {
        grouped.add(row.layanan, row.timestamp.date, row.answers);
    });
    return grouped;
}

std::string str(const std::optional<Decimal>& d) { return d ? d->str() : "null"; }

// Compares one summary with one "expect" object; only the fields present there.
void expect_summary(const IkmSummary& s, const json& expect, const std::string& where) {
    SCOPED_TRACE(where);
    if (expect.contains("respondents")) {
        EXPECT_EQ(s.respondents, expect["respondents"].get<std::uint64_t>());
    }
    if (expect.contains("ikm")) {
        EXPECT_EQ(str(s.ikm), expect["ikm"].get<std::string>());
    }
    if (expect.contains("ikm_unit")) {
        EXPECT_EQ(str(s.ikm_unit), expect["ikm_unit"].get<std::string>());
    }
    if (expect.contains("ikm_exact")) {
        EXPECT_EQ(s.ikm_exact.value_or("null"), expect["ikm_exact"].get<std::string>());
    }
    if (expect.contains("mutu")) {
        ASSERT_TRUE(s.mutu);
        EXPECT_EQ(std::string(1, mutu_letter(*s.mutu)), expect["mutu"].get<std::string>());
        EXPECT_EQ(std::string(kinerja_official(*s.mutu)), expect["kinerja"].get<std::string>());
    }
    if (expect.contains("ci95")) {
        ASSERT_TRUE(s.ci95);
        EXPECT_EQ(s.ci95->low.str(), expect["ci95"][0].get<std::string>());
        EXPECT_EQ(s.ci95->high.str(), expect["ci95"][1].get<std::string>());
    }
    if (expect.contains("unsur")) {
        for (const auto& u : s.unsur) {
            const json& e = expect["unsur"].at(u.code);
            EXPECT_EQ(str(u.nrr), e["nrr"].get<std::string>()) << u.code;
            EXPECT_EQ(u.nrr_exact.value_or("null"), e["nrr_exact"].get<std::string>()) << u.code;
            EXPECT_EQ(u.answered, e["answered"].get<std::uint64_t>()) << u.code;
        }
    }
}

void expect_legacy(const Tally& tally, const json& expect, const std::string& where) {
    if (!expect.contains("legacy")) return;
    for (const auto& [weight, printed] : expect["legacy"].items()) {
        ScoreOptions options{parse_decimal(weight)->value(), std::nullopt};
        const IkmSummary s = summarize(tally, scheme(), options);
        EXPECT_EQ(str(s.ikm_legacy), printed.get<std::string>()) << where << " legacy " << weight;
    }
}

void expect_groups(const std::string& csv, GroupBy by, const json& expected, const std::string& name) {
    const GroupedTally grouped = tally_csv(csv, by);
    const auto groups = summarize_groups(grouped, scheme(), {});
    const auto raw = grouped.groups();
    ASSERT_EQ(groups.size(), expected.size()) << name;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const json& e = expected[i];
        EXPECT_EQ(groups[i].key, e["key"].get<std::string>()) << name;
        expect_summary(groups[i].summary, e, name + " / " + groups[i].key);
        expect_legacy(raw[i].tally, e, name + " / " + groups[i].key);
        if (e.contains("ikm_mean_of_semesters")) {
            EXPECT_EQ(str(groups[i].ikm_mean_of_semesters), e["ikm_mean_of_semesters"].get<std::string>());
        }
    }
}

TEST(Golden, EveryIkmCaseThroughTheLibrary) {
    int checked = 0;
    for (const json& c : golden()["ikm"]) {
        const std::string name = c["name"].get<std::string>();
        const std::string csv = c["csv"].get<std::string>();
        const json& expect = c["expect"];
        const GroupedTally grouped = tally_csv(csv, GroupBy::none);
        expect_summary(summarize(grouped.total(), scheme(), {}), expect, name);
        expect_legacy(grouped.total(), expect, name);
        const std::pair<const char*, GroupBy> kinds[] = {{"groups_by_layanan", GroupBy::layanan},
                                                         {"groups_by_month", GroupBy::month},
                                                         {"groups_by_triwulan", GroupBy::triwulan},
                                                         {"groups_by_semester", GroupBy::semester},
                                                         {"groups_by_year", GroupBy::year}};
        for (const auto& [field, by] : kinds) {
            if (expect.contains(field)) expect_groups(csv, by, expect[field], name + " " + field);
        }
        ++checked;
    }
    EXPECT_EQ(checked, 5);
}

TEST(Golden, MutuBoundaries) {
    ASSERT_EQ(golden()["mutu"].size(), 14u);
    for (const json& row : golden()["mutu"]) {
        const auto value = parse_decimal(row[0].get<std::string>());
        ASSERT_TRUE(value);
        const Mutu mutu = mutu_2017(value->value());
        EXPECT_EQ(std::string(1, mutu_letter(mutu)), row[1].get<std::string>()) << row[0];
        EXPECT_EQ(std::string(kinerja_official(mutu)), row[2].get<std::string>()) << row[0];
    }
}

TEST(Golden, Capaian) {
    for (const json& row : golden()["capaian"]) {
        const auto realisasi = parse_decimal(row["realisasi"].get<std::string>());
        const auto target = parse_decimal(row["target"].get<std::string>());
        const auto capaian = capaian_percent(realisasi->value(), target->value());
        ASSERT_TRUE(capaian);
        EXPECT_EQ(capaian->str(), row["capaian_percent"].get<std::string>());
    }
}

TEST(Golden, AllNinetyRowsOfTheSampleTable) {
    std::ifstream in(std::string(SKM_GOLDEN_DIR) + "/krejcie-morgan.csv");
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "population,sample");
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto comma = line.find(',');
        const std::uint64_t population = std::stoull(line.substr(0, comma));
        const std::uint64_t sample = std::stoull(line.substr(comma + 1));
        EXPECT_EQ(krejcie_morgan(population), sample) << "N=" << population;
        ++rows;
    }
    EXPECT_EQ(rows, 90);
}

}  // namespace
}  // namespace skm::scoring
