// skm-bench-make-csv OUT N SEED: writes N synthetic responses (a 2024 year of
// twelve layanan, the response CSV columns of formats/csv_header) to OUT. Same N and SEED → same bytes.
#include "bench/synthetic.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <random>
#include <string_view>

namespace {

bool parse_count(std::string_view text, std::uint64_t& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

int usage() {
    std::fputs("usage: skm-bench-make-csv OUT N SEED\n"
               "  writes N synthetic survey responses (response CSV) to OUT\n",
               stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) return usage();
    std::uint64_t rows = 0;
    std::uint64_t seed = 0;
    if (!parse_count(argv[2], rows) || !parse_count(argv[3], seed)) return usage();

    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out) {
        std::fprintf(stderr, "skm-bench-make-csv: cannot write %s: %s\n", argv[1], std::strerror(errno));
        return 1;
    }
    std::mt19937_64 rng(seed);
    bool ok = true;
    skm::bench::write_response_csv(static_cast<std::size_t>(rows), rng, [&](std::string_view chunk) {
        ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size();
    });
    ok = std::fclose(out) == 0 && ok;
    if (!ok) {
        std::fprintf(stderr, "skm-bench-make-csv: writing %s failed: %s\n", argv[1], std::strerror(errno));
        return 1;
    }
    return 0;
}
