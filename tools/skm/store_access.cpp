#include "tools/skm/store_access.hpp"

namespace skm::tools {

formats::Questionnaire command_questionnaire(const Context& context, const std::optional<std::string>& path) {
    return formats::load_questionnaire(
        path.value_or((context.assets / "questionnaire" / "permenpan-14-2017.json").string()));
}

std::unique_ptr<OpenedStore> open_store(Context& context, const ParsedArgs& args) {
    const auto db = args.value("db");
    if (!db || db->empty()) throw Error(ErrorKind::usage, Problem{"usage.db_required", {}});
    auto opened = std::make_unique<OpenedStore>(command_questionnaire(context, args.value("questionnaire")));
    store::StoreOptions options;
    options.path = *db;
    opened->store = std::make_unique<store::ResponseStore>(options, opened->questionnaire.scheme, opened->clock);
    const auto& report = opened->store->open_report();
    if (report.moved_aside) {
        context.err << context.catalog.format("db.moved_aside", {{"file", *db}, {"moved", report.moved_aside->string()}})
                    << "\n";
    }
    return opened;
}

std::optional<scoring::LocalDate> date_option(const ParsedArgs& args, const std::string& name) {
    const auto text = args.value(name);
    if (!text) return std::nullopt;
    auto date = scoring::parse_date(*text);
    if (!date) throw Error(ErrorKind::usage, Problem{"usage.bad_date", {{"option", "--" + name}, {"value", *text}}});
    return date;
}

}  // namespace skm::tools
