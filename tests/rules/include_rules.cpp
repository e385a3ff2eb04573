// Index: [scanning] [header families] [project folders] [rules] [tree]
#include "tests/rules/include_rules.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <sstream>

namespace skm::rules {
namespace {

// ---- [scanning] --------------------------------------------------------------

bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_horizontal_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Does the '"' at position quote open a raw string literal (R, LR, uR, UR, u8R)?
bool opens_raw_string(std::string_view text, std::size_t quote) {
    std::size_t start = quote;
    while (start > 0 && is_identifier_char(text[start - 1])) --start;
    const std::string_view prefix = text.substr(start, quote - start);
    return prefix == "R" || prefix == "LR" || prefix == "uR" || prefix == "UR" || prefix == "u8R";
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::vector<Include> run() {
        while (i_ < text_.size()) {
            const char c = text_[i_];
            if (c == '\n') {
                ++line_;
                at_line_start_ = true;
                ++i_;
            } else if (is_horizontal_space(c)) {
                ++i_;
            } else if (c == '\\' && next_is_newline()) {
                skip_line_splice();
            } else if (starts_with("//")) {
                skip_line_comment();
            } else if (starts_with("/*")) {
                skip_block_comment();  // a comment before '#' keeps the line a directive line
            } else if (c == '#' && at_line_start_) {
                at_line_start_ = false;
                ++i_;
                directive();
            } else {
                at_line_start_ = false;
                if (c == '"') {
                    opens_raw_string(text_, i_) ? skip_raw_string() : skip_quoted('"');
                } else if (c == '\'') {
                    // 1'000'000 is a digit separator, not a character literal.
                    if (i_ > 0 && is_identifier_char(text_[i_ - 1])) {
                        ++i_;
                    } else {
                        skip_quoted('\'');
                    }
                } else {
                    ++i_;
                }
            }
        }
        return std::move(found_);
    }

private:
    bool starts_with(std::string_view s) const { return text_.substr(i_, s.size()) == s; }

    bool next_is_newline() const {
        std::size_t j = i_ + 1;
        if (j < text_.size() && text_[j] == '\r') ++j;
        return j < text_.size() && text_[j] == '\n';
    }

    void skip_line_splice() {
        ++i_;
        if (text_[i_] == '\r') ++i_;
        ++i_;
        ++line_;
    }

    void skip_line_comment() {
        while (i_ < text_.size() && text_[i_] != '\n') {
            if (text_[i_] == '\\' && next_is_newline()) {
                skip_line_splice();  // the comment continues on the next line
            } else {
                ++i_;
            }
        }
    }

    void skip_block_comment() {
        const auto end = text_.find("*/", i_ + 2);
        const std::size_t stop = end == std::string_view::npos ? text_.size() : end + 2;
        line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(i_),
                                                     text_.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
        i_ = stop;
    }

    void skip_quoted(char quote) {
        ++i_;
        while (i_ < text_.size() && text_[i_] != quote && text_[i_] != '\n') {
            i_ += text_[i_] == '\\' ? 2 : 1;
        }
        if (i_ < text_.size() && text_[i_] == quote) ++i_;
    }

    void skip_raw_string() {
        const std::size_t open = text_.find('(', i_ + 1);
        if (open == std::string_view::npos) {
            i_ = text_.size();
            return;
        }
        const std::string closing = ")" + std::string(text_.substr(i_ + 1, open - i_ - 1)) + "\"";
        const auto end = text_.find(closing, open + 1);
        const std::size_t stop = end == std::string_view::npos ? text_.size() : end + closing.size();
        line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(i_),
                                                     text_.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
        i_ = stop;
    }

    // After '#': "include" (or "include_next") and its header name.
    void directive() {
        while (i_ < text_.size() && is_horizontal_space(text_[i_])) ++i_;
        std::size_t word_end = i_;
        while (word_end < text_.size() && is_identifier_char(text_[word_end])) ++word_end;
        const std::string_view word = text_.substr(i_, word_end - i_);
        if (word != "include" && word != "include_next") return;  // the rest of the line is scanned as code
        i_ = word_end;
        while (i_ < text_.size() && is_horizontal_space(text_[i_])) ++i_;
        if (i_ >= text_.size() || (text_[i_] != '<' && text_[i_] != '"')) return;  // #include MACRO
        const char close = text_[i_] == '<' ? '>' : '"';
        const std::size_t end = text_.find_first_of(std::string{close, '\n'}, i_ + 1);
        if (end == std::string_view::npos || text_[end] != close) return;
        found_.push_back(Include{line_, std::string(text_.substr(i_ + 1, end - i_ - 1)), close == '>'});
        i_ = end + 1;
    }

    std::string_view text_;
    std::size_t i_ = 0;
    std::size_t line_ = 1;
    bool at_line_start_ = true;
    std::vector<Include> found_;
};

// ---- [header families] ---------------------------------------------------------

constexpr auto kCppStandardHeaders = std::to_array<std::string_view>({
    // C++ library headers (C++20, plus C++23 additions).
    "algorithm", "any", "array", "atomic", "barrier", "bit", "bitset", "charconv", "chrono", "codecvt", "compare",
    "complex", "concepts", "condition_variable", "coroutine", "deque", "exception", "execution", "expected",
    "filesystem", "flat_map", "flat_set", "format", "forward_list", "fstream", "functional", "future", "generator",
    "initializer_list", "iomanip", "ios", "iosfwd", "iostream", "istream", "iterator", "latch", "limits", "list",
    "locale", "map", "mdspan", "memory", "memory_resource", "mutex", "new", "numbers", "numeric", "optional",
    "ostream", "print", "queue", "random", "ranges", "ratio", "regex", "scoped_allocator", "semaphore", "set",
    "shared_mutex", "source_location", "span", "spanstream", "sstream", "stack", "stacktrace", "stdexcept",
    "stdfloat", "stop_token", "streambuf", "string", "string_view", "strstream", "syncstream", "system_error",
    "thread", "tuple", "type_traits", "typeindex", "typeinfo", "unordered_map", "unordered_set", "utility",
    "valarray", "variant", "vector", "version",
    // C library headers in their C++ form.
    "cassert", "cctype", "cerrno", "cfenv", "cfloat", "cinttypes", "climits", "clocale", "cmath", "csetjmp",
    "csignal", "cstdarg", "cstddef", "cstdint", "cstdio", "cstdlib", "cstring", "ctime", "cuchar", "cwchar",
    "cwctype",
    // Deprecated or removed, still standard names.
    "ccomplex", "cstdalign", "cstdbool", "ctgmath"});

constexpr auto kCHeaders = std::to_array<std::string_view>({
    "assert.h", "complex.h", "ctype.h",  "errno.h",  "fenv.h",   "float.h",  "inttypes.h", "iso646.h",
    "limits.h", "locale.h",  "math.h",   "setjmp.h", "signal.h", "stdalign.h", "stdarg.h", "stdatomic.h",
    "stdbool.h", "stddef.h", "stdint.h", "stdio.h",  "stdlib.h", "stdnoreturn.h", "string.h", "tgmath.h",
    "threads.h", "time.h",   "uchar.h",  "wchar.h",  "wctype.h", "alloca.h", "endian.h",   "byteswap.h"});

constexpr auto kPosixHeaders = std::to_array<std::string_view>({
    "aio.h",     "arpa/inet.h", "cpio.h",    "dirent.h",   "dlfcn.h",   "fcntl.h",    "fmtmsg.h",   "fnmatch.h",
    "ftw.h",     "glob.h",      "grp.h",     "iconv.h",    "langinfo.h", "libgen.h",  "monetary.h", "mqueue.h",
    "net/if.h",  "netdb.h",     "netinet/in.h", "netinet/tcp.h", "nl_types.h", "poll.h", "pthread.h", "pwd.h",
    "regex.h",   "sched.h",     "search.h",  "semaphore.h", "spawn.h",  "strings.h",  "syslog.h",   "tar.h",
    "termios.h", "ulimit.h",    "unistd.h",  "utime.h",    "utmpx.h",   "wordexp.h",  "sysexits.h", "err.h",
    "getopt.h",  "paths.h",     "features.h", "limits.h"});

template <std::size_t N>
bool listed(std::string_view name, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string_view file_name_of(std::string_view header) {
    const auto slash = header.rfind('/');
    return slash == std::string_view::npos ? header : header.substr(slash + 1);
}

bool is_gmp(std::string_view name) { return name == "gmp.h" || name == "gmpxx.h"; }
bool is_sqlite(std::string_view name) { return name == "sqlite3.h" || name == "sqlite3ext.h"; }
bool is_curl(std::string_view name) { return starts_with(name, "curl/"); }
bool is_cli11(std::string_view name) { return starts_with(name, "CLI/"); }
bool is_xlsx_reading(std::string_view name) {
    return name == "zip.h" || name == "zipconf.h" || name == "pugixml.hpp" || name == "pugiconfig.hpp";
}
bool is_postgres(std::string_view name) {
    return name == "libpq-fe.h" || starts_with(name, "libpq/") || starts_with(name, "pqxx/") || name == "postgres_ext.h";
}
bool is_graphics(std::string_view name) {
    for (std::string_view family : {"GLFW/", "GL/", "GLES/", "GLES2/", "GLES3/", "OpenGL/", "EGL/", "KHR/", "glad/"}) {
        if (starts_with(name, family)) return true;
    }
    return false;
}
bool is_imgui(std::string_view name) { return starts_with(name, "imgui/") || starts_with(file_name_of(name), "imgui"); }
bool is_system(std::string_view name) {
    return listed(name, kCHeaders) || listed(name, kPosixHeaders) || starts_with(name, "sys/") ||
           starts_with(name, "linux/");
}

// ---- [project folders] -----------------------------------------------------------

constexpr auto kProjectFolders = std::to_array<std::string_view>({"scoring", "formats", "cli",   "store", "reports", "sync",
                                                              "hub",     "kiosk",   "tools", "tests", "bench"});

bool is_project_folder(std::string_view folder) { return listed(folder, kProjectFolders); }

std::string_view first_segment(std::string_view path) { return path.substr(0, path.find('/')); }

// The project path an include names, or nothing for an external header.
std::optional<std::string> project_target(std::string_view including_file, const Include& include) {
    if (is_project_folder(first_segment(include.name))) return include.name;
    if (include.angled) return std::nullopt;
    const auto resolved =
        (std::filesystem::path(std::string(including_file)).parent_path() / include.name).lexically_normal().generic_string();
    return resolved;  // may name no project folder ("../x.hpp" from the root): then it is an unknown path
}

// ---- [rules] ---------------------------------------------------------------------

const char* const kRuleScoringExternal =
    "scoring/ depends on nothing but the C++ standard library (C++ headers such as <cstdio>) and GMP";
const char* const kRuleFormatsExternal =
    "formats/ may include only standard, system, nlohmann/ and fmt/ headers besides scoring/ and formats/";
const char* const kRuleUnknownPath = "a quoted include must name a project header under a project folder";
const char* const kRuleClimb =
    "a quoted include names a header from the repository root or beside the including file; \"..\" would go "
    "around the libraries' own include directories (cmake/skm_headers.cmake)";
const char* const kRuleSqlite = "sqlite3.h appears only in store/, hub/, tests/ and bench/";
const char* const kRuleCurl = "curl appears only in sync/ (the transport and outbound mail and webhooks)";
const char* const kRulePostgres = "libpq appears only in hub/ and tests/";
const char* const kRuleXlsxReading =
    "libzip and pugixml appear only in formats/import_table_xlsx.cpp (reading XLSX) and tests/";
const char* const kRuleCli11 = "CLI11 appears only in cli/ (the command line) and tests/";
const char* const kRuleGraphics = "GLFW and OpenGL headers appear only in kiosk/platform/";
const char* const kRuleImgui = "Dear ImGui headers appear only in kiosk/ui/, kiosk/platform/ and tests/";

// Which library may include which is the build's job (cmake/skm_headers.cmake
// gives each library its own include directory, cmake/skm_layers.cmake checks
// the link graph). What it cannot see is a relative path that reaches another
// folder's files directly.
std::vector<const char*> project_rules(const Include& include, std::string_view target) {
    std::vector<const char*> broken;
    if (!is_project_folder(first_segment(target))) {
        broken.push_back(kRuleUnknownPath);
    } else if (!include.angled && include.name.find("..") != std::string::npos) {
        broken.push_back(kRuleClimb);
    }
    return broken;
}

std::vector<const char*> external_rules(std::string_view path, std::string_view folder, std::string_view name) {
    std::vector<const char*> broken;
    if (is_sqlite(name) && folder != "store" && folder != "hub" && folder != "tests" && folder != "bench") {
        broken.push_back(kRuleSqlite);
    }
    if (is_curl(name) && folder != "sync") broken.push_back(kRuleCurl);
    if (is_postgres(name) && folder != "hub" && folder != "tests") broken.push_back(kRulePostgres);
    if (is_cli11(name) && folder != "cli" && folder != "tests") broken.push_back(kRuleCli11);
    if (is_xlsx_reading(name) && path != "formats/import_table_xlsx.cpp" && folder != "tests") broken.push_back(kRuleXlsxReading);
    if (is_graphics(name) && !starts_with(path, "kiosk/platform/")) broken.push_back(kRuleGraphics);
    if (is_imgui(name) && !starts_with(path, "kiosk/ui/") && !starts_with(path, "kiosk/platform/") && folder != "tests") {
        broken.push_back(kRuleImgui);
    }
    if (!broken.empty()) return broken;  // one library, one message
    if (folder == "scoring" && !is_cpp_standard_header(name) && !is_gmp(name)) broken.push_back(kRuleScoringExternal);
    if (folder == "formats" && !is_cpp_standard_header(name) && !is_system(name) && !is_gmp(name) && !is_xlsx_reading(name) &&
        !starts_with(name, "nlohmann/") && !starts_with(name, "fmt/")) {
        broken.push_back(kRuleFormatsExternal);
    }
    return broken;
}

bool is_source_file(const std::filesystem::path& path) {
    const auto extension = path.extension().string();
    for (std::string_view known : {".cpp", ".hpp", ".h", ".cc", ".hh", ".cxx", ".hxx", ".ipp", ".inl", ".tpp"}) {
        if (extension == known) return true;
    }
    return false;
}

}  // namespace

std::vector<Include> scan_includes(std::string_view content) { return Scanner(content).run(); }

bool is_cpp_standard_header(std::string_view name) { return listed(name, kCppStandardHeaders); }

std::vector<Violation> check_file(std::string_view relative_path, std::string_view content) {
    std::vector<Violation> violations;
    const std::string path = std::filesystem::path(std::string(relative_path)).lexically_normal().generic_string();
    const std::string_view folder = first_segment(path);
    if (!is_project_folder(folder)) return violations;
    for (const auto& include : scan_includes(content)) {
        const auto target = project_target(path, include);
        const auto broken = target ? project_rules(include, *target) : external_rules(path, folder, include.name);
        const std::string written = include.angled ? "<" + include.name + ">" : "\"" + include.name + "\"";
        for (const char* rule : broken) violations.push_back(Violation{path, include.line, written, rule});
    }
    return violations;
}

std::string describe(const Violation& violation) {
    return violation.file + ":" + std::to_string(violation.line) + ": #include " + violation.include + ": " +
           violation.rule;
}

TreeReport check_tree(const std::filesystem::path& root, const std::vector<std::string>& folders) {
    namespace fs = std::filesystem;
    TreeReport report;
    for (const auto& folder : folders) {
        const fs::path top = root / folder;
        if (!fs::is_directory(top)) continue;
        std::vector<fs::path> files;
        for (auto it = fs::recursive_directory_iterator(top); it != fs::recursive_directory_iterator(); ++it) {
            const std::string name = it->path().filename().string();
            if (it->is_directory() && (starts_with(name, "build") || starts_with(name, "."))) {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file() && is_source_file(it->path())) files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream content;
            content << in.rdbuf();
            const auto found = check_file(fs::relative(file, root).generic_string(), content.str());
            report.violations.insert(report.violations.end(), found.begin(), found.end());
            ++report.files_checked;
        }
    }
    return report;
}

}  // namespace skm::rules
