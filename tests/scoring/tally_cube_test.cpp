// TallyCube: any filter over the live cells equals a tally built from
// scratch over the responses that filter selects; removal undoes add.
#include "scoring/tally_cube.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace skm::scoring {
namespace {

struct Row {
    std::string layanan;
    LocalDate date;
    bool flagged = false;
    std::vector<std::uint8_t> answers;
};

std::vector<Row> random_rows(std::mt19937_64& rng, std::size_t count) {
    const std::vector<std::string> names = {"KTP-el", "Kartu Keluarga", "SKTM"};
    std::uniform_int_distribution<int> answer(0, 4);
    std::uniform_int_distribution<int> month(1, 12);
    std::uniform_int_distribution<int> day(1, 28);
    std::uniform_int_distribution<std::size_t> pick(0, names.size() - 1);
    std::bernoulli_distribution flag(0.1);
    std::vector<Row> rows;
    for (std::size_t i = 0; i < count; ++i) {
        Row r{names[pick(rng)], LocalDate{2024, month(rng), day(rng)}, flag(rng), std::vector<std::uint8_t>(9)};
        for (auto& a : r.answers) a = static_cast<std::uint8_t>(answer(rng));
        rows.push_back(std::move(r));
    }
    return rows;
}

Tally brute_force(const std::vector<Row>& rows, const CubeFilter& filter) {
    Tally t(9);
    for (const auto& r : rows) {
        if (filter.layanan && r.layanan != *filter.layanan) continue;
        if (filter.period && !filter.period->contains(r.date)) continue;
        if (!filter.include_flagged && r.flagged) continue;
        t.add(r.answers);
    }
    return t;
}

TEST(TallyCube, EveryFilterEqualsARecountOfTheRowsItSelects) {
    std::mt19937_64 rng(7);
    const auto rows = random_rows(rng, 3000);
    TallyCube cube(9);
    for (const auto& r : rows) cube.add(r.layanan, r.date, r.flagged, r.answers);

    auto filter = [](std::optional<std::string> layanan, std::optional<DateRange> period, bool flagged) {
        CubeFilter f;
        f.layanan = std::move(layanan);
        f.period = period;
        f.include_flagged = flagged;
        return f;
    };
    const std::vector<CubeFilter> filters = {
        filter({}, {}, true),
        filter("SKTM", {}, true),
        filter({}, {}, false),
        // A range that starts and ends mid-month: day cells keep it exact.
        filter({}, DateRange{{2024, 3, 15}, {2024, 7, 3}}, true),
        filter("KTP-el", DateRange{{2024, 1, 1}, {2024, 6, 30}}, false),
        filter("Tidak ada", {}, true),
    };
    for (const auto& f : filters) EXPECT_EQ(cube.total(f), brute_force(rows, f));
    EXPECT_EQ(cube.total().respondents(), 3000u);
    EXPECT_EQ(cube.layanan(), (std::vector<std::string>{"KTP-el", "Kartu Keluarga", "SKTM"}));
}

TEST(TallyCube, RemoveUndoesAddAndDropsEmptyCells) {
    std::mt19937_64 rng(11);
    const auto rows = random_rows(rng, 500);
    TallyCube cube(9);
    TallyCube first_half(9);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        cube.add(rows[i].layanan, rows[i].date, rows[i].flagged, rows[i].answers);
        if (i < 250) first_half.add(rows[i].layanan, rows[i].date, rows[i].flagged, rows[i].answers);
    }
    for (std::size_t i = 250; i < rows.size(); ++i) {
        cube.remove(rows[i].layanan, rows[i].date, rows[i].flagged, rows[i].answers);
    }
    EXPECT_EQ(cube, first_half);
    EXPECT_THROW(cube.remove("Tidak ada", {2024, 1, 1}, false, rows[0].answers), std::logic_error);
}

}  // namespace
}  // namespace skm::scoring
