#include "formats/response_csv_writer.hpp"

namespace skm::formats {
namespace {

char separator_of(CsvDialect dialect) { return dialect == CsvDialect::indonesian_excel ? ';' : ','; }

}  // namespace

std::string csv_field(std::string_view value, char separator) {
    if (value.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string_view::npos) {
        return std::string(value);
    }
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

void write_response_csv_header(std::ostream& out, const std::vector<std::string>& unsur_codes, CsvDialect dialect) {
    const char sep = separator_of(dialect);
    out << "response_id" << sep << "submitted_at" << sep << "layanan" << sep << "jenis_kelamin" << sep << "umur"
        << sep << "pendidikan" << sep << "pekerjaan";
    for (const auto& code : unsur_codes) out << sep << code;
    out << sep << "saran" << sep << "flags" << sep << "device_id" << sep << "questionnaire_version" << sep
        << "profile_detail" << sep << "origin" << sep << "channel" << '\n';
}

void write_response_csv_row(std::ostream& out, const Response& r, CsvDialect dialect) {
    const char sep = separator_of(dialect);
    out << csv_field(r.response_id, sep) << sep << csv_field(r.submitted_at, sep) << sep << csv_field(r.layanan, sep)
        << sep << r.jenis_kelamin << sep << r.umur << sep << r.pendidikan << sep << r.pekerjaan;
    for (auto answer : r.answers) {
        out << sep;
        if (answer != 0) out << static_cast<char>('0' + answer);
    }
    std::string flags;
    for (const auto& flag : r.flags) flags += (flags.empty() ? "" : ";") + flag;
    out << sep << csv_field(r.saran, sep) << sep << csv_field(flags, sep) << sep << csv_field(r.device_id, sep) << sep
        << r.questionnaire_version << sep << csv_field(r.profile_detail, sep) << sep << csv_field(r.origin, sep) << sep
        << csv_field(r.channel, sep) << '\n';
}

}  // namespace skm::formats
