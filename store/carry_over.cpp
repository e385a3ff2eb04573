#include "store/carry_over.hpp"

#include "store/setting_keys.hpp"

namespace skm::store {
namespace {

// Their schema is ours (store/schema.cpp): fixed names, INTEGER or TEXT columns, no NULLs.
constexpr const char* kOfficeTables[] = {"settings", "layanan", "targets", "populations", "period_populations"};

}  // namespace

std::vector<CarriedTable> read_office_tables(const Connection& db) {
    std::vector<CarriedTable> tables;
    for (const char* name : kOfficeTables) {
        CarriedTable table{name, 0, {}};
        try {
            const std::string sql = std::string("SELECT * FROM ") + name;
            Statement query(db, sql.c_str());
            table.columns = static_cast<std::size_t>(query.column_count());
            while (query.step()) {
                auto& row = table.rows.emplace_back();
                for (int c = 0; c < static_cast<int>(table.columns); ++c) {
                    if (query.is_integer(c)) row.emplace_back(query.int64(c));
                    else row.emplace_back(std::string(query.text(c)));
                }
            }
        } catch (const Error&) {
            continue;  // unreadable: left out
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

void write_office_tables(Connection& db, const std::vector<CarriedTable>& tables) {
    Transaction transaction(db);
    for (const auto& table : tables) {
        std::string sql = "INSERT OR IGNORE INTO " + table.name + " VALUES (";
        for (std::size_t c = 0; c < table.columns; ++c) sql += c ? ", ?" : "?";
        sql += ")";
        Statement insert(db, sql.c_str());
        for (const auto& row : table.rows) {
            // The schedule starts again for the new file; the alert is the new one's.
            if (table.name == "settings" && std::holds_alternative<std::string>(row[0])) {
                const auto& key = std::get<std::string>(row[0]);
                if (key == setting_key::kLastBackup || key == setting_key::kDamagedDatabase) continue;
            }
            insert.reset();
            for (std::size_t c = 0; c < row.size(); ++c) {
                const int index = static_cast<int>(c) + 1;
                if (std::holds_alternative<std::int64_t>(row[c])) insert.bind(index, std::get<std::int64_t>(row[c]));
                else insert.bind(index, std::string_view(std::get<std::string>(row[c])));
            }
            insert.step();
        }
    }
    transaction.commit();
}

}  // namespace skm::store
