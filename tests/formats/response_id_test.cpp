// The form of a response id (formats/response_id): 1–64 ASCII letters,
// digits, '-' and '_'. A kiosk's UUID is one; quotes, spaces, other
// punctuation, control and non-ASCII bytes are not.
#include "formats/response_id.hpp"

#include <gtest/gtest.h>

#include <string>

namespace skm::formats {
namespace {

TEST(ResponseId, UuidsAndShortSafeNamesAreResponseIds) {
    EXPECT_TRUE(is_valid_response_id("4899bc3b-1061-448c-b1ca-a528b0c6df97"));  // a kiosk's (store/ids)
    EXPECT_TRUE(is_valid_response_id("4899BC3B-1061-448C-B1CA-A528B0C6DF97"));
    EXPECT_TRUE(is_valid_response_id("r1"));
    EXPECT_TRUE(is_valid_response_id("a"));
    EXPECT_TRUE(is_valid_response_id("kiosk_01-000042"));
    EXPECT_TRUE(is_valid_response_id(std::string(kMaxResponseIdBytes, 'z')));
    EXPECT_TRUE(is_valid_response_id("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"));
}

TEST(ResponseId, EverythingElseIsNot) {
    EXPECT_EQ(kMaxResponseIdBytes, 64u);
    EXPECT_FALSE(is_valid_response_id(""));
    EXPECT_FALSE(is_valid_response_id(std::string(kMaxResponseIdBytes + 1, 'z')));
    EXPECT_FALSE(is_valid_response_id("\"not-a-uuid\""));
    for (int c = 0; c < 256; ++c) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        EXPECT_EQ(is_valid_response_id(std::string("id") + static_cast<char>(c)), allowed) << "byte " << c;
    }
    EXPECT_FALSE(is_valid_response_id("caf\xc3\xa9"));  // é
    EXPECT_FALSE(is_valid_response_id(std::string("a\0b", 3)));
}

}  // namespace
}  // namespace skm::formats
