// --db and --questionnaire, which every command that opens a database takes
// (skm's device database, skm-hub's hub database): one home for both.
#pragma once

#include "cli/command_line.hpp"
#include "formats/questionnaire.hpp"

#include <optional>
#include <string>

namespace skm::cli {

struct DatabaseOptions {
    std::optional<std::string> db;
    std::optional<std::string> questionnaire;
};
void add_database_options(CLI::App& command, DatabaseOptions& options);

// --questionnaire FILE, else the assets' Permenpan 14/2017 questionnaire.
formats::Questionnaire load_questionnaire(const ProgramContext& context, const DatabaseOptions& options);

}  // namespace skm::cli
