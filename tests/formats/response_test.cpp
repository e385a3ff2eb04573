// formats/response: the closed vocabularies and the one check every writer
// of a response makes against them before it is saved.
#include "formats/response.hpp"

#include <gtest/gtest.h>

namespace skm::formats {
namespace {

TEST(Vocabulary, EmptyOrOneOfItsWordsExactly) {
    EXPECT_TRUE(empty_or_in_vocabulary("", kJenisKelamin));  // not answered
    EXPECT_TRUE(empty_or_in_vocabulary("L", kJenisKelamin));
    EXPECT_TRUE(empty_or_in_vocabulary("P", kJenisKelamin));
    EXPECT_FALSE(empty_or_in_vocabulary("l", kJenisKelamin));  // case counts
    EXPECT_FALSE(empty_or_in_vocabulary("L ", kJenisKelamin));
    EXPECT_TRUE(empty_or_in_vocabulary("60+", kUmurBands));
    EXPECT_FALSE(empty_or_in_vocabulary("61", kUmurBands));  // an age is mapped by normalize_umur, not here
    EXPECT_TRUE(empty_or_in_vocabulary("D1-D3", kPendidikan));
    EXPECT_FALSE(empty_or_in_vocabulary("S4", kPendidikan));
    EXPECT_TRUE(empty_or_in_vocabulary("Lainnya", kPekerjaan));
    EXPECT_FALSE(empty_or_in_vocabulary("Petani", kPekerjaan));
    EXPECT_TRUE(empty_or_in_vocabulary("paper", kChannels));
    EXPECT_FALSE(empty_or_in_vocabulary("paper", kOrigins));
    static_assert(empty_or_in_vocabulary("hub", kOrigins));
}

}  // namespace
}  // namespace skm::formats
