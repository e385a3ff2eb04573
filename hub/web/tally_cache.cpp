#include "hub/web/tally_cache.hpp"

#include "scoring/problem.hpp"
#include "store/answers_codec.hpp"

namespace skm::hub::web {
namespace {

int month_index(const scoring::LocalDate& date) { return date.year * 12 + date.month - 1; }

// "2025-03-14" → 2025 × 12 + 2, without a full date parse (the store wrote it).
std::optional<int> month_index(std::string_view local_date) {
    if (local_date.size() < 7 || local_date[4] != '-') return std::nullopt;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (local_date[i] < '0' || local_date[i] > '9') return std::nullopt;
        year = year * 10 + (local_date[i] - '0');
    }
    if (local_date[5] < '0' || local_date[5] > '9' || local_date[6] < '0' || local_date[6] > '9') return std::nullopt;
    const int month = (local_date[5] - '0') * 10 + (local_date[6] - '0');
    if (month < 1 || month > 12) return std::nullopt;
    return year * 12 + month - 1;
}

}  // namespace

TallyCache::TallyCache(WebStore& store, const scoring::ScoringScheme& scheme) : store_(store), scheme_(scheme) {}

void TallyCache::refresh() {
    const std::lock_guard lock(mutex_);
    // Into a copy first: a bad row leaves the cache as it was, and the next refresh tries again.
    std::map<std::string, std::map<std::string, Months>> added;
    std::int64_t seen = last_seq_;
    std::string last_kecamatan;
    std::string last_layanan;
    std::optional<int> last_month;
    scoring::Tally* last = nullptr;
    store_.for_each_response_after(last_seq_, [&](std::int64_t seq, std::string_view local_date, std::string_view kecamatan,
                                                  std::string_view layanan, std::string_view answers_text) {
        const auto month = month_index(local_date);
        const auto answers = store::decode_answers(scheme_, answers_text);
        if (!month || !answers) {
            throw Error(ErrorKind::storage, Problem{"store.bad_answers", {{"response_id", std::to_string(seq)}}});
        }
        // Uploads come in runs of one kecamatan and layanan: skip the lookups then.
        if (!last || kecamatan != last_kecamatan || layanan != last_layanan || month != last_month) {
            last_kecamatan = kecamatan;
            last_layanan = layanan;
            last_month = month;
            last = &added[last_kecamatan][last_layanan].try_emplace(*month, scheme_.size()).first->second;
        }
        last->add(*answers);
        seen = seq;
    });
    for (auto& [kecamatan, by_layanan] : added) {
        for (auto& [layanan, months] : by_layanan) {
            Months& into = tallies_[kecamatan][layanan];
            for (auto& [month, tally] : months) {
                const auto [it, inserted] = into.try_emplace(month, std::move(tally));
                if (!inserted) it->second.merge(tally);
            }
        }
    }
    last_seq_ = seen;
}

void TallyCache::merge_months(const Months& months, int first, int last, scoring::Tally& into) const {
    for (auto it = months.lower_bound(first); it != months.end() && it->first <= last; ++it) into.merge(it->second);
}

std::map<std::string, scoring::Tally> TallyCache::by_kecamatan(const scoring::DateRange& range) {
    const std::lock_guard lock(mutex_);
    const int first = month_index(range.first);
    const int last = month_index(range.last);
    std::map<std::string, scoring::Tally> out;
    for (const auto& [kecamatan, by_layanan] : tallies_) {
        scoring::Tally tally(scheme_.size());
        for (const auto& [layanan, months] : by_layanan) merge_months(months, first, last, tally);
        if (tally.respondents() > 0) out.emplace(kecamatan, std::move(tally));
    }
    return out;
}

std::map<std::string, scoring::Tally> TallyCache::by_layanan(const scoring::DateRange& range, const std::string& kecamatan) {
    const std::lock_guard lock(mutex_);
    std::map<std::string, scoring::Tally> out;
    const auto found = tallies_.find(kecamatan);
    if (found == tallies_.end()) return out;
    for (const auto& [layanan, months] : found->second) {
        scoring::Tally tally(scheme_.size());
        merge_months(months, month_index(range.first), month_index(range.last), tally);
        if (tally.respondents() > 0) out.emplace(layanan, std::move(tally));
    }
    return out;
}

scoring::Tally TallyCache::total(const scoring::DateRange& range, const std::string& kecamatan) {
    scoring::Tally tally(scheme_.size());
    for (const auto& [layanan, t] : by_layanan(range, kecamatan)) tally.merge(t);
    return tally;
}

std::int64_t TallyCache::last_seq() {
    const std::lock_guard lock(mutex_);
    return last_seq_;
}

}  // namespace skm::hub::web
