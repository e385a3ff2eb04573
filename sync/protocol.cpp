#include "sync/protocol.hpp"

#include "sync/base64.hpp"
#include "sync/json_fields.hpp"
#include "sync/protocol_items.hpp"

#include "formats/profile_detail.hpp"
#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "formats/response_id.hpp"
#include "scoring/period.hpp"
#include "sync/link_token.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace skm::sync {

using namespace json_fields;

namespace {

template <std::size_t N>
std::string vocabulary(const json& object, const char* name, const std::string& where,
                       const std::array<std::string_view, N>& allowed) {
    std::string value = text(object, name, where, 32);
    if (!formats::empty_or_in_vocabulary(value, allowed)) refuse("protocol.bad_value", where + "." + name);
    return value;
}

}  // namespace

store::Submission decode_item(const json& item, const std::string& where, const scoring::ScoringScheme& scheme) {
    if (!item.is_object()) refuse("protocol.wrong_type", where);
    store::Submission s;
    formats::Response& r = s.response;
    const json& id = field(item, "id", where);
    if (!id.is_string()) refuse("protocol.wrong_type", where + ".id");
    r.response_id = id.get<std::string>();
    if (!formats::is_valid_response_id(r.response_id)) refuse("protocol.bad_response_id", where + ".id");
    r.submitted_at = text(item, "submitted_at", where, 64, false);
    if (!scoring::parse_timestamp(r.submitted_at)) refuse("protocol.bad_value", where + ".submitted_at");
    r.layanan = text(item, "layanan", where, formats::kMaxShortFieldBytes, false);
    r.jenis_kelamin = vocabulary(item, "jenis_kelamin", where, formats::kJenisKelamin);
    r.umur = vocabulary(item, "umur", where, formats::kUmurBands);
    r.pendidikan = vocabulary(item, "pendidikan", where, formats::kPendidikan);
    r.pekerjaan = vocabulary(item, "pekerjaan", where, formats::kPekerjaan);
    r.saran = text(item, "saran", where, formats::kMaxSaranBytes);

    const json& answers = field(item, "answers", where);
    if (!answers.is_object()) refuse("protocol.wrong_type", where + ".answers");
    r.answers.assign(scheme.size(), 0);
    for (const auto& [code, value] : answers.items()) {
        const auto index = scheme.index_of(code);
        if (!index) refuse("protocol.unknown_unsur", where + ".answers." + code);
        if (value.is_null()) continue;  // unanswered
        if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 4) {
            refuse("protocol.bad_value", where + ".answers." + code);
        }
        r.answers[*index] = static_cast<std::uint8_t>(value.get<int>());
    }

    const json& flags = field(item, "flags", where);
    if (!flags.is_array() || flags.size() > kMaxFlags) refuse("protocol.wrong_type", where + ".flags");
    for (const auto& flag : flags) {
        if (!flag.is_string() || flag.get<std::string>().empty() || flag.get<std::string>().size() > 64 ||
            flag.get<std::string>().find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
            refuse("protocol.bad_value", where + ".flags");
        }
        r.flags.push_back(flag.get<std::string>());
    }

    const json& questionnaire = field(item, "questionnaire", where);
    if (!questionnaire.is_object()) refuse("protocol.wrong_type", where + ".questionnaire");
    s.questionnaire_id = text(questionnaire, "id", where + ".questionnaire", formats::kMaxShortFieldBytes, false);
    const json& version = field(questionnaire, "version", where + ".questionnaire");
    if (!version.is_number_integer() || version.get<std::int64_t>() < 1 || version.get<std::int64_t>() > 1'000'000) {
        refuse("protocol.bad_value", where + ".questionnaire.version");
    }
    r.questionnaire_version = std::to_string(version.get<std::int64_t>());

    const json& duration = field(item, "duration_ms", where);
    if (!duration.is_null()) {
        if (!duration.is_number_integer() || duration.get<std::int64_t>() < 0) refuse("protocol.bad_value", where + ".duration_ms");
        s.duration_ms = duration.get<std::int64_t>();
    }

    // The recorded fields: optional members (absent = not recorded, as from
    // kiosks built before them), but a member that is there must be valid.
    if (item.contains("profile_detail")) {
        r.profile_detail = text(item, "profile_detail", where, formats::kMaxProfileDetailBytes);
        if (!formats::parse_profile_detail(r.profile_detail)) refuse("protocol.bad_value", where + ".profile_detail");
    }
    if (item.contains("origin")) r.origin = vocabulary(item, "origin", where, formats::kOrigins);
    if (item.contains("channel")) r.channel = vocabulary(item, "channel", where, formats::kChannels);
    return s;
}

