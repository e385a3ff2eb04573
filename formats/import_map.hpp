// MAP.json: how an office tells `skm import --from` what the recogniser could
// not settle (docs/reference/file-formats.md#mapjson). "columns" gives each
// header a role word (a field, an unsur code, "personal" or "ignore"; "" = not
// decided yet); "labels" gives, per column header, each answer label its
// value ("1"–"4" for an unsur, an official code with an optional ":detail" for
// a profile field). `skm import` writes a template with every column and each
// undecided label, to fill in and pass back with --map.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

struct ImportMap {
    std::string source;                                                 // "google-forms" or "spreadsheet"
    std::map<std::string, std::string> columns;                         // header → role word
    std::map<std::string, std::map<std::string, std::string>> labels;  // header → label → value
};

// Throws skm::Error(input, "import.bad_map") naming the file when it is not a MAP.json.
ImportMap parse_import_map(std::string_view json_text, std::string_view file_name);
// Indented JSON, keys in the order of `column_order` (the file's), then labels.
std::string format_import_map(const ImportMap& map, const std::vector<std::string>& column_order);

}  // namespace skm::formats
