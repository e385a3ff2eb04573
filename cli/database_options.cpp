#include "cli/database_options.hpp"

#include "cli/typed_options.hpp"

namespace skm::cli {

void add_database_options(CLI::App& command, DatabaseOptions& options) {
    add_text(command, "--db", options.db);
    add_text(command, "--questionnaire", options.questionnaire);
}

formats::Questionnaire load_questionnaire(const ProgramContext& context, const DatabaseOptions& options) {
    return formats::load_questionnaire(
        options.questionnaire.value_or((context.assets / "questionnaire" / "permenpan-14-2017.json").string()));
}

}  // namespace skm::cli
