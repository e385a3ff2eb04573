// `skm export --db PATH [--from DATE] [--to DATE] [--layanan NAME]
//  [--format csv|csv-id|json] [--exclude-flagged] [-o FILE]`
// csv: exactly the docs/reference/file-formats.md#response-csv columns, so `skm score` on the file equals
// `skm score --db`. A file is written under a temporary name and renamed only
// when complete: a failed export never leaves a half file behind.
#include "formats/response_csv_writer.hpp"
#include "store/file_ops.hpp"
#include "tools/skm/store_access.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace skm::tools {
namespace {

enum class ExportFormat { csv, csv_id, json };

ExportFormat parse_format(const std::optional<std::string>& text) {
    if (!text || *text == "csv") return ExportFormat::csv;
    if (*text == "csv-id") return ExportFormat::csv_id;
    if (*text == "json") return ExportFormat::json;
    throw Error(ErrorKind::usage, Problem{"usage.bad_export_format", {{"value", *text}}});
}

nlohmann::ordered_json row_json(const store::StoredRow& row, const formats::Questionnaire& questionnaire) {
    const auto& s = row.submission;
    const auto& r = s.response;
    nlohmann::ordered_json answers = nlohmann::ordered_json::object();
    const auto codes = questionnaire.codes();
    for (std::size_t i = 0; i < codes.size(); ++i) {
        answers[codes[i]] = r.answers[i] == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.answers[i]);
    }
    return {{"response_id", r.response_id},
            {"submitted_at", r.submitted_at},
            {"layanan", r.layanan},
            {"jenis_kelamin", r.jenis_kelamin},
            {"umur", r.umur},
            {"pendidikan", r.pendidikan},
            {"pekerjaan", r.pekerjaan},
            {"answers", answers},
            {"saran", r.saran},
            {"flags", r.flags},
            {"device_id", r.device_id},
            {"questionnaire_id", s.questionnaire_id},
            {"questionnaire_version", r.questionnaire_version},
            {"duration_ms", s.duration_ms ? nlohmann::ordered_json(*s.duration_ms) : nlohmann::ordered_json(nullptr)},
            {"sync_state", row.sync_state},
            // The optional fields, "" when not recorded, as the CSV writes them.
            {"profile_detail", r.profile_detail},
            {"origin", r.origin},
            {"channel", r.channel}};
}

std::size_t write_export(std::ostream& out, store::ResponseStore& store, const store::ExportFilter& filter,
                         ExportFormat format, bool exclude_flagged, const formats::Questionnaire& questionnaire) {
    const auto dialect = format == ExportFormat::csv_id ? formats::CsvDialect::indonesian_excel : formats::CsvDialect::standard;
    if (format == ExportFormat::csv_id) out << "\xEF\xBB\xBF";  // Excel reads UTF-8 only with a BOM
    if (format == ExportFormat::json) {
        out << "[";
    } else {
        formats::write_response_csv_header(out, questionnaire.codes(), dialect);
    }
    std::size_t rows = 0;
    store.for_each(filter, [&](const store::StoredRow& row) {
        if (exclude_flagged && !row.submission.response.flags.empty()) return;
        if (format == ExportFormat::json) {
            out << (rows == 0 ? "\n" : ",\n") << row_json(row, questionnaire).dump();
        } else {
            formats::write_response_csv_row(out, row.submission.response, dialect);
        }
        ++rows;
    });
    if (format == ExportFormat::json) out << "\n]\n";
    return rows;
}

struct ExportOptions {
    DatabaseOptions database;
    std::optional<std::string> from, to, layanan, format, output;
    bool exclude_flagged = false;
};

int run_export(Context& context, const ExportOptions& args) {
    store::ExportFilter filter{date_option(args.from, "--from"), date_option(args.to, "--to"), args.layanan};
    const ExportFormat format = parse_format(args.format);
    auto opened = open_store(context, args.database, MissingDatabase::refuse);
    const auto& output = args.output;
    const bool exclude_flagged = args.exclude_flagged;

    if (!output) {
        write_export(context.out, *opened->store, filter, format, exclude_flagged, opened->questionnaire);
        context.out << std::flush;
        return 0;
    }
    const std::string partial = *output + ".partial";
    std::size_t rows = 0;
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) throw Error(ErrorKind::storage, Problem{"export.cannot_write", {{"file", *output}, {"detail", std::strerror(errno)}}});
        rows = write_export(file, *opened->store, filter, format, exclude_flagged, opened->questionnaire);
        file.close();
        if (!file) {
            std::filesystem::remove(partial);
            throw Error(ErrorKind::storage, Problem{"export.cannot_write", {{"file", *output}, {"detail", std::strerror(errno)}}});
        }
    }
    // Whole under its final name, and the name durable (the folder synced).
    try {
        store::publish_file(store::system_file_ops(), partial, *output);
    } catch (const Error&) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
    context.err << context.catalog.format("export.done", {{"file", *output}, {"rows", std::to_string(rows)}}) << "\n";
    return 0;
}

void declare_export(CLI::App& command, ExportOptions& options) {
    add_database_options(command, options.database);
    cli::add_texts(command, {{"--from", &options.from}, {"--to", &options.to}, {"--layanan", &options.layanan},
                             {"--format", &options.format}, {"-o,--output", &options.output}});
    cli::add_flag(command, "--exclude-flagged", options.exclude_flagged);
}

}  // namespace

void add_export(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("export", context, run_export, declare_export);
}

}  // namespace skm::tools
