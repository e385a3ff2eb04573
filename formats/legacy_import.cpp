#include "formats/legacy_import.hpp"

#include "formats/profile_detail.hpp"
#include "scoring/problem.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace skm::formats {
namespace {

Error input_error(const char* key, std::string_view file, std::vector<std::pair<std::string, std::string>> args = {}) {
    args.insert(args.begin(), {"file", std::string(file)});
    return Error(ErrorKind::input, Problem{key, std::move(args)});
}

std::vector<std::string> unique_headers(const std::vector<std::string>& header) {
    std::vector<std::string> out;
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name = header[i].empty() ? "(" + std::to_string(i + 1) + ")" : header[i];
        const int n = ++seen[name];
        out.push_back(n == 1 ? name : name + " (" + std::to_string(n) + ")");
    }
    return out;
}

class Reader {
public:
    Reader(const ImportTable& table, const Questionnaire& questionnaire, const LegacyImportOptions& options, std::string_view file)
        : table_(table), q_(questionnaire), options_(options), file_(file) {}

    LegacyImport run() {
        out_.headers = unique_headers(table_.header);
        out_.template_map.source = std::string(source_word(options_.source));
        assign_roles();
        if (!column_problems_.empty()) {
            // Columns first: labels are read only once every column is known.
            out_.unresolved = std::move(column_problems_);
            return std::move(out_);
        }
        check_unsur_complete();
        const auto moments = timestamps();
        for (std::size_t r = 0; r < table_.rows.size(); ++r) read_row(r, moments[r]);
        for (const auto& [key, entry] : label_problems_) out_.unresolved.push_back(entry);
        std::sort(out_.unresolved.begin(), out_.unresolved.end(),
                  [](const Unresolved& a, const Unresolved& b) { return std::tie(a.column, a.first_row) < std::tie(b.column, b.first_row); });
        if (!out_.unresolved.empty()) out_.rows.clear();
        return std::move(out_);
    }

private:
    void assign_roles() {
        std::size_t kepmenpan_2004 = 0;
        std::set<std::pair<ColumnKind, std::size_t>> taken;
        for (std::size_t c = 0; c < out_.headers.size(); ++c) {
            const std::string& header = out_.headers[c];
            bool old_unsur = false;
            ColumnRole role = recognise_column(table_.header[c], q_, old_unsur);
            kepmenpan_2004 += old_unsur;
            if (const auto mapped = options_.map.columns.find(header); mapped != options_.map.columns.end() && !mapped->second.empty()) {
                const auto chosen = role_from_word(mapped->second, q_);
                if (!chosen) throw input_error("import.bad_map", file_, {{"detail", "columns." + header + ": " + mapped->second}});
                role = *chosen;
            }
            const bool single = role.kind != ColumnKind::unknown && role.kind != ColumnKind::personal &&
                                role.kind != ColumnKind::ignored && role.kind != ColumnKind::saran;
            // Two columns for one field: which one counts is the office's call.
            if (single && !taken.insert({role.kind, role.unsur}).second) role = {};
            if (role.kind == ColumnKind::unknown) column_problems_.push_back({header, c + 1, 0, 0});
            out_.personal_columns += role.kind == ColumnKind::personal;
            out_.roles.push_back(role);
            out_.template_map.columns[header] = role_word(role, q_);
        }
        if (kepmenpan_2004 >= 2) throw input_error("import.kepmenpan_2004", file_);
    }

    void check_unsur_complete() {
        std::string missing;
        for (std::size_t u = 0; u < q_.unsur.size(); ++u) {
            if (std::find(out_.roles.begin(), out_.roles.end(), ColumnRole{ColumnKind::unsur, u}) == out_.roles.end()) {
                missing += (missing.empty() ? "" : ", ") + q_.unsur[u].code;
            }
        }
        if (!missing.empty()) throw input_error("import.missing_unsur", file_, {{"unsur", missing}});
    }

    std::optional<std::size_t> column_of(ColumnKind kind) const {
        for (std::size_t c = 0; c < out_.roles.size(); ++c) {
            if (out_.roles[c].kind == kind) return c;
        }
        return std::nullopt;
    }

