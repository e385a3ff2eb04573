// Integer tallies of answers: the only state a report needs. Adding, removing
// and merging cost O(number of unsur), independent of how many responses
// exist, so a live dashboard never rescans responses.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace skm::scoring {

inline constexpr std::uint8_t kUnanswered = 0;
inline constexpr std::uint8_t kMaxAnswer = 4;

struct UnsurTally {
    // count[0] = unanswered, count[1..4] = answers 1..4.
    std::array<std::uint64_t, 5> count{};

    std::uint64_t answered() const { return count[1] + count[2] + count[3] + count[4]; }
    std::uint64_t sum() const { return count[1] + 2 * count[2] + 3 * count[3] + 4 * count[4]; }
    bool operator==(const UnsurTally&) const = default;
};

class Tally {
public:
    explicit Tally(std::size_t unsur_count);

    // answers.size() must equal unsur_count(); each value 0 (unanswered) to 4.
    void add(std::span<const std::uint8_t> answers);
    // Undo an earlier add of the same answers. Throws std::logic_error if the
    // tally never held them (it would go negative).
    void remove(std::span<const std::uint8_t> answers);
    void merge(const Tally& other);

    std::uint64_t respondents() const { return respondents_; }
    std::size_t unsur_count() const { return unsur_.size(); }
    const UnsurTally& unsur(std::size_t index) const { return unsur_[index]; }

    // Respondents who answered `answered` unsur with answers summing to `sum`.
    // Each respondent's own score is sum/answered; the interval needs these.
    std::uint64_t own_score_count(std::size_t answered, std::size_t sum) const;

    bool operator==(const Tally&) const = default;

private:
    std::size_t bin(std::size_t answered, std::size_t sum) const;
    template <std::size_t N>
    void add_n(const std::uint8_t* answers, std::size_t n);
    [[gnu::noinline]] void add_any(std::span<const std::uint8_t> answers);
    template <std::size_t N>
    void remove_n(const std::uint8_t* answers, std::size_t n);

    std::vector<UnsurTally> unsur_;
    std::vector<std::uint64_t> own_score_bins_;
    std::uint64_t respondents_ = 0;
};

}  // namespace skm::scoring
