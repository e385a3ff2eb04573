// `skm import --from google-forms|spreadsheet FILE`: an office's history from
// a Google Forms export or the SKM spreadsheet template (formats/legacy_import
// reads it; this file asks the database for the time zone, gives the rows
// their derived ids, stores them or, with --dry-run, only says what it would).
#pragma once

#include "tools/skm/store_access.hpp"

#include <optional>
#include <string>

namespace skm::tools {

struct LegacyImportArgs {
    std::string source;  // --from
    std::string file;
    DatabaseOptions database;
    std::optional<std::string> map, layanan, period, date_order;
    bool dry_run = false;
};

int run_legacy_import(Context& context, const LegacyImportArgs& args);

}  // namespace skm::tools
