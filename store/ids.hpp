// Response ids: fresh random UUIDs (version 4) from the operating system's
// CSPRNG through libsodium, behind an interface so tests can inject their own.
// Never derived from a seed: two devices, or two runs of `skm simulate` with
// the same seed, must not collide.
#pragma once

#include <string>
#include <string_view>

namespace skm::store {

class IdSource {
public:
    virtual ~IdSource() = default;
    virtual std::string next_id() = 0;
};

class RandomUuidSource final : public IdSource {
public:
    RandomUuidSource();  // initialises libsodium; throws if it cannot
    std::string next_id() override;
};

// The id of a row `skm import` read from an old file (Google Forms, a
// spreadsheet): a UUID made from the SHA-256 of `seed` (the row's imported
// content and its occurrence among identical rows), in the version-5 form
// (version nibble 5, RFC 4122 variant). The same row of the same file always
// gets the same id, so a second import adds nothing; libsodium's SHA-256.
std::string derived_uuid(std::string_view seed);

// 8-4-4-4-12 lowercase hex with the version-4 and RFC 4122 variant bits.
bool is_uuid_v4(std::string_view text);

}  // namespace skm::store