namespace {

// A version that is not a number goes out as 0, which the hub refuses: never silently "1".
std::int64_t version_number(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : 0;
}

json office_profile_json(const OfficeProfile& p) {
    json doc{{"office", p.office}, {"contact", p.contact}, {"follow_up", p.follow_up},
             {"complaint_channel", p.complaint_channel}};
    if (!p.logo_png.empty() && p.logo_png.size() <= kMaxProfileLogoBytes) {
        const std::string base64 = to_base64(p.logo_png);
        json pieces = json::array();
        for (std::size_t at = 0; at < base64.size(); at += kProfileLogoPieceChars) {
            pieces.push_back(base64.substr(at, kProfileLogoPieceChars));
        }
        doc["logo_png"] = std::move(pieces);
    }
    return doc;
}

bool short_text(const json& object, const char* name, std::string& out) {
    if (!object.contains(name) || !object[name].is_string()) return false;
    out = object[name].get<std::string>();
    return out.size() <= kMaxProfileTextBytes;
}

// The logo's pieces back to PNG bytes; nothing when they are not a PNG within bounds.
std::optional<std::string> logo_of(const json& pieces) {
    if (!pieces.is_array() || pieces.empty() || pieces.size() > kMaxProfileLogoPieces) return std::nullopt;
    std::string base64;
    for (const auto& piece : pieces) {
        if (!piece.is_string() || piece.get<std::string>().size() > kProfileLogoPieceChars) return std::nullopt;
        base64 += piece.get<std::string>();
    }
    const auto decoded = from_base64(base64);
    if (!decoded) return std::nullopt;
    const std::string& png = *decoded;
    static constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};
    if (png.size() > kMaxProfileLogoBytes || png.compare(0, kPngSignature.size(), kPngSignature) != 0) return std::nullopt;
    return png;
}

// The office_profile member, or nothing when it is absent or not what a kiosk
// sends: like the other members about the kiosk, never a reason to refuse responses.
std::optional<OfficeProfile> decode_office_profile(const json& doc) {
    if (!doc.contains("office_profile") || !doc["office_profile"].is_object()) return std::nullopt;
    const json& p = doc["office_profile"];
    OfficeProfile profile;
    if (!short_text(p, "office", profile.office) || !short_text(p, "contact", profile.contact) ||
        !short_text(p, "follow_up", profile.follow_up) || !short_text(p, "complaint_channel", profile.complaint_channel)) {
        return std::nullopt;
    }
    // A logo that cannot be read leaves the texts: the poster goes without it.
    if (p.contains("logo_png")) profile.logo_png = logo_of(p["logo_png"]).value_or("");
    return profile;
}

}  // namespace

std::string encode_office_profile(const OfficeProfile& profile) { return office_profile_json(profile).dump(); }

std::string_view status_name(ItemStatus status) {
    switch (status) {
        case ItemStatus::accepted: return "accepted";
        case ItemStatus::duplicate: return "duplicate";
        case ItemStatus::rejected: return "rejected";
    }
    return "rejected";
}

