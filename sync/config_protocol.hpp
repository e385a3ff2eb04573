// The config the kabupaten publishes to its kiosks, on the wire (pure: no
// network, no database). The hub answers GET …/api/v1/config with it; a
// kiosk that already applied that version is answered 304 and nothing else.
//
//   {"protocol": 1, "config_version": 3, "published_at": "2026-11-23T10:00:00+07:00",
//    "layanan": ["KTP-el", "Kartu Keluarga", ...],
//    "questionnaire": {"id": "permenpan-14-2017", "version": 1},
//    "targets": [{"year": 2026, "layanan": "", "target": "85.00"}, ...]}
#pragma once

#include "store/published_config.hpp"
#include "sync/protocol.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace skm::sync {

inline constexpr std::size_t kMaxPublishedLayanan = 200;
inline constexpr std::size_t kMaxPublishedTargets = 2'000;

std::string encode_config(const store::PublishedConfig& config);
// Every field checked: names 1–200 bytes and unique, targets 25–100 with at
// most two decimals for a year 2000–2100 and a listed layanan (or "" for the
// whole office), at most kMaxPublishedLayanan / kMaxPublishedTargets.
// The kiosk reads it from the network: held to config_json_bounds first.
std::variant<store::PublishedConfig, ProtocolError> decode_config(std::string_view json);
JsonBounds config_json_bounds();

// The config address beside a batches address: …/api/v1/batches → …/api/v1/config.
std::string config_url_for(std::string_view batches_url);

}  // namespace skm::sync
