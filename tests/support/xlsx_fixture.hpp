// An XLSX workbook written the way Google Sheets and Excel store a survey:
// text cells as shared strings, timestamps as serial numbers in a date style.
// Written with libxlsxwriter (link PkgConfig::XLSXWRITER), never by hand, so
// the importer reads a real workbook.
#pragma once

#include <xlsxwriter.h>

#include <optional>
#include <string>
#include <vector>

namespace skm::test {

struct XlsxCell {
    std::string text;
    std::optional<double> date_serial;  // written as a number with a date format
    std::optional<double> number;       // a plain number (1–4 answers of a spreadsheet)
};

// Row 0 is the header. Returns false if libxlsxwriter could not write the file.
inline bool write_xlsx(const std::string& path, const std::vector<std::string>& header,
                       const std::vector<std::vector<XlsxCell>>& rows) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) return false;
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy hh:mm:ss");
    for (std::size_t c = 0; c < header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const XlsxCell& cell = rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            if (cell.date_serial) {
                worksheet_write_number(sheet, row, col, *cell.date_serial, date);
            } else if (cell.number) {
                worksheet_write_number(sheet, row, col, *cell.number, nullptr);
            } else if (!cell.text.empty()) {
                worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr);
            }
        }
    }
    return workbook_close(book) == LXW_NO_ERROR;
}

// The serial Google Sheets and Excel store for a wall-clock moment.
inline double xlsx_serial(int days_since_1970, int hour, int minute, int second) {
    return 25569.0 + days_since_1970 + (hour * 3600 + minute * 60 + second) / 86400.0;
}

}  // namespace skm::test
