// The detail behind an official profile code: the office's sub-option a
// citizen picked (Petani under "Lainnya", Tidak sekolah under "SD"). Reports
// count the official code; the detail is kept beside it so offices can see
// who "Lainnya" are. Stored as one text field of `field=option` pairs joined
// by ";" in field order, e.g. "pendidikan=tidak_sekolah;pekerjaan=petani".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

struct ProfileDetailEntry {
    std::string field;   // jenis_kelamin, umur, pendidikan or pekerjaan
    std::string option;  // the office's option key: [a-z0-9_] 1..32
    bool operator==(const ProfileDetailEntry&) const = default;
};

inline constexpr std::size_t kMaxProfileDetailBytes = 200;

// The entries of a stored detail, or nothing if the text is not in the form
// above (unknown field, bad key, a field twice, longer than the limit).
std::optional<std::vector<ProfileDetailEntry>> parse_profile_detail(std::string_view text);
// The stored form of entries (in the order given; empty for none).
std::string format_profile_detail(const std::vector<ProfileDetailEntry>& entries);
// The option recorded for one field, or empty.
std::string profile_detail_option(std::string_view text, std::string_view field);

}  // namespace skm::formats
