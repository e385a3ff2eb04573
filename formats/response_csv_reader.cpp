// Index: [record splitting] [header] [field checks] [response ids] [row checks] [read_response_csv]
#include "formats/response_csv_reader.hpp"

#include "formats/csv_scan.hpp"
#include "formats/huge_page_allocator.hpp"
#include "formats/response.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <unordered_set>
#include <utility>

namespace skm::formats {
namespace {

// ---- [record splitting] --------------------------------------------------

// RFC 4180 records. Unquoted fields end at the separator or a line break
// (\n, \r\n or a lone \r) and may not contain '"'; a field that starts with
// '"' runs to the closing quote, "" inside it is one quote. The stops are
// found through csv_scan's bit masks, quoted fields with memchr.
class RecordSplitter {
public:
    RecordSplitter(std::string_view content, std::string_view file_name, char separator)
        : p_(content.data()), end_(content.data() + content.size()), file_(file_name), sep_(separator),
          scanner_(content, separator) {}

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
        if (p >= end_) {
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
        count = n;
        return true;
    }

    std::size_t line() const { return line_; }
    const char* position() const { return p_; }

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
    std::string_view file_;
    char sep_;
    std::size_t line_ = 1;
    csv_scan::StructuralScanner scanner_;
    std::deque<std::string> scratch_;
};

// ---- [header] ------------------------------------------------------------

// The Indonesian Excel dialect writes ';' where others write ','.
char detect_separator(std::string_view content) {
    content.remove_prefix(std::min(content.find_first_not_of("\r\n"), content.size()));  // blank lines before the header
    const std::string_view header = content.substr(0, content.find('\n'));
    const auto commas = std::count(header.begin(), header.end(), ',');
    const auto semicolons = std::count(header.begin(), header.end(), ';');
    return semicolons > commas ? ';' : ',';
}

enum class Role {
    response_id, submitted_at, layanan, jenis_kelamin, umur, pendidikan, pekerjaan,
    saran, flags, device_id, questionnaire_version, unsur
};

struct Column {
    Role role;
    std::size_t unsur_index = 0;
    std::string name;
};

const std::array<std::pair<std::string_view, Role>, 11> kFixedColumns = {{
    {"response_id", Role::response_id}, {"submitted_at", Role::submitted_at}, {"layanan", Role::layanan},
    {"jenis_kelamin", Role::jenis_kelamin}, {"umur", Role::umur}, {"pendidikan", Role::pendidikan},
    {"pekerjaan", Role::pekerjaan}, {"saran", Role::saran}, {"flags", Role::flags},
    {"device_id", Role::device_id}, {"questionnaire_version", Role::questionnaire_version},
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
// Each accepts exactly what the plain check in the comment above it accepts.

// std::find(words.begin(), words.end(), value) without branches on the value
// (profile values are random from row to row). A value of up to 16 bytes, 16
// bytes from whose start may be read, is keyed by its length and two masked
// words; a multiplier found once puts each word of the vocabulary in a slot of
// its own, so a value is a word exactly when it equals the word in its slot.
template <const auto& Words>
class VocabularyTable {
    static_assert(std::all_of(Words.begin(), Words.end(), [](std::string_view w) { return w.size() <= 16; }));

public:
    VocabularyTable() {
        for (std::uint64_t seed = 1;; ++seed) {
            multiplier_ = (seed * 0x9E3779B97F4A7C15ULL) | 1;
            slots_.fill(Slot{});
            bool distinct = true;
            for (std::size_t i = 0; i < Words.size() && distinct; ++i) {
                char padded[16] = {};  // key_of reads 16 bytes
                std::memcpy(padded, Words[i].data(), std::min<std::size_t>(Words[i].size(), 16));
                const Key key = key_of(padded, Words[i].size());
                Slot& slot = slots_[slot_of(key)];
                distinct = slot.index < 0;
                slot = {key, static_cast<int>(i)};
            }
            if (distinct) return;
        }
    }

    // The index of value in Words, or -1. readable: 16 bytes from value.data() may be read.
    int find(std::string_view value, bool readable) const {
        if (!readable || value.size() > 16) [[unlikely]] {
            return slow_find(value, std::make_index_sequence<Words.size()>{});
        }
        const Key key = key_of(value.data(), value.size());
        const Slot& slot = slots_[slot_of(key)];
        return slot.key == key ? slot.index : -1;
    }

private:
    struct Key {
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        std::uint64_t size = 0;
        bool operator==(const Key&) const = default;
    };
    struct Slot {
        Key key;
        int index = -1;
    };

    static constexpr std::array<std::uint64_t, 9> kLowBytes = {
        0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, ~std::uint64_t{0}};

    // size <= 16; reads 16 bytes from p.
    static Key key_of(const char* p, std::size_t size) {
        std::uint64_t head;
        std::uint64_t tail;
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + 8, 8);
        const std::size_t low = size < 8 ? size : 8;
        const std::size_t high = size > 8 ? size - 8 : 0;
        return {head & kLowBytes[low], tail & kLowBytes[high], size};
    }

    std::size_t slot_of(const Key& key) const {
        return static_cast<std::size_t>(((key.head ^ (key.tail * 31) ^ key.size) * multiplier_) >> 60);
    }

    template <std::size_t... I>
    static int slow_find(std::string_view value, std::index_sequence<I...>) {
        int found = -1;
        ((found < 0 && value == Words[I] ? found = static_cast<int>(I) : 0), ...);
        return found;
    }

    std::uint64_t multiplier_ = 0;
    std::array<Slot, 16> slots_{};
};

template <const auto& Words>
const VocabularyTable<Words>& vocabulary() {
    static const VocabularyTable<Words> table;
    return table;
}

// valid_flags: only a-z, '_' and ';'.
bool valid_flags(std::string_view flags) {
    for (char c : flags) {
        if (!((c >= 'a' && c <= 'z') || c == '_' || c == ';')) return false;
    }
    return true;
}

// normalize_umur(value), for a value that is not empty. The bands as written
// and two-digit ages are decided here, anything else by normalize_umur.
std::optional<std::string_view> umur_of(std::string_view value, bool readable) {
    const char* s = value.data();
    if (value.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
        return umur_band((s[0] - '0') * 10 + (s[1] - '0'));  // no band is two bytes long
    }
    const int band = vocabulary<kUmurBands>().find(value, readable);
    if (band >= 0) return kUmurBands[static_cast<std::size_t>(band)];
    return normalize_umur(value);
}

// Timestamps in the usual form, a word (eight bytes) at a time.
namespace ts_words {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

// Byte masks (byte i of a word is text[8k + i]): where the digits are.
constexpr std::uint64_t kDigits0 = 0x00FFFF00FFFFFFFFULL;  // YYYY-MM-
constexpr std::uint64_t kDigits1 = 0xFFFF00FFFF00FFFFULL;  // DDTHH:MM
constexpr std::uint64_t kDigits2 = 0xFF00FFFF00FFFF00ULL;  // :SS+hh:m
constexpr std::uint64_t kDigits2Z = 0x0000000000FFFF00ULL;  // :SSZ

std::uint64_t load(const char* p, std::size_t n) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    return word;
}

// Every byte under the mask is '0'..'9': its high nibble is 3 before and
// after adding 6 (no carry can leave a byte whose high nibble was 3).
bool digits(std::uint64_t word, std::uint64_t mask) {
    const std::uint64_t x = word & mask;
    const std::uint64_t high = 0xF0 * kOnes & mask;
    const std::uint64_t three = 0x30 * kOnes & mask;
    return ((x & high) == three) & (((x + (0x06 * kOnes & mask)) & high) == three);
}

// Byte i of the result: 10 × digit i + digit i + 1 (for digits at i and i + 1).
std::uint64_t pairs(std::uint64_t word, std::uint64_t mask) {
    const std::uint64_t d = (word & mask) - (0x30 * kOnes & mask);
    return d * 10 + (d >> 8);
}

int byte(std::uint64_t word, int i) { return static_cast<int>((word >> (8 * i)) & 0xFF); }

}  // namespace ts_words

// scoring::parse_timestamp(value) for its usual forms, 2024-03-01T09:15:00+07:00
// and 2024-03-01T09:15:00Z (a space for the T, '-' for the '+'), read in place;
// anything else is left to parse_timestamp, which decides.
std::optional<scoring::Timestamp> timestamp_of(std::string_view value) {
    using namespace ts_words;
    const char* s = value.data();
    const bool with_offset = value.size() == 25;
    if (with_offset || value.size() == 20) [[likely]] {
        const std::uint64_t w0 = load(s, 8);
        const std::uint64_t w1 = load(s + 8, 8);
        const std::uint64_t w2 = with_offset ? load(s + 16, 8) : load(s + 16, 4);
        const std::uint64_t digits2 = with_offset ? kDigits2 : kDigits2Z;
        // The fixed punctuation: '-' at 4 and 7, ':' at 13 and 16 (and 22).
        const bool punctuation = (w0 & ~kDigits0) == (std::uint64_t{'-'} << 32 | std::uint64_t{'-'} << 56) &&
                                 byte(w1, 5) == ':' && byte(w2, 0) == ':' && (!with_offset || byte(w2, 6) == ':') &&
                                 (byte(w1, 2) == 'T' || byte(w1, 2) == ' ') &&
                                 (with_offset ? byte(w2, 3) == '+' || byte(w2, 3) == '-' : byte(w2, 3) == 'Z');
        const bool all_digits = digits(w0, kDigits0) & digits(w1, kDigits1) & digits(w2, digits2) &
                                (!with_offset || (s[24] >= '0' && s[24] <= '9'));
        if (punctuation && all_digits) [[likely]] {
            const std::uint64_t p0 = pairs(w0, kDigits0);
            const std::uint64_t p1 = pairs(w1, kDigits1);
            const std::uint64_t p2 = pairs(w2, digits2);
            scoring::Timestamp ts;
            ts.date = {byte(p0, 0) * 100 + byte(p0, 2), byte(p0, 5), byte(p1, 0)};
            ts.hour = byte(p1, 3);
            ts.minute = byte(p1, 6);
            ts.second = byte(p2, 1);
            const int offset_hours = with_offset ? byte(p2, 4) : 0;
            const int offset_minutes = with_offset ? (byte(w2, 7) - '0') * 10 + (s[24] - '0') : 0;
            if (!scoring::valid_date(ts.date.year, ts.date.month, ts.date.day) || ts.hour > 23 || ts.minute > 59 ||
                ts.second > 60 || offset_hours > 14 || offset_minutes > 59) {
                return std::nullopt;  // parse_timestamp refuses these too
            }
            ts.offset_minutes = (byte(w2, 3) == '-' ? -1 : 1) * (offset_hours * 60 + offset_minutes);
            return ts;
        }
    }
    return scoring::parse_timestamp(value);
}

// ---- [response ids] --------------------------------------------------------

// The ids seen so far and the line of each: open addressing over 64-bit
// slots, (24 bits of the id's hash << 40) | (entry + 1), 0 = empty. The
// caller computes the hash early in a row and prefetches the slot, so the
// cache miss of a table much larger than the cache overlaps the row's checks.
class IdSet {
public:
    IdSet() { rehash(1024); }

