// What the public page shows (/public, /public/data.csv|json): nothing until
// an admin makes a period public.
//   skm-hub public add|remove --db PATH|URI --period P
//   skm-hub public list --db PATH|URI
// P is a period key (2025, 2025-S1, 2025-TW3, 2025-03). Periods that overlap
// are refused: a year beside its semesters would give back, by subtraction,
// a group the min-n rule hides in one of them (docs/reference/skm-rules.md#privacy).
#include "hub/hub_context.hpp"
#include "hub/web/open_web_store.hpp"
#include "hub/web/public_periods.hpp"
#include "scoring/period.hpp"
#include "store/clock.hpp"

namespace skm::hub {
namespace {

struct PublicOptions {
    std::vector<std::string> arguments;  // the action
    DatabaseOptions database;
    std::optional<std::string> period;
};

int run_public(HubContext& context, const PublicOptions& args) {
    const bool known = args.arguments.size() == 1 &&
                       (args.arguments[0] == "add" || args.arguments[0] == "remove" || args.arguments[0] == "list");
    if (!known) throw Error(ErrorKind::usage, Problem{"web.public_usage", {}});
    const std::string& action = args.arguments[0];
    std::optional<scoring::PeriodId> period;  // period keys only: a date range is not a period one publishes
    if (action != "list") {
        const std::string& text = required(args.period, "--period");
        period = scoring::parse_period_key(text);
        if (!period) throw Error(ErrorKind::usage, Problem{"report.bad_period", {{"value", text}}});
    }
    auto hub = open_hub_store(context, args.database);  // creates or upgrades the schema
    const auto web_store = web::open_web_store(required(args.database.db, "--db"));
    web::WebStore& store = *web_store;
    if (action == "list") {
        for (const auto& p : store.public_periods()) context.out << p.period << "\t" << p.published_at << "\t" << p.published_by << "\n";
        return 0;
    }
    store::SystemClock clock;
    const std::string now = store::iso8601(clock.wall_now());
    const std::string actor = "(skm-hub public " + action + ")";
    const web::PublicChange change = action == "add" ? web::add_public(store, *period, now, actor) : web::remove_public(store, *period, now, actor);
    if (change.outcome == web::PublicChange::Outcome::overlap) {
        throw Error(ErrorKind::input, Problem{"web.public_overlap", {{"period", change.period}, {"other", change.other}}});
    }
    context.err << context.catalog.format(web::public_change_key(change.outcome), {{"period", change.period}}) << "\n";
    return 0;
}

void declare_public(CLI::App& command, PublicOptions& options) {
    cli::add_arguments(command, options.arguments);
    cli::add_database_options(command, options.database);
    cli::add_texts(command, {{"--period", &options.period}});
}

}  // namespace

void add_public(cli::CommandLine& command_line, HubContext& context) {
    command_line.add_command("public", context, run_public, declare_public);
}

}  // namespace skm::hub
