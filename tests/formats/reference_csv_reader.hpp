// The response CSV reader as it was before its fast paths, kept verbatim as
// the reference the property test holds the fast one against (only its
// namespace and name differ), plus the optional columns profile_detail,
// origin and channel, checked the plain way. Do not optimise it: plain is the point.
#pragma once

#include "formats/profile_detail.hpp"
#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "formats/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace skm::formats::reference {
namespace {

// ---- [record splitting] --------------------------------------------------

class RecordSplitter {
public:
    RecordSplitter(std::string_view content, std::string_view file_name, char separator)
        : p_(content.data()), end_(content.data() + content.size()), file_(file_name), sep_(separator) {}

    // Fills fields with the next record; false at the end. Blank lines are skipped.
    // scratch is a deque: growing it must not move the strings earlier fields view.
    bool next(std::vector<std::string_view>& fields, std::deque<std::string>& scratch, std::size_t& record_line) {
        while (p_ < end_ && (*p_ == '\n' || *p_ == '\r')) {
            if (*p_ == '\n') ++line_;
            ++p_;
        }
        if (p_ >= end_) return false;
        record_line = line_;
        fields.clear();
        for (;;) {
            const std::size_t index = fields.size();
            if (scratch.size() <= index) scratch.emplace_back();
            if (p_ < end_ && *p_ == '"') {
                fields.push_back(quoted(scratch[index], index));
            } else {
                const char* start = p_;
                while (p_ < end_ && *p_ != sep_ && *p_ != '\n' && *p_ != '\r') {
                    if (*p_ == '"') fail("csv.stray_quote", index);
                    ++p_;
                }
                fields.emplace_back(start, static_cast<std::size_t>(p_ - start));
            }
            if (p_ >= end_) return true;
            if (*p_ == sep_) {
                ++p_;
                continue;
            }
            // End of record: \n, \r\n or a lone \r.
            if (*p_ == '\r') ++p_;
            if (p_ < end_ && *p_ == '\n') ++p_;
            ++line_;
            return true;
        }
    }

    std::size_t line() const { return line_; }

private:
    std::string_view quoted(std::string& scratch, std::size_t index) {
        const std::size_t start_line = line_;
        ++p_;  // opening quote
        const char* start = p_;
        bool escaped = false;
        for (;;) {
            const char* quote = static_cast<const char*>(std::memchr(p_, '"', static_cast<std::size_t>(end_ - p_)));
            if (!quote) {
                line_ = start_line;
                fail("csv.unterminated_quote", index);
            }
            line_ += static_cast<std::size_t>(std::count(p_, quote, '\n'));
            p_ = quote + 1;
            if (p_ < end_ && *p_ == '"') {
                escaped = true;
                ++p_;
                continue;
            }
            break;
        }
        std::string_view raw(start, static_cast<std::size_t>(p_ - 1 - start));
        if (p_ < end_ && *p_ != sep_ && *p_ != '\n' && *p_ != '\r') fail("csv.stray_quote", index);
        if (!escaped) return raw;
        scratch.clear();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            scratch.push_back(raw[i]);
            if (raw[i] == '"') ++i;  // "" → "
        }
        return scratch;
    }

    [[noreturn]] void fail(const char* key, std::size_t index) const {
        throw Error(ErrorKind::input, Problem{key,
                                              {{"file", std::string(file_)},
                                               {"line", std::to_string(line_)},
                                               {"column", std::to_string(index + 1)}}});
    }

    const char* p_;
    const char* end_;
    std::string_view file_;
    char sep_;
    std::size_t line_ = 1;
};

// The Indonesian Excel dialect writes ';' where others write ','.
char detect_separator(std::string_view content) {
    content.remove_prefix(std::min(content.find_first_not_of("\r\n"), content.size()));  // blank lines before the header
    const std::string_view header = content.substr(0, content.find('\n'));
    const auto commas = std::count(header.begin(), header.end(), ',');
    const auto semicolons = std::count(header.begin(), header.end(), ';');
    return semicolons > commas ? ';' : ',';
}

// ---- [header] ------------------------------------------------------------

enum class Role {
    response_id, submitted_at, layanan, jenis_kelamin, umur, pendidikan, pekerjaan,
    saran, flags, device_id, questionnaire_version, profile_detail, origin, channel, unsur
};

struct Column {
    Role role;
    std::size_t unsur_index = 0;
    std::string name;
};