    static std::uint64_t hash(std::string_view id) { return csv_scan::hash_bytes(id); }
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }

    // Make room for about this many ids without growing on the way.
    void expect(std::size_t ids) {
        entries_.reserve(ids);
        std::size_t slots = slots_.size();
        while (slots < 2 * ids) slots *= 2;
        if (slots != slots_.size()) rehash(slots);
    }

    // The line of an equal id seen before; otherwise records this one (id must
    // stay valid as long as the set) and returns 0.
    std::size_t insert(std::string_view id, std::uint64_t hash, std::size_t line) {
        const std::uint64_t tag = hash >> 40;
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) {
                entries_.push_back({id.data(), line << 8 | id.size()});
                slots_[i] = tag << 40 | entries_.size();
                if (2 * entries_.size() > slots_.size()) rehash(2 * slots_.size());
                return 0;
            }
            if (slot >> 40 == tag) {
                const Entry& entry = entries_[(slot & kEntryBits) - 1];
                if (entry.id() == id) return entry.line();
            }
        }
    }

private:
    static constexpr std::uint64_t kEntryBits = (std::uint64_t{1} << 40) - 1;
    // An id (at most kMaxShortFieldBytes, so its length fits in a byte) and its line.
    struct Entry {
        const char* data;
        std::uint64_t line_and_size;
        std::string_view id() const { return {data, static_cast<std::size_t>(line_and_size & 0xFF)}; }
        std::size_t line() const { return static_cast<std::size_t>(line_and_size >> 8); }
    };
    static_assert(kMaxShortFieldBytes < 256);

    void rehash(std::size_t slot_count) {
        slots_.assign(slot_count, 0);
        mask_ = slot_count - 1;
        for (std::size_t e = 0; e < entries_.size(); ++e) {
            const std::uint64_t h = hash(entries_[e].id());
            std::size_t i = h & mask_;
            while (slots_[i] != 0) i = (i + 1) & mask_;
            slots_[i] = (h >> 40) << 40 | (e + 1);
        }
    }

    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> slots_;
    std::size_t mask_ = 0;
    std::vector<Entry, HugePageAllocator<Entry>> entries_;
};

