// One libFuzzer program per target (SKM_FUZZ_TARGET names it; fuzz/CMakeLists.txt).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    skm::fuzz::SKM_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
