// `skm report --db PATH --period P --format pdf|xlsx|csv|csv-id -o FILE
//  [--annual pooled|semesters] [--config KIOSK.json] [--questionnaire FILE]`
// Thin: the report is gathered and written by reports/. The file is written
// under FILE.partial and renamed only when complete, so a failed run never
// leaves a half report where the staff expect the real one.
#include "formats/kiosk_config.hpp"
#include "formats/profile_options.hpp"
#include "formats/settings_table.hpp"
#include "reports/report_data.hpp"
#include "reports/report_labels.hpp"
#include "reports/write_report.hpp"
#include "store/file_ops.hpp"
#include "tools/skm/store_access.hpp"

#include <filesystem>

namespace skm::tools {
namespace {

struct ReportOptions {
    DatabaseOptions database;
    std::optional<std::string> period, format, output, annual, config;
};

int run_report(Context& context, const ReportOptions& args) {
    const auto& period_text = args.period;
    if (!period_text) throw Error(ErrorKind::usage, Problem{"report.period_required", {}});
    const auto& format_text = args.format;
    if (!format_text) throw Error(ErrorKind::usage, Problem{"report.format_required", {}});
    const auto& output = args.output;
    if (!output || output->empty()) throw Error(ErrorKind::usage, Problem{"report.output_required", {}});
    const auto& db = args.database.db;
    if (!db || db->empty()) throw Error(ErrorKind::usage, Problem{"usage.db_required", {}});

    reports::ReportRequest request;
    request.period = reports::parse_report_period(*period_text);
    request.annual = reports::parse_annual_method(args.annual.value_or("pooled"));
    const reports::ReportFormat format = reports::parse_report_format(*format_text);
    if (const auto& config = args.config) {
        const auto kiosk = formats::load_kiosk_config(*config, context.assets);
        request.office = kiosk.office;
        request.region = kiosk.region;
        // The labels of the profile's sub-option rows: the kiosk's own file.
        request.profile_options = formats::load_profile_options(kiosk.profile_options_file);
    } else if (const auto shipped = context.assets / formats::setting::kProfileOptionsFile.fallback_text;
               std::filesystem::exists(shipped)) {
        request.profile_options = formats::load_profile_options(shipped);
    }

    auto opened = open_store(context, args.database, MissingDatabase::refuse);
    request.generated_on = opened->clock.wall_now().date;
    const auto data = reports::gather_report(*opened->store, opened->questionnaire, std::move(request));
    const auto& period = data.request.period;
    if (data.respondents() == 0) {
        throw Error(ErrorKind::input, Problem{"report.empty_period",
                                              {{"period", period.text},
                                               {"dates", reports::range_label(period.range, context.catalog)},
                                               {"file", *db}}});
    }

    const std::filesystem::path target = *output;
    const std::filesystem::path partial = *output + ".partial";
    try {
        reports::write_report(format, data, context.catalog, partial);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
    // Whole under its final name, and the name durable (the folder synced).
    try {
        store::publish_file(store::system_file_ops(), partial, target);
    } catch (const Error&) {
        // store.disk_full / read_only / io_error, naming the file and the reason.
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
    const auto headline = data.headline();
    const char separator = context.catalog.decimal_separator();
    context.out << context.catalog.format("report.done", {{"file", *output},
                                                          {"period", reports::period_label(period, context.catalog)},
                                                          {"respondents", std::to_string(data.respondents())},
                                                          {"ikm", reports::number_text(headline.ikm, separator)},
                                                          {"mutu", reports::mutu_text(headline.mutu)}})
                << "\n";
    return 0;
}

void declare_report(CLI::App& command, ReportOptions& options) {
    add_database_options(command, options.database);
    cli::add_texts(command, {{"--period", &options.period}, {"--format", &options.format}, {"-o,--output", &options.output},
                             {"--annual", &options.annual}, {"--config", &options.config}});
}

}  // namespace

void add_report(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("report", context, run_report, declare_report);
}

}  // namespace skm::tools
