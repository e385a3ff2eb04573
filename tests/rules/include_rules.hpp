// The include rules the build cannot check, as pure functions over
// (relative path, file content).
//
// Which project library may include which is the build's job: each library
// exposes only its own include directory (cmake/skm_headers.cmake) and the link
// graph points inward, kiosk, hub, tools → reports, sync, store → formats →
// scoring (cmake/skm_layers.cmake). System headers, though, are visible to
// every target, so these stay here:
//   - scoring/ includes only C++ standard headers (an explicit list: <cstdio>,
//     not <stdio.h>) and <gmp.h>/<gmpxx.h>;
//   - formats/ includes only standard, C and POSIX system headers,
//     <nlohmann/...> and <fmt/...> (and GMP, which the scoring API exposes);
//   - <sqlite3.h> only in store/, hub/, tests/, bench/; <curl/...> only in
//     sync/; libpq only in hub/ and tests/; GLFW and OpenGL headers only in
//     kiosk/platform/; Dear ImGui headers only in kiosk/ui/, kiosk/platform/
//     and tests/;
//   - a quoted include names a header from the repository root
//     ("formats/utf8.hpp") or beside the including file ("tally.hpp"), never
//     through "..", which would go around the per-library directories.
// Includes inside comments and string literals (raw ones too) are not
// includes; #if branches are not evaluated.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace skm::rules {

struct Include {
    std::size_t line = 0;
    std::string name;  // as written between the delimiters
    bool angled = false;
};

struct Violation {
    std::string file;  // relative to the source root, '/'-separated
    std::size_t line = 0;
    std::string include;  // as written, with its delimiters: <sqlite3.h>, "store/db.hpp"
    std::string rule;     // the house rule it breaks, in plain words
};

// Every #include directive of a C++ source text, in order.
std::vector<Include> scan_includes(std::string_view content);

// The violations of one file. relative_path is from the source root, e.g.
// "formats/catalog.cpp"; files outside the known folders have no rules.
std::vector<Violation> check_file(std::string_view relative_path, std::string_view content);

// "formats/catalog.cpp:7: #include <sqlite3.h>: sqlite3.h appears only in ..."
std::string describe(const Violation& violation);

// The explicit C++ standard library header list the scoring/ rule uses.
bool is_cpp_standard_header(std::string_view name);

struct TreeReport {
    std::size_t files_checked = 0;
    std::vector<Violation> violations;
};

// Checks every C++ source and header under root/<folder> for the given
// folders (missing folders are skipped), not descending into folders named
// build* or starting with '.'.
TreeReport check_tree(const std::filesystem::path& root, const std::vector<std::string>& folders);

}  // namespace skm::rules