// ---- [row checks] ----------------------------------------------------------

// What a row's checks share: the row being built, its answers, its id's hash.
struct RowState {
    ResponseRow& row;
    std::uint8_t* answers;
    const char* text_begin;  // the file's text: 16 bytes may be read from
    const char* text_limit;  // any place in [text_begin, text_limit)
    std::uint64_t id_hash = 0;

    bool readable(std::string_view value) const {
        return std::less_equal<>()(text_begin, value.data()) && std::less<>()(value.data(), text_limit);
    }
};

class RowChecker;

// One field of a row: nullptr when the value is good (and then it is in the
// row), else the problem's key. The same function serves the loop over any
// column order and the straight line for the usual order, so both check alike.
template <Role R>
[[gnu::always_inline]] inline const char* take(std::string_view value, std::size_t unsur_index, RowState& state,
                                                const RowChecker& checker);

class RowChecker {
public:
    RowChecker(std::string_view file, std::string_view content, const std::vector<Column>& columns,
               std::size_t unsur_count)
        : file_(file), content_(content), columns_(columns), answers_(unsur_count) {
        // The order formats.md writes (and skm export): checked in a straight line.
        static constexpr std::array<Role, 7> kLeading = {Role::response_id, Role::submitted_at, Role::layanan,
                                                         Role::jenis_kelamin, Role::umur, Role::pendidikan,
                                                         Role::pekerjaan};
        static constexpr std::array<Role, 4> kTrailing = {Role::saran, Role::flags, Role::device_id,
                                                          Role::questionnaire_version};
        standard_order_ = columns.size() == kLeading.size() + unsur_count + kTrailing.size();
        for (std::size_t i = 0; standard_order_ && i < columns.size(); ++i) {
            const std::size_t u = i - kLeading.size();
            standard_order_ = i < kLeading.size()     ? columns[i].role == kLeading[i]
                              : u < unsur_count       ? columns[i].role == Role::unsur && columns[i].unsur_index == u
                                                      : columns[i].role == kTrailing[u - unsur_count];
        }
    }

