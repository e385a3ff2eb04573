#include "sync/link_answers_protocol.hpp"

#include "formats/response.hpp"
#include "formats/response_id.hpp"
#include "sync/config_protocol.hpp"
#include "sync/json_fields.hpp"
#include "sync/protocol_items.hpp"


namespace skm::sync {

using namespace json_fields;

namespace {

// The body's 4 fields beside the items: protocol, responses, cursor, more.
JsonBounds page_bounds(const scoring::ScoringScheme& scheme, const Limits& limits) {
    return batch_json_bounds(scheme, limits);  // the same items, fewer body fields than a batch
}

JsonBounds ack_bounds(const Limits& limits) {
    // protocol, ids; one text per id.
    return {1 + 2 + kRoomForNewFields + limits.max_items, 2 + kRoomForNewDepth, formats::kMaxShortFieldBytes};
}

// …/api/v1/config → …/api/v1/<name>: one home for the API's base (config_url_for).
std::string beside_config(std::string_view batches_url, std::string_view name) {
    std::string url = config_url_for(batches_url);
    url.resize(url.size() - std::string_view("config").size());
    return url.append(name);
}

}  // namespace

std::string encode_link_answers(const LinkAnswersPage& page, const scoring::ScoringScheme& scheme) {
    json items = json::array();
    for (const auto& s : page.responses) items.push_back(encode_item(s, scheme));
    return json{{"protocol", kProtocolVersion},
                {"responses", items},
                {"cursor", std::to_string(page.cursor)},
                {"more", page.more}}
        .dump();
}

std::variant<LinkAnswersPage, ProtocolError> decode_link_answers(std::string_view body,
                                                                 const scoring::ScoringScheme& scheme,
                                                                 const Limits& limits) {
    try {
        const json doc = parse_object(body, limits.max_body_bytes, page_bounds(scheme, limits));
        LinkAnswersPage page;
        const std::string cursor = text(doc, "cursor", "", 20, false);
        if (cursor.find_first_not_of("0123456789") != std::string::npos) refuse("protocol.bad_value", "cursor");
        page.cursor = std::stoll(cursor);
        const json& more = field(doc, "more", "");
        if (!more.is_boolean()) refuse("protocol.wrong_type", "more");
        page.more = more.get<bool>();
        page.responses = decode_items(doc, scheme, limits.max_items);
        return page;
    } catch (const Refused& refused) {
        return refused.error;
    } catch (const std::out_of_range&) {
        return ProtocolError{"protocol.bad_value", "cursor"};
    }
}

std::string encode_link_ack(const std::vector<std::string>& ids) {
    return json{{"protocol", kProtocolVersion}, {"ids", ids}}.dump();
}

std::variant<std::vector<std::string>, ProtocolError> decode_link_ack(std::string_view body, const Limits& limits) {
    try {
        const json doc = parse_object(body, 64u << 10, ack_bounds(limits));
        const json& ids = field(doc, "ids", "");
        if (!ids.is_array()) refuse("protocol.wrong_type", "ids");
        if (ids.size() > limits.max_items) refuse("protocol.too_large", "ids");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string where = "ids[" + std::to_string(i) + "]";
            if (!ids[i].is_string()) refuse("protocol.wrong_type", where);
            out.push_back(ids[i].get<std::string>());
            if (!formats::is_valid_response_id(out.back())) refuse("protocol.bad_response_id", where);
        }
        return out;
    } catch (const Refused& refused) {
        return refused.error;
    }
}

std::string encode_link_ack_reply(std::int64_t acknowledged) {
    return json{{"protocol", kProtocolVersion}, {"acknowledged", acknowledged}}.dump();
}

std::variant<std::int64_t, ProtocolError> decode_link_ack_reply(std::string_view body) {
    try {
        const json doc = parse_object(body, 4096, {4 + kRoomForNewFields, 1 + kRoomForNewDepth, 64});
        return integer(doc, "acknowledged", "", 0, 1'000'000);
    } catch (const Refused& refused) {
        return refused.error;
    }
}

std::string link_answers_url_for(std::string_view batches_url) { return beside_config(batches_url, "link-answers"); }

std::string link_ack_url_for(std::string_view batches_url) { return link_answers_url_for(batches_url) + "/ack"; }

}  // namespace skm::sync
