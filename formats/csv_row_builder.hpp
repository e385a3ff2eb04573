// Internal to formats/ (the response CSV reader): every check of one row but
// the duplicate id, in a straight line for the usual column order.
#pragma once

#include "formats/csv_field_checks.hpp"
#include "formats/csv_header.hpp"
#include "formats/csv_id_set.hpp"
#include "formats/profile_detail.hpp"
#include "formats/response_csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace skm::formats::csv_detail {

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

class RowBuilder;

// One field of a row: nullptr when the value is good (and then it is in the
// row), else the problem's key. The same function serves the loop over any
// column order and the straight line for the usual order, so both check alike.
template <Role R>
[[gnu::always_inline]] inline const char* take(std::string_view value, std::size_t unsur_index, RowState& state,
                                                const RowBuilder& builder);

// Every check of a row but the duplicate id (which needs all the rows before
// it): what one thread can do on its own. ids, when given, is where the ids
// go later; their slots are prefetched.
class RowBuilder {
public:
    RowBuilder(std::string_view file, std::string_view content, const std::vector<Column>& columns,
               std::size_t unsur_count, const IdSet* ids)
        : file_(file), content_(content), columns_(columns), answers_(unsur_count), ids_(ids) {
        // The order docs/reference/file-formats.md#response-csv writes (and skm export): checked in a straight line.
        static constexpr std::array<Role, 7> kLeading = {Role::response_id, Role::submitted_at, Role::layanan,
                                                         Role::jenis_kelamin, Role::umur, Role::pendidikan,
                                                         Role::pekerjaan};
        static constexpr std::array<Role, 7> kTrailing = {Role::saran, Role::flags, Role::device_id,
                                                          Role::questionnaire_version, Role::profile_detail,
                                                          Role::origin, Role::channel};
        // With or without the three optional columns at the end: files
        // written before them stop at questionnaire_version.
        constexpr std::size_t kRecorded = 3;  // profile_detail, origin, channel
        with_recorded_ = columns.size() == kLeading.size() + unsur_count + kTrailing.size();
        standard_order_ =
            with_recorded_ || columns.size() == kLeading.size() + unsur_count + kTrailing.size() - kRecorded;
        for (std::size_t i = 0; standard_order_ && i < columns.size(); ++i) {
            const std::size_t u = i - kLeading.size();
            standard_order_ = i < kLeading.size()     ? columns[i].role == kLeading[i]
                              : u < unsur_count       ? columns[i].role == Role::unsur && columns[i].unsur_index == u
                                                      : columns[i].role == kTrailing[u - unsur_count];
        }
    }

    std::size_t unsur_count() const { return answers_.size(); }

    // Builds the row from the fields or returns the problem with it. The
    // row's answers are this builder's, until the next build.
    std::optional<Problem> build(const std::string_view* fields, std::size_t count, std::size_t line,
                                 ResponseRow& row, std::uint64_t& id_hash) {
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
        id_hash = state.id_hash;
        row.answers = answers_;
        return std::nullopt;
    }

    // Reading the slot of the next row's id into the cache while this row is
    // checked: the table is far larger than the cache.
    void prefetch_id(std::string_view id) {
        ahead_ = {};
        if (!ids_ || id.empty() || id.size() > kMaxShortFieldBytes) return;
        ahead_ = id;
        ahead_hash_ = IdSet::hash(id);
        ids_->prefetch(ahead_hash_);
    }

    // The hash of an id field, and its slot on the way into the cache.
    std::uint64_t id_hash(std::string_view id) const {
        if (id.data() == ahead_.data() && id.size() == ahead_.size()) return ahead_hash_;  // done a row ago
        const std::uint64_t hash = IdSet::hash(id);
        if (ids_) ids_->prefetch(hash);
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
                case Role::profile_detail: key = take<Role::profile_detail>(fields[i], 0, state, *this); break;
                case Role::origin: key = take<Role::origin>(fields[i], 0, state, *this); break;
                case Role::channel: key = take<Role::channel>(fields[i], 0, state, *this); break;
                case Role::unsur: key = take<Role::unsur>(fields[i], column.unsur_index, state, *this); break;
            }
            if (key) [[unlikely]] {
                failed = i;
                return key;
            }
        }
        return nullptr;
    }

    // The written column order (docs/reference/file-formats.md#response-csv): every field is set, nothing to clear.
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
        if (with_recorded_) {
            next.template operator()<Role::profile_detail>(0);
            next.template operator()<Role::origin>(0);
            next.template operator()<Role::channel>(0);
        } else {  // a file without the optional columns: clear what the last row set
            state.row.profile_detail = state.row.origin = state.row.channel = {};
        }
        return key;
    }

    Problem at(const char* key, std::string_view column, std::string_view value) const {
        auto problem = located(key, file_, line_, column);
        problem.with("value", std::string(value.substr(0, 60)));
        return problem;
    }

    std::string_view file_;
    std::string_view content_;
    const std::vector<Column>& columns_;
    bool standard_order_ = false;
    bool with_recorded_ = false;  // the standard order ends with profile_detail, origin, channel
    std::size_t line_ = 0;
    std::vector<std::uint8_t> answers_;
    const IdSet* ids_;
    std::string_view ahead_;  // the id prefetch_id was given, and its hash
    std::uint64_t ahead_hash_ = 0;
};

template <Role R>
inline const char* take(std::string_view value, std::size_t unsur_index, RowState& state, const RowBuilder& builder) {
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
        state.id_hash = builder.id_hash(value);
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
    } else if constexpr (R == Role::profile_detail) {
        if (!value.empty() && !parse_profile_detail(value)) return "csv.bad_profile_detail";
        row.profile_detail = value;
        return nullptr;
    } else if constexpr (R == Role::origin) {
        if (!value.empty() && vocabulary<kOrigins>().find(value, state.readable(value)) < 0) return "csv.bad_origin";
        row.origin = value;
        return nullptr;
    } else if constexpr (R == Role::channel) {
        if (!value.empty() && vocabulary<kChannels>().find(value, state.readable(value)) < 0) return "csv.bad_channel";
        row.channel = value;
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

}  // namespace skm::formats::csv_detail
