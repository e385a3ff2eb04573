#include "hub/web/sessions.hpp"

#include "hub/device_token.hpp"
#include "scoring/period.hpp"

#include <sodium.h>

namespace skm::hub::web {

Sessions::Sessions(WebStore& store, store::Clock& clock, std::int64_t lifetime_s)
    : store_(store), clock_(clock), lifetime_s_(lifetime_s) {}

std::string Sessions::open(const User& user) {
    const std::int64_t now = scoring::unix_seconds(clock_.wall_now());
    store_.delete_expired_sessions(now);
    const std::string id = new_token();  // 32 bytes from libsodium's CSPRNG, hex
    store_.add_session(Session{token_hash(id), user.username, new_token(), now + lifetime_s_});
    return id;
}

std::optional<SignedIn> Sessions::find(std::string_view cookie_id) {
    if (cookie_id.size() != 64) return std::nullopt;
    auto session = store_.session(token_hash(cookie_id));
    if (!session) return std::nullopt;
    if (session->expires_at <= scoring::unix_seconds(clock_.wall_now())) {
        store_.delete_session(session->id_hash);
        return std::nullopt;
    }
    auto user = store_.user(session->username);
    if (!user) return std::nullopt;
    return SignedIn{std::move(*user), std::move(*session)};
}

void Sessions::close(std::string_view cookie_id) {
    if (cookie_id.size() == 64) store_.delete_session(token_hash(cookie_id));
}

std::string Sessions::cookie(std::string_view id, std::int64_t max_age_s) {
    return std::string(kSessionCookie) + "=" + std::string(id) + "; Max-Age=" + std::to_string(max_age_s) +
           "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string Sessions::expired_cookie() {
    return std::string(kSessionCookie) + "=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict";
}

bool csrf_matches(std::string_view sent, std::string_view expected) {
    return !expected.empty() && sent.size() == expected.size() &&
           sodium_memcmp(sent.data(), expected.data(), sent.size()) == 0;
}

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(';', pos);
        if (end == std::string_view::npos) end = header.size();
        std::string_view part = header.substr(pos, end - pos);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
        pos = end + 1;
    }
    return std::nullopt;
}

}  // namespace skm::hub::web
