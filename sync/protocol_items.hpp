// One response on the wire, as the batches carry it (sync/protocol) and the
// link answers the hub sends down (sync/link_answers_protocol): one encoding,
// one strict decoding, shared by both directions. Internal to sync.
#pragma once

#include "scoring/scheme.hpp"
#include "store/stored_row.hpp"
#include "sync/json_fields.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace skm::sync {

nlohmann::json encode_item(const store::Submission& submission, const scoring::ScoringScheme& scheme);
// Every field checked (json_fields::refuse with where it failed).
store::Submission decode_item(const nlohmann::json& item, const std::string& where, const scoring::ScoringScheme& scheme);
// The body's "responses": an array of at most max_items items, each decoded,
// no id twice (protocol.wrong_type, protocol.too_large, protocol.duplicate_id).
std::vector<store::Submission> decode_items(const nlohmann::json& body, const scoring::ScoringScheme& scheme,
                                            std::size_t max_items);

}  // namespace skm::sync
