// Internal to formats/ (the response CSV reader): RFC 4180 records, found
// through csv_scan's bit masks.
#pragma once

#include "formats/csv_scan.hpp"
#include "scoring/problem.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats::csv_detail {

// RFC 4180 records. Unquoted fields end at the separator or a line break
// (\n, \r\n or a lone \r) and may not contain '"'; a field that starts with
// '"' runs to the closing quote, "" inside it is one quote. The stops are
// found through csv_scan's bit masks, quoted fields with memchr.
class RecordSplitter {
public:
    RecordSplitter(std::string_view content, std::string_view file_name, char separator)
        : RecordSplitter(content, file_name, separator, content.data(), 1, content.data() + content.size()) {}

    // Records that start in [start, limit) (after any blank lines), the first
    // line being first_line; a record may run past limit.
    RecordSplitter(std::string_view content, std::string_view file_name, char separator, const char* start,
                   std::size_t first_line, const char* limit)
        : p_(start), end_(content.data() + content.size()), limit_(limit), file_(file_name), sep_(separator),
          line_(first_line), record_end_(start), record_end_line_(first_line), scanner_(content, separator) {}

    // Puts the next record's fields in fields[0..count), growing fields when
    // the record has more; false at the end. Blank lines are skipped. A field
    // that had "" lives in scratch, which the next record reuses. Not inlined:
    // in a frame of its own the loop keeps its state in registers.
    [[gnu::noinline]] bool next(std::vector<std::string_view>& fields, std::size_t& count, std::size_t& record_line) {
        const char* p = p_;
        while (p < end_ && (*p == '\n' || *p == '\r')) {
            if (*p == '\n') ++line_;
            ++p;
        }
        if (p >= limit_) {
            p_ = p;
            return false;
        }
        record_line = line_;
        // The hot loop keeps its state in locals: stores of the fields could
        // otherwise alias members and force them back to memory.
        csv_scan::StructuralScanner::Cursor cursor = scanner_.cursor();
        std::string_view* out = fields.data();
        std::size_t capacity = fields.size();
        std::size_t n = 0;
        for (;;) {
            const char* stop = cursor.find(p);
            if (!stop) [[unlikely]] stop = scanner_.refill(cursor, p);
            std::string_view field;
            if (stop < end_ && *stop == '"') [[unlikely]] {
                if (stop != p) fail("csv.stray_quote", n);
                p_ = p;
                field = quoted(n);
                p = stop = p_;
            } else {
                field = std::string_view(p, static_cast<std::size_t>(stop - p));
            }
            if (n == capacity) [[unlikely]] {
                fields.emplace_back();
                out = fields.data();
                capacity = fields.size();
            }
            out[n++] = field;
            if (stop >= end_) {
                p = end_;
                break;
            }
            p = stop + 1;
            if (*stop == sep_) continue;
            // End of record: \n, \r\n or a lone \r.
            if (*stop == '\r' && p < end_ && *p == '\n') ++p;
            ++line_;
            break;
        }
        scanner_.commit(cursor);
        p_ = p;
        record_end_ = p;
        record_end_line_ = line_;
        count = n;
        return true;
    }

    std::size_t line() const { return line_; }
    const char* position() const { return p_; }
    // Just after the last record's line break (the start before any record), and the line there.
    const char* record_end() const { return record_end_; }
    std::size_t record_end_line() const { return record_end_line_; }

    // The next record's first field when it is plain (no quote, not at a
    // blank line): a look ahead that changes nothing; empty otherwise.
    std::string_view peek_first_field() {
        if (p_ >= end_ || *p_ == '"' || *p_ == '\n' || *p_ == '\r') return {};
        const char* stop = scanner_.peek(p_);
        if (stop >= end_ || *stop == '"') return {};
        return {p_, static_cast<std::size_t>(stop - p_)};
    }

private:
    std::string_view quoted(std::size_t index) {
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
        // A deque: growing it must not move the strings earlier fields view.
        while (scratch_.size() <= index) scratch_.emplace_back();
        std::string& unescaped = scratch_[index];
        unescaped.clear();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            unescaped.push_back(raw[i]);
            if (raw[i] == '"') ++i;  // "" → "
        }
        return unescaped;
    }

    [[noreturn]] void fail(const char* key, std::size_t index) const {
        throw Error(ErrorKind::input, Problem{key,
                                              {{"file", std::string(file_)},
                                               {"line", std::to_string(line_)},
                                               {"column", std::to_string(index + 1)}}});
    }

    const char* p_;
    const char* end_;
    const char* limit_;
    std::string_view file_;
    char sep_;
    std::size_t line_;
    const char* record_end_;
    std::size_t record_end_line_;
    csv_scan::StructuralScanner scanner_;
    std::deque<std::string> scratch_;
};

}  // namespace skm::formats::csv_detail