    // Each row's moment; the day/month order settled once for the whole column.
    std::vector<scoring::Timestamp> timestamps() {
        const auto column = column_of(ColumnKind::timestamp);
        if (!column) {
            if (!options_.period) {
                throw input_error(options_.source == LegacySource::google_forms ? "import.no_timestamp" : "import.needs_period", file_);
            }
            scoring::Timestamp noon{options_.period->first, 12, 0, 0, options_.offset_minutes};
            return std::vector<scoring::Timestamp>(table_.rows.size(), noon);
        }
        const std::string& header = out_.headers[*column];
        std::vector<std::optional<WrittenDate>> written(table_.rows.size());
        bool dmy = false;
        bool mdy = false;
        bool undecided = false;
        for (std::size_t r = 0; r < table_.rows.size(); ++r) {
            const TableCell& cell = table_.rows[r][*column];
            if (cell.date_serial) continue;
            written[r] = parse_written_date(cell.text);
            if (!written[r]) throw bad_timestamp(header, r);
            const DateOrder evidence = order_evidence(*written[r]);
            dmy = dmy || evidence == DateOrder::dmy;
            mdy = mdy || evidence == DateOrder::mdy;
            undecided = undecided || !written[r]->year_first;
        }
        if (dmy && mdy) throw input_error("import.date_order_conflict", file_, {{"column", header}});
        DateOrder order = dmy ? DateOrder::dmy : mdy ? DateOrder::mdy : options_.date_order;
        // Google Forms in Indonesian ("Stempel waktu") writes the day first.
        if (order == DateOrder::unknown && fold_text(table_.header[*column]) == "stempel waktu") order = DateOrder::dmy;
        if (options_.date_order != DateOrder::unknown && order != options_.date_order) {
            throw input_error("import.date_order_conflict", file_, {{"column", header}});
        }
        if (undecided && order == DateOrder::unknown) throw input_error("import.date_order_unknown", file_, {{"column", header}});
        std::vector<scoring::Timestamp> moments(table_.rows.size());
        for (std::size_t r = 0; r < table_.rows.size(); ++r) {
            const TableCell& cell = table_.rows[r][*column];
            const auto moment = cell.date_serial ? serial_date(*cell.date_serial, options_.offset_minutes)
                                                 : resolve_date(*written[r], order, options_.offset_minutes);
            if (!moment) throw bad_timestamp(header, r);
            moments[r] = *moment;
        }
        return moments;
    }

    Error bad_timestamp(const std::string& header, std::size_t r) const {
        return input_error("import.bad_timestamp", file_, {{"column", header}, {"row", std::to_string(table_.row_numbers[r])}});
    }

    void unresolved_label(std::size_t c, std::size_t r, const std::string& label) {
        const std::string& header = out_.headers[c];
        auto [entry, fresh] = label_problems_.try_emplace({c, label}, Unresolved{header, c + 1, table_.row_numbers[r], 0});
        ++entry->second.rows;
        if (fresh) out_.template_map.labels[header][label] = "";
    }

    // A label's value from MAP.json, if the office gave one.
    const std::string* mapped_label(std::size_t c, const std::string& label) const {
        const auto column = options_.map.labels.find(out_.headers[c]);
        if (column == options_.map.labels.end()) return nullptr;
        const auto found = column->second.find(label);
        if (found == column->second.end() || found->second.empty()) return nullptr;
        return &found->second;
    }