    void expect_rows(std::size_t rows) { ids_.expect(rows); }

    // Builds the row from the fields or returns the problem with it.
    std::optional<Problem> build(const std::string_view* fields, std::size_t count, std::size_t line,
                                 ResponseRow& row) {
        line_ = line;
        if (count != columns_.size()) {
            auto problem = located("csv.field_count", file_, line, "-");
            problem.with("expected", std::to_string(columns_.size())).with("found", std::to_string(count));
            return problem;
        }
        RowState state{row, answers_.data(), content_.data(),
                       content_.data() + (content_.size() >= 16 ? content_.size() - 15 : 0)};
        std::size_t failed = 0;  // the column of the first bad value
        const char* key = standard_order_ ? take_standard(fields, state, failed) : take_any(fields, state, failed);
        if (key) [[unlikely]] return at(key, columns_[failed].name, fields[failed]);
        row.line = line;
        if (row.response_id.empty()) return at("csv.empty_value", "response_id", "");
        if (row.layanan.empty()) return at("csv.empty_value", "layanan", "");
        // An id seen in a quoted field with "" lives in scratch; the set keeps a stable copy.
        const std::string_view id =
            in_content(row.response_id) ? row.response_id : kept_ids_.emplace_back(row.response_id);
        if (const std::size_t first_line = ids_.insert(id, state.id_hash, line)) {
            if (id.data() != row.response_id.data()) kept_ids_.pop_back();  // not recorded: not kept
            return at("csv.duplicate_id", "response_id", row.response_id)
                .with("first_line", std::to_string(first_line));
        }
        row.response_id = id;
        row.answers = answers_;
        return std::nullopt;
    }

    // Reading the slot of the next row's id into the cache while this row is
    // checked: the table is far larger than the cache.
    void prefetch_id(std::string_view id) {
        ahead_ = {};
        if (id.empty() || id.size() > kMaxShortFieldBytes) return;
        ahead_ = id;
        ahead_hash_ = IdSet::hash(id);
        ids_.prefetch(ahead_hash_);
    }

