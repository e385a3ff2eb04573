// The kiosk ↔ hub wire format, version 1 (pure: no network, no database).
// A batch of responses goes up as gzip'd JSON; the hub answers per item:
// accepted, duplicate (it already had that id: harmless, so re-sending is
// always safe) or rejected with a reason. Answers travel keyed by unsur code.
//
//   batch: {"protocol": 1, "device_id": "...", "batch_id": "...", "responses": [item, ...],
//           "app_version"?: "0.1.0", "pending"?: 1200, "sent_at"?: "2025-03-04T09:00:00+07:00"}
//          (the three optional fields tell the hub's device page about the kiosk;
//           a hub that does not know them ignores them, one that does accepts batches without them)
//          "link_public_key"?: "<base64url of 32 bytes>"  the kiosk's Ed25519 key for survey
//           links (sync/link_token), sent until the hub acknowledged it; present but not a
//           key refuses the body
//          "office_profile"?: {"office", "contact", "follow_up", "complaint_channel",
//                              "logo_png"?: ["<base64>", ...]}
//          (optional too, sent when it changed or once a day: what the hub's posters print)
//   item:  {"id", "submitted_at", "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan",
//           "answers": {"persyaratan": 4, ...}, "saran", "flags": [...],
//           "questionnaire": {"id": "...", "version": 1}, "duration_ms": 95000 | null,
//           "profile_detail"?: "pekerjaan=petani", "origin"?: "kiosk", "channel"?: "kiosk"}
//          (the three optional members: docs/reference/sync-protocol.md. A kiosk
//           sends each only when recorded; absent reads as not recorded, so batches
//           of older kiosks decode as before. A hub built before them ignores them:
//           it reads only the members it knows, and its bounds leave
//           kRoomForNewFields per item. Present but invalid refuses the body.)
//   reply: {"protocol": 1, "batch_id": "...", "results": [{"id", "status", "reason"?}, ...],
//           "hub_time"?: "2025-03-04T09:00:02+07:00", "link_key_device"?: "kios-01"}
//          (link_key_device: the hub stored the batch's link_public_key for the device
//           of this id, the id the kiosk's links must name)
// The other direction, link answers down to the kiosk, carries the same items: sync/link_answers_protocol.
#pragma once

#include "scoring/scheme.hpp"
#include "store/stored_row.hpp"
#include "sync/json_bounds.hpp"
#include "sync/protocol_error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace skm::sync {

inline constexpr int kProtocolVersion = 1;

// A kiosk clock further off the hub's than this is wrong: staff are warned,
// and the hub dates that kiosk's responses by its own clock (hub/clock_correction).
inline constexpr std::int64_t kClockToleranceSeconds = 5 * 60;

struct Limits {
    std::size_t max_items = 500;
    std::size_t max_body_bytes = 8u << 20;  // decompressed JSON
};

// Quality flags one response may carry (store/new_submission sets two at most).
inline constexpr std::size_t kMaxFlags = 16;

// What the office says about itself on its posters (formats/settings_table
// kOffice, kOfficeContact, kFollowUp, kComplaintChannel; the configured logo),
// for the hub's posters. Every text within its setting's bound, so within
// the 2000-byte text bound an older hub's batch bounds allow.
struct OfficeProfile {
    std::string office;
    std::string contact;
    std::string follow_up;
    std::string complaint_channel;
    std::string logo_png;  // PNG bytes, at most kMaxProfileLogoBytes; "" = none

    bool operator==(const OfficeProfile&) const = default;
};

// The logo travels as base64 in pieces of kProfileLogoPieceChars: an older
// hub's bounds refuse any text over 2000 bytes, so one long text would make
// it refuse the whole batch. 12 pieces: a logo of at most 16,200 bytes.
inline constexpr std::size_t kProfileLogoPieceChars = 1800;
inline constexpr std::size_t kMaxProfileLogoPieces = 12;
inline constexpr std::size_t kMaxProfileLogoBytes = kMaxProfileLogoPieces * kProfileLogoPieceChars / 4 * 3;
inline constexpr std::size_t kMaxProfileTextBytes = 1000;  // the longest setting it carries (kFollowUp)

struct Batch {
    std::string device_id;
    std::string batch_id;
    std::vector<store::Submission> responses;
    // Optional (older kiosks leave them out); initialised so {device, batch, items} still compiles.
    std::optional<std::string> app_version = std::nullopt;  // the kiosk's program version
    std::optional<std::int64_t> pending = std::nullopt;     // responses left in its outbox besides this batch
    std::optional<std::string> sent_at = std::nullopt;      // its clock when sending, for the hub to see a skew
    std::optional<std::string> link_public_key = std::nullopt;  // base64url Ed25519 key for survey links (#21)
    std::optional<OfficeProfile> office_profile = std::nullopt;  // only now and then (sync/engine)
};

enum class ItemStatus { accepted, duplicate, rejected };

struct ItemResult {
    std::string response_id;
    ItemStatus status = ItemStatus::rejected;
    std::string reason;  // for rejected: a protocol.* key
};

struct Reply {
    std::string batch_id;
    std::vector<ItemResult> results;
    std::optional<std::string> hub_time;  // the hub's clock when it answered, for the kiosk to check its own
    std::optional<std::string> link_key_device = std::nullopt;  // the device the batch's link key was stored for
};

std::string encode_batch(const Batch& batch, const scoring::ScoringScheme& scheme);
// Every field checked (types, sizes, vocabularies, answers 1–4 of known
// unsur codes, timestamps, unique ids): one bad item refuses the body.
std::variant<Batch, ProtocolError> decode_batch(std::string_view json, const scoring::ScoringScheme& scheme,
                                                const Limits& limits = {});

// The most JSON a batch within `limits` can hold, refused beyond that before
// it is built (sync/json_bounds); derived from the item's fields, the
// scheme's unsur, kMaxFlags and the longest text (saran).
JsonBounds batch_json_bounds(const scoring::ScoringScheme& scheme, const Limits& limits = {});

// The office_profile member alone, as encode_batch writes it (the engine
// compares it with the one it sent last).
std::string encode_office_profile(const OfficeProfile& profile);

std::string encode_reply(const Reply& reply);
// The reply a kiosk reads from whatever answers at the hub's address: a hostile
// or broken server is held to reply_json_bounds (one result per item of a batch).
std::variant<Reply, ProtocolError> decode_reply(std::string_view json);
JsonBounds reply_json_bounds(const Limits& limits = {});

std::string_view status_name(ItemStatus status);

}  // namespace skm::sync
