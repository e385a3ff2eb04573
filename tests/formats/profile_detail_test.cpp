// The profile-detail field (formats/profile_detail): `field=option` pairs
// joined by ";", official fields only, each once, option keys [a-z0-9_].
#include "formats/profile_detail.hpp"

#include <gtest/gtest.h>

#include <string>

namespace skm::formats {
namespace {

TEST(ProfileDetail, ParsesPairsInTheirOrderAndFormatsThemBack) {
    const std::string text = "pendidikan=tidak_sekolah;pekerjaan=petani";
    const auto entries = parse_profile_detail(text);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0], (ProfileDetailEntry{"pendidikan", "tidak_sekolah"}));
    EXPECT_EQ((*entries)[1], (ProfileDetailEntry{"pekerjaan", "petani"}));
    EXPECT_EQ(format_profile_detail(*entries), text);
    EXPECT_EQ(profile_detail_option(text, "pekerjaan"), "petani");
    EXPECT_EQ(profile_detail_option(text, "umur"), "");
}

TEST(ProfileDetail, EmptyMeansNoDetail) {
    const auto entries = parse_profile_detail("");
    ASSERT_TRUE(entries);
    EXPECT_TRUE(entries->empty());
    EXPECT_EQ(format_profile_detail({}), "");
}

TEST(ProfileDetail, RefusesWhatIsNotInTheForm) {
    for (const char* bad : {"pekerjaan", "pekerjaan=", "=petani", "hobi=catur", "pekerjaan=Petani",
                            "pekerjaan=petani;", "pekerjaan=petani;pekerjaan=nelayan", "pekerjaan=pet ani",
                            "pekerjaan=petani;;umur=x"}) {
        EXPECT_FALSE(parse_profile_detail(bad)) << bad;
        EXPECT_EQ(profile_detail_option(bad, "pekerjaan"), "") << bad;
    }
    EXPECT_FALSE(parse_profile_detail("pekerjaan=" + std::string(33, 'a')));
    EXPECT_TRUE(parse_profile_detail("pekerjaan=" + std::string(32, 'a')));
}

}  // namespace
}  // namespace skm::formats
