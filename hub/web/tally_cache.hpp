// Tallies of every stored response by month × kecamatan × layanan, kept in
// memory and brought up to date by reading only the responses stored since
// the last look (WebStore::for_each_response_after). Every period the
// dashboard offers (year, semester, triwulan, month) is a run of whole
// months, so any page is a merge of a few cached tallies: the overview of 30
// kecamatan × 15 layanan over years of data does not rescan the database.
// The numbers are the same: the same decoding (store/answers_codec), the
// same scoring::Tally, summarised by scoring::summarize. Thread-safe.
#pragma once

#include "hub/web/web_store.hpp"
#include "scoring/scheme.hpp"
#include "scoring/tally.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace skm::hub::web {

class TallyCache {
public:
    TallyCache(WebStore& store, const scoring::ScoringScheme& scheme);

    // Reads what was stored since the last refresh. Throws skm::Error(storage)
    // when a stored answer cannot be decoded (nothing of that read is kept).
    void refresh();

    // The months of the range must be whole (first day of a month to last
    // day of a month), as every period key is.
    std::map<std::string, scoring::Tally> by_kecamatan(const scoring::DateRange& range);
    std::map<std::string, scoring::Tally> by_layanan(const scoring::DateRange& range, const std::string& kecamatan);
    scoring::Tally total(const scoring::DateRange& range, const std::string& kecamatan);

    std::int64_t last_seq();

private:
    using Months = std::map<int, scoring::Tally>;  // year × 12 + month − 1
    void merge_months(const Months& months, int first, int last, scoring::Tally& into) const;

    WebStore& store_;
    const scoring::ScoringScheme& scheme_;
    std::mutex mutex_;
    std::int64_t last_seq_ = 0;
    std::map<std::string, std::map<std::string, Months>> tallies_;  // kecamatan → layanan → month
};

}  // namespace skm::hub::web
