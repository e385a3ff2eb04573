// Index: [distributions] [in-memory responses] [csv rows]
#include "bench/synthetic.hpp"

#include <algorithm>
#include <cmath>

namespace skm::bench {
namespace {

// ---- [distributions] -------------------------------------------------------
// Shares and mean answers follow scripts/make-demo-data: answers are a normal
// around the layanan's mean (plus a per-unsur offset), rounded and clamped to
// 1..4. Every probability is a 32-bit threshold, so one 64-bit draw decides
// two things and the output depends only on the seed.

constexpr std::array<double, 12> kLayananShare = {0.24, 0.20, 0.10, 0.09, 0.08, 0.07,
                                                  0.04, 0.04, 0.06, 0.03, 0.03, 0.02};
constexpr std::array<double, 12> kLayananMean = {3.30, 3.25, 3.20, 3.05, 3.15, 3.35,
                                                 3.10, 3.20, 2.95, 2.80, 3.25, 3.40};
// persyaratan prosedur waktu biaya produk kompetensi perilaku pengaduan sarana
constexpr std::array<double, kUnsurCount> kUnsurOffset = {0.0, 0.0, -0.25, 0.35, 0.0, 0.0, 0.10, -0.10, -0.15};
constexpr std::array<double, kUnsurCount> kUnsurSkip = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.12, 0.01};
constexpr double kAnswerSpread = 0.55;
constexpr double kStraightLine = 0.015;  // flagged: every answer the same

constexpr std::uint64_t kOne = std::uint64_t{1} << 32;

std::uint64_t threshold(double probability) {
    return static_cast<std::uint64_t>(std::clamp(probability, 0.0, 1.0) * static_cast<double>(kOne));
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

template <std::size_t N>
std::array<std::uint64_t, N> cumulative(const std::array<double, N>& weights) {
    std::array<std::uint64_t, N> result{};
    double total = 0;
    for (double w : weights) total += w;
    double running = 0;
    for (std::size_t i = 0; i < N; ++i) {
        running += weights[i] / total;
        result[i] = threshold(running);
    }
    result[N - 1] = kOne;
    return result;
}

template <std::size_t N>
std::size_t pick(const std::array<std::uint64_t, N>& cumulative_thresholds, std::uint32_t draw) {
    for (std::size_t i = 0; i + 1 < N; ++i) {
        if (draw < cumulative_thresholds[i]) return i;
    }
    return N - 1;
}

struct Distributions {
    std::array<std::uint64_t, 12> layanan = cumulative(kLayananShare);
    // answer_cut[l][u][k]: draw below it → answer k + 1 (else 4).
    std::array<std::array<std::array<std::uint64_t, 3>, kUnsurCount>, 12> answer_cut{};
    std::array<std::uint64_t, kUnsurCount> skip{};
    std::uint64_t straight_line = threshold(kStraightLine);

    Distributions() {
        for (std::size_t l = 0; l < kLayananMean.size(); ++l) {
            for (std::size_t u = 0; u < kUnsurCount; ++u) {
                const double mean = kLayananMean[l] + kUnsurOffset[u];
                for (std::size_t k = 0; k < 3; ++k) {
                    answer_cut[l][u][k] = threshold(normal_cdf((static_cast<double>(k) + 1.5 - mean) / kAnswerSpread));
                }
            }
        }
        for (std::size_t u = 0; u < kUnsurCount; ++u) skip[u] = threshold(kUnsurSkip[u]);
    }

    std::uint8_t layanan_of(std::uint32_t draw) const { return static_cast<std::uint8_t>(pick(layanan, draw)); }

    // Fills nine answers for a respondent of layanan l; true if straight-lined.
    bool answers(std::size_t l, std::mt19937_64& rng, std::uint8_t* out) const {
        const std::uint64_t first = rng();
        if ((first >> 32) < straight_line) {
            const std::uint8_t same = (first & 1) ? 4 : 1;
            std::fill(out, out + kUnsurCount, same);
            return true;
        }
        for (std::size_t u = 0; u < kUnsurCount; ++u) {
            const std::uint64_t r = rng();
            const auto skip_draw = static_cast<std::uint32_t>(r >> 32);
            const auto value_draw = static_cast<std::uint32_t>(r);
            if (skip_draw < skip[u]) {
                out[u] = 0;
                continue;
            }
            const auto& cut = answer_cut[l][u];
            out[u] = value_draw < cut[0] ? 1 : value_draw < cut[1] ? 2 : value_draw < cut[2] ? 3 : 4;
        }
        return false;
    }
};

// 2024 is a leap year: 366 days, spread evenly in file order (a kiosk export
// is chronological).
scoring::LocalDate date_of(std::size_t row, std::size_t rows) {
    const auto day_of_year = static_cast<std::int64_t>(row * 366 / std::max<std::size_t>(rows, 1));
    return scoring::date_from_days(scoring::days_since_epoch({2024, 1, 1}) + day_of_year);
}

}  // namespace

// ---- [in-memory responses] -------------------------------------------------

ResponseSet make_responses(std::size_t count, std::mt19937_64& rng) {
    const Distributions dist;
    ResponseSet set;
    // assign, not resize: GCC 12 warns falsely (-Wnull-dereference) on resize.
    set.answers.assign(count * kUnsurCount, 0);
    set.layanan.assign(count, 0);
    set.dates.assign(count, scoring::LocalDate{});
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t l = dist.layanan_of(static_cast<std::uint32_t>(rng() >> 32));
        set.layanan[i] = l;
        set.dates[i] = date_of(i, count);
        dist.answers(l, rng, set.answers.data() + i * kUnsurCount);
    }
    return set;
}

