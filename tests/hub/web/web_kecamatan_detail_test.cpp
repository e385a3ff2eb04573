// The kecamatan page's respondent profile with the office's sub-options
// (issue #17) and its hour × weekday heat map (issue #20), read from the HTML
// served: a sub-option with at least min-n respondents has its row under its
// official code, one with fewer is folded into "lainnya / tanpa rincian";
// every heat-map cell is the recount of the uploads made here, a cell under
// min-n shows its count without an IKM, and as it is the only one, so does the
// smallest other cell (else its IKM would follow from the others').
#include "tests/hub/web/web_test_support.hpp"

#include "formats/profile_options.hpp"
#include "scoring/decimal.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <regex>
#include <set>

namespace skm::hub::web::testing {
namespace {

const std::string kPassword = "kata-sandi-admin-123";

WebOptions options_with_labels() {
    WebOptions options;
    options.profile_options = formats::load_profile_options(fs::path(SKM_SOURCE_DIR) / "assets" / "kiosk" / "profile-options.json");
    return options;  // min-n 5
}

class WebKecamatanDetail : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        hub.add_user("admin", kPassword, Role::admin);
        hub.enroll("kiosk-a", "Sukamaju");
        int n = 0;
        // 2025-03-03 is a Monday (weekday 0), the 4th a Tuesday, the 5th a Wednesday.
        auto add = [&](const std::string& date, int weekday, int hour, const std::string& pekerjaan, const std::string& option,
                       std::uint8_t answer) {
            store::Submission s = skm::hub::testing::make_response("d-" + std::to_string(n), "KTP-el");
            s.response.submitted_at = date + "T" + (hour < 10 ? "0" : "") + std::to_string(hour) + ":" +
                                      (n < 10 ? "0" : "") + std::to_string(n) + ":00+07:00";
            s.response.pekerjaan = pekerjaan;
            s.response.profile_detail = option.empty() ? "" : "pekerjaan=" + option;
            s.response.answers = std::vector<std::uint8_t>(9, answer);
            rows.push_back(s);
            ++pekerjaan_count[pekerjaan];
            if (!option.empty()) ++detail_count[option];
            cells[{weekday, hour}].push_back(answer);
            ++n;
        };
        for (int i = 0; i < 8; ++i) add("2025-03-03", 0, 9, "Lainnya", "petani_nelayan", 4);
        for (int i = 0; i < 2; ++i) add("2025-03-03", 0, 9, "Lainnya", "ibu_rumah_tangga", 4);
        add("2025-03-03", 0, 9, "Lainnya", "", 4);
        for (int i = 0; i < 6; ++i) add("2025-03-04", 1, 10, "PNS", "", 3);
        for (int i = 0; i < 2; ++i) add("2025-03-05", 2, 14, "PNS", "", 2);
        hub.ingest("kiosk-a", "Sukamaju", rows);
        browser.login("admin", kPassword);
    }

    WebHub hub{GetParam(), options_with_labels()};
    Browser browser{hub};
    std::vector<store::Submission> rows;
    std::map<std::string, int> pekerjaan_count;
    std::map<std::string, int> detail_count;
    std::map<std::pair<int, int>, std::vector<int>> cells;  // (weekday, hour) → each respondent's answer to all nine
};

std::string section(const std::string& html, const std::string& open, const std::string& close) {
    const auto start = html.find(open);
    if (start == std::string::npos) return "";
    return html.substr(start, html.find(close, start) - start);
}