const std::array<std::pair<std::string_view, Role>, 14> kFixedColumns = {{
    {"response_id", Role::response_id}, {"submitted_at", Role::submitted_at}, {"layanan", Role::layanan},
    {"jenis_kelamin", Role::jenis_kelamin}, {"umur", Role::umur}, {"pendidikan", Role::pendidikan},
    {"pekerjaan", Role::pekerjaan}, {"saran", Role::saran}, {"flags", Role::flags},
    {"device_id", Role::device_id}, {"questionnaire_version", Role::questionnaire_version},
    {"profile_detail", Role::profile_detail}, {"origin", Role::origin}, {"channel", Role::channel},
}};

Problem located(std::string key, std::string_view file, std::size_t line, std::string_view column) {
    return Problem{std::move(key), {{"file", std::string(file)}, {"line", std::to_string(line)}, {"column", std::string(column)}}};
}

std::vector<Column> map_header(const std::vector<std::string_view>& header, std::string_view file, std::size_t line,
                               const std::vector<std::string>& unsur_codes) {
    std::vector<Column> columns;
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string_view name = header[i];
        // Spreadsheets pad header cells; matching ignores surrounding spaces.
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (!seen.insert(name).second) throw Error(ErrorKind::input, located("csv.duplicate_column", file, line, name));
        std::optional<Column> column;
        for (const auto& [fixed, role] : kFixedColumns) {
            if (name == fixed) column = Column{role, 0, std::string(name)};
        }
        for (std::size_t u = 0; !column && u < unsur_codes.size(); ++u) {
            if (name == unsur_codes[u]) column = Column{Role::unsur, u, std::string(name)};
        }
        if (!column) {
            auto problem = located("csv.unknown_column", file, line, name);
            throw Error(ErrorKind::input, problem);
        }
        columns.push_back(*column);
    }
    auto require = [&](std::string_view name) {
        if (!seen.count(name)) throw Error(ErrorKind::input, located("csv.missing_column", file, line, name));
    };
    require("response_id");
    require("submitted_at");
    require("layanan");
    for (const auto& code : unsur_codes) require(code);
    return columns;
}

// ---- [field checks] --------------------------------------------------------

