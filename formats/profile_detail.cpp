#include "formats/profile_detail.hpp"

#include <algorithm>
#include <array>

namespace skm::formats {
namespace {

constexpr std::array<std::string_view, 4> kDetailFields = {"jenis_kelamin", "umur", "pendidikan", "pekerjaan"};

bool valid_option(std::string_view key) {
    if (key.empty() || key.size() > 32) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace

std::optional<std::vector<ProfileDetailEntry>> parse_profile_detail(std::string_view text) {
    std::vector<ProfileDetailEntry> entries;
    if (text.empty()) return entries;
    if (text.size() > kMaxProfileDetailBytes) return std::nullopt;
    while (true) {
        const auto end = text.find(';');
        const auto pair = text.substr(0, end);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        ProfileDetailEntry entry{std::string(pair.substr(0, equals)), std::string(pair.substr(equals + 1))};
        if (std::find(kDetailFields.begin(), kDetailFields.end(), entry.field) == kDetailFields.end()) return std::nullopt;
        if (!valid_option(entry.option)) return std::nullopt;
        for (const auto& seen : entries) {
            if (seen.field == entry.field) return std::nullopt;
        }
        entries.push_back(std::move(entry));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return entries;
}

std::string format_profile_detail(const std::vector<ProfileDetailEntry>& entries) {
    std::string text;
    for (const auto& entry : entries) {
        if (!text.empty()) text += ';';
        text += entry.field + '=' + entry.option;
    }
    return text;
}

std::string profile_detail_option(std::string_view text, std::string_view field) {
    const auto entries = parse_profile_detail(text);
    if (!entries) return {};
    for (const auto& entry : *entries) {
        if (entry.field == field) return entry.option;
    }
    return {};
}

}  // namespace skm::formats