    void read_row(std::size_t r, const scoring::Timestamp& moment) {
        const auto& cells = table_.rows[r];
        ImportedRow row;
        row.row = table_.row_numbers[r];
        Response& response = row.response;
        response.answers.assign(q_.unsur.size(), 0);
        std::vector<ProfileDetailEntry> details;
        bool complete = true;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const ColumnRole role = out_.roles[c];
            const std::string& text = cells[c].text;
            switch (role.kind) {
                case ColumnKind::unsur: {
                    auto answer = match_answer(text, q_.unsur[role.unsur]);
                    if (const std::string* mapped = mapped_label(c, text)) answer = match_answer(*mapped, q_.unsur[role.unsur]);
                    if (!answer) {
                        unresolved_label(c, r, text);
                        complete = false;
                    } else {
                        response.answers[role.unsur] = *answer;
                    }
                    break;
                }
                case ColumnKind::jenis_kelamin:
                case ColumnKind::umur:
                case ColumnKind::pendidikan:
                case ColumnKind::pekerjaan: {
                    auto value = match_profile(text, role.kind);
                    if (const std::string* mapped = mapped_label(c, text)) value = profile_from_map(*mapped, role.kind);
                    if (!value) {
                        unresolved_label(c, r, text);
                        complete = false;
                        break;
                    }
                    const std::string field(profile_field_name(role.kind));
                    if (!value->detail.empty()) details.push_back({field, value->detail});
                    if (role.kind == ColumnKind::jenis_kelamin) response.jenis_kelamin = value->code;
                    if (role.kind == ColumnKind::umur) response.umur = value->code;
                    if (role.kind == ColumnKind::pendidikan) response.pendidikan = value->code;
                    if (role.kind == ColumnKind::pekerjaan) response.pekerjaan = value->code;
                    break;
                }
                case ColumnKind::layanan: response.layanan = trimmed(text); break;
                case ColumnKind::saran:
                    if (!trimmed(text).empty()) response.saran += (response.saran.empty() ? "" : "\n") + trimmed(text);
                    break;
                case ColumnKind::timestamp:
                case ColumnKind::personal:  // dropped: never copied anywhere
                case ColumnKind::ignored:
                case ColumnKind::unknown: break;
            }
        }
        if (response.layanan.empty()) response.layanan = options_.layanan;
        if (response.layanan.empty()) throw input_error("import.needs_layanan", file_, {{"row", std::to_string(row.row)}});
        if (!complete) return;
        if (options_.period && !options_.period->contains(moment.date)) {
            ++out_.outside_period;
            return;
        }
        // The detail in field order (formats/profile_detail).
        std::stable_sort(details.begin(), details.end(), [](const auto& a, const auto& b) { return field_rank(a.field) < field_rank(b.field); });
        response.profile_detail = format_profile_detail(details);
        response.submitted_at = scoring::iso8601(moment);
        response.questionnaire_version = std::to_string(q_.version);
        response.origin = "import";
        response.channel = options_.source == LegacySource::google_forms ? "form" : "paper";
        std::string identity = response.submitted_at + '\x1f' + response.layanan + '\x1f' + response.jenis_kelamin + '\x1f' +
                               response.umur + '\x1f' + response.pendidikan + '\x1f' + response.pekerjaan + '\x1f' +
                               response.profile_detail + '\x1f' + response.saran + '\x1f';
        for (const std::uint8_t a : response.answers) identity += static_cast<char>('0' + a);
        row.identity = identity + '\x1f' + std::to_string(++occurrences_[identity]);
        out_.rows.push_back(std::move(row));
    }

    static int field_rank(std::string_view field) {
        constexpr std::array<std::string_view, 4> kOrder = {"jenis_kelamin", "umur", "pendidikan", "pekerjaan"};
        return static_cast<int>(std::find(kOrder.begin(), kOrder.end(), field) - kOrder.begin());
    }

    static std::string trimmed(std::string_view text) {
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos) return {};
        return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
    }

    const ImportTable& table_;
    const Questionnaire& q_;
    const LegacyImportOptions& options_;
    std::string_view file_;
    LegacyImport out_;
    std::vector<Unresolved> column_problems_;
    std::map<std::pair<std::size_t, std::string>, Unresolved> label_problems_;
    std::map<std::string, std::size_t> occurrences_;
};

}  // namespace

std::string_view source_word(LegacySource source) {
    return source == LegacySource::google_forms ? "google-forms" : "spreadsheet";
}

LegacyImport read_legacy_import(const ImportTable& table, const Questionnaire& questionnaire,
                                const LegacyImportOptions& options, std::string_view file_name) {
    return Reader(table, questionnaire, options, file_name).run();
}

}  // namespace skm::formats
