// Internal to formats/ (the response CSV reader): reading a big file with the
// caller's thread and one helper, with the rows, order and problems of
// reading in order.
#pragma once

#include "formats/csv_header.hpp"
#include "formats/response_csv_reader.hpp"

#include <cstddef>
#include <string_view>

namespace skm::formats::csv_detail {

// After a few rows their average length tells how many ids to make room for.
constexpr std::size_t kSampleRecords = 256;

inline std::size_t expected_rows(std::size_t sampled_bytes, std::size_t sampled_rows, std::size_t total_bytes) {
    return total_bytes / std::max<std::size_t>(sampled_bytes / std::max<std::size_t>(sampled_rows, 1), 1) +
           kSampleRecords;
}

void read_in_two_threads(std::string_view content, std::string_view file_name, const Header& header,
                         std::size_t unsur_count, const ResponseRowHandler& on_row, CsvReadOptions options,
                         CsvReadSummary& summary, std::size_t chunk_bytes);

}  // namespace skm::formats::csv_detail