JsonBounds batch_json_bounds(const scoring::ScoringScheme& scheme, const Limits& limits) {
    // The body and its 8 fields (protocol, device_id, batch_id, responses,
    // app_version, pending, sent_at, link_public_key, office_profile), the
    // profile's 5 and its logo's pieces; each item, its 15 fields (see the top
    // of protocol.hpp), one answer per unsur, kMaxFlags flags and the 2 of
    // its questionnaire. 500 items of the nine Permenpan unsur: 29,543 values.
    constexpr std::size_t kBodyValues = 1 + 9 + 5 + kMaxProfileLogoPieces + kRoomForNewFields;
    const std::size_t item_values = 1 + 15 + scheme.size() + kMaxFlags + 2 + kRoomForNewFields;
    // body → responses → item → answers | flags | questionnaire.
    constexpr std::size_t kDepth = 4;
    return {kBodyValues + limits.max_items * item_values, kDepth + kRoomForNewDepth,
            std::max({formats::kMaxSaranBytes, formats::kMaxShortFieldBytes})};
}

JsonBounds reply_json_bounds(const Limits& limits) {
    // The body and its 5 fields (protocol, batch_id, results, hub_time,
    // link_key_device); one
    // result per item a batch can have, each with id, status and reason.
    constexpr std::size_t kBodyValues = 1 + 5 + kRoomForNewFields;
    constexpr std::size_t kResultValues = 1 + 3 + kRoomForNewFields;
    // body → results → result.
    constexpr std::size_t kDepth = 3;
    // Ids, batch id and reasons are short fields; decode_reply checks each.
    return {kBodyValues + limits.max_items * kResultValues, kDepth + kRoomForNewDepth, formats::kMaxShortFieldBytes};
}

std::vector<store::Submission> decode_items(const json& body, const scoring::ScoringScheme& scheme, std::size_t max_items) {
    const json& items = field(body, "responses", "");
    if (!items.is_array()) refuse("protocol.wrong_type", "responses");
    if (items.size() > max_items) refuse("protocol.too_large", "responses");
    std::vector<store::Submission> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string where = "responses[" + std::to_string(i) + "]";
        out.push_back(decode_item(items[i], where, scheme));
        if (!ids.insert(out.back().response.response_id).second) refuse("protocol.duplicate_id", where + ".id");
    }
    return out;
}

json encode_item(const store::Submission& s, const scoring::ScoringScheme& scheme) {
    const formats::Response& r = s.response;
    json answers = json::object();
    for (std::size_t i = 0; i < scheme.size() && i < r.answers.size(); ++i) {
        if (r.answers[i] != 0) answers[scheme.code(i)] = r.answers[i];
    }
    json item{{"id", r.response_id},
              {"submitted_at", r.submitted_at},
              {"layanan", r.layanan},
              {"jenis_kelamin", r.jenis_kelamin},
              {"umur", r.umur},
              {"pendidikan", r.pendidikan},
              {"pekerjaan", r.pekerjaan},
              {"answers", answers},
              {"saran", r.saran},
              {"flags", r.flags},
              {"questionnaire", {{"id", s.questionnaire_id}, {"version", version_number(r.questionnaire_version)}}},
              {"duration_ms", s.duration_ms ? json(*s.duration_ms) : json(nullptr)}};
    // Only when recorded: a row stored before them goes out exactly as it did.
    if (!r.profile_detail.empty()) item["profile_detail"] = r.profile_detail;
    if (!r.origin.empty()) item["origin"] = r.origin;
    if (!r.channel.empty()) item["channel"] = r.channel;
    return item;
}

std::string encode_batch(const Batch& batch, const scoring::ScoringScheme& scheme) {
    json items = json::array();
    for (const auto& s : batch.responses) {
        items.push_back(encode_item(s, scheme));
    }
    json doc{{"protocol", kProtocolVersion}, {"device_id", batch.device_id}, {"batch_id", batch.batch_id},
             {"responses", items}};
    if (batch.app_version) doc["app_version"] = *batch.app_version;
    if (batch.pending) doc["pending"] = *batch.pending;
    if (batch.sent_at) doc["sent_at"] = *batch.sent_at;
    if (batch.link_public_key) doc["link_public_key"] = *batch.link_public_key;
    if (batch.office_profile) doc["office_profile"] = office_profile_json(*batch.office_profile);
    return doc.dump();
}

