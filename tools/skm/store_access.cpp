#include "tools/skm/store_access.hpp"

#include <filesystem>

namespace skm::tools {

std::unique_ptr<OpenedStore> open_store(Context& context, const DatabaseOptions& options, MissingDatabase missing) {
    const auto& db = options.db;
    if (!db || db->empty()) throw Error(ErrorKind::usage, Problem{"usage.db_required", {}});
    if (missing == MissingDatabase::refuse && !std::filesystem::exists(*db)) {
        throw Error(ErrorKind::storage, Problem{"report.db_missing", {{"file", *db}}});
    }
    auto opened = std::make_unique<OpenedStore>(cli::load_questionnaire(context, options));
    store::StoreOptions store_options;
    store_options.path = *db;
    opened->store = std::make_unique<store::ResponseStore>(store_options, opened->questionnaire.scheme, opened->clock);
    const auto& report = opened->store->open_report();
    if (report.moved_aside) {
        context.err << context.catalog.format("db.moved_aside", {{"file", *db}, {"moved", report.moved_aside->string()}})
                    << "\n";
    }
    return opened;
}

std::optional<scoring::LocalDate> date_option(const std::optional<std::string>& text, const std::string& option) {
    if (!text) return std::nullopt;
    auto date = scoring::parse_date(*text);
    if (!date) throw Error(ErrorKind::usage, Problem{"usage.bad_date", {{"option", option}, {"value", *text}}});
    return date;
}

}  // namespace skm::tools
