#include "store/stored_row.hpp"

#include "store/answers_codec.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace skm::store {

const char* const kStoredRowColumns =
    "seq, response_id, device_id, layanan, questionnaire_id, questionnaire_version, jenis_kelamin, umur, pendidikan, "
    "pekerjaan, answers, saran, submitted_at, duration_ms, flags, sync_state, profile_detail, origin, channel";

std::string stored_row_columns_in(const Connection& source) {
    std::string columns = kStoredRowColumns;
    std::vector<std::string> present;
    try {
        Statement info(source, "SELECT name FROM pragma_table_info('responses')");
        while (info.step()) present.emplace_back(info.text(0));
    } catch (const Error&) {
        return columns;  // the schema cannot be read: ask for every column, as before
    }
    if (present.empty()) return columns;
    // The columns later migrations added, with the value their migration gives old rows.
    constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kAddedLater = {{
        {"sync_state", "'pending'"}, {"profile_detail", "''"}, {"origin", "''"}, {"channel", "''"}}};
    for (const auto& [column, value] : kAddedLater) {
        if (std::find(present.begin(), present.end(), column) != present.end()) continue;
        const std::string name = ", " + std::string(column);
        columns.replace(columns.find(name), name.size(), ", " + std::string(value) + " AS " + std::string(column));
    }
    return columns;
}

StoredRow read_stored_row(const Statement& query, const scoring::ScoringScheme& scheme) {
    StoredRow row;
    formats::Response& r = row.submission.response;
    row.seq = query.int64(0);
    r.response_id = query.text(1);
    r.device_id = query.text(2);
    r.layanan = query.text(3);
    row.submission.questionnaire_id = query.text(4);
    r.questionnaire_version = std::to_string(query.int64(5));
    r.jenis_kelamin = query.text(6);
    r.umur = query.text(7);
    r.pendidikan = query.text(8);
    r.pekerjaan = query.text(9);
    auto answers = decode_answers(scheme, query.text(10));
    if (!answers) throw Error(ErrorKind::storage, Problem{"store.bad_answers", {{"response_id", r.response_id}}});
    r.answers = std::move(*answers);
    r.saran = query.text(11);
    r.submitted_at = query.text(12);
    row.submission.duration_ms = query.is_null(13) ? std::nullopt : std::optional<std::int64_t>(query.int64(13));
    r.flags = split_flags(query.text(14));
    row.sync_state = query.text(15);
    r.profile_detail = query.text(16);
    r.origin = query.text(17);
    r.channel = query.text(18);
    return row;
}

Submission submission_from_row(const formats::ResponseRow& row, const formats::Questionnaire& questionnaire) {
    Submission s;
    formats::Response& r = s.response;
    r.response_id = row.response_id;
    r.submitted_at = row.submitted_at;
    r.layanan = row.layanan;
    r.jenis_kelamin = row.jenis_kelamin;
    r.umur = row.umur;
    r.pendidikan = row.pendidikan;
    r.pekerjaan = row.pekerjaan;
    r.answers.assign(row.answers.begin(), row.answers.end());
    r.saran = row.saran;
    r.flags = split_flags(row.flags);
    r.device_id = row.device_id;
    r.questionnaire_version =
        row.questionnaire_version.empty() ? std::to_string(questionnaire.version) : std::string(row.questionnaire_version);
    s.questionnaire_id = questionnaire.id;
    r.profile_detail = row.profile_detail;
    r.origin = row.origin;
    r.channel = row.channel;
    return s;
}

std::string join_flags(const std::vector<std::string>& flags) {
    std::string out;
    for (const auto& f : flags) out += (out.empty() ? "" : ";") + f;
    return out;
}

std::vector<std::string> split_flags(std::string_view text) {
    std::vector<std::string> flags;
    while (!text.empty()) {
        const auto end = text.find(';');
        if (end != 0) flags.emplace_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return flags;
}

}  // namespace skm::store
