// `skm db check|backup|salvage --db PATH`
//   check    integrity, counts, live tallies against a full recount (exit 1 on a finding)
//   backup   an online backup now: into the rotation beside the database, or -o FILE
//   salvage  rows still readable in a damaged file (default: the one startup
//            moved aside, or --from FILE) imported into the live database
#include "store/salvage.hpp"
#include "store/setting_keys.hpp"
#include "tools/skm/store_access.hpp"

namespace skm::tools {
namespace {

struct DbOptions {
    std::vector<std::string> arguments;  // the action
    DatabaseOptions database;
    std::optional<std::string> output, from;
};

int db_check(Context& context, store::ResponseStore& store) {
    const auto report = store.check();
    std::string integrity;
    for (const auto& line : report.integrity) integrity += (integrity.empty() ? "" : "; ") + line;
    const auto& catalog = context.catalog;
    context.out << catalog.format("db.check_integrity", {{"result", integrity}}) << "\n"
                << catalog.format("db.check_counts", {{"responses", std::to_string(report.responses)},
                                                      {"pending", std::to_string(report.pending_sync)}})
                << "\n"
                << catalog.text(report.tallies_match_recount ? "db.check_tallies_ok" : "db.check_tallies_differ") << "\n";
    if (const auto alert = store.setting(store::setting_key::kDamagedDatabase)) {
        context.out << catalog.format("db.alert_damaged", {{"moved", *alert}}) << "\n";
    }
    context.out << catalog.text(report.ok() ? "db.check_ok" : "db.check_failed") << "\n";
    return report.ok() ? 0 : 1;
}

int db_backup(Context& context, store::ResponseStore& store, const DbOptions& args) {
    std::filesystem::path target;
    if (const auto& output = args.output) {
        target = *output;
        store.backup_to(target);
    } else {
        target = store.backup_now();
    }
    store.audit("skm", "backup", target.string());
    context.out << context.catalog.format("db.backup_done", {{"file", target.string()}}) << "\n";
    return 0;
}

int db_salvage(Context& context, store::ResponseStore& store, const DbOptions& args) {
    auto from = args.from;
    if (!from) from = store.setting(store::setting_key::kDamagedDatabase);
    if (!from) {
        context.out << context.catalog.text("db.salvage_nothing") << "\n";
        return 0;
    }
    if (!std::filesystem::exists(*from)) throw Error(ErrorKind::input, Problem{"db.salvage_missing", {{"file", *from}}});
    const auto result = store::salvage(store, *from);
    store.audit("skm", "salvage", *from + ": " + std::to_string(result.imported.inserted) + " new");
    if (!result.opened) {
        context.out << context.catalog.format("db.salvage_not_a_database", {{"file", *from}}) << "\n";
        return 1;
    }
    context.out << context.catalog.format("db.salvage_done", {{"file", *from},
                                                               {"read", std::to_string(result.rows_read)},
                                                               {"unreadable", std::to_string(result.unreadable)},
                                                               {"inserted", std::to_string(result.imported.inserted)},
                                                               {"present", std::to_string(result.imported.already_present)}})
                << "\n";
    if (store.setting(store::setting_key::kDamagedDatabase) == *from) store.clear_setting(store::setting_key::kDamagedDatabase);
    return 0;
}

int run_db(Context& context, const DbOptions& args) {
    if (args.arguments.size() != 1) throw Error(ErrorKind::usage, Problem{"usage.db_needs_action", {}});
    const std::string& action = args.arguments[0];
    if (action != "check" && action != "backup" && action != "salvage") {
        throw Error(ErrorKind::usage, Problem{"usage.db_needs_action", {{"value", action}}});
    }
    auto opened = open_store(context, args.database);
    if (action == "check") return db_check(context, *opened->store);
    if (action == "backup") return db_backup(context, *opened->store, args);
    return db_salvage(context, *opened->store, args);
}

void declare_db(CLI::App& command, DbOptions& options) {
    cli::add_arguments(command, options.arguments);
    add_database_options(command, options.database);
    cli::add_texts(command, {{"-o,--output", &options.output}, {"--from", &options.from}});
}

}  // namespace

void add_db(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("db", context, run_db, declare_db);
}

}  // namespace skm::tools
