#include "scoring/grouped_tally.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

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

inline std::uint64_t load(const char* p, std::size_t bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, bytes);
    return word;
}

constexpr char kZeros[8] = {};

using Fingerprint = detail::LayananFingerprint;

// Branch-free for the usual names (4 to 24 bytes), whose lengths vary from row
// to row: when the name is shorter than eight bytes the eight-byte loads read
// a block of zeros instead.
inline Fingerprint fingerprint(std::string_view name) {
    const char* p = name.data();
    const std::size_t n = name.size();
    Fingerprint f{{0, 0, 0, 0}, n};
    if (n >= 4 && n <= 24) [[likely]] {
        const std::uintptr_t long_name = -static_cast<std::uintptr_t>(n >= 8);
        const char* base = reinterpret_cast<const char*>((reinterpret_cast<std::uintptr_t>(p) & long_name) |
                                                         (reinterpret_cast<std::uintptr_t>(kZeros) & ~long_name));
        const std::size_t last = (n - 8) & long_name;
        f.word[0] = load(base, 8);
        f.word[1] = load(base + last / 2, 8);
        f.word[2] = load(base + last, 8);
        f.word[3] = load(p, 4) | load(p + n - 4, 4) << 32;
        return f;
    }
    // Other lengths: a summary of every byte; names are then compared in full.
    std::uint64_t h = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) h = (h ^ load(p + i, 8)) * 0xFF51AFD7ED558CCDULL;
    f.word[0] = h;
    f.word[1] = load(p + i, n - i);
    return f;
}

inline bool exact(const Fingerprint& f) { return f.length >= 4 && f.length <= 24; }

inline bool same(const Fingerprint& a, const Fingerprint& b) {
    return ((a.word[0] ^ b.word[0]) | (a.word[1] ^ b.word[1]) | (a.word[2] ^ b.word[2]) | (a.word[3] ^ b.word[3]) |
            (a.length ^ b.length)) == 0;
}

inline std::uint64_t mix(const Fingerprint& f) {
    return (f.word[0] + (f.word[1] << 7 | f.word[1] >> 57) + f.word[2] * 3) ^ f.word[3] ^ f.length;
}

}  // namespace

GroupedTally::GroupedTally(std::size_t unsur_count, GroupBy by)
    : unsur_count_(unsur_count), by_(by), total_(unsur_count) {
    if (by_ == GroupBy::layanan) rebuild_layanan_index(64);
}

std::size_t GroupedTally::home_slot(const Fingerprint& f) const {
    // The top bits of the product (Fibonacci hashing), as many as the index needs.
    return static_cast<std::size_t>(((mix(f) ^ layanan_seed_) * 0x9E3779B97F4A7C15ULL) >> layanan_shift_);
}

void GroupedTally::add_to_layanan(std::string_view layanan, std::span<const std::uint8_t> answers) {
    const Fingerprint f = fingerprint(layanan);
    for (std::size_t slot = home_slot(f);; slot = (slot + 1) & layanan_mask_) {
        const LayananSlot& s = layanan_index_[slot];
        if (same(s.key, f) && s.index != 0) [[likely]] {
            auto& entry = by_layanan_[s.index - 1];
            if (exact(f) || entry.first == layanan) [[likely]] {
                entry.second.add(answers);
                return;
            }
        } else if (s.index == 0) {
            // A new layanan: its tally is made (and the answers checked) before
            // anything is recorded, so bad answers leave no empty group behind.
            Tally tally(unsur_count_);
            tally.add(answers);
            new_layanan(layanan, slot, std::move(tally));
            return;
        }
    }
}

void GroupedTally::new_layanan(std::string_view layanan, std::size_t slot, Tally tally) {
    by_layanan_.emplace_back(std::string(layanan), std::move(tally));
    const Fingerprint f = fingerprint(layanan);
    layanan_index_[slot] = {f, by_layanan_.size()};
    // At most a quarter full, so probes always end at an empty slot; a name
    // away from its home slot costs a second probe on every add, so the index
    // is rebuilt to put every name at home when that is easy to find.
    if (4 * by_layanan_.size() > layanan_index_.size()) {
        rebuild_layanan_index(2 * layanan_index_.size());
    } else if (slot != home_slot(f)) {
        rebuild_layanan_index(layanan_index_.size());
    }
}

void GroupedTally::rebuild_layanan_index(std::size_t slot_count) {
    // Up to 16 seeds; with at most a quarter of the slots in use one of them
    // usually places every name at home. Otherwise the last one is kept.
    for (int attempt = 0; attempt < 16; ++attempt) {
        layanan_index_.assign(slot_count, LayananSlot{});
        layanan_mask_ = slot_count - 1;
        layanan_shift_ = 64 - static_cast<unsigned>(std::countr_zero(slot_count));
        layanan_seed_ = (layanan_seed_ + 1) * 0xD1B54A32D192ED03ULL;
        bool all_home = true;
        for (std::size_t i = 0; i < by_layanan_.size(); ++i) {
            const Fingerprint f = fingerprint(by_layanan_[i].first);
            std::size_t slot = home_slot(f);
            while (layanan_index_[slot].index != 0) {
                slot = (slot + 1) & layanan_mask_;
                all_home = false;
            }
            layanan_index_[slot] = {f, i + 1};
        }
        if (all_home) return;
    }
}

void GroupedTally::add_to_period(std::map<PeriodId, Tally>& tallies, const PeriodId& period, LastPeriod& last,
                                 std::span<const std::uint8_t> answers) {
    if (!last.tally || !(last.period == period)) {
        auto it = tallies.find(period);
        if (it == tallies.end()) {
            // As for a new layanan: checked before the group exists.
            Tally tally(unsur_count_);
            tally.add(answers);
            last.tally = &tallies.emplace(period, std::move(tally)).first->second;
            last.period = period;
            return;
        }
        last.tally = &it->second;
        last.period = period;
    }
    last.tally->add(answers);
}

void GroupedTally::add(std::string_view layanan, const LocalDate& local_date, std::span<const std::uint8_t> answers) {
    switch (by_) {
        case GroupBy::none: total_.add(answers); return;
        case GroupBy::layanan: add_to_layanan(layanan, answers); return;
        case GroupBy::year:
            // The year's add checks the answers, so bad ones change neither map.
            add_to_period(by_period_, period_of(local_date, PeriodKind::year), last_period_, answers);
            add_to_period(semesters_, period_of(local_date, PeriodKind::semester), last_semester_, answers);
            return;
        default:
            add_to_period(by_period_, period_of(local_date, period_kind(by_)), last_period_, answers);
            return;
    }
}

Tally GroupedTally::total() const {
    if (by_ == GroupBy::none) return total_;
    Tally sum(unsur_count_);
    for (const auto& [name, tally] : by_layanan_) sum.merge(tally);
    for (const auto& [period, tally] : by_period_) sum.merge(tally);
    return sum;
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
