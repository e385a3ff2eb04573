// What the staff configure for their office, kept in the device database:
// the layanan list (added, renamed, retired — never deleted, so history keeps
// its names), yearly targets and populations per layanan, and the saran
// citizens left. Functions over the store's connection; each change the
// staff make is also written to the audit log by the caller.
#pragma once

#include "scoring/period.hpp"
#include "scoring/problem.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace skm::store {

struct LayananEntry {
    std::string name;
    int position = 0;
    bool active = true;
};

// In screen order; retired ones included (active = false).
std::vector<LayananEntry> layanan_entries(const Connection& db);
// The active names, in screen order.
std::vector<std::string> active_layanan(const Connection& db);
// Fills an empty list from the configuration file's names (first start).
void seed_layanan(Connection& db, const std::vector<std::string>& names);
// Problems: office.layanan_invalid (empty, over 200 bytes), office.layanan_exists, office.layanan_unknown.
std::optional<Problem> add_layanan(Connection& db, const std::string& name);
std::optional<Problem> rename_layanan(Connection& db, const std::string& from, const std::string& to);
std::optional<Problem> set_layanan_active(Connection& db, const std::string& name, bool active);

// Target IKM konversi as a decimal text ("85.50"); layanan "" = the whole office.
std::optional<std::string> target(const Connection& db, int year, const std::string& layanan);
std::optional<Problem> set_target(Connection& db, int year, const std::string& layanan, const std::string& decimal);

std::optional<std::uint64_t> population(const Connection& db, int year, const std::string& layanan);
// Layanan "" = the whole office (reports use it, else the sum of the layanan's).
// The accepted values are formats/settings_table's kPopulation; refused: office.population_invalid.
std::optional<Problem> set_population(Connection& db, int year, const std::string& layanan, std::uint64_t population);

struct PopulationEntry {
    int year = 0;
    std::string layanan;
    std::uint64_t population = 0;
};
// Every population set, by year then layanan.
std::vector<PopulationEntry> populations(const Connection& db);

// The number of service users in a period shorter than a year, by its key
// (2024-S1, 2024-TW3, 2024-03: scoring::period_key); layanan "" = the office.
// Reports for that period use it instead of the year's share
// (docs/reference/settings.md#per-period-populations).
std::optional<std::uint64_t> period_population(const Connection& db, const std::string& period, const std::string& layanan);
// Refused: office.population_invalid (a value outside kPopulation's range, or
// a period key that is not a semester, triwulan or month).
std::optional<Problem> set_period_population(Connection& db, const std::string& period, const std::string& layanan,
                                             std::uint64_t population);

// In the layanan list (retired ones included) or named by a stored response
// (a database filled by `skm import` has no list).
bool layanan_known(const Connection& db, const std::string& name);

struct SaranEntry {
    std::string saran;
    std::string layanan;
    std::string submitted_at;
};
// Non-empty saran, newest first, at most `limit`.
std::vector<SaranEntry> recent_saran(const Connection& db, std::size_t limit);

}  // namespace skm::store
