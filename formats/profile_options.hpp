// The office's sub-options behind the official profile codes
// (assets/kiosk/profile-options.json or the office's own file): Petani/Nelayan
// under pekerjaan "Lainnya", Tidak sekolah under pendidikan "SD"… The kiosk
// shows each as its own button; a tap stores the official code in the
// profile field (what every IKM report counts) and the option's key in the
// response's profile_detail (formats/profile_detail.hpp).
// Form: docs/reference/file-formats.md#profile-sub-options.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

struct ProfileOption {
    std::string key;   // stored in profile_detail: [a-z0-9_] 1..32, unique within its field
    std::string code;  // the official code it is counted under (formats/response.hpp's vocabularies)
    std::map<std::string, std::string, std::less<>> label;  // one per language of kLanguages
};

struct ProfileOptions {
    // Per profile field (jenis_kelamin, umur, pendidikan, pekerjaan), in screen order.
    std::map<std::string, std::vector<ProfileOption>, std::less<>> fields;
    const std::vector<ProfileOption>& of(std::string_view field) const;
    // The option `key` of `field`, or nullptr.
    const ProfileOption* find(std::string_view field, std::string_view key) const;
};

// Throws skm::Error(input) with a "profile_options.*" problem naming the file
// and the entry at fault.
ProfileOptions parse_profile_options(std::string_view json_text, std::string_view file_name);
ProfileOptions load_profile_options(const std::filesystem::path& path);

}  // namespace skm::formats
