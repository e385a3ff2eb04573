#include "store/office_data.hpp"

#include "formats/response_csv_reader.hpp"
#include "formats/settings_table.hpp"
#include "scoring/decimal.hpp"

#include <utility>

namespace skm::store {
namespace {

bool valid_name(const std::string& name) { return !name.empty() && name.size() <= formats::kMaxShortFieldBytes; }

bool exists(const Connection& db, const std::string& name) {
    Statement q(db, "SELECT 1 FROM layanan WHERE name = ?1");
    q.bind(1, name);
    return q.step();
}

Problem layanan_problem(const char* key, const std::string& name) { return Problem{key, {{"name", name}}}; }

// What `read` takes from the row `sql` finds for a year and a layanan (?1,
// ?2): a target or a population. Nothing when none was set.
template <typename Read>
auto for_year_and_layanan(const Connection& db, const char* sql, int year, const std::string& layanan, Read read)
    -> std::optional<decltype(read(std::declval<Statement&>()))> {
    Statement q(db, sql);
    q.bind(1, static_cast<std::int64_t>(year)).bind(2, layanan);
    if (!q.step()) return std::nullopt;
    return read(q);
}

}  // namespace

std::vector<LayananEntry> layanan_entries(const Connection& db) {
    std::vector<LayananEntry> out;
    Statement q(db, "SELECT name, position, active FROM layanan ORDER BY position, name");
    while (q.step()) out.push_back({std::string(q.text(0)), static_cast<int>(q.int64(1)), q.int64(2) != 0});
    return out;
}

std::vector<std::string> active_layanan(const Connection& db) {
    std::vector<std::string> out;
    for (auto& entry : layanan_entries(db)) {
        if (entry.active) out.push_back(std::move(entry.name));
    }
    return out;
}

void seed_layanan(Connection& db, const std::vector<std::string>& names) {
    if (query_int(db, "SELECT count(*) FROM layanan") > 0) return;
    Transaction transaction(db);
    Statement insert(db, "INSERT OR IGNORE INTO layanan (name, position, active) VALUES (?1, ?2, 1)");
    std::int64_t position = 0;
    for (const auto& name : names) {
        insert.reset();
        insert.bind(1, name).bind(2, ++position);
        insert.step();
    }
    transaction.commit();
}

std::optional<Problem> add_layanan(Connection& db, const std::string& name) {
    if (!valid_name(name)) return layanan_problem("office.layanan_invalid", name);
    if (exists(db, name)) return layanan_problem("office.layanan_exists", name);
    Statement insert(db, "INSERT INTO layanan (name, position, active) "
                         "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM layanan), 1)");
    insert.bind(1, name);
    insert.step();
    return std::nullopt;
}

std::optional<Problem> rename_layanan(Connection& db, const std::string& from, const std::string& to) {
    if (!valid_name(to)) return layanan_problem("office.layanan_invalid", to);
    if (!exists(db, from)) return layanan_problem("office.layanan_unknown", from);
    if (exists(db, to)) return layanan_problem("office.layanan_exists", to);
    // Responses already stored keep the name they were given: history is not rewritten.
    Statement update(db, "UPDATE layanan SET name = ?2 WHERE name = ?1");
    update.bind(1, from).bind(2, to);
    update.step();
    return std::nullopt;
}

std::optional<Problem> set_layanan_active(Connection& db, const std::string& name, bool active) {
    if (!exists(db, name)) return layanan_problem("office.layanan_unknown", name);
    Statement update(db, "UPDATE layanan SET active = ?2 WHERE name = ?1");
    update.bind(1, name).bind(2, static_cast<std::int64_t>(active ? 1 : 0));
    update.step();
    return std::nullopt;
}

std::optional<std::string> target(const Connection& db, int year, const std::string& layanan) {
    return for_year_and_layanan(db, "SELECT target FROM targets WHERE year = ?1 AND layanan = ?2", year, layanan,
                                [](Statement& q) { return std::string(q.text(0)); });
}

std::optional<Problem> set_target(Connection& db, int year, const std::string& layanan, const std::string& decimal) {
    const auto value = scoring::parse_decimal(decimal);
    if (year < 2000 || year > 2100 || !value || value->value() < 25 || value->value() > 100) {
        return Problem{"office.target_invalid", {{"value", decimal}}};
    }
    Statement upsert(db, "INSERT INTO targets (year, layanan, target) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (year, layanan) DO UPDATE SET target = excluded.target");
    upsert.bind(1, static_cast<std::int64_t>(year)).bind(2, layanan).bind(3, decimal);
    upsert.step();
    return std::nullopt;
}

std::optional<std::uint64_t> population(const Connection& db, int year, const std::string& layanan) {
    return for_year_and_layanan(db, "SELECT population FROM populations WHERE year = ?1 AND layanan = ?2", year,
                                layanan, [](Statement& q) { return static_cast<std::uint64_t>(q.int64(0)); });
}

std::optional<Problem> set_population(Connection& db, int year, const std::string& layanan, std::uint64_t value) {
    const auto& rule = formats::setting::kPopulation;
    if (year < 2000 || year > 2100 || value < static_cast<std::uint64_t>(rule.low) ||
        value > static_cast<std::uint64_t>(rule.high)) {
        return Problem{"office.population_invalid", {{"value", std::to_string(value)}}};
    }
    Statement upsert(db, "INSERT INTO populations (year, layanan, population) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (year, layanan) DO UPDATE SET population = excluded.population");
    upsert.bind(1, static_cast<std::int64_t>(year)).bind(2, layanan).bind(3, static_cast<std::int64_t>(value));
    upsert.step();
    return std::nullopt;
}

std::optional<std::uint64_t> period_population(const Connection& db, const std::string& period, const std::string& layanan) {
    Statement q(db, "SELECT population FROM period_populations WHERE period = ?1 AND layanan = ?2");
    q.bind(1, period).bind(2, layanan);
    if (!q.step()) return std::nullopt;
    return static_cast<std::uint64_t>(q.int64(0));
}

std::optional<Problem> set_period_population(Connection& db, const std::string& period, const std::string& layanan,
                                             std::uint64_t value) {
    const auto& rule = formats::setting::kPopulation;
    const auto id = scoring::parse_period_key(period);
    if (!id || id->kind == scoring::PeriodKind::year || id->year < 2000 || id->year > 2100 ||
        value < static_cast<std::uint64_t>(rule.low) || value > static_cast<std::uint64_t>(rule.high)) {
        return Problem{"office.population_invalid", {{"value", std::to_string(value)}}};
    }
    Statement upsert(db, "INSERT INTO period_populations (period, layanan, population) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (period, layanan) DO UPDATE SET population = excluded.population");
    upsert.bind(1, scoring::period_key(*id)).bind(2, layanan).bind(3, static_cast<std::int64_t>(value));
    upsert.step();
    return std::nullopt;
}

std::vector<PopulationEntry> populations(const Connection& db) {
    std::vector<PopulationEntry> out;
    Statement q(db, "SELECT year, layanan, population FROM populations ORDER BY year, layanan");
    while (q.step()) {
        out.push_back({static_cast<int>(q.int64(0)), std::string(q.text(1)), static_cast<std::uint64_t>(q.int64(2))});
    }
    return out;
}

bool layanan_known(const Connection& db, const std::string& name) {
    if (exists(db, name)) return true;
    Statement q(db, "SELECT 1 FROM responses WHERE layanan = ?1 LIMIT 1");
    q.bind(1, name);
    return q.step();
}

std::vector<SaranEntry> recent_saran(const Connection& db, std::size_t limit) {
    std::vector<SaranEntry> out;
    Statement q(db, "SELECT saran, layanan, submitted_at FROM responses WHERE saran <> '' "
                    "ORDER BY local_date DESC, substr(submitted_at, 12, 8) DESC, seq DESC LIMIT ?1");
    q.bind(1, static_cast<std::int64_t>(limit));
    while (q.step()) out.push_back({std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2))});
    return out;
}

}  // namespace skm::store
