// A report table as data: columns, rows of text, counts and exact decimals.
// The PDF, XLSX and CSV writers all render the same tables, so a figure can
// never differ between the formats.
#pragma once

#include "scoring/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace skm::reports {

struct Cell {
    enum class Kind { text, count, decimal };
    Kind kind = Kind::text;
    std::string text;
    std::uint64_t count = 0;
    scoring::Decimal decimal;

    static Cell of(std::string text);
    static Cell of(std::uint64_t count);
    static Cell of(const scoring::Decimal& decimal);
    // "—" when there is no figure (an unsur nobody answered, a missing target).
    static Cell of(const std::optional<scoring::Decimal>& decimal);

    bool numeric() const { return kind != Kind::text; }
    // As printed: decimals with the given separator ("89,72"); counts grouped
    // in thousands with the other mark (1.899 beside a decimal comma, 1,899
    // beside a point) unless `group` is off (the machine-readable CSV).
    std::string display(char decimal_separator, bool group = true) const;
};

enum class Align { left, right, center };

struct Column {
    std::string header;
    double width = 1;  // relative share of the table's width (PDF)
    Align align = Align::left;
};

struct Row {
    std::vector<Cell> cells;
    bool strong = false;  // totals and the IKM lines: bold
};

struct Table {
    std::string id;     // stable name ("unsur", "layanan"…), not shown
    std::string title;  // shown above the table and as the sheet name
    std::vector<Column> columns;
    std::vector<Row> rows;
    std::vector<std::string> notes;  // shown under the table
    double min_row_height = 0;       // PDF: room to write by hand (points)
};

}  // namespace skm::reports
