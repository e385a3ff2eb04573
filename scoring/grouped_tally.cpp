#include "scoring/grouped_tally.hpp"

#include <algorithm>

namespace skm::scoring {
namespace {

PeriodKind period_kind(GroupBy by) {
    switch (by) {
        case GroupBy::month: return PeriodKind::month;
        case GroupBy::triwulan: return PeriodKind::triwulan;
        case GroupBy::semester: return PeriodKind::semester;
        default: return PeriodKind::year;
    }
}

}  // namespace

GroupedTally::GroupedTally(std::size_t unsur_count, GroupBy by)
    : unsur_count_(unsur_count), by_(by), total_(unsur_count) {}

Tally& GroupedTally::layanan_tally(std::string_view layanan) {
    // Consecutive rows often share a layanan; a handful of layanan makes a
    // linear scan cheaper than hashing.
    if (last_layanan_ < by_layanan_.size() && by_layanan_[last_layanan_].first == layanan) {
        return by_layanan_[last_layanan_].second;
    }
    for (std::size_t i = 0; i < by_layanan_.size(); ++i) {
        if (by_layanan_[i].first == layanan) {
            last_layanan_ = i;
            return by_layanan_[i].second;
        }
    }
    by_layanan_.emplace_back(std::string(layanan), Tally(unsur_count_));
    last_layanan_ = by_layanan_.size() - 1;
    return by_layanan_.back().second;
}

void GroupedTally::add(std::string_view layanan, const LocalDate& local_date, std::span<const std::uint8_t> answers) {
    total_.add(answers);
    switch (by_) {
        case GroupBy::none: return;
        case GroupBy::layanan: layanan_tally(layanan).add(answers); return;
        case GroupBy::year: {
            auto semester = period_of(local_date, PeriodKind::semester);
            semesters_.try_emplace(semester, unsur_count_).first->second.add(answers);
            break;
        }
        default: break;
    }
    auto period = period_of(local_date, period_kind(by_));
    by_period_.try_emplace(period, unsur_count_).first->second.add(answers);
}

std::vector<Group> GroupedTally::groups() const {
    std::vector<Group> result;
    if (by_ == GroupBy::layanan) {
        for (const auto& [name, tally] : by_layanan_) result.push_back({name, tally, {}});
        std::sort(result.begin(), result.end(), [](const Group& a, const Group& b) { return a.key < b.key; });
        return result;
    }
    for (const auto& [period, tally] : by_period_) {
        Group group{period_key(period), tally, {}};
        if (by_ == GroupBy::year) {
            for (int s = 1; s <= 2; ++s) {
                auto it = semesters_.find(PeriodId{PeriodKind::semester, period.year, s});
                if (it != semesters_.end()) group.semesters.push_back(it->second);
            }
        }
        result.push_back(std::move(group));
    }
    return result;
}

}  // namespace skm::scoring
