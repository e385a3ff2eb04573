// Opening the device database for a command: the questionnaire it scores
// with (--questionnaire, default the Permenpan 14/2017 one), the system
// clock, and a plain-words alert on stderr when startup found the file damaged.
#pragma once

#include "cli/database_options.hpp"
#include "formats/questionnaire.hpp"
#include "store/clock.hpp"
#include "store/response_store.hpp"
#include "tools/skm/context.hpp"

#include <memory>
#include <optional>
#include <string>

namespace skm::tools {

using cli::add_database_options;
using cli::DatabaseOptions;

struct OpenedStore {
    explicit OpenedStore(formats::Questionnaire q) : questionnaire(std::move(q)) {}
    formats::Questionnaire questionnaire;
    store::SystemClock clock;
    std::unique_ptr<store::ResponseStore> store;
};

// --db PATH is required (usage.db_required). A command that only reads
// (score, export, report) asks for an existing file: a path that is not
// there is a typo, not an empty office, and opening it would create a new
// database (report.db_missing, exit 4).
enum class MissingDatabase { create, refuse };
std::unique_ptr<OpenedStore> open_store(Context& context, const DatabaseOptions& options,
                                        MissingDatabase missing = MissingDatabase::create);

// YYYY-MM-DD for --from/--to (`option` names it), or usage.bad_date.
std::optional<scoring::LocalDate> date_option(const std::optional<std::string>& text, const std::string& option);

}  // namespace skm::tools
