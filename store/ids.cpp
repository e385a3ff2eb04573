#include "store/ids.hpp"

#include "scoring/problem.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace skm::store {

RandomUuidSource::RandomUuidSource() {
    if (sodium_init() < 0) throw Error(ErrorKind::storage, Problem{"store.no_randomness", {}});
}

namespace {

// 16 bytes as 8-4-4-4-12 lowercase hex, with `version` and the RFC 4122 variant set.
std::string uuid_text(std::array<std::uint8_t, 16> bytes, unsigned version) {
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | (version << 4));
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    id.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
        id += kHex[bytes[i] >> 4];
        id += kHex[bytes[i] & 0x0f];
    }
    return id;
}

}  // namespace

std::string RandomUuidSource::next_id() {
    std::array<std::uint8_t, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return uuid_text(bytes, 4);
}

std::string derived_uuid(std::string_view seed) {
    if (sodium_init() < 0) throw Error(ErrorKind::storage, Problem{"store.no_randomness", {}});
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(seed.data()), seed.size());
    std::array<std::uint8_t, 16> bytes{};
    std::copy_n(digest.begin(), bytes.size(), bytes.begin());
    return uuid_text(bytes, 5);
}

bool is_uuid_v4(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return text[14] == '4' && (text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b');
}

}  // namespace skm::store
