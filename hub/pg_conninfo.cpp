// libpq decides what the connection string says (PQconninfoParse); this file
// only puts the parts it found back together without the password.
#include "hub/pg_conninfo.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <vector>

namespace skm::hub {
namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

struct OptionsDeleter {
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

// The settings the string gives, in libpq's order; nothing when libpq cannot read it.
std::optional<std::vector<std::pair<std::string, std::string>>> parsed(std::string_view uri) {
    char* error = nullptr;
    const std::unique_ptr<PQconninfoOption, OptionsDeleter> options(PQconninfoParse(std::string(uri).c_str(), &error));
    PQfreemem(error);
    if (!options) return std::nullopt;
    std::vector<std::pair<std::string, std::string>> out;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (o->val) out.emplace_back(o->keyword, o->val);
    }
    return out;
}

// As a URI writes it: unreserved characters as they are, others %XX.
std::string percent_encoded(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 15]);
        }
    }
    return out;
}

std::string scheme_of(std::string_view uri) { return std::string(uri.substr(0, uri.find("://") + 3)); }

void replace_all(std::string& text, std::string_view secret) {
    // A one- or two-letter password would blank out ordinary words; libpq
    // does not echo passwords anyway, this is only a second line of defence.
    if (secret.size() < 3) return;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
        text.replace(at, secret.size(), "***");
    }
}

}  // namespace

bool is_postgres_uri(std::string_view db) {
    return starts_with_nocase(db, "postgresql://") || starts_with_nocase(db, "postgres://");
}

std::string redact_conninfo(std::string_view uri) {
    const auto options = parsed(uri);
    // What libpq cannot read may hold the password anywhere.
    if (!options) return scheme_of(uri) + "***";
    std::string user, password, host, port, dbname, query;
    for (const auto& [keyword, value] : *options) {
        if (keyword == "user") {
            user = percent_encoded(value);
        } else if (keyword == "password") {
            password = ":***";
        } else if (keyword == "host") {
            // An IPv6 address in brackets, as in the URI (several hosts stay as given).
            const bool ipv6 = value.find(':') != std::string::npos && value.find(',') == std::string::npos;
            host = ipv6 ? "[" + value + "]" : value.find('/') != std::string::npos ? percent_encoded(value) : value;
        } else if (keyword == "port") {
            port = ":" + value;
        } else if (keyword == "dbname") {
            dbname = "/" + percent_encoded(value);
        } else {
            query += (query.empty() ? "?" : "&") + keyword + "=" + percent_encoded(value);
        }
    }
    const std::string userinfo = user.empty() && password.empty() ? "" : user + password + "@";
    return scheme_of(uri) + userinfo + host + port + dbname + query;
}

std::string scrub_password(std::string_view uri, std::string text) {
    const auto options = parsed(uri);
    if (!options) {
        // libpq quotes the part of an unreadable string it stopped at (or the
        // whole string), which may be the password: none of it is shown.
        std::string out;
        bool quoted = false;
        for (const char c : text) {
            if (c == '"') {
                if (!quoted) out += "\"***\"";
                quoted = !quoted;
            } else if (!quoted) {
                out.push_back(c);
            }
        }
        return out;
    }
    for (const auto& [keyword, value] : *options) {
        if (keyword != "password") continue;
        replace_all(text, value);
        replace_all(text, percent_encoded(value));
    }
    return text;
}

}  // namespace skm::hub
