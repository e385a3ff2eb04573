#include "sync/link_keys.hpp"

#include "formats/legacy_date.hpp"
#include "formats/settings_table.hpp"
#include "scoring/period.hpp"
#include "scoring/problem.hpp"
#include "store/setting_keys.hpp"
#include "store/settings.hpp"

#include <algorithm>
#include <cstdio>

namespace skm::sync {
namespace {

LinkSecretKey decode_secret(const std::string& stored) {
    const auto bytes = from_base64url(stored);
    if (!bytes || bytes->size() != LinkSecretKey().size()) {
        throw Error(ErrorKind::storage, Problem{"store.bad_link_key", {{"key", store::setting_key::kLinkSecretKey}}});
    }
    LinkSecretKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

std::string fresh_secret_text() { return base64url(new_link_secret_key()); }

std::string day_text(const scoring::LocalDate& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d%02d%02d", date.year, date.month, date.day);
    return text;
}

}  // namespace

LinkSecretKey link_secret_key(store::Connection& db) {
    if (const auto stored = store::setting_row(db, store::setting_key::kLinkSecretKey)) return decode_secret(*stored);
    return decode_secret(store::keep_first_setting(db, store::setting_key::kLinkSecretKey, fresh_secret_text()));
}

LinkSecretKey link_secret_key(store::Outbox& outbox) {
    if (const auto stored = outbox.setting(store::setting_key::kLinkSecretKey)) return decode_secret(*stored);
    return decode_secret(outbox.keep_first_setting(store::setting_key::kLinkSecretKey, fresh_secret_text()));
}

std::string hub_base_url(std::string_view batches_url) {
    constexpr std::string_view kApi = "/api/v1/batches";
    while (!batches_url.empty() && batches_url.back() == '/') batches_url.remove_suffix(1);
    if (batches_url.size() >= kApi.size() && batches_url.substr(batches_url.size() - kApi.size()) == kApi) {
        batches_url.remove_suffix(kApi.size());
    }
    return std::string(batches_url);
}

std::string issue_link_url(store::Connection& db, std::optional<std::string> layanan, std::int64_t now) {
    namespace s = formats::setting;
    const auto hub = store::setting_row(db, store::setting_key::kHubUrl);
    if (!hub || hub->empty()) throw Error(ErrorKind::input, Problem{"sync.link_no_hub", {}});
    const auto device = store::setting_row(db, store::setting_key::kLinkDeviceId);
    const LinkSecretKey key = link_secret_key(db);  // made now if this is the first link, registered by the next sync
    if (!device || device->empty()) throw Error(ErrorKind::input, Problem{"sync.link_not_registered", {}});

    std::int64_t days = s::kLinkValidDays.fallback_number;
    if (const auto stored = store::setting_row(db, s::kLinkValidDays.stored)) {
        days = formats::integer_value(s::kLinkValidDays, *stored).value_or(days);
    }
    const std::string zone = store::setting_row(db, s::kTimeZone.stored).value_or(s::kTimeZone.fallback_text);
    const auto local = scoring::timestamp_at(now, formats::time_zone_offset_minutes(zone));

    LinkClaims claims;
    claims.device_id = *device;
    claims.link_id = new_link_id();
    claims.issued_day = day_text(local.date);
    claims.expires_at = now + days * 24 * 3600;
    claims.layanan = layanan.value_or("");
    return link_url(hub_base_url(*hub), make_link_token(claims, key));
}

}  // namespace skm::sync