    // The hash of an id field, and its slot on the way into the cache.
    std::uint64_t id_hash(std::string_view id) const {
        if (id.data() == ahead_.data() && id.size() == ahead_.size()) return ahead_hash_;  // done a row ago
        const std::uint64_t hash = IdSet::hash(id);
        ids_.prefetch(hash);
        return hash;
    }

private:
    // Any column order: every field through a switch; absent columns stay empty.
    const char* take_any(const std::string_view* fields, RowState& state, std::size_t& failed) {
        state.row = ResponseRow{};
        std::fill(answers_.begin(), answers_.end(), std::uint8_t{0});
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const Column& column = columns_[i];
            const char* key = nullptr;
            switch (column.role) {
                case Role::response_id: key = take<Role::response_id>(fields[i], 0, state, *this); break;
                case Role::submitted_at: key = take<Role::submitted_at>(fields[i], 0, state, *this); break;
                case Role::layanan: key = take<Role::layanan>(fields[i], 0, state, *this); break;
                case Role::jenis_kelamin: key = take<Role::jenis_kelamin>(fields[i], 0, state, *this); break;
                case Role::umur: key = take<Role::umur>(fields[i], 0, state, *this); break;
                case Role::pendidikan: key = take<Role::pendidikan>(fields[i], 0, state, *this); break;
                case Role::pekerjaan: key = take<Role::pekerjaan>(fields[i], 0, state, *this); break;
                case Role::saran: key = take<Role::saran>(fields[i], 0, state, *this); break;
                case Role::flags: key = take<Role::flags>(fields[i], 0, state, *this); break;
                case Role::device_id: key = take<Role::device_id>(fields[i], 0, state, *this); break;
                case Role::questionnaire_version:
                    key = take<Role::questionnaire_version>(fields[i], 0, state, *this);
                    break;
                case Role::unsur: key = take<Role::unsur>(fields[i], column.unsur_index, state, *this); break;
            }
            if (key) [[unlikely]] {
                failed = i;
                return key;
            }
        }
        return nullptr;
    }

    // The formats.md order: every row field is written, so nothing to clear.
    const char* take_standard(const std::string_view* fields, RowState& state, std::size_t& failed) {
        const char* key = nullptr;
        std::size_t i = 0;
        auto next = [&]<Role R>(std::size_t unsur_index) {
            if (!key) {
                key = take<R>(fields[i], unsur_index, state, *this);
                if (key) failed = i;
            }
            ++i;
        };
        next.template operator()<Role::response_id>(0);
        next.template operator()<Role::submitted_at>(0);
        next.template operator()<Role::layanan>(0);
        next.template operator()<Role::jenis_kelamin>(0);
        next.template operator()<Role::umur>(0);
        next.template operator()<Role::pendidikan>(0);
        next.template operator()<Role::pekerjaan>(0);
        for (std::size_t u = 0; u < answers_.size(); ++u) next.template operator()<Role::unsur>(u);
        next.template operator()<Role::saran>(0);
        next.template operator()<Role::flags>(0);
        next.template operator()<Role::device_id>(0);
        next.template operator()<Role::questionnaire_version>(0);
        return key;
    }

    Problem at(const char* key, std::string_view column, std::string_view value) const {
        auto problem = located(key, file_, line_, column);
        problem.with("value", std::string(value.substr(0, 60)));
        return problem;
    }

    // Unescaped quoted fields live in scratch that the next row reuses.
    bool in_content(std::string_view value) const {
        return std::less_equal<>()(content_.data(), value.data()) &&
               std::less<>()(value.data(), content_.data() + content_.size());
    }

    std::string_view file_;
    std::string_view content_;
    const std::vector<Column>& columns_;
    bool standard_order_ = false;
    std::size_t line_ = 0;
    std::vector<std::uint8_t> answers_;
    IdSet ids_;
    std::deque<std::string> kept_ids_;
    std::string_view ahead_;  // the id prefetch_id was given, and its hash
    std::uint64_t ahead_hash_ = 0;
};

