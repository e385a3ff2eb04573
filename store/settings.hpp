// The settings of formats/settings_table as the device database keeps them:
// one row per setting in the settings table (under the entry's stored name),
// populations in their own table per year and layanan (store/office_data).
// Every change is checked against the table first; a refused value leaves the
// database as it was.
#pragma once

#include "formats/settings_table.hpp"
#include "scoring/problem.hpp"
#include "store/response_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skm::store {

// The stored text, or nullopt when it was never set here (or the entry is
// not kept in the settings table).
std::optional<std::string> stored_setting(const ResponseStore& db, const formats::SettingSpec& spec);

// An integer setting: the stored value when it is one the table accepts,
// else `fallback` (the configuration file's value, or the table's default).
std::int64_t integer_setting(const ResponseStore& db, const formats::SettingSpec& spec, std::int64_t fallback);
std::int64_t integer_setting(const ResponseStore& db, const formats::SettingSpec& spec);

// Checks `value` against the table and stores it; refused: the table's
// Problem and nothing written. Only entries with a stored name.
std::optional<Problem> change_setting(ResponseStore& db, const formats::SettingSpec& spec, std::string_view value);

// A program's own row of the settings table on any connection (the kiosk's,
// the sync thread's), and the row kept only when there is none yet, returning
// what is stored: two connections that both make a value keep the first
// (the survey links' key pair is made once, whoever asks first).
std::optional<std::string> setting_row(const Connection& db, std::string_view key);
std::string keep_first_setting(Connection& db, std::string_view key, std::string_view value);

}  // namespace skm::store
