// Reads the response CSV (docs/reference/file-formats.md#response-csv): the checks before any row here, the
// record splitting, field and row checks and the two-thread reading in the
// csv_*.hpp files beside it.
#include "formats/response_csv_reader.hpp"

#include "formats/csv_header.hpp"
#include "formats/csv_id_set.hpp"
#include "formats/csv_reading.hpp"
#include "formats/csv_record_splitter.hpp"
#include "formats/csv_row_builder.hpp"
#include "formats/csv_scan.hpp"
#include "formats/csv_two_thread_reader.hpp"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace skm::formats {
namespace {

using namespace csv_detail;

void read_in_order(std::string_view content, std::string_view file_name, const Header& header,
                   std::size_t unsur_count, const ResponseRowHandler& on_row, CsvReadOptions options,
                   CsvReadSummary& summary) {
    RecordSplitter splitter(content, file_name, summary.separator, header.data_start, header.data_line,
                            content.data() + content.size());
    IdCheck ids(file_name, content);
    RowBuilder builder(file_name, content, header.columns, unsur_count, &ids.ids());
    std::vector<std::string_view> fields(header.columns.size() + 1);
    std::size_t count = 0;
    std::size_t line = 0;
    std::size_t records = 0;
    const bool id_first = header.columns.front().role == Role::response_id;
    const auto rest = static_cast<std::size_t>(content.data() + content.size() - header.data_start);
    ResponseRow row;
    std::uint64_t id_hash = 0;
    while (splitter.next(fields, count, line)) {
        if (++records == kSampleRecords) {
            const auto sampled = static_cast<std::size_t>(splitter.position() - header.data_start);
            ids.ids().expect(expected_rows(sampled, kSampleRecords, rest));
        }
        auto problem = builder.build(fields.data(), count, line, row, id_hash);
        if (!problem) problem = ids.check(row, id_hash, line);
        // The next row's id, hashed now so that its slot is in the cache by the
        // time that row is checked (build above used the one hashed a row ago).
        if (id_first) builder.prefetch_id(splitter.peek_first_field());
        if (problem) [[unlikely]] {
            if (!options.skip_bad_rows) throw Error(ErrorKind::input, *problem);
            summary.skipped.push_back(std::move(*problem));
            continue;
        }
        on_row(row);
        ++summary.rows;
    }
}

}  // namespace

// ---- [read_response_csv] ---------------------------------------------------

namespace csv_reading {

CsvReadSummary read(std::string_view content, std::string_view file_name, const std::vector<std::string>& unsur_codes,
                    const ResponseRowHandler& on_row, CsvReadOptions options, const Threads& threads) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (content.substr(0, 3) == kBom) content.remove_prefix(3);
    if (auto bad = csv_scan::first_invalid_utf8(content)) {
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        throw Error(ErrorKind::input, located("csv.not_utf8", file_name, static_cast<std::size_t>(line), "-"));
    }
    if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw Error(ErrorKind::input, located("csv.empty_file", file_name, 1, "-"));
    }

    CsvReadSummary summary;
    summary.separator = detect_separator(content);
    const Header header = read_header(content, file_name, unsur_codes, summary.separator);
    const auto rows_bytes = static_cast<std::size_t>(content.data() + content.size() - header.data_start);
    if (threads.two && rows_bytes >= threads.min_bytes) {
        read_in_two_threads(content, file_name, header, unsur_codes.size(), on_row, options, summary,
                            threads.chunk_bytes);
    } else {
        read_in_order(content, file_name, header, unsur_codes.size(), on_row, options, summary);
    }
    return summary;
}

Threads default_threads() {
    Threads threads;
    threads.two = std::thread::hardware_concurrency() >= 2;
    return threads;
}

}  // namespace csv_reading

CsvReadSummary read_response_csv(std::string_view content, std::string_view file_name,
                                 const std::vector<std::string>& unsur_codes, const ResponseRowHandler& on_row,
                                 CsvReadOptions options) {
    static const csv_reading::Threads threads = csv_reading::default_threads();
    return csv_reading::read(content, file_name, unsur_codes, on_row, options, threads);
}

}  // namespace skm::formats