// ---- [csv rows] ------------------------------------------------------------

namespace {

constexpr std::string_view kHeader =
    "response_id,submitted_at,layanan,jenis_kelamin,umur,pendidikan,pekerjaan,persyaratan,prosedur,waktu,biaya,"
    "produk,kompetensi,perilaku,pengaduan,sarana,saran,flags,device_id,questionnaire_version\n";

constexpr std::array<std::string_view, 2> kJenisKelamin = {"L", "P"};
constexpr std::array<std::string_view, 6> kUmur = {"<20", "20-29", "30-39", "40-49", "50-59", "60+"};
constexpr std::array<double, 6> kUmurShare = {0.05, 0.20, 0.25, 0.22, 0.17, 0.11};
constexpr std::array<std::string_view, 7> kPendidikan = {"SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3"};
constexpr std::array<double, 7> kPendidikanShare = {0.18, 0.20, 0.35, 0.08, 0.15, 0.03, 0.01};
constexpr std::array<std::string_view, 6> kPekerjaan = {"PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"};
constexpr std::array<double, 6> kPekerjaanShare = {0.10, 0.02, 0.02, 0.30, 0.26, 0.30};
constexpr std::array<std::string_view, 4> kDevices = {"kiosk-sukamaju-01", "kiosk-sukamaju-02",
                                                      "kiosk-cibeureum-01", "kiosk-cibeureum-02"};
// Written as-is; the writer quotes those with a comma, quote or line break.
constexpr std::array<std::string_view, 12> kSaran = {
    "Antrean pagi terlalu panjang, mohon ditambah loket.",
    "Petugas ramah dan cepat, terima kasih.",
    "Ruang tunggu panas, perlu kipas angin.",
    "Mohon informasi persyaratan ditempel di depan.",
    "Blangko KTP sering habis.",
    "Pelayanan sudah baik, pertahankan.",
    "Parkir sempit.",
    "Tolong sediakan kursi roda untuk lansia.",
    "Jam istirahat petugas terlalu lama.",
    "Mohon ada nomor WhatsApp untuk tanya persyaratan.",
    "Petugas bilang \"besok saja\", padahal berkas lengkap.",
    "Terima kasih.\nSemoga makin baik.",
};
constexpr double kSaranShare = 0.12;
constexpr double kEmptyProfile = 0.01;

constexpr char kHex[] = "0123456789abcdef";

class CsvRowWriter {
public:
    explicit CsvRowWriter(std::string& out) : out_(out) {
        umur_ = cumulative(kUmurShare);
        pendidikan_ = cumulative(kPendidikanShare);
        pekerjaan_ = cumulative(kPekerjaanShare);
    }

