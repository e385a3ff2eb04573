// The download direction (pure: no network, no database): the answers
// citizens gave through one-time links (channel "link") that the hub holds
// for the kiosk's kecamatan and has not yet seen this kiosk acknowledge.
//
//   GET  …/api/v1/link-answers?after=SEQ&limit=N   (device token, as batches)
//     → {"protocol": 1, "responses": [item, ...], "cursor": "1234", "more": true}
//       item: exactly the batch item of sync/protocol. Oldest first; `cursor`
//       is the hub's position after the last item (asked as `after` for the
//       next page), `more` says a next page may hold more.
//   POST …/api/v1/link-answers/ack                 (device token)
//     ← {"protocol": 1, "ids": ["…", ...]}   (at most Limits::max_items)
//     → {"protocol": 1, "acknowledged": 2}   (ids newly marked delivered to this device)
//
// Exactly once: the kiosk stores a page (idempotently by response id, in one
// transaction) before it acknowledges it; a lost reply or ack only means the
// same answers come again and are found already stored.
#pragma once

#include "scoring/scheme.hpp"
#include "store/stored_row.hpp"
#include "sync/json_bounds.hpp"
#include "sync/protocol.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace skm::sync {

// How many answers one page holds when the kiosk does not say (and at most Limits::max_items).
inline constexpr std::size_t kLinkAnswersPage = 200;

struct LinkAnswersPage {
    std::vector<store::Submission> responses;
    std::int64_t cursor = 0;
    bool more = false;
};

std::string encode_link_answers(const LinkAnswersPage& page, const scoring::ScoringScheme& scheme);
// Every item checked as decode_batch checks it; a hostile hub is held to the bounds of a batch.
std::variant<LinkAnswersPage, ProtocolError> decode_link_answers(std::string_view json,
                                                                 const scoring::ScoringScheme& scheme,
                                                                 const Limits& limits = {});

std::string encode_link_ack(const std::vector<std::string>& ids);
std::variant<std::vector<std::string>, ProtocolError> decode_link_ack(std::string_view json, const Limits& limits = {});
std::string encode_link_ack_reply(std::int64_t acknowledged);
std::variant<std::int64_t, ProtocolError> decode_link_ack_reply(std::string_view json);

// The addresses beside a batches address: …/api/v1/batches → …/api/v1/link-answers[/ack].
std::string link_answers_url_for(std::string_view batches_url);
std::string link_ack_url_for(std::string_view batches_url);

}  // namespace skm::sync
