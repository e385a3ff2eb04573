// Reads the response CSV (docs/reference/file-formats.md#response-csv): UTF-8 (BOM accepted), RFC 4180
// quoting, comma or the Indonesian Excel dialect's semicolon, columns matched
// by header name. Every bad input is an skm::Error(input) whose problem names
// the file, line and column ("csv.*" keys in assets/i18n).
//
// A big file (megabytes of rows) is checked by two threads when the machine
// has two processors, but on_row is only ever called on the caller's thread,
// row after row in file order, and rows and problems are exactly those of
// reading in one go (csv_reading.hpp).
#pragma once

#include "scoring/period.hpp"
#include "scoring/problem.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

// Views into the file or a scratch buffer: valid only during the callback.
struct ResponseRow {
    std::size_t line = 0;
    std::string_view response_id;
    std::string_view submitted_at;
    scoring::Timestamp timestamp;
    std::string_view layanan;
    std::string_view jenis_kelamin;
    std::string_view umur;  // always a band (integer ages are mapped)
    std::string_view pendidikan;
    std::string_view pekerjaan;
    std::span<const std::uint8_t> answers;  // in unsur_codes order; 0 = unanswered
    std::string_view saran;
    std::string_view flags;  // ';'-separated
    std::string_view device_id;
    std::string_view questionnaire_version;
    // Optional columns: a file without them (written before them) reads them empty = not recorded
    // (docs/reference/file-formats.md#optional-columns-and-members-profile_detail-origin-channel).
    std::string_view profile_detail;  // formats/profile_detail.hpp's form
    std::string_view origin;          // one of kOrigins
    std::string_view channel;         // one of kChannels
};

struct CsvReadOptions {
    // Off: the first bad row stops the read (all-or-nothing for callers that
    // collect before acting). On: bad rows are reported and left out.
    bool skip_bad_rows = false;
};

struct CsvReadSummary {
    std::size_t rows = 0;             // delivered to the callback
    std::vector<Problem> skipped;     // one per left-out row
    char separator = ',';
};

using ResponseRowHandler = std::function<void(const ResponseRow&)>;

inline constexpr std::size_t kMaxSaranBytes = 2000;
inline constexpr std::size_t kMaxShortFieldBytes = 200;

CsvReadSummary read_response_csv(std::string_view content, std::string_view file_name,
                                 const std::vector<std::string>& unsur_codes, const ResponseRowHandler& on_row,
                                 CsvReadOptions options = {});

}  // namespace skm::formats
