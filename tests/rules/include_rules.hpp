// The house include rules as pure functions over (relative path, file content):
//
//   Dependencies point inward: kiosk, hub, tools → reports, sync, store →
//   formats → scoring. scoring depends on nothing but the standard library and
//   GMP. sqlite3.h appears only in store/, hub/, tests/ and bench/.
//
// and, spelled out:
//   - scoring/ includes only scoring/ project headers, C++ standard headers
//     (an explicit list: <cstdio>, not <stdio.h>) and <gmp.h>/<gmpxx.h>;
//   - formats/ includes only scoring/ and formats/ project headers, standard,
//     C and POSIX system headers, <nlohmann/...> and <fmt/...> (and GMP, which
//     the scoring API it builds on exposes);
//   - store/ does not include kiosk/, hub/, tools/ or sync/;
//   - no project code includes an outer ring (reports, sync, store must not
//     include kiosk, hub, tools); peers within a ring may include each other
//     unless a rule above says otherwise;
//   - nothing includes tools/ except tools/ and tests/; nothing but tests/
//     and bench/ includes tests/ or bench/;
//   - <sqlite3.h> only in store/, hub/, tests/, bench/; <curl/...> only in
//     sync/; GLFW and OpenGL headers only in kiosk/platform/; Dear ImGui
//     headers only in kiosk/ui/, kiosk/platform/ and tests/.
//
// Project headers are written from the repository root ("formats/utf8.hpp");
// a quoted name that does not start with a project folder is resolved
// relative to the including file. Includes inside comments and string
// literals (raw ones too) are not includes; #if branches are not evaluated.
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