TEST_P(WebKecamatanDetail, ProfileShowsSubOptionsOnlyWhereMinNAllows) {
    const Reply page = browser.get("/kecamatan?name=Sukamaju&period=2025-S1");
    ASSERT_EQ(page.status, 200);
    const std::string profile = section(page.body, "id=\"profile\"", "</div>\n<p");
    ASSERT_FALSE(profile.empty()) << page.body;
    auto row = [](const std::string& label, int count) { return label + "</td><td class=\"n\">" + std::to_string(count) + "</td>"; };
    EXPECT_NE(profile.find(row("Lainnya", pekerjaan_count.at("Lainnya"))), std::string::npos) << profile;
    EXPECT_NE(profile.find(row("PNS", pekerjaan_count.at("PNS"))), std::string::npos) << profile;
    EXPECT_NE(profile.find("<tr class=\"detail\"><td>\u2003\u2013 " + row("Petani / Nelayan", detail_count.at("petani_nelayan"))),
              std::string::npos)
        << profile;
    // Homemakers (2) are under min-n: folded with the one who picked no sub-option.
    EXPECT_EQ(profile.find("Ibu rumah tangga"), std::string::npos) << profile;
    EXPECT_NE(profile.find(row("lainnya / tanpa rincian", detail_count.at("ibu_rumah_tangga") + 1)), std::string::npos) << profile;
}

TEST_P(WebKecamatanDetail, HeatMapCellsAreTheRecountOfTheUploads) {
    const Reply page = browser.get("/kecamatan?name=Sukamaju&period=2025-S1");
    ASSERT_EQ(page.status, 200);
    const std::string table = section(page.body, "<table class=\"heat\" id=\"heat_map\">", "</table>");
    ASSERT_FALSE(table.empty()) << page.body;
    EXPECT_NE(table.find("<th>Senin</th><th>Selasa</th>"), std::string::npos) << table;
    // Every row of the table: its hour and seven cells.
    const std::regex row_re("<tr><th>(\\d\\d)\\.00</th>(.*?)</tr>");
    const std::regex cell_re("<td class=\"([A-Za-z]+)\">(?:<b>([0-9,]+)</b>)?(?:<span>n=(\\d+)</span>)?</td>");
    // Withheld: the cells under 5, and beside a lone one the smallest other.
    std::set<std::pair<int, int>> withheld;
    for (const auto& [at, list] : cells) {
        if (list.size() < 5) withheld.insert(at);
    }
    if (withheld.size() == 1) {
        std::optional<std::pair<int, int>> smallest;
        for (const auto& [at, list] : cells) {
            if (!withheld.count(at) && (!smallest || list.size() < cells.at(*smallest).size())) smallest = at;
        }
        if (smallest) withheld.insert(*smallest);
    }
    ASSERT_EQ(withheld.size(), 2u);  // Wednesday 14.00 (2) and, beside it, Tuesday 10.00 (6)
    int rows_seen = 0;
    std::size_t respondents = 0;
    for (std::sregex_iterator r(table.begin(), table.end(), row_re), end; r != end; ++r) {
        ++rows_seen;
        const int hour = std::stoi((*r)[1]);
        const std::string cells_html = (*r)[2];
        int weekday = 0;
        for (std::sregex_iterator c(cells_html.begin(), cells_html.end(), cell_re); c != end; ++c, ++weekday) {
            const auto found = cells.find({weekday, hour});
            const std::size_t expected = found == cells.end() ? 0 : found->second.size();
            const std::string n = (*c)[3];
            const std::string ikm = (*c)[2];
            EXPECT_EQ(n.empty() ? 0u : std::stoul(n), expected) << hour << " " << weekday;
            respondents += expected;
            if (expected == 0 || withheld.count({weekday, hour})) {
                EXPECT_TRUE(ikm.empty()) << "withheld: " << hour << " " << weekday;
                EXPECT_EQ((*c)[1], expected == 0 ? "none" : "few");
                continue;
            }
            // All nine answers of each respondent equal: IKM = mean answer × 25.
            int sum = 0;
            for (const int a : found->second) sum += a;
            mpq_class expected_ikm(sum * 25, static_cast<unsigned long>(expected));
            expected_ikm.canonicalize();
            EXPECT_EQ(ikm, scoring::round_half_up(expected_ikm, 2).str(',')) << hour << " " << weekday;
        }
        EXPECT_EQ(weekday, 7) << cells_html;
    }
    EXPECT_EQ(rows_seen, 14 - 9 + 1);  // 09.00 … 14.00
    EXPECT_EQ(respondents, rows.size());
}

INSTANTIATE_TEST_SUITE_P(Backends, WebKecamatanDetail, SKM_ALL_HUB_BACKENDS);

}  // namespace
}  // namespace skm::hub::web::testing
