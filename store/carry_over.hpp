// The office's own small tables (settings, layanan, targets, populations),
// read from a database that is about to be moved aside while the kiosk runs
// and written into the new one, so the kiosk keeps its PIN, hub address,
// device token and office setup. Responses are not copied: they stay in the
// moved-aside file for `skm db salvage`. A table that cannot be read is left
// out, and the new database starts without it, as after a move at startup.
#pragma once

#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace skm::store {

struct CarriedTable {
    std::string name;
    std::size_t columns = 0;
    std::vector<std::vector<std::variant<std::int64_t, std::string>>> rows;
};

std::vector<CarriedTable> read_office_tables(const Connection& db);
// Rows already in the new database (an alert, a seeded layanan) are kept as they are.
void write_office_tables(Connection& db, const std::vector<CarriedTable>& tables);

}  // namespace skm::store
