// `skm db salvage`: reads whatever rows are still readable from a damaged
// database file (one that startup moved aside) and imports them into the live
// store, idempotently by response_id. The damaged file is only read.
#pragma once

#include "store/response_store.hpp"

#include <filesystem>

namespace skm::store {

struct SalvageResult {
    std::size_t rows_read = 0;        // decoded from the damaged file
    std::size_t unreadable = 0;       // rows or ranges SQLite could not read
    ImportResult imported;            // what the live store took
    bool opened = false;              // false: not a database at all
};

SalvageResult salvage(ResponseStore& live, const std::filesystem::path& damaged);

}  // namespace skm::store
