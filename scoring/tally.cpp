#include "scoring/tally.hpp"

#include <stdexcept>

namespace skm::scoring {
namespace {

// Bins for k answered unsur hold sums k..4k, i.e. 3k+1 values; bins for all
// smaller k come first.
std::size_t bins_before(std::size_t answered) { return answered + 3 * answered * (answered - (answered > 0)) / 2; }

}  // namespace

Tally::Tally(std::size_t unsur_count)
    : unsur_(unsur_count), own_score_bins_(bins_before(unsur_count + 1), 0) {}

std::size_t Tally::bin(std::size_t answered, std::size_t sum) const {
    return bins_before(answered) + (sum - answered);
}

void Tally::check_answers(std::span<const std::uint8_t> answers) const {
    if (answers.size() != unsur_.size()) throw std::logic_error("tally: answer count differs from unsur count");
    for (auto a : answers) {
        if (a > kMaxAnswer) throw std::logic_error("tally: answer outside 0..4");
    }
}

void Tally::add(std::span<const std::uint8_t> answers) {
    check_answers(answers);
    std::size_t answered = 0;
    std::size_t sum = 0;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        ++unsur_[i].count[answers[i]];
        answered += answers[i] != kUnanswered;
        sum += answers[i];
    }
    ++own_score_bins_[bin(answered, sum)];
    ++respondents_;
}

void Tally::remove(std::span<const std::uint8_t> answers) {
    check_answers(answers);
    std::size_t answered = 0;
    std::size_t sum = 0;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        answered += answers[i] != kUnanswered;
        sum += answers[i];
    }
    // Check everything before touching anything, so a bad remove changes nothing.
    bool present = respondents_ > 0 && own_score_bins_[bin(answered, sum)] > 0;
    for (std::size_t i = 0; present && i < answers.size(); ++i) present = unsur_[i].count[answers[i]] > 0;
    if (!present) throw std::logic_error("tally: removing answers that were never added");
    for (std::size_t i = 0; i < answers.size(); ++i) --unsur_[i].count[answers[i]];
    --own_score_bins_[bin(answered, sum)];
    --respondents_;
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