    void row(std::size_t index, std::size_t rows, std::mt19937_64& rng) {
        // Separate statements: argument evaluation order is unspecified.
        const std::uint64_t id_high = rng();
        const std::uint64_t id_low = rng();
        uuid(id_high, id_low);
        out_.push_back(',');
        timestamp(date_of(index, rows), rng());
        out_.push_back(',');

        const std::uint64_t r1 = rng();
        const std::uint8_t l = dist_.layanan_of(static_cast<std::uint32_t>(r1 >> 32));
        out_.append(kLayananNames[l]);
        out_.push_back(',');
        const std::uint64_t r0 = rng();
        const std::uint64_t r2 = rng();
        const std::uint64_t r3 = rng();
        profile(kJenisKelamin[r0 >> 63], static_cast<std::uint32_t>(r0));
        profile(kUmur[pick(umur_, static_cast<std::uint32_t>(r2 >> 32))], static_cast<std::uint32_t>(r2));
        profile(kPendidikan[pick(pendidikan_, static_cast<std::uint32_t>(r3 >> 32))],
                static_cast<std::uint32_t>(r3));
        const std::uint64_t r4 = rng();
        profile(kPekerjaan[pick(pekerjaan_, static_cast<std::uint32_t>(r4 >> 32))], static_cast<std::uint32_t>(r4));

        std::array<std::uint8_t, kUnsurCount> answers{};
        const bool straight = dist_.answers(l, rng, answers.data());
        for (std::uint8_t a : answers) {
            if (a != 0) out_.push_back(static_cast<char>('0' + a));
            out_.push_back(',');
        }

        const std::uint64_t r5 = rng();
        if ((r5 >> 32) < saran_) field(kSaran[(r5 & 0xFFFF) % kSaran.size()]);
        out_.push_back(',');
        if (straight) out_.append("straight_line;too_fast");
        out_.push_back(',');
        out_.append(kDevices[(r5 >> 16) & 3]);
        out_.append(",1\n");
    }

private:
    void uuid(std::uint64_t high, std::uint64_t low) {
        high = (high & ~std::uint64_t{0xF000}) | 0x4000;                       // version 4
        low = (low & ~(std::uint64_t{0xC} << 60)) | (std::uint64_t{0x8} << 60);  // RFC 4122 variant
        char text[36];
        std::size_t pos = 0;
        for (int nibble = 0; nibble < 32; ++nibble) {
            if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) text[pos++] = '-';
            const std::uint64_t word = nibble < 16 ? high : low;
            text[pos++] = kHex[(word >> (60 - 4 * (nibble % 16))) & 0xF];
        }
        out_.append(text, sizeof text);
    }

    void timestamp(const scoring::LocalDate& date, std::uint64_t r) {
        const int hour = 8 + static_cast<int>((r >> 32) % 8);  // office hours 08:00-15:59
        const int minute = static_cast<int>((r & 0xFFFFFFFF) % 60);
        char text[25] = {'2', '0', '2', '4', '-', 0, 0, '-', 0, 0, 'T', 0, 0, ':', 0, 0,
                         ':', '0', '0', '+', '0', '7', ':', '0', '0'};
        two(text + 5, date.month);
        two(text + 8, date.day);
        two(text + 11, hour);
        two(text + 14, minute);
        out_.append(text, sizeof text);
    }

    static void two(char* at, int value) {
        at[0] = static_cast<char>('0' + value / 10);
        at[1] = static_cast<char>('0' + value % 10);
    }

    void profile(std::string_view value, std::uint32_t empty_draw) {
        if (empty_draw >= empty_) out_.append(value);
        out_.push_back(',');
    }

    void field(std::string_view value) {
        if (value.find_first_of(",\"\n") == std::string_view::npos) {
            out_.append(value);
            return;
        }
        out_.push_back('"');
        for (char c : value) {
            if (c == '"') out_.push_back('"');
            out_.push_back(c);
        }
        out_.push_back('"');
    }

    std::string& out_;
    Distributions dist_;
    std::array<std::uint64_t, 6> umur_{};
    std::array<std::uint64_t, 7> pendidikan_{};
    std::array<std::uint64_t, 6> pekerjaan_{};
    std::uint64_t saran_ = threshold(kSaranShare);
    std::uint64_t empty_ = threshold(kEmptyProfile);
};

}  // namespace

void write_response_csv(std::size_t rows, std::mt19937_64& rng, const std::function<void(std::string_view)>& sink,
                        std::size_t chunk_bytes) {
    std::string buffer;
    buffer.reserve(chunk_bytes + 1024);
    buffer.append(kHeader);
    CsvRowWriter writer(buffer);
    for (std::size_t i = 0; i < rows; ++i) {
        writer.row(i, rows, rng);
        if (buffer.size() >= chunk_bytes) {
            sink(buffer);
            buffer.clear();
        }
    }
    if (!buffer.empty()) sink(buffer);
}

std::string make_response_csv(std::size_t rows, std::mt19937_64& rng) {
    std::string content;
    content.reserve(rows * 160 + kHeader.size());
    write_response_csv(rows, rng, [&](std::string_view chunk) { content.append(chunk); });
    return content;
}

}  // namespace skm::bench
