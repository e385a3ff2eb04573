#include "hub/pg_conninfo.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace skm::hub {
namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

std::size_t scheme_end(std::string_view uri) {
    const auto at = uri.find("://");
    return at == std::string_view::npos ? 0 : at + 3;
}

// [first, last) of the password in user:password@ (empty range when none).
std::pair<std::size_t, std::size_t> userinfo_password(std::string_view uri) {
    const std::size_t start = scheme_end(uri);
    const std::size_t authority_end = std::min(uri.find_first_of("/?", start), uri.size());
    const auto at = uri.rfind('@', authority_end);
    if (at == std::string_view::npos || at < start) return {0, 0};
    const auto colon = uri.find(':', start);
    if (colon == std::string_view::npos || colon > at) return {0, 0};
    return {colon + 1, at};
}

// [first, last) of each password=… value in the query string.
std::vector<std::pair<std::size_t, std::size_t>> query_passwords(std::string_view uri) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    auto pos = uri.find('?', scheme_end(uri));
    while (pos != std::string_view::npos && pos < uri.size()) {
        const std::size_t name = pos + 1;
        const std::size_t end = std::min(uri.find('&', name), uri.size());
        const auto pair = uri.substr(name, end - name);
        if (starts_with_nocase(pair, "password=")) out.emplace_back(name + 9, end);
        pos = end;
    }
    return out;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

void replace_all(std::string& text, const std::string& secret) {
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
    std::vector<std::pair<std::size_t, std::size_t>> ranges = query_passwords(uri);
    const auto user = userinfo_password(uri);
    if (user.second > user.first) ranges.push_back(user);
    std::sort(ranges.begin(), ranges.end());
    std::string out;
    std::size_t from = 0;
    for (const auto& [first, last] : ranges) {
        out.append(uri.substr(from, first - from)).append("***");
        from = last;
    }
    out.append(uri.substr(from));
    return out;
}

std::string scrub_password(std::string_view uri, std::string text) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges = query_passwords(uri);
    ranges.push_back(userinfo_password(uri));
    for (const auto& [first, last] : ranges) {
        if (last <= first) continue;
        const auto raw = std::string(uri.substr(first, last - first));
        replace_all(text, raw);
        replace_all(text, percent_decoded(raw));
    }
    return text;
}

}  // namespace skm::hub