std::variant<Batch, ProtocolError> decode_batch(std::string_view body, const scoring::ScoringScheme& scheme,
                                                const Limits& limits) {
    try {
        const json doc = parse_object(body, limits.max_body_bytes, batch_json_bounds(scheme, limits));
        Batch batch;
        batch.device_id = text(doc, "device_id", "", formats::kMaxShortFieldBytes, false);
        batch.batch_id = text(doc, "batch_id", "", formats::kMaxShortFieldBytes, false);
        // Optional, and never a reason to refuse responses: a kiosk's own report.
        if (doc.contains("app_version") && doc["app_version"].is_string() && doc["app_version"].get<std::string>().size() <= 64) {
            batch.app_version = doc["app_version"].get<std::string>();
        }
        if (doc.contains("pending") && doc["pending"].is_number_integer() && doc["pending"].get<std::int64_t>() >= 0) {
            batch.pending = doc["pending"].get<std::int64_t>();
        }
        if (doc.contains("sent_at") && doc["sent_at"].is_string() && doc["sent_at"].get<std::string>().size() <= 64 &&
            scoring::parse_timestamp(doc["sent_at"].get<std::string>())) {
            batch.sent_at = doc["sent_at"].get<std::string>();
        }
        // A key the hub would store for the device's links: present, it must be one.
        if (doc.contains("link_public_key")) {
            const json& key = doc["link_public_key"];
            if (!key.is_string() || !decode_link_public_key(key.get<std::string>())) {
                refuse("protocol.bad_value", "link_public_key");
            }
            batch.link_public_key = key.get<std::string>();
        }
        batch.office_profile = decode_office_profile(doc);
        batch.responses = decode_items(doc, scheme, limits.max_items);
        return batch;
    } catch (const Refused& refused) {
        return refused.error;
    }
}

std::string encode_reply(const Reply& reply) {
    json results = json::array();
    for (const auto& r : reply.results) {
        json item = {{"id", r.response_id}, {"status", status_name(r.status)}};
        if (!r.reason.empty()) item["reason"] = r.reason;
        results.push_back(item);
    }
    json doc{{"protocol", kProtocolVersion}, {"batch_id", reply.batch_id}, {"results", results}};
    if (reply.hub_time) doc["hub_time"] = *reply.hub_time;
    if (reply.link_key_device) doc["link_key_device"] = *reply.link_key_device;
    return doc.dump();
}

std::variant<Reply, ProtocolError> decode_reply(std::string_view body) {
    try {
        const json doc = parse_object(body, 16u << 20, reply_json_bounds());
        Reply reply;
        reply.batch_id = text(doc, "batch_id", "", formats::kMaxShortFieldBytes, false);
        if (doc.contains("hub_time")) {
            reply.hub_time = text(doc, "hub_time", "", 64, false);
            if (!scoring::parse_timestamp(*reply.hub_time)) refuse("protocol.bad_value", "hub_time");
        }
        if (doc.contains("link_key_device")) {
            reply.link_key_device = text(doc, "link_key_device", "", formats::kMaxShortFieldBytes, false);
        }
        const json& results = field(doc, "results", "");
        if (!results.is_array()) refuse("protocol.wrong_type", "results");
        for (std::size_t i = 0; i < results.size(); ++i) {
            const std::string where = "results[" + std::to_string(i) + "]";
            const json& item = results[i];
            if (!item.is_object()) refuse("protocol.wrong_type", where);
            ItemResult r;
            // Not held to formats/response_id: the kiosk only looks up the ids it sent.
            r.response_id = text(item, "id", where, formats::kMaxShortFieldBytes, false);
            const std::string status = text(item, "status", where, 16, false);
            if (status == "accepted") r.status = ItemStatus::accepted;
            else if (status == "duplicate") r.status = ItemStatus::duplicate;
            else if (status == "rejected") r.status = ItemStatus::rejected;
            else refuse("protocol.bad_value", where + ".status");
            if (item.contains("reason")) r.reason = text(item, "reason", where, 200);
            reply.results.push_back(std::move(r));
        }
        return reply;
    } catch (const Refused& refused) {
        return refused.error;
    }
}

}  // namespace skm::sync
