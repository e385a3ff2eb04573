#include "scoring/tally.hpp"

#include <cstring>
#include <stdexcept>

namespace skm::scoring {
namespace {

// Bins for k answered unsur hold sums k..4k, i.e. 3k+1 values; bins for all
// smaller k come first.
std::size_t bins_before(std::size_t answered) { return answered + 3 * answered * (answered - (answered > 0)) / 2; }

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

std::uint64_t load8(const std::uint8_t* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
}

// Eight answers at a time. A byte is valid when it is 0..4: below 0x80, and
// adding 0x7B to its low seven bits does not reach 0x80 (no carry crosses a
// byte). In a valid word the bytes' sum (at most 32) and the number of
// non-zero bytes (at most 8) fit in one byte, so one multiply adds them up.
struct WordScan {
    std::uint64_t bad;
    std::size_t answered;
    std::size_t sum;
};

WordScan scan_word(std::uint64_t w) {
    const std::uint64_t bad = (w | ((w & ~kHigh) + 0x7B * kOnes)) & kHigh;
    const std::uint64_t nonzero = ((w + 0x7F * kOnes) & kHigh) >> 7;  // meaningful only when valid
    return {bad, static_cast<std::size_t>((nonzero * kOnes) >> 56), static_cast<std::size_t>((w * kOnes) >> 56)};
}

struct Scan {
    bool valid = true;
    std::size_t answered = 0;
    std::size_t sum = 0;
};

// Any number of answers; the compiler unrolls it completely for a constant n.
inline Scan scan(const std::uint8_t* a, std::size_t n) {
    std::uint64_t bad = 0;
    std::size_t answered = 0;
    std::size_t sum = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const WordScan w = scan_word(load8(a + i));
        bad |= w.bad;
        answered += w.answered;
        sum += w.sum;
    }
    for (; i < n; ++i) {
        bad |= a[i] > kMaxAnswer;
        sum += a[i];
        answered += a[i] != kUnanswered;
    }
    return {bad == 0, answered, sum};
}

// scan() of answers that must all be 0..4 (what add and remove accept).
inline Scan scan_valid(const std::uint8_t* a, std::size_t n) {
    const Scan s = scan(a, n);
    if (!s.valid) throw std::logic_error("tally: answer outside 0..4");
    return s;
}

}  // namespace

Tally::Tally(std::size_t unsur_count)
    : unsur_(unsur_count), own_score_bins_(bins_before(unsur_count + 1), 0) {}

std::size_t Tally::bin(std::size_t answered, std::size_t sum) const {
    return bins_before(answered) + (sum - answered);
}

// The hot path of every tally: one definition, instantiated for the
// Permenpan questionnaire's nine unsur (fully unrolled) and for any count.
template <std::size_t N>
inline void Tally::add_n(const std::uint8_t* a, std::size_t n) {
    if constexpr (N != 0) n = N;
    const Scan s = scan_valid(a, n);
    UnsurTally* u = unsur_.data();
    for (std::size_t i = 0; i < n; ++i) ++u[i].count[a[i]];
    ++own_score_bins_[bin(s.answered, s.sum)];
    ++respondents_;
}

void Tally::add(std::span<const std::uint8_t> answers) {
    if (answers.size() == 9 && unsur_.size() == 9) [[likely]] {
        add_n<9>(answers.data(), 9);
    } else {
        add_any(answers);
    }
}

void Tally::add_any(std::span<const std::uint8_t> answers) {
    if (answers.size() != unsur_.size()) throw std::logic_error("tally: answer count differs from unsur count");
    add_n<0>(answers.data(), answers.size());
}

template <std::size_t N>
inline void Tally::remove_n(const std::uint8_t* a, std::size_t n) {
    if constexpr (N != 0) n = N;
    const Scan s = scan_valid(a, n);
    // Check everything before touching anything, so a bad remove changes nothing.
    UnsurTally* u = unsur_.data();
    std::uint64_t& own = own_score_bins_[bin(s.answered, s.sum)];
    bool present = respondents_ > 0 && own > 0;
    for (std::size_t i = 0; i < n; ++i) present &= u[i].count[a[i]] > 0;
    if (!present) throw std::logic_error("tally: removing answers that were never added");
    for (std::size_t i = 0; i < n; ++i) --u[i].count[a[i]];
    --own;
    --respondents_;
}

void Tally::remove(std::span<const std::uint8_t> answers) {
    if (answers.size() != unsur_.size()) throw std::logic_error("tally: answer count differs from unsur count");
    if (answers.size() == 9) {
        remove_n<9>(answers.data(), 9);
    } else {
        remove_n<0>(answers.data(), answers.size());
    }
}

void Tally::merge(const Tally& other) {
    if (other.unsur_.size() != unsur_.size()) throw std::logic_error("tally: merging different schemes");
    for (std::size_t i = 0; i < unsur_.size(); ++i) {
        for (std::size_t a = 0; a < 5; ++a) unsur_[i].count[a] += other.unsur_[i].count[a];
    }
    for (std::size_t b = 0; b < own_score_bins_.size(); ++b) own_score_bins_[b] += other.own_score_bins_[b];
    respondents_ += other.respondents_;
}

std::uint64_t Tally::own_score_count(std::size_t answered, std::size_t sum) const {
    if (answered > unsur_.size() || sum < answered || sum > 4 * answered) return 0;
    return own_score_bins_[bin(answered, sum)];
}

}  // namespace skm::scoring
