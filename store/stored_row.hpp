// One stored response as read back from a `responses` row: the column list
// every reader selects, and its decoding. Shared by the live store and by
// salvage, which reads a damaged file row by row.
#pragma once

#include "formats/questionnaire.hpp"
#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/scheme.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::store {

struct Submission {
    formats::Response response;  // answers in the scheme's order; questionnaire_version set
    std::string questionnaire_id;
    std::optional<std::int64_t> duration_ms;
};

struct StoredRow {
    std::int64_t seq = 0;
    Submission submission;
    std::string sync_state;
};

// "seq, response_id, …, sync_state, profile_detail, origin, channel": the
// columns read_stored_row expects, in order, in a database of the latest schema.
extern const char* const kStoredRowColumns;
// The same list for a database of any schema version (salvage reads damaged
// files an older build left): a column its responses table lacks is read as
// the value its migration gives old rows (sync_state came with version 2,
// profile_detail, origin and channel with version 4).
std::string stored_row_columns_in(const Connection& source);

// Throws skm::Error(storage, store.bad_answers) when the answers text cannot be decoded.
StoredRow read_stored_row(const Statement& query, const scoring::ScoringScheme& scheme);

// A row of the response CSV as the store takes it (import, salvage tests,
// demo data): questionnaire id and, when the row has none, version from `questionnaire`.
Submission submission_from_row(const formats::ResponseRow& row, const formats::Questionnaire& questionnaire);

std::string join_flags(const std::vector<std::string>& flags);
std::vector<std::string> split_flags(std::string_view text);

}  // namespace skm::store
