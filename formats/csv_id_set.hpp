// Internal to formats/ (the response CSV reader): the duplicate response_id
// check, with a hash set sized for millions of ids.
#pragma once

#include "formats/csv_header.hpp"
#include "formats/csv_scan.hpp"
#include "formats/huge_page_allocator.hpp"
#include "formats/response.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats::csv_detail {

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

// Unescaped quoted fields live in scratch that the next row reuses.
inline bool in_text(std::string_view content, std::string_view value) {
    return std::less_equal<>()(content.data(), value.data()) &&
           std::less<>()(value.data(), content.data() + content.size());
}

// The duplicate id check, row after row in file order.
class IdCheck {
public:
    IdCheck(std::string_view file, std::string_view content) : file_(file), content_(content) {}

    IdSet& ids() { return ids_; }

    // Records the row's id, or returns the problem if an earlier row had it.
    // The row's id then views a copy that lives as long as this check.
    std::optional<Problem> check(ResponseRow& row, std::uint64_t id_hash, std::size_t line) {
        // An id seen in a quoted field with "" lives in scratch; the set keeps a stable copy.
        const std::string_view id =
            in_text(content_, row.response_id) ? row.response_id : kept_ids_.emplace_back(row.response_id);
        if (const std::size_t first_line = ids_.insert(id, id_hash, line)) {
            if (id.data() != row.response_id.data()) kept_ids_.pop_back();  // not recorded: not kept
            auto problem = located("csv.duplicate_id", file_, line, "response_id");
            problem.with("value", std::string(row.response_id.substr(0, 60)))
                .with("first_line", std::to_string(first_line));
            return problem;
        }
        row.response_id = id;
        return std::nullopt;
    }

private:
    std::string_view file_;
    std::string_view content_;
    IdSet ids_;
    std::deque<std::string> kept_ids_;
};

}  // namespace skm::formats::csv_detail
