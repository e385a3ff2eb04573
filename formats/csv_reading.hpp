// How read_response_csv reads (internal to formats/; tests choose explicitly).
// A big file is read by the caller's thread and one helper thread; rows, the
// order of on_row calls and every problem are those of reading in order, and
// on_row is only ever called on the caller's thread.
#pragma once

#include "formats/response_csv_reader.hpp"

#include <cstddef>

namespace skm::formats::csv_reading {

struct Threads {
    bool two = false;                             // use a helper thread at all
    std::size_t min_bytes = std::size_t{4} << 20;  // only for rows of at least this many bytes
    std::size_t chunk_bytes = std::size_t{1} << 20;
};

// Two threads when the machine has two processors.
Threads default_threads();

CsvReadSummary read(std::string_view content, std::string_view file_name, const std::vector<std::string>& unsur_codes,
                    const ResponseRowHandler& on_row, CsvReadOptions options, const Threads& threads);

}  // namespace skm::formats::csv_reading