template <std::size_t N>
bool in_vocabulary(std::string_view value, const std::array<std::string_view, N>& allowed) {
    return value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool valid_flags(std::string_view flags) {
    for (char c : flags) {
        if (!((c >= 'a' && c <= 'z') || c == '_' || c == ';')) return false;
    }
    return true;
}

class RowChecker {
public:
    RowChecker(std::string_view file, std::string_view content, std::size_t unsur_count, std::size_t expected_rows)
        : file_(file), content_(content), answers_(unsur_count) {
        ids_.reserve(expected_rows);
    }

    // Builds the row from the fields or returns the problem with it.
    std::optional<Problem> build(const std::vector<std::string_view>& fields, const std::vector<Column>& columns,
                                 std::size_t line, ResponseRow& row) {
        line_ = line;
        if (fields.size() != columns.size()) {
            auto problem = located("csv.field_count", file_, line, "-");
            problem.with("expected", std::to_string(columns.size())).with("found", std::to_string(fields.size()));
            return problem;
        }
        row = ResponseRow{};
        row.line = line;
        std::fill(answers_.begin(), answers_.end(), std::uint8_t{0});
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (auto problem = take(columns[i], fields[i], row)) return problem;
        }
        if (row.response_id.empty()) return at("csv.empty_value", "response_id", "");
        if (row.layanan.empty()) return at("csv.empty_value", "layanan", "");
        auto [it, inserted] = ids_.try_emplace(row.response_id, line);
        if (!inserted) return at("csv.duplicate_id", "response_id", row.response_id).with("first_line", std::to_string(it->second));
        row.answers = answers_;
        return std::nullopt;
    }

    // An id seen in a quoted field lives in scratch; keep a stable copy.
    std::string_view keep(std::string_view id) { return kept_ids_.emplace_back(id); }

private:
    Problem at(const char* key, std::string_view column, std::string_view value) const {
        auto problem = located(key, file_, line_, column);
        problem.with("value", std::string(value.substr(0, 60)));
        return problem;
    }

    std::optional<Problem> take(const Column& column, std::string_view value, ResponseRow& row) {
        const std::string_view name = column.name;
        switch (column.role) {
            case Role::unsur: {
                if (value.empty()) return std::nullopt;
                if (value.size() == 1 && value[0] >= '1' && value[0] <= '4') {
                    answers_[column.unsur_index] = static_cast<std::uint8_t>(value[0] - '0');
                    return std::nullopt;
                }
                const bool numeric = std::all_of(value.begin(), value.end(), [](char c) {
                    return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',';
                });
                return at(numeric ? "csv.answer_out_of_range" : "csv.answer_not_number", name, value);
            }
            case Role::response_id:
                if (value.size() > kMaxShortFieldBytes) return at("csv.too_long", name, value);
                row.response_id = in_content(value) ? value : keep(value);
                return std::nullopt;
            case Role::submitted_at: {
                auto ts = scoring::parse_timestamp(value);
                if (!ts) return at("csv.bad_timestamp", name, value);
                row.submitted_at = value;
                row.timestamp = *ts;
                return std::nullopt;
            }
            case Role::layanan:
                if (value.size() > kMaxShortFieldBytes) return at("csv.too_long", name, value);
                row.layanan = value;
                return std::nullopt;
            case Role::jenis_kelamin:
                if (!in_vocabulary(value, kJenisKelamin)) return at("csv.bad_jenis_kelamin", name, value);
                row.jenis_kelamin = value;
                return std::nullopt;
            case Role::umur: {
                if (value.empty()) return std::nullopt;
                auto band = normalize_umur(value);
                if (!band) return at("csv.bad_umur", name, value);
                row.umur = *band;
                return std::nullopt;
            }
            case Role::pendidikan:
                if (!in_vocabulary(value, kPendidikan)) return at("csv.bad_pendidikan", name, value);
                row.pendidikan = value;
                return std::nullopt;
            case Role::pekerjaan:
                if (!in_vocabulary(value, kPekerjaan)) return at("csv.bad_pekerjaan", name, value);
                row.pekerjaan = value;
                return std::nullopt;
            case Role::saran:
                if (value.size() > kMaxSaranBytes) return at("csv.too_long", name, value);
                row.saran = value;
                return std::nullopt;
            case Role::flags:
                if (!valid_flags(value)) return at("csv.bad_flags", name, value);
                row.flags = value;
                return std::nullopt;
            case Role::device_id:
                if (value.size() > kMaxShortFieldBytes) return at("csv.too_long", name, value);
                row.device_id = value;
                return std::nullopt;
            case Role::questionnaire_version:
                if (!std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                    value.size() > 9) {
                    return at("csv.bad_version", name, value);
                }
                row.questionnaire_version = value;
                return std::nullopt;
            case Role::profile_detail:
                if (!parse_profile_detail(value)) return at("csv.bad_profile_detail", name, value);
                row.profile_detail = value;
                return std::nullopt;
            case Role::origin:
            case Role::channel: {
                const bool origin = column.role == Role::origin;
                const bool known = origin ? in_vocabulary(value, kOrigins) : in_vocabulary(value, kChannels);
                if (!known) return at(origin ? "csv.bad_origin" : "csv.bad_channel", name, value);
                (origin ? row.origin : row.channel) = value;
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    // Unescaped quoted fields live in scratch that the next row reuses.
    bool in_content(std::string_view value) const {
        return std::less_equal<>()(content_.data(), value.data()) &&
               std::less<>()(value.data(), content_.data() + content_.size());
    }

    std::string_view file_;
    std::string_view content_;
    std::size_t line_ = 0;
    std::vector<std::uint8_t> answers_;
    std::unordered_map<std::string_view, std::size_t> ids_;
    std::deque<std::string> kept_ids_;
};

}  // namespace

// ---- [read] ---------------------------------------------------

inline CsvReadSummary read(std::string_view content, std::string_view file_name,
                                 const std::vector<std::string>& unsur_codes, const ResponseRowHandler& on_row,
                                 CsvReadOptions options) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (content.substr(0, 3) == kBom) content.remove_prefix(3);
    if (auto bad = first_invalid_utf8(content)) {
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        throw Error(ErrorKind::input, located("csv.not_utf8", file_name, static_cast<std::size_t>(line), "-"));
    }
    if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw Error(ErrorKind::input, located("csv.empty_file", file_name, 1, "-"));
    }

    CsvReadSummary summary;
    summary.separator = detect_separator(content);
    RecordSplitter splitter(content, file_name, summary.separator);
    std::vector<std::string_view> fields;
    std::deque<std::string> scratch;
    std::size_t line = 0;
    splitter.next(fields, scratch, line);
    std::vector<std::string> header(fields.begin(), fields.end());
    const std::vector<std::string_view> header_views(header.begin(), header.end());
    const std::vector<Column> columns = map_header(header_views, file_name, line, unsur_codes);

    RowChecker checker(file_name, content, unsur_codes.size(), content.size() / 64 + 16);
    ResponseRow row;
    while (splitter.next(fields, scratch, line)) {
        if (auto problem = checker.build(fields, columns, line, row)) {
            if (!options.skip_bad_rows) throw Error(ErrorKind::input, *problem);
            summary.skipped.push_back(std::move(*problem));
            continue;
        }
        on_row(row);
        ++summary.rows;
    }
    return summary;
}

}  // namespace skm::formats::reference
