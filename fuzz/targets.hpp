// The fuzz targets' bodies, shared by the libFuzzer programs (SKM_FUZZ=ON,
// clang) and by tests/fuzz, which replays every seed and every input that
// once crashed a fuzzer in the default tier. Each takes arbitrary bytes and
// returns whether the input was accepted; a broken property (a decoded
// message that does not encode back to itself, a row with a field past its
// limit) aborts, so the fuzzer reports it as a crash.
#pragma once

#include <string_view>

namespace skm::fuzz {

// formats' response CSV reader, both stopping at the first bad row and skipping bad rows.
bool csv_reader(std::string_view input);
// sync::decode_batch (and its bounded gzip), decode_reply, decode_config: a
// decoded message encodes to bytes that decode to the same encoding.
bool sync_batch(std::string_view input);
bool sync_reply(std::string_view input);
bool sync_config(std::string_view input);
// The first byte picks the loader: 'k' kiosk config, 'q' questionnaire, 'l' layanan list.
bool config_files(std::string_view input);

}  // namespace skm::fuzz
