// Tallies of one data set, in total and per group (layanan or period), built
// in one pass. Group keys: docs/reference/skm-rules.md#periods-and-the-annual-ikm; groups come out sorted by key
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

namespace detail {
// A layanan name's length and four words that hold every byte of a name of 4
// to 24 bytes (grouped_tally.cpp).
struct LayananFingerprint {
    std::uint64_t word[4];
    std::uint64_t length;
};
}  // namespace detail

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

    // Every response is in exactly one group, so when grouping the total is
    // the merge of the groups, made on request (adding stays one tally update).
    Tally total() const;
    GroupBy group_by() const { return by_; }
    std::vector<Group> groups() const;

private:
    // Open-addressing index of by_layanan_. For names of 4 to 24 bytes equal
    // fingerprints mean equal names: no comparison of the names themselves.
    struct LayananSlot {
        detail::LayananFingerprint key{};
        std::size_t index = 0;  // into by_layanan_, plus one; 0 = empty
    };

    void add_to_layanan(std::string_view layanan, std::span<const std::uint8_t> answers);
    void new_layanan(std::string_view layanan, std::size_t slot, Tally tally);
    std::size_t home_slot(const detail::LayananFingerprint& f) const;
    void rebuild_layanan_index(std::size_t slot_count);
    // The last period added to and its tally (map nodes never move): exports
    // are chronological, so most rows fall in the period of the row before. A
    // copy starts without it, since its tally would be the original's.
    struct LastPeriod {
        PeriodId period{};
        Tally* tally = nullptr;
        LastPeriod() = default;
        LastPeriod(const LastPeriod&) {}
        LastPeriod& operator=(const LastPeriod&) {
            tally = nullptr;
            return *this;
        }
    };
    void add_to_period(std::map<PeriodId, Tally>& tallies, const PeriodId& period, LastPeriod& last,
                       std::span<const std::uint8_t> answers);

    std::size_t unsur_count_;
    GroupBy by_;
    Tally total_;  // only when not grouping
    std::vector<std::pair<std::string, Tally>> by_layanan_;
    std::vector<LayananSlot> layanan_index_;
    std::size_t layanan_mask_ = 0;  // layanan_index_.size() - 1, a power of two
    unsigned layanan_shift_ = 64;   // 64 - log2(layanan_index_.size())
    std::uint64_t layanan_seed_ = 0;
    std::map<PeriodId, Tally> by_period_;
    std::map<PeriodId, Tally> semesters_;  // filled only when grouping by year
    LastPeriod last_period_;
    LastPeriod last_semester_;
};

}  // namespace skm::scoring
