// `skm check`'s engine on the mistakes seen in published reports
// (docs/reference/skm-rules.md#mistakes-in-published-reports).
#include "scoring/audit.hpp"
#include "scoring/scheme.hpp"

#include <gtest/gtest.h>

namespace skm::scoring {
namespace {

Decimal d(const char* text) { return *parse_decimal(text); }

std::vector<std::string> keys(const std::vector<Problem>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.key);
    return out;
}

std::string arg(const Problem& p, const std::string& name) {
    for (const auto& [n, v] : p.args) {
        if (n == name) return v;
    }
    return "<missing>";
}

PublishedReport unsur_all(const char* value) {
    PublishedReport r;
    for (auto code : kPermenpan2017Codes) r.unsur.emplace_back(std::string(code), d(value));
    return r;
}

TEST(Audit, ConsistentReportHasNoFindings) {
    PublishedReport r = unsur_all("3.400");
    r.ikm = d("85.00");
    r.ikm_unit = d("3.400");
    r.mutu = 'B';
    r.target = d("80.00");
    r.capaian_percent = d("106.25");
    EXPECT_TRUE(audit_report(r).empty());
}

TEST(Audit, HeadlineThatDoesNotFollowFromItsUnsur) {
    // The published case: unsur mean 3.400 → 85.00, unit line 3.352, headline 86.30.
    PublishedReport r = unsur_all("3.400");
    r.ikm = d("86.30");
    r.ikm_unit = d("3.352");
    const auto findings = audit_report(r);
    ASSERT_EQ(keys(findings), (std::vector<std::string>{"check.headline_vs_unsur", "check.ikm_vs_unit"}));
    EXPECT_EQ(arg(findings[0], "mean"), "3.400");
    EXPECT_EQ(arg(findings[0], "expected"), "85.00");
    EXPECT_EQ(arg(findings[1], "expected"), "83.80");
}

TEST(Audit, RoundedUnsurValuesAreGivenTheirHalfPlace) {
    // Printed to 2 places, the unsur can stand for a headline a little off their mean.
    PublishedReport r = unsur_all("3.45");
    r.ikm = d("86.36");  // within 25 × [3.445, 3.455]
    EXPECT_TRUE(audit_report(r).empty());
    r.ikm = d("86.50");
    EXPECT_EQ(keys(audit_report(r)), std::vector<std::string>{"check.headline_vs_unsur"});
}

TEST(Audit, RoundedWeightAloneIsExplained) {
    // The headline is the exact IKM (3.6 × 25), only the printed weight is off.
    PublishedReport r = unsur_all("3.600");
    r.bobot = d("0.111");
    r.ikm = d("90.00");
    const auto findings = audit_report(r);
    ASSERT_EQ(keys(findings), std::vector<std::string>{"check.bobot_not_one"});
    EXPECT_EQ(arg(findings[0], "max"), "99.90");
    EXPECT_EQ(arg(findings[0], "sum"), "0.9990");
}

using Args = std::vector<std::pair<std::string, std::string>>;

// Eight unsur of 3.589 and sarana = `last`, under the printed headline `ikm`.
PublishedReport nine_unsur(const char* last, const char* ikm) {
    PublishedReport r = unsur_all("3.589");
    r.unsur.back().second = d(last);
    r.ikm = d(ikm);
    return r;
}

// The one finding the report gets, which must be `key`.
Problem only_finding(const PublishedReport& r, const std::string& key) {
    const auto findings = audit_report(r);
    EXPECT_EQ(keys(findings), std::vector<std::string>{key});
    return findings.empty() ? Problem{} : findings[0];
}

TEST(Audit, LegacyWeightAndTruncationNamedWithTheExactFigure) {
    // The case: Σ = 32.296; 25 × 0.111 × 32.296 = 89.6214, truncated 89.62; exact 25 × 32.296 / 9 = 89.7111… → 89.71.
    PublishedReport r = nine_unsur("3.584", "89.62");
    r.bobot = d("0.111");
    const Args expected = {{"ikm", "89.62"}, {"bobot", "0.111"}, {"count", "9"}, {"sum", "0.9990"},
                           {"expected", "89.71"}, {"mutu", "A"}, {"kinerja", "Sangat baik"}};
    EXPECT_EQ(only_finding(r, "check.legacy_truncated").args, expected);
    // Without a printed weight the lampiran's 0,111 is still recognised.
    r.bobot.reset();
    EXPECT_EQ(only_finding(r, "check.legacy_truncated").args, expected);
    // A figure no habit explains stays a plain inconsistency.
    r.ikm = d("89.50");
    EXPECT_EQ(keys(audit_report(r)), std::vector<std::string>{"check.headline_vs_unsur"});
}

TEST(Audit, LegacyWeightWithRoundingOrBothHabitsAgreeing) {
    // Σ = 32.298: 25 × 0.11 × 32.298 = 88.8195, rounded 88.82 (0.111 gives 89.62/89.63); exact 89.7166… → 89.72.
    const Args expected = {{"ikm", "88.82"}, {"bobot", "0.11"}, {"count", "9"}, {"sum", "0.9900"},
                           {"expected", "89.72"}, {"mutu", "A"}, {"kinerja", "Sangat baik"}};
    EXPECT_EQ(only_finding(nine_unsur("3.586", "88.82"), "check.legacy_rounded").args, expected);
    // The same spreadsheet with 3.6 everywhere: 25 × 0.111 × 32.4 = 89.91 either way; exact 90.00.
    PublishedReport r = unsur_all("3.600");
    r.bobot = d("0.111");
    r.ikm = d("89.91");
    EXPECT_EQ(arg(only_finding(r, "check.legacy_truncated"), "expected"), "90.00");
}

TEST(Audit, MutuFromTheRepealed2004Table) {
    PublishedReport r;
    r.ikm = d("74.40");
    r.mutu = 'B';
    const auto findings = audit_report(r);
    ASSERT_EQ(keys(findings), (std::vector<std::string>{"check.mutu_wrong", "check.mutu_2004_table"}));
    EXPECT_EQ(arg(findings[0], "expected"), "C");
    EXPECT_EQ(arg(findings[0], "kinerja"), "Kurang baik");
    r.mutu = 'C';
    EXPECT_TRUE(audit_report(r).empty());
    // On the boundary the 2-decimal value decides.
    r.ikm = d("88.30");
    r.mutu = 'A';
    EXPECT_EQ(keys(audit_report(r)), (std::vector<std::string>{"check.mutu_wrong", "check.mutu_2004_table"}));
    r.ikm = d("64.99");
    r.mutu = 'C';  // C under 2017 starts at 65.00; the 2004 table says B
    EXPECT_EQ(keys(audit_report(r)), std::vector<std::string>{"check.mutu_wrong"});
}

TEST(Audit, CapaianWrongTruncatedOrInverted) {
    PublishedReport r;
    r.ikm = d("80.90");
    r.target = d("80.95");
    r.capaian_percent = d("99.94");
    EXPECT_TRUE(audit_report(r).empty());
    r.capaian_percent = d("99.93");
    EXPECT_EQ(keys(audit_report(r)), std::vector<std::string>{"check.capaian_truncated"});
    r.capaian_percent = d("100.06");
    EXPECT_EQ(keys(audit_report(r)), std::vector<std::string>{"check.capaian_inverted"});
    r.capaian_percent = d("101.00");
    const auto findings = audit_report(r);
    ASSERT_EQ(keys(findings), std::vector<std::string>{"check.capaian_wrong"});
    EXPECT_EQ(arg(findings[0], "expected"), "99.94");
}

TEST(Audit, UnsurOutsideTheScale) {
    PublishedReport r = unsur_all("3.000");
    r.unsur[2].second = d("4.20");
    EXPECT_EQ(keys(audit_report(r)), std::vector<std::string>{"check.unsur_out_of_range"});
}

}  // namespace
}  // namespace skm::scoring
