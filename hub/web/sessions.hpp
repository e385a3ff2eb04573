// Dashboard sessions: a 256-bit random id from libsodium in the cookie, only
// its BLAKE2b hash in the database; a CSRF token per session that every
// form carries and every POST must match (constant-time); a fixed lifetime
// measured on the injected clock.
#pragma once

#include "hub/web/web_store.hpp"
#include "store/clock.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace skm::hub::web {

inline constexpr std::string_view kSessionCookie = "skm_session";

struct SignedIn {
    User user;
    Session session;
};

class Sessions {
public:
    Sessions(WebStore& store, store::Clock& clock, std::int64_t lifetime_s = 8 * 3600);

    // A new session; returns the cookie's id (shown once, never stored).
    std::string open(const User& user);
    // The user of a cookie id, while the session lasts and the user exists.
    std::optional<SignedIn> find(std::string_view cookie_id);
    void close(std::string_view cookie_id);

    // Set-Cookie values.
    static std::string cookie(std::string_view id, std::int64_t max_age_s);
    static std::string expired_cookie();

    std::int64_t lifetime_s() const { return lifetime_s_; }

private:
    WebStore& store_;
    store::Clock& clock_;
    std::int64_t lifetime_s_;
};

// Constant-time equality (sodium_memcmp) of a form's token and the session's.
bool csrf_matches(std::string_view sent, std::string_view expected);
// The value of one cookie in a Cookie header.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

}  // namespace skm::hub::web
