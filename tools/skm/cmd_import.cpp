// `skm import FILE.csv --db PATH [--skip-bad]`: the response CSV (below);
// with --from google-forms|spreadsheet an office's old file (tools/skm/import_legacy).
// The response CSV is all-or-nothing unless
// --skip-bad; idempotent by response_id (a second import adds nothing and
// says so). The whole file is read and checked before the database is touched.
// Rows keep the origin and channel the file records; origin=import where it has none.
#include "formats/file_content.hpp"
#include "formats/response_csv_reader.hpp"
#include "store/stored_row.hpp"
#include "tools/skm/import_legacy.hpp"
#include "tools/skm/store_access.hpp"

namespace skm::tools {
namespace {

struct ImportOptions {
    std::vector<std::string> arguments;
    DatabaseOptions database;
    bool skip_bad = false;
    // --from and what only it takes.
    std::optional<std::string> from, map, layanan, period, date_order;
    bool dry_run = false;
};

int run_import(Context& context, const ImportOptions& args) {
    if (args.arguments.size() != 1) throw Error(ErrorKind::usage, Problem{"usage.import_needs_file", {}});
    const std::string& file = args.arguments[0];
    if (args.from) {
        return run_legacy_import(context, {*args.from, file, args.database, args.map, args.layanan, args.period, args.date_order, args.dry_run});
    }
    if (args.map || args.layanan || args.period || args.date_order || args.dry_run) {
        throw Error(ErrorKind::usage, Problem{"usage.import_needs_from", {}});
    }
    auto opened = open_store(context, args.database);

    const formats::FileContent content(file);
    std::vector<store::Submission> submissions;
    formats::CsvReadOptions read_options;
    read_options.skip_bad_rows = args.skip_bad;
    const auto summary = formats::read_response_csv(
        content.view(), file, opened->questionnaire.codes(),
        [&](const formats::ResponseRow& row) {
            store::Submission& s = submissions.emplace_back(store::submission_from_row(row, opened->questionnaire));
            // What the file records is kept; a row without an origin was made by this import.
            if (s.response.origin.empty()) s.response.origin = "import";
        },
        read_options);
    for (const auto& problem : summary.skipped) context.err << context.catalog.format(problem) << "\n";

    const auto result = opened->store->import(submissions);
    opened->store->audit("skm", "import", file + ": " + std::to_string(result.inserted) + " new");
    const std::vector<std::pair<std::string, std::string>> counts = {
        {"file", file},
        {"inserted", std::to_string(result.inserted)},
        {"present", std::to_string(result.already_present)},
        {"skipped", std::to_string(summary.skipped.size())}};
    if (result.inserted == 0 && result.already_present > 0) {
        context.out << context.catalog.format("import.nothing_new", counts) << "\n";
    } else {
        context.out << context.catalog.format("import.done", counts) << "\n";
    }
    if (!summary.skipped.empty()) context.out << context.catalog.format("import.skipped", counts) << "\n";
    return 0;
}

void declare_import(CLI::App& command, ImportOptions& options) {
    cli::add_arguments(command, options.arguments);
    add_database_options(command, options.database);
    cli::add_flag(command, "--skip-bad", options.skip_bad);
    cli::add_texts(command, {{"--from", &options.from},
                             {"--map", &options.map},
                             {"--layanan", &options.layanan},
                             {"--period", &options.period},
                             {"--date-order", &options.date_order}});
    cli::add_flag(command, "--dry-run", options.dry_run);
}

}  // namespace

void add_import(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("import", context, run_import, declare_import);
}

}  // namespace skm::tools
