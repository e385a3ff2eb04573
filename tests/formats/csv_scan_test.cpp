// formats/csv_scan: each fast path of the CSV reader against the plain code it
// replaces, on random inputs built to hit block and window boundaries.
#include "formats/csv_scan.hpp"

#include "formats/utf8.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace skm::formats::csv_scan {
namespace {

// Mostly ASCII, with valid and invalid multi-byte sequences at random places.
std::string random_utf8ish(std::mt19937_64& rng, std::size_t size) {
    static const std::vector<std::string> kPieces = {
        "\xC3\xA9",          // é
        "\xE2\x82\xAC",      // €
        "\xF0\x9F\x98\x80",  // 😀
        "\xED\x9F\xBF",      // U+D7FF, last before the surrogates
        "\xF4\x8F\xBF\xBF",  // U+10FFFF
        "\xC0\xAF",          // overlong /
        "\xE0\x80\xAF",      // overlong
        "\xED\xA0\x80",      // surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xF5\x80\x80\x80",  // never valid lead byte
        "\x80",              // lone continuation
        "\xC3",              // truncated
        "\xE2\x82",          // truncated
        "\xFF",
    };
    std::string text;
    while (text.size() < size) {
        const auto r = rng() % 100;
        if (r < 90) {
            text.push_back(static_cast<char>(0x20 + rng() % 0x5F));
        } else if (r < 97) {
            text += kPieces[rng() % 5];  // valid ones
        } else {
            text += kPieces[rng() % kPieces.size()];
        }
    }
    return text;
}

TEST(CsvScan, FirstInvalidUtf8AgreesWithThePlainValidator) {
    std::mt19937_64 rng(7);
    for (int round = 0; round < 3000; ++round) {
        const std::size_t size = rng() % 4 == 0 ? rng() % 700 : rng() % 140;
        std::string text = random_utf8ish(rng, size);
        // Sometimes only ASCII but for one byte near a 64-byte boundary.
        if (round % 5 == 0 && !text.empty()) {
            for (auto& c : text) c = static_cast<char>(0x20 + (static_cast<unsigned char>(c) % 0x5F));
            const std::size_t at = std::min(text.size() - 1, 64 * (rng() % 4) + rng() % 3);
            text[at] = static_cast<char>(0x80 + rng() % 0x80);
        }
        EXPECT_EQ(csv_scan::first_invalid_utf8(text), formats::first_invalid_utf8(text)) << "round " << round;
    }
}

// Bytes a CSV block is made of, structural ones and high bytes included.
std::string random_block(std::mt19937_64& rng, std::size_t size) {
    static const std::string kBytes = ",;\n\r\"a1 -:\x80\xFF\x0D\x0A";
    std::string block(size, ' ');
    for (auto& c : block) c = rng() % 3 == 0 ? static_cast<char>(rng() % 256) : kBytes[rng() % kBytes.size()];
    return block;
}

TEST(CsvScan, StructuralMasksAgreeWithByteByByte) {
    std::mt19937_64 rng(11);
    for (int round = 0; round < 5000; ++round) {
        const std::string block = random_block(rng, 64);
        for (char separator : {',', ';'}) {
            const std::uint64_t expected = structural_mask_bytewise(block.data(), 64, separator);
            EXPECT_EQ(structural_mask(block.data(), separator), expected);
            EXPECT_EQ(structural_mask_swar(block.data(), separator), expected);
        }
    }
    // A short block: only its own bytes count.
    const std::string tail = ",a;\n";
    EXPECT_EQ(structural_mask_bytewise(tail.data(), 4, ','), 0b1001u);
    EXPECT_EQ(structural_mask_bytewise(tail.data(), 4, ';'), 0b1100u);
}

const char* plain_next(std::string_view text, const char* p, char separator) {
    while (p < text.data() + text.size() && *p != separator && *p != '\n' && *p != '\r' && *p != '"') ++p;
    return p;
}

TEST(CsvScan, ScannerFindsWhatALoopFinds) {
    std::mt19937_64 rng(13);
    for (int round = 0; round < 400; ++round) {
        // Up to three windows of text, with long stretches without any stop.
        std::string text;
        const std::size_t size = rng() % 7000;
        while (text.size() < size) {
            if (rng() % 10 == 0) {
                text += std::string(rng() % 300, 'x');
            } else {
                text += random_block(rng, 1 + rng() % 64);
            }
        }
        text.resize(size);
        const char separator = rng() % 2 ? ',' : ';';
        StructuralScanner scanner(text, separator);
        const char* p = text.data();
        const char* end = text.data() + text.size();
        while (p <= end) {
            const char* expected = plain_next(text, p, separator);
            if (rng() % 4 == 0) {
                ASSERT_EQ(scanner.peek(p), expected) << "round " << round;
            }
            ASSERT_EQ(scanner.next(p), expected) << "round " << round << " at " << (p - text.data());
            if (expected == end) break;
            // Go on after the stop, sometimes jumping ahead (as after a quoted field).
            p = expected + 1 + (rng() % 6 == 0 ? rng() % 500 : 0);
            if (p > end) p = end;
        }
    }
}

TEST(CsvScan, HashDependsOnTheBytesOnly) {
    std::mt19937_64 rng(17);
    std::set<std::uint64_t> seen;
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text = random_block(rng, rng() % 80);
        const std::string copy = " " + text;
        EXPECT_EQ(hash_bytes(text), hash_bytes(std::string_view(copy).substr(1)));
        seen.insert(hash_bytes(text));
    }
    // Ids that differ in one byte anywhere (here in the middle) hash apart.
    std::set<std::uint64_t> ids;
    for (int i = 0; i < 1000; ++i) {
        std::string id = "2024-03-01-kiosk-" + std::to_string(1000 + i) + "-sukamaju-01";
        ids.insert(hash_bytes(id));
    }
    EXPECT_EQ(ids.size(), 1000u);
    EXPECT_GT(seen.size(), 15000u);  // random blocks repeat only when short
}

}  // namespace
}  // namespace skm::formats::csv_scan
