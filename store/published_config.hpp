// What the kabupaten publishes to its kiosks (sync/config_protocol carries it
// over the wire): the layanan list in screen order, the questionnaire version
// the hub expects, and yearly targets. Applied to the device database in one
// transaction; the kiosk's screens pick it up between surveys, as they do a
// change the staff make by hand.
#pragma once

#include "scoring/problem.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::store {

struct PublishedTarget {
    int year = 0;
    std::string layanan;  // "" = the whole office
    std::string target;   // IKM konversi as a decimal text, e.g. "85.50"
};

struct PublishedConfig {
    std::int64_t version = 0;  // the hub's counter: a kiosk applies only a newer one
    std::string published_at;
    std::vector<std::string> layanan;  // active, in screen order
    std::string questionnaire_id;
    std::int64_t questionnaire_version = 0;
    std::vector<PublishedTarget> targets;
    // Settings by their formats/settings_table key: only entries the hub may
    // change (changed_by::kHub), each checked against the table.
    std::vector<std::pair<std::string, std::string>> settings;
};

// The version last applied here, 0 when none.
std::int64_t applied_config_version(const Connection& db);
// The questionnaire "id:version" the hub last asked for, if any.
std::optional<std::string> published_questionnaire(const Connection& db);

// Applies a config newer than the one applied: the listed layanan become
// active in that order (new ones added), every other one retired (never
// deleted: history keeps its names); targets set; the version recorded; an
// audit entry by "hub". One transaction: on any failure nothing changes and
// skm::Error(storage) is thrown; a setting the table refuses (or that the hub
// may not change) throws skm::Error(input) with the table's problem. Returns false (and changes nothing) when the
// config is not newer than the applied one.
bool apply_published_config(Connection& db, const PublishedConfig& config, std::string_view now);

}  // namespace skm::store
