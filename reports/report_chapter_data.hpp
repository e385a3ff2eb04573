// What the chapters of a Laporan Hasil SKM need beyond the figures of
// report_data: the answer counts per unsur (so the sums and the tabulation
// can be printed and NRR = sum / n recomputed from the paper), the previous
// period of the same kind (for the change and its significance), the office's
// address and the signatory block, all read from the device
// database's settings (formats/settings_table).
#pragma once

#include "scoring/period.hpp"
#include "scoring/summary.hpp"
#include "scoring/tally.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace skm::store {
class ResponseStore;
}

namespace skm::reports {

// Empty fields are "not set": the report leaves a line to write on instead of inventing.
struct Signatory {
    std::string title;  // jabatan ("Camat Sukamaju")
    std::string name;
    std::string nip;    // 18 digits, as formats/settings_table checks it
    std::string place;  // where it is signed ("Sukamaju")
};

struct OfficeDetails {
    std::string address;
    std::string contact;
};

// The period before the report's, of the same kind (2026-S2 → 2026-S1,
// 2026 → 2025); only for reports of a named period.
struct PreviousPeriod {
    scoring::PeriodId id;
    scoring::IkmSummary summary;  // pooled, with its 95% interval
};

struct ChapterData {
    scoring::Tally tally{0};  // every response of the period, per unsur × answer
    std::optional<PreviousPeriod> previous;
    Signatory signatory;
    OfficeDetails office;
};

// Reads the settings and the previous period's rows; `tally` is the period's
// own, gathered by the caller in its pass over the rows.
ChapterData gather_chapter_data(const store::ResponseStore& store, const scoring::ScoringScheme& scheme,
                                const std::optional<scoring::PeriodId>& period, scoring::Tally tally);

}  // namespace skm::reports
