// Tallies of one data set, in total and per group (layanan or period), built
// in one pass. Group keys follow cli.md; groups come out sorted by key
// (periods chronologically).
#pragma once

#include "scoring/period.hpp"
#include "scoring/tally.hpp"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::scoring {

enum class GroupBy { none, layanan, month, triwulan, semester, year };

struct Group {
    std::string key;
    Tally tally;
    // Only for year groups: the tallies of its two semesters (empty if none).
    std::vector<Tally> semesters;
};

class GroupedTally {
public:
    GroupedTally(std::size_t unsur_count, GroupBy by);

    void add(std::string_view layanan, const LocalDate& local_date, std::span<const std::uint8_t> answers);

    const Tally& total() const { return total_; }
    GroupBy group_by() const { return by_; }
    std::vector<Group> groups() const;

private:
    Tally& layanan_tally(std::string_view layanan);

    std::size_t unsur_count_;
    GroupBy by_;
    Tally total_;
    std::vector<std::pair<std::string, Tally>> by_layanan_;
    std::size_t last_layanan_ = 0;
    std::map<PeriodId, Tally> by_period_;
    std::map<PeriodId, Tally> semesters_;  // filled only when grouping by year
};

}  // namespace skm::scoring
