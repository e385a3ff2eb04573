#include "reports/xlsx_report.hpp"

#include "formats/utf8.hpp"
#include "reports/report_file.hpp"
#include "reports/report_labels.hpp"
#include "reports/report_tables.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>
#include <utility>

namespace skm::reports {
namespace {

// The double nearest to the decimal (from its digits, not through a
// truncating mpq → double conversion), so Excel shows exactly 89.72.
double to_double(const scoring::Decimal& decimal) {
    const std::string digits = decimal.str('.');
    double value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

class Workbook {
public:
    explicit Workbook(const std::filesystem::path& file) : file_(file), book_(workbook_new(file.c_str())) {
        if (!book_) throw cannot_write(file_, "workbook_new");
    }
    ~Workbook() {
        if (book_) workbook_close(book_);  // only after a failure: close() below sets it to null
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    void set_title(const std::string& title) {
        title_ = title;
        lxw_doc_properties properties{};
        properties.title = title_.data();
        workbook_set_properties(book_, &properties);
    }

    lxw_worksheet* sheet(const std::string& name) {
        lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
        if (!sheet) throw cannot_write(file_, "worksheet " + name);
        worksheet_set_paper(sheet, 9);  // A4
        return sheet;
    }

    // Formats are created once per kind: libxlsxwriter keeps them until close.
    lxw_format* format(int places, bool bold, bool wrap = false) {
        const auto key = std::make_tuple(places, bold, wrap);
        if (auto it = formats_.find(key); it != formats_.end()) return it->second;
        lxw_format* f = workbook_add_format(book_);
        if (places == 0) format_set_num_format(f, "#,##0");  // Excel groups thousands in the reader's locale
        if (places > 0) format_set_num_format(f, ("0." + std::string(static_cast<std::size_t>(places), '0')).c_str());
        if (bold) format_set_bold(f);
        if (wrap) {
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        formats_.emplace(key, f);
        return f;
    }
    lxw_format* title_format() {
        return made_once(title_format_, [](lxw_format* f) {
            format_set_bold(f);
            format_set_font_size(f, 12);
        });
    }
    lxw_format* header_format() {
        return made_once(header_format_, [](lxw_format* f) {
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_bottom(f, LXW_BORDER_THIN);
            format_set_bg_color(f, 0xE8EEF4);
        });
    }
    lxw_format* note_format() {
        return made_once(note_format_, [](lxw_format* f) { format_set_italic(f); });
    }

    void close() {
        const lxw_error error = workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR) throw cannot_write(file_, lxw_strerror(error));
    }

private:
    // The workbook's format in `slot`, made and set up on first use.
    template <typename SetUp>
    lxw_format* made_once(lxw_format*& slot, SetUp set_up) {
        if (!slot) {
            slot = workbook_add_format(book_);
            set_up(slot);
        }
        return slot;
    }


    std::filesystem::path file_;
    lxw_workbook* book_;
    std::string title_;
    std::map<std::tuple<int, bool, bool>, lxw_format*> formats_;
    lxw_format* title_format_ = nullptr;
    lxw_format* header_format_ = nullptr;
    lxw_format* note_format_ = nullptr;
};

// Writes one table from `row` down; returns the row after it. Widens the
// sheet's columns in `widths` to fit.
lxw_row_t write_table(Workbook& book, lxw_worksheet* sheet, const Table& table, lxw_row_t row, std::vector<double>& widths) {
    worksheet_write_string(sheet, row++, 0, table.title.c_str(), book.title_format());
    if (widths.size() < table.columns.size()) widths.resize(table.columns.size(), 6);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        worksheet_write_string(sheet, row, col, table.columns[c].header.c_str(), book.header_format());
        widths[c] = std::max(widths[c], std::min(30.0, static_cast<double>(formats::utf8_width(table.columns[c].header)) + 2));
    }
    ++row;
    for (const auto& r : table.rows) {
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
            const Cell& cell = r.cells[c];
            const auto col = static_cast<lxw_col_t>(c);
            switch (cell.kind) {
                case Cell::Kind::decimal:
                    worksheet_write_number(sheet, row, col, to_double(cell.decimal), book.format(cell.decimal.places, r.strong));
                    break;
                case Cell::Kind::count:
                    worksheet_write_number(sheet, row, col, static_cast<double>(cell.count), book.format(0, r.strong));
                    break;
                case Cell::Kind::text: {
                    const bool wrap = formats::utf8_width(cell.text) > 60;  // long saran wrap inside a wide column
                    if (!cell.text.empty()) worksheet_write_string(sheet, row, col, cell.text.c_str(), book.format(-1, r.strong, wrap));
                    break;
                }
            }
            widths[c] = std::max(widths[c], std::min(80.0, static_cast<double>(formats::utf8_width(cell.display(','))) + 2));
        }
        ++row;
    }
    for (const auto& note : table.notes) worksheet_write_string(sheet, row++, 0, note.c_str(), book.note_format());
    return row;
}

void set_widths(lxw_worksheet* sheet, const std::vector<double>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
}

void write_sheet(Workbook& book, const std::string& name, const std::vector<const Table*>& tables) {
    lxw_worksheet* sheet = book.sheet(name);
    std::vector<double> widths;
    lxw_row_t row = 0;
    for (const Table* table : tables) row = write_table(book, sheet, *table, row, widths) + 1;
    set_widths(sheet, widths);
}

}  // namespace

void write_xlsx_report(const ReportData& data, const formats::Catalog& catalog, const std::filesystem::path& file) {
    const ReportTables tables = build_tables(data, catalog, catalog.decimal_separator());
    Workbook book(file);
    book.set_title(catalog.text("report.title"));
    // Sheet 1 is the summary and sheet 2 the NRR table: tests and staff look there first.
    write_sheet(book, catalog.text("report.sheet.summary"), {&tables.summary});
    write_sheet(book, catalog.text("report.sheet.unsur"), {&tables.unsur});
    std::vector<const Table*> layanan = {&tables.layanan};
    if (tables.sample) layanan.push_back(&*tables.sample);
    write_sheet(book, catalog.text("report.sheet.layanan"), layanan);
    write_sheet(book, catalog.text("report.sheet.months"), {&tables.months});
    std::vector<const Table*> profile;
    for (const auto& t : tables.profile) profile.push_back(&t);
    write_sheet(book, catalog.text("report.sheet.profile"), profile);
    write_sheet(book, catalog.text("report.sheet.saran"), {&tables.saran_by_unsur, &tables.saran});
    write_sheet(book, catalog.text("report.sheet.follow_up"), {&tables.follow_up});
    write_sheet(book, catalog.text("report.sheet.lkjip"), {&tables.lkjip});
    write_sheet(book, catalog.text("report.sheet.lampiran"), {&tables.questionnaire, &tables.tabulation});
    book.close();
}

void write_xlsx_tables(const std::string& title, const std::vector<XlsxSheet>& sheets, const std::filesystem::path& file) {
    Workbook book(file);
    book.set_title(title);
    for (const auto& sheet : sheets) write_sheet(book, sheet.name, sheet.tables);
    book.close();
}

}  // namespace skm::reports
