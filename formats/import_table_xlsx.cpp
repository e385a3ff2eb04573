// The XLSX half of formats/import_table: the workbook's first sheet, opened
// with libzip and read with pugixml (never by hand). Shared strings, inline
// strings and numbers become text; a number whose style is a date format
// (built-in 14-22, 45-47, or a custom code with day/month/year letters) keeps
// its serial too, which is how Google Sheets and Excel store a timestamp.
#include "formats/import_table.hpp"
#include "scoring/problem.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <charconv>
#include <map>
#include <memory>

namespace skm::formats {
namespace {

[[noreturn]] void bad_xlsx(std::string_view file_name, std::string_view part) {
    throw Error(ErrorKind::input, Problem{"import.bad_xlsx", {{"file", std::string(file_name)}, {"part", std::string(part)}}});
}

class Workbook {
public:
    Workbook(std::string_view content, std::string_view file_name) : file_(file_name) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(content.data(), content.size(), 0, &error);
        if (source) archive_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
        if (source && !archive_) zip_source_free(source);
        zip_error_fini(&error);
        if (!archive_) bad_xlsx(file_, "zip");
    }

    // The part's XML, or an empty document when the workbook has no such part and `required` is false.
    pugi::xml_document part(const std::string& name, bool required = true) const {
        pugi::xml_document doc;
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
            if (required) bad_xlsx(file_, name);
            return doc;
        }
        // A part that unpacks past this is no survey sheet (a million rows stay well below it).
        constexpr zip_uint64_t kMaxPartBytes = 512u << 20;
        if (stat.size > kMaxPartBytes) bad_xlsx(file_, name);
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(archive_.get(), name.c_str(), 0), zip_fclose);
        std::string bytes(static_cast<std::size_t>(stat.size), '\0');
        if (!file || zip_fread(file.get(), bytes.data(), bytes.size()) != static_cast<zip_int64_t>(bytes.size()) ||
            !doc.load_buffer(bytes.data(), bytes.size())) {
            bad_xlsx(file_, name);
        }
        return doc;
    }

private:
    std::string_view file_;
    std::unique_ptr<zip_t, decltype(&zip_discard)> archive_{nullptr, zip_discard};
};

// The first sheet's part name, through the workbook's relationships.
std::string first_sheet_path(const Workbook& book) {
    const auto workbook = book.part("xl/workbook.xml");
    const auto sheet = workbook.child("workbook").child("sheets").child("sheet");
    const std::string id = sheet.attribute("r:id").value();
    const auto rels = book.part("xl/_rels/workbook.xml.rels");
    for (const auto rel : rels.child("Relationships").children("Relationship")) {
        if (id != rel.attribute("Id").value()) continue;
        std::string target = rel.attribute("Target").value();
        if (target.rfind("/", 0) == 0) return target.substr(1);
        return "xl/" + target;
    }
    return "xl/worksheets/sheet1.xml";
}

// All the text of a shared or inline string (its runs joined).
std::string string_text(const pugi::xml_node si) {
    std::string text;
    for (const auto t : si.select_nodes(".//*[local-name()='t']")) text += t.node().text().get();
    return text;
}

std::vector<std::string> shared_strings(const Workbook& book) {
    std::vector<std::string> strings;
    const auto doc = book.part("xl/sharedStrings.xml", false);
    for (const auto si : doc.child("sst").children("si")) strings.push_back(string_text(si));
    return strings;
}

bool date_code(std::string_view code) {
    bool quoted = false;
    bool bracket = false;
    for (const char c : code) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '[') bracket = true;
        if (c == ']') bracket = false;
        if (bracket) continue;
        if (c == 'd' || c == 'D' || c == 'm' || c == 'M' || c == 'y' || c == 'Y') return true;
    }
    return false;
}

// For each cell style (cellXfs index): whether it shows a number as a date.
std::vector<bool> date_styles(const Workbook& book) {
    const auto doc = book.part("xl/styles.xml", false);
    const auto sheet = doc.child("styleSheet");
    std::map<unsigned, bool> custom;
    for (const auto fmt : sheet.child("numFmts").children("numFmt")) {
        custom[fmt.attribute("numFmtId").as_uint()] = date_code(fmt.attribute("formatCode").value());
    }
    std::vector<bool> styles;
    for (const auto xf : sheet.child("cellXfs").children("xf")) {
        const unsigned id = xf.attribute("numFmtId").as_uint();
        const auto found = custom.find(id);
        styles.push_back(found != custom.end() ? found->second : (id >= 14 && id <= 22) || (id >= 45 && id <= 47));
    }
    return styles;
}

// "BC12" → column 54 (0-based), row 12.
std::pair<std::size_t, std::size_t> cell_position(std::string_view ref) {
    std::size_t column = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    std::size_t row = 0;
    std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    return {column == 0 ? 0 : column - 1, row};
}

}  // namespace

ImportTable read_xlsx_table(std::string_view content, std::string_view file_name) {
    const Workbook book(content, file_name);
    const auto strings = shared_strings(book);
    const auto dates = date_styles(book);
    const std::string sheet_path = first_sheet_path(book);
    const auto sheet = book.part(sheet_path);

    // Row number → its cells by column; rows and cells may be left out of the file when empty.
    std::map<std::size_t, std::map<std::size_t, TableCell>> cells;
    std::size_t width = 0;
    std::size_t next_row = 1;
    for (const auto row : sheet.child("worksheet").child("sheetData").children("row")) {
        const std::size_t row_number = row.attribute("r") ? row.attribute("r").as_uint() : next_row;
        next_row = row_number + 1;
        std::size_t next_column = 0;
        for (const auto c : row.children("c")) {
            const auto [column, ignored] = c.attribute("r") ? cell_position(c.attribute("r").value())
                                                            : std::pair<std::size_t, std::size_t>{next_column, 0};
            next_column = column + 1;
            const std::string type = c.attribute("t").value();
            const std::string value = c.child("v").text().get();
            TableCell cell;
            if (type == "s") {
                std::size_t index = 0;
                const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
                if (error != std::errc() || index >= strings.size()) bad_xlsx(file_name, sheet_path);
                cell.text = strings[index];
            } else if (type == "inlineStr") {
                cell.text = string_text(c.child("is"));
            } else {
                cell.text = value;
                const std::size_t style = c.attribute("s").as_uint();
                if ((type.empty() || type == "n") && !value.empty() && style < dates.size() && dates[style]) {
                    cell.date_serial = c.child("v").text().as_double();
                }
            }
            if (cell.text.empty()) continue;
            width = std::max(width, column + 1);
            cells[row_number][column] = std::move(cell);
        }
    }
    if (cells.empty()) throw Error(ErrorKind::input, Problem{"import.empty_file", {{"file", std::string(file_name)}}});

    ImportTable table;
    auto row = cells.begin();
    table.header.resize(width);
    for (auto& [column, cell] : row->second) table.header[column] = std::move(cell.text);
    for (++row; row != cells.end(); ++row) {
        std::vector<TableCell> values(width);
        for (auto& [column, cell] : row->second) values[column] = std::move(cell);
        table.rows.push_back(std::move(values));
        table.row_numbers.push_back(row->first);
    }
    return table;
}

}  // namespace skm::formats
