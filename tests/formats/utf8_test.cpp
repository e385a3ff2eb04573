// formats/utf8: first_invalid_utf8 accepts exactly well-formed UTF-8 (RFC 3629)
// and returns the offset of the first byte of the first bad sequence.
#include "formats/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace skm::formats {
namespace {

using namespace std::string_literals;

TEST(Utf8, ValidTextIsAccepted) {
    for (const std::string& text : {
             ""s,
             "Pelayanan cepat dan ramah."s,
             "Petugasé café naïve"s,                                   // 2-byte
             "Matur nuwun sanget, ꦩꦠꦸꦂꦤꦸꦮꦸꦤ꧀"s,                        // Javanese script, 3-byte
             "Rp 10.000 — “resmi” €"s,                                  // 3-byte punctuation
             "Mantap 👍🙏🇮🇩"s,                                        // 4-byte
             "nul\0byte"s,                                              // U+0000 is valid
             "\x7F"s,                                                   // U+007F
             "\xC2\x80"s,                                               // U+0080, smallest 2-byte
             "\xDF\xBF"s,                                               // U+07FF
             "\xE0\xA0\x80"s,                                           // U+0800, smallest 3-byte
             "\xED\x9F\xBF"s,                                           // U+D7FF, just below surrogates
             "\xEE\x80\x80"s,                                           // U+E000, just above surrogates
             "\xEF\xBF\xBF"s,                                           // U+FFFF
             "\xF0\x90\x80\x80"s,                                       // U+10000, smallest 4-byte
             "\xF4\x8F\xBF\xBF"s,                                       // U+10FFFF, the largest
         }) {
        EXPECT_EQ(first_invalid_utf8(text), std::nullopt) << testing::PrintToString(text);
    }
}

struct BadCase {
    const char* what;
    std::string text;
    std::size_t offset;
};
// The case's own words in test names (not its bytes and pointers).
void PrintTo(const BadCase& c, std::ostream* out) { *out << c.what; }

class Utf8Invalid : public ::testing::TestWithParam<BadCase> {};

TEST_P(Utf8Invalid, OffsetOfTheFirstBadSequence) {
    const auto& c = GetParam();
    EXPECT_EQ(first_invalid_utf8(c.text), std::optional<std::size_t>(c.offset)) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Utf8Invalid,
    ::testing::Values(
        // Overlong encodings.
        BadCase{"overlong slash C0 AF", "a\xC0\xAF"s, 1}, BadCase{"overlong C1 BF", "\xC1\xBF"s, 0},
        BadCase{"overlong 3-byte E0 80 AF", "ab\xE0\x80\xAF"s, 2},
        BadCase{"overlong 3-byte E0 9F BF", "\xE0\x9F\xBF"s, 0},
        BadCase{"overlong 4-byte F0 80 80 AF", "xyz\xF0\x80\x80\xAF"s, 3},
        BadCase{"overlong 4-byte F0 8F BF BF", "\xF0\x8F\xBF\xBF"s, 0},
        // Surrogates U+D800..U+DFFF.
        BadCase{"high surrogate ED A0 80", "ok \xED\xA0\x80"s, 3}, BadCase{"low surrogate ED BF BF", "\xED\xBF\xBF"s, 0},
        BadCase{"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80"s, 0},
        // Truncated sequences at the end.
        BadCase{"2-byte cut", "abc\xC3"s, 3}, BadCase{"3-byte cut after 2", "abc\xE2\x82"s, 3},
        BadCase{"3-byte cut after 1", "abc\xE2"s, 3}, BadCase{"4-byte cut after 3", "doa \xF0\x9F\x99"s, 4},
        BadCase{"cut after valid multibyte", "é\xF0\x9F"s, 2},
        // Truncated in the middle (a continuation byte is missing).
        BadCase{"3-byte with ASCII inside", "\xE2\x82" "A"s, 0}, BadCase{"2-byte followed by ASCII", "\xC3" "A"s, 0},
        // Above U+10FFFF.
        BadCase{"F4 90 80 80 = U+110000", "\xF4\x90\x80\x80"s, 0}, BadCase{"F5 lead byte", "hi\xF5\x80\x80\x80"s, 2},
        BadCase{"F8 lead byte (5-byte form)", "\xF8\x88\x80\x80\x80"s, 0},
        BadCase{"FF byte", "\xFF"s, 0}, BadCase{"FE byte", "12345678\xFE"s, 8},
        // Stray continuation bytes.
        BadCase{"lone continuation", "\x80"s, 0}, BadCase{"continuation after complete char", "é\xA9"s, 2},
        // Latin-1 text (what Excel writes without "CSV UTF-8").
        BadCase{"Latin-1 e acute", "Pelayanan \xE9l\xE9gan"s, 10},
        // After the eight-byte ASCII fast path, and after valid multi-byte text.
        BadCase{"after 16 ASCII bytes", "0123456789abcdef\x80"s, 16},
        BadCase{"after 17 ASCII bytes", "0123456789abcdefg\xC0\x80"s, 17},
        BadCase{"after emoji and Javanese", "👍ꦱ abcdefgh\xED\xB0\x80"s, 16},
        BadCase{"first of two bad", "abcdefgh\xFF\xFF"s, 8}));

TEST(Utf8, LongValidTextWithBadByteFarAway) {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "Kantor pelayanan 👍 ꦱ é, ";
    EXPECT_EQ(first_invalid_utf8(text), std::nullopt);
    const std::size_t bad = text.size();
    text += "\xC0\x80";
    text += "tail";
    EXPECT_EQ(first_invalid_utf8(text), std::optional<std::size_t>(bad));
}

// Byte lengths: é is 2 bytes, ꦱ (Javanese) 3, 👍 4.
TEST(Utf8Cut, KeepsWholeCharactersWithinTheLimit) {
    EXPECT_EQ(cut_utf8("abc", 5), "abc");
    EXPECT_EQ(cut_utf8("abc", 3), "abc");
    EXPECT_EQ(cut_utf8("abc", 2), "ab");
    EXPECT_EQ(cut_utf8("abc", 0), "");
    EXPECT_EQ(cut_utf8("a\xC3\xA9", 3), "a\xC3\xA9");
    EXPECT_EQ(cut_utf8("a\xC3\xA9", 2), "a");  // the limit falls inside é
    EXPECT_EQ(cut_utf8("\xC3\xA9", 1), "");
    for (std::size_t limit = 1; limit <= 4; ++limit) {
        EXPECT_EQ(cut_utf8("x👍", limit), "x") << limit;  // every cut inside the 4-byte emoji
    }
    EXPECT_EQ(cut_utf8("x👍", 5), "x👍");
    EXPECT_EQ(cut_utf8("ꦱꦱ", 4), "ꦱ");
    EXPECT_EQ(cut_utf8("ꦱꦱ", 5), "ꦱ");
    EXPECT_EQ(cut_utf8("ꦱꦱ", 6), "ꦱꦱ");
    // The result is always valid UTF-8 when the input was.
    const std::string text = "Petugas ramah 👍 ꦩꦠꦸꦂ é.";
    for (std::size_t limit = 0; limit <= text.size(); ++limit) {
        const std::string cut = cut_utf8(text, limit);
        EXPECT_LE(cut.size(), limit);
        EXPECT_EQ(first_invalid_utf8(cut), std::nullopt) << limit;
        EXPECT_EQ(text.compare(0, cut.size(), cut), 0) << limit;
    }
}

TEST(Utf8Cut, BackspaceRemovesOneWholeCharacter) {
    EXPECT_EQ(without_last_utf8_character(""), "");
    EXPECT_EQ(without_last_utf8_character("a"), "");
    EXPECT_EQ(without_last_utf8_character("ab"), "a");
    EXPECT_EQ(without_last_utf8_character("a\xC3\xA9"), "a");
    EXPECT_EQ(without_last_utf8_character("\xC3\xA9"), "");
    EXPECT_EQ(without_last_utf8_character("ok👍"), "ok");
    EXPECT_EQ(without_last_utf8_character("ꦱx"), "ꦱ");
    EXPECT_EQ(without_last_utf8_character("ꦱꦱ"), "ꦱ");
}

TEST(Utf8Width, CountsCharactersNotBytes) {
    EXPECT_EQ(utf8_width(""), 0u);
    EXPECT_EQ(utf8_width("abc"), 3u);
    EXPECT_EQ(utf8_width("\xC3\xA9"), 1u);
    EXPECT_EQ(utf8_width("Petugasé café naïve"), 19u);
    EXPECT_EQ(utf8_width("👍🙏"), 2u);
    EXPECT_EQ(utf8_width("ꦩꦠꦸ"), 3u);  // three code points, nine bytes
}

}  // namespace
}  // namespace skm::formats
