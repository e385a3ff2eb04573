// One citizen's response as the interchange formats carry it (docs/reference/file-formats.md#response-csv),
// and the closed vocabularies of its profile fields.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

inline constexpr std::array<std::string_view, 2> kJenisKelamin = {"L", "P"};
inline constexpr std::array<std::string_view, 6> kUmurBands = {"<20", "20-29", "30-39", "40-49", "50-59", "60+"};
inline constexpr std::array<std::string_view, 7> kPendidikan = {"SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3"};
inline constexpr std::array<std::string_view, 6> kPekerjaan = {"PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"};

// Where a record was made: typed on a kiosk, read from a file by `skm import`,
// or collected by the hub (a one-time phone link). Empty in data written
// before the field existed, which came from kiosks.
inline constexpr std::array<std::string_view, 3> kOrigins = {"kiosk", "import", "hub"};
// How the citizen answered: at the kiosk, on their own phone through a link,
// on an online form (Google Forms and the like), on paper. Empty = not recorded.
inline constexpr std::array<std::string_view, 4> kChannels = {"kiosk", "link", "form", "paper"};

// The band for an age in whole years (docs/reference/file-formats.md#response-csv: integers accepted on read).
std::string_view umur_band(int years);
// A band as written, or an integer age mapped to its band; nothing if neither.
std::optional<std::string_view> normalize_umur(std::string_view text);

// Whether a value may stand in a field with this vocabulary: empty (the
// citizen did not answer, or the field was not recorded) or one of its words,
// exactly as written. The check the kiosk and the store make before saving.
template <std::size_t N>
constexpr bool empty_or_in_vocabulary(std::string_view value, const std::array<std::string_view, N>& vocabulary) {
    if (value.empty()) return true;
    for (const std::string_view word : vocabulary) {
        if (word == value) return true;
    }
    return false;
}

struct Response {
    std::string response_id;
    std::string submitted_at;  // ISO 8601 with the offset it was collected in
    std::string layanan;
    std::string jenis_kelamin;
    std::string umur;
    std::string pendidikan;
    std::string pekerjaan;
    std::vector<std::uint8_t> answers;  // questionnaire order; 0 = unanswered
    std::string saran;
    std::vector<std::string> flags;
    std::string device_id;
    std::string questionnaire_version;
    // Optional (empty = not recorded; old kiosks and files do not send them).
    std::string profile_detail;  // formats/profile_detail.hpp: "pekerjaan=petani;pendidikan=tidak_sekolah"
    std::string origin;          // one of kOrigins
    std::string channel;         // one of kChannels
    bool operator==(const Response&) const = default;
};

}  // namespace skm::formats
