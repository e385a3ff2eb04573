// `skm poster --db DB --period P [--layanan NAME] [--paper a4|a3]
//  [--config KIOSK.json] -o FILE.pdf|FILE.png`
// Thin: the figures come from reports/poster_data (the report's data under
// the min-n rule), the drawing from reports/poster_render. Written under
// FILE.partial and renamed when whole, like `skm report`.
#include "formats/kiosk_config.hpp"
#include "reports/poster_data.hpp"
#include "reports/poster_render.hpp"
#include "reports/report_labels.hpp"
#include "store/settings.hpp"
#include "tools/skm/output_file.hpp"
#include "tools/skm/store_access.hpp"

#include <filesystem>

namespace skm::tools {
namespace {

struct PosterOptions {
    DatabaseOptions database;
    std::optional<std::string> period, layanan, paper, output, config;
};

std::string setting_text(const store::ResponseStore& db, const formats::SettingSpec& spec) {
    return store::stored_setting(db, spec).value_or(formats::default_text(spec));
}

int run_poster(Context& context, const PosterOptions& args) {
    if (!args.period) throw Error(ErrorKind::usage, Problem{"report.period_required", {}});
    if (!args.output || args.output->empty()) throw Error(ErrorKind::usage, Problem{"poster.output_required", {}});
    const auto& db = args.database.db;
    if (!db || db->empty()) throw Error(ErrorKind::usage, Problem{"usage.db_required", {}});
    const reports::PosterFormat format = reports::parse_poster_format(*args.output, args.paper);

    reports::PosterRequest request;
    request.report.period = reports::parse_report_period(*args.period);
    request.layanan = args.layanan;
    if (const auto& config = args.config) {
        const auto kiosk = formats::load_kiosk_config(*config, context.assets);
        request.report.office = kiosk.office;
        request.report.region = kiosk.region;
        request.logo = kiosk.logo;
    }

    auto opened = open_store(context, args.database, MissingDatabase::refuse);
    const store::ResponseStore& stored = *opened->store;
    request.report.generated_on = opened->clock.wall_now().date;
    request.min_n = static_cast<std::uint64_t>(store::integer_setting(stored, formats::setting::kMinN));
    request.follow_up = setting_text(stored, formats::setting::kFollowUp);
    request.contact = setting_text(stored, formats::setting::kOfficeContact);
    request.complaint_channel = setting_text(stored, formats::setting::kComplaintChannel);
    const auto data = reports::gather_poster(stored, opened->questionnaire, std::move(request));
    const auto& period = data.period;
    if (!args.layanan && data.respondents == 0) {
        // A whole office without a single answer is a wrong period or database, not a poster.
        throw Error(ErrorKind::input, Problem{"poster.empty_period",
                                              {{"period", period.text},
                                               {"dates", reports::range_label(period.range, context.catalog)},
                                               {"file", *db}}});
    }

    const auto poster = reports::render_poster(data, context.catalog, format);
    write_atomically(*args.output, poster.bytes);

    // What the poster leaves out, said once so staff can fill it in before printing.
    if (!data.logo.empty() && !poster.logo_drawn) {
        context.err << context.catalog.format("poster.logo_unreadable", {{"file", data.logo.string()}}) << "\n";
    }
    std::string unset;
    for (const auto& [value, spec] : {std::pair{&data.office, &formats::setting::kOffice},
                                      std::pair{&data.follow_up, &formats::setting::kFollowUp},
                                      std::pair{&data.contact, &formats::setting::kOfficeContact}}) {
        if (value->empty()) unset += std::string(unset.empty() ? "" : ", ") + spec->key;
    }
    if (!unset.empty()) context.err << context.catalog.format("poster.unset_settings", {{"settings", unset}}) << "\n";

    const std::string period_text = reports::period_label(period, context.catalog);
    if (!data.enough) {
        context.out << context.catalog.format("poster.done_not_enough",
                                              {{"file", *args.output}, {"period", period_text}, {"min_n", std::to_string(data.min_n)}})
                    << "\n";
        return 0;
    }
    context.out << context.catalog.format("poster.done", {{"file", *args.output},
                                                          {"period", period_text},
                                                          {"respondents", std::to_string(data.respondents)},
                                                          {"ikm", reports::number_text(data.headline.ikm, context.catalog.decimal_separator())},
                                                          {"mutu", reports::mutu_text(data.headline.mutu)}})
                << "\n";
    return 0;
}

void declare_poster(CLI::App& command, PosterOptions& options) {
    add_database_options(command, options.database);
    cli::add_texts(command, {{"--period", &options.period}, {"--layanan", &options.layanan}, {"--paper", &options.paper},
                             {"-o,--output", &options.output}, {"--config", &options.config}});
}

}  // namespace

void add_poster(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("poster", context, run_poster, declare_poster);
}

}  // namespace skm::tools