template <Role R>
inline const char* take(std::string_view value, std::size_t unsur_index, RowState& state, const RowChecker& checker) {
    ResponseRow& row = state.row;
    if constexpr (R == Role::unsur) {
        if (value.size() == 1 && value[0] >= '1' && value[0] <= '4') [[likely]] {
            state.answers[unsur_index] = static_cast<std::uint8_t>(value[0] - '0');
            return nullptr;
        }
        state.answers[unsur_index] = 0;
        if (value.empty()) return nullptr;
        const bool numeric = std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',';
        });
        return numeric ? "csv.answer_out_of_range" : "csv.answer_not_number";
    } else if constexpr (R == Role::response_id) {
        if (value.size() > kMaxShortFieldBytes) return "csv.too_long";
        row.response_id = value;
        state.id_hash = checker.id_hash(value);
        return nullptr;
    } else if constexpr (R == Role::submitted_at) {
        auto ts = timestamp_of(value);
        if (!ts) return "csv.bad_timestamp";
        row.submitted_at = value;
        row.timestamp = *ts;
        return nullptr;
    } else if constexpr (R == Role::layanan) {
        if (value.size() > kMaxShortFieldBytes) return "csv.too_long";
        row.layanan = value;
        return nullptr;
    } else if constexpr (R == Role::jenis_kelamin) {
        if (!value.empty() && vocabulary<kJenisKelamin>().find(value, state.readable(value)) < 0) {
            return "csv.bad_jenis_kelamin";
        }
        row.jenis_kelamin = value;
        return nullptr;
    } else if constexpr (R == Role::umur) {
        row.umur = {};
        if (value.empty()) return nullptr;
        auto band = umur_of(value, state.readable(value));
        if (!band) return "csv.bad_umur";
        row.umur = *band;
        return nullptr;
    } else if constexpr (R == Role::pendidikan) {
        if (!value.empty() && vocabulary<kPendidikan>().find(value, state.readable(value)) < 0) {
            return "csv.bad_pendidikan";
        }
        row.pendidikan = value;
        return nullptr;
    } else if constexpr (R == Role::pekerjaan) {
        if (!value.empty() && vocabulary<kPekerjaan>().find(value, state.readable(value)) < 0) {
            return "csv.bad_pekerjaan";
        }
        row.pekerjaan = value;
        return nullptr;
    } else if constexpr (R == Role::saran) {
        if (value.size() > kMaxSaranBytes) return "csv.too_long";
        row.saran = value;
        return nullptr;
    } else if constexpr (R == Role::flags) {
        if (!valid_flags(value)) return "csv.bad_flags";
        row.flags = value;
        return nullptr;
    } else if constexpr (R == Role::device_id) {
        if (value.size() > kMaxShortFieldBytes) return "csv.too_long";
        row.device_id = value;
        return nullptr;
    } else {
        static_assert(R == Role::questionnaire_version);
        if (!std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) || value.size() > 9) {
            return "csv.bad_version";
        }
        row.questionnaire_version = value;
        return nullptr;
    }
}

}  // namespace

// ---- [read_response_csv] ---------------------------------------------------

CsvReadSummary read_response_csv(std::string_view content, std::string_view file_name,
                                 const std::vector<std::string>& unsur_codes, const ResponseRowHandler& on_row,
                                 CsvReadOptions options) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (content.substr(0, 3) == kBom) content.remove_prefix(3);
    if (auto bad = csv_scan::first_invalid_utf8(content)) {
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
    std::size_t count = 0;
    std::size_t line = 0;
    splitter.next(fields, count, line);
    std::vector<std::string> header(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(count));
    const std::vector<std::string_view> header_views(header.begin(), header.end());
    const std::vector<Column> columns = map_header(header_views, file_name, line, unsur_codes);

    RowChecker checker(file_name, content, columns, unsur_codes.size());
    fields.resize(columns.size() + 1);
    // After a few rows their average length tells how many ids to make room for.
    constexpr std::size_t kSampleRecords = 256;
    const char* data_start = splitter.position();
    std::size_t records = 0;
    const bool id_first = columns.front().role == Role::response_id;
    ResponseRow row;
    while (splitter.next(fields, count, line)) {
        if (++records == kSampleRecords) {
            const auto sampled = static_cast<std::size_t>(splitter.position() - data_start);
            const auto rest = static_cast<std::size_t>(content.data() + content.size() - data_start);
            checker.expect_rows(rest / std::max<std::size_t>(sampled / kSampleRecords, 1) + kSampleRecords);
        }
        auto problem = checker.build(fields.data(), count, line, row);
        // The next row's id, hashed now so that its slot is in the cache by the
        // time that row is checked (build above used the one hashed a row ago).
        if (id_first) checker.prefetch_id(splitter.peek_first_field());
        if (problem) [[unlikely]] {
            if (!options.skip_bad_rows) throw Error(ErrorKind::input, *problem);
            summary.skipped.push_back(std::move(*problem));
            continue;
        }
        on_row(row);
        ++summary.rows;
    }
    return summary;
}

}  // namespace skm::formats
