// Synthetic but realistic survey responses for the benchmarks: one kecamatan
// office's year (2024) scaled to any size, deterministic for a given seed.
// Two shapes of the same data: in-memory answer arrays (bench_scoring) and
// the response CSV (formats/csv_header; skm-bench-make-csv, the peer comparison).
#pragma once

#include "scoring/period.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace skm::bench {

inline constexpr std::size_t kUnsurCount = 9;

// The demo office's twelve layanan (assets/demo), busiest first.
inline constexpr std::array<std::string_view, 12> kLayananNames = {
    "KTP-el", "Kartu Keluarga", "Akta/Surat Keterangan", "SKTM", "Surat Pindah/Domisili", "Legalisasi",
    "Dispensasi Nikah", "Izin Keramaian", "PBB/SPPT", "Pengaduan", "Konsultasi", "Informasi"};

// Responses held the way a live tally sees them: nine answers each (0 =
// unanswered, 1..4), the layanan (index into kLayananNames) and local date.
struct ResponseSet {
    std::vector<std::uint8_t> answers;  // size() == count * kUnsurCount
    std::vector<std::uint8_t> layanan;
    std::vector<scoring::LocalDate> dates;

    std::size_t size() const { return layanan.size(); }
    const std::uint8_t* answers_of(std::size_t i) const { return answers.data() + i * kUnsurCount; }
};

ResponseSet make_responses(std::size_t count, std::mt19937_64& rng);

// Writes a header and `rows` rows of response CSV (comma, LF, the column order
// formats/response_csv_writer writes) to `sink` in chunks of about `chunk_bytes`.
void write_response_csv(std::size_t rows, std::mt19937_64& rng, const std::function<void(std::string_view)>& sink,
                        std::size_t chunk_bytes = std::size_t{1} << 20);

std::string make_response_csv(std::size_t rows, std::mt19937_64& rng);

}  // namespace skm::bench
