// `skm import FILE.csv --db PATH [--skip-bad]`: all-or-nothing unless
// --skip-bad; idempotent by response_id (a second import adds nothing and
// says so). The whole file is read and checked before the database is touched.
// Rows keep the origin and channel the file records; origin=import where it has none.
#include "formats/file_content.hpp"
#include "formats/response_csv_reader.hpp"
#include "store/stored_row.hpp"
#include "tools/skm/store_access.hpp"

namespace skm::tools {
namespace {

struct ImportOptions {
    std::vector<std::string> arguments;
    DatabaseOptions database;
    bool skip_bad = false;
};

int run_import(Context& context, const ImportOptions& args) {
    if (args.arguments.size() != 1) throw Error(ErrorKind::usage, Problem{"usage.import_needs_file", {}});
    const std::string& file = args.arguments[0];
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
}

}  // namespace

void add_import(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("import", context, run_import, declare_import);
}

}  // namespace skm::tools
