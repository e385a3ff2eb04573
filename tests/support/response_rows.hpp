// What the tests that read response CSV share: a row copied out of the
// reader's buffers (a ResponseRow lives only during on_row), and the Response
// such a row stands for, to compare with what was written or to store it.
#pragma once

#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/period.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::test {

struct OwnedRow {
    std::size_t line = 0;
    std::string response_id, submitted_at, layanan, jenis_kelamin, umur, pendidikan, pekerjaan;
    std::vector<std::uint8_t> answers;
    std::string saran, flags, device_id, questionnaire_version, profile_detail, origin, channel;
    scoring::Timestamp timestamp;
};

inline OwnedRow owned_row(const formats::ResponseRow& row) {
    return {row.line,
            std::string(row.response_id),
            std::string(row.submitted_at),
            std::string(row.layanan),
            std::string(row.jenis_kelamin),
            std::string(row.umur),
            std::string(row.pendidikan),
            std::string(row.pekerjaan),
            {row.answers.begin(), row.answers.end()},
            std::string(row.saran),
            std::string(row.flags),
            std::string(row.device_id),
            std::string(row.questionnaire_version),
            std::string(row.profile_detail),
            std::string(row.origin),
            std::string(row.channel),
            row.timestamp};
}

// ';'-separated flags as a list; empty parts are not flags.
inline std::vector<std::string> flag_list(std::string_view text) {
    std::vector<std::string> flags;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        if (end > start) flags.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return flags;
}

// The Response the row was written from.
inline formats::Response response_of(const formats::ResponseRow& row) {
    OwnedRow owned = owned_row(row);
    formats::Response r;
    r.response_id = std::move(owned.response_id);
    r.submitted_at = std::move(owned.submitted_at);
    r.layanan = std::move(owned.layanan);
    r.jenis_kelamin = std::move(owned.jenis_kelamin);
    r.umur = std::move(owned.umur);
    r.pendidikan = std::move(owned.pendidikan);
    r.pekerjaan = std::move(owned.pekerjaan);
    r.answers = std::move(owned.answers);
    r.saran = std::move(owned.saran);
    r.flags = flag_list(owned.flags);
    r.device_id = std::move(owned.device_id);
    r.profile_detail = std::move(owned.profile_detail);
    r.origin = std::move(owned.origin);
    r.channel = std::move(owned.channel);
    r.questionnaire_version = std::move(owned.questionnaire_version);
    return r;
}

}  // namespace skm::test
