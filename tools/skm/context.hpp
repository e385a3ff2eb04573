// What every `skm` command gets: its arguments, output streams, the chosen
// language's texts and where the assets are. No globals.
#pragma once

#include "formats/catalog.hpp"
#include "tools/skm/command_line.hpp"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace skm::tools {

struct Context {
    std::vector<std::string> args;  // after the command name, --lang/--assets removed
    std::ostream& out;
    std::ostream& err;
    formats::Catalog catalog;
    std::filesystem::path assets;
};

int run_score(Context& context);
int run_sample(Context& context);
int run_check(Context& context);
int run_import(Context& context);
int run_export(Context& context);
int run_db(Context& context);
int run_simulate(Context& context);
int run_report(Context& context);
int run_sync(Context& context);
int run_settings(Context& context);

}  // namespace skm::tools
