// An old survey file (a Google Forms export, the SKM spreadsheet template)
// turned into responses: each column's role from its header (or MAP.json),
// each answer from its label, each timestamp in the office's time zone.
// Personal columns are dropped here and never reach a Response. Whatever the
// recogniser could not settle is listed by header and row number (never by a
// cell's value) with a MAP.json template to fill in; what no map can fix
// (a 14-unsur questionnaire, timestamps that are not dates) is an error.
#pragma once

#include "formats/import_map.hpp"
#include "formats/import_table.hpp"
#include "formats/legacy_date.hpp"
#include "formats/legacy_vocabulary.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::formats {

enum class LegacySource { google_forms, spreadsheet };

struct LegacyImportOptions {
    LegacySource source = LegacySource::google_forms;
    DateOrder date_order = DateOrder::unknown;   // --date-order; unknown = decide from the data
    std::string layanan;                         // --layanan: for a file without a layanan column (or empty cells)
    std::optional<scoring::DateRange> period;    // --period: rows outside are left out; the date of undated rows
    int offset_minutes = 7 * 60;                 // the office's time zone (the time_zone setting)
    ImportMap map;                               // --map
};

struct ImportedRow {
    Response response;     // no id yet; origin=import, channel=form (Google Forms) or paper (spreadsheet)
    std::size_t row = 0;   // the line or sheet row it came from
    std::string identity;  // the row's imported content and its occurrence among identical rows: the id's seed
};

// Something the office must decide, named by column header and row (0 = the
// column itself), never by a cell's value.
struct Unresolved {
    std::string header;
    std::size_t column = 0;     // 1-based
    std::size_t first_row = 0;  // 0: the column is not recognised
    std::size_t rows = 0;       // rows with that label
};

struct LegacyImport {
    std::vector<std::string> headers;  // unique: a repeated header gets " (2)", " (3)"
    std::vector<ColumnRole> roles;
    std::vector<ImportedRow> rows;
    std::vector<Unresolved> unresolved;
    ImportMap template_map;  // every column's role, every undecided label with ""
    std::size_t outside_period = 0;
    std::size_t personal_columns = 0;
};

// Throws skm::Error(input) naming the file for what a MAP.json cannot fix:
// import.kepmenpan_2004, import.no_timestamp, import.needs_period,
// import.bad_timestamp, import.date_order_unknown, import.date_order_conflict,
// import.needs_layanan, import.missing_unsur, import.bad_map.
LegacyImport read_legacy_import(const ImportTable& table, const Questionnaire& questionnaire,
                                const LegacyImportOptions& options, std::string_view file_name);

std::string_view source_word(LegacySource source);  // "google-forms", "spreadsheet"

}  // namespace skm::formats
