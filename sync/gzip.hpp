// gzip on the wire (zlib from Debian): batches shrink several times, which
// matters on the slow, metered links of kecamatan offices. Decompression is
// bounded, so a small hostile body cannot expand into gigabytes at the hub.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace skm::sync {

std::string gzip_compress(std::string_view data);
// Nothing when the input is not gzip, is truncated, or would exceed max_output.
std::optional<std::string> gzip_decompress(std::string_view data, std::size_t max_output);

}  // namespace skm::sync
