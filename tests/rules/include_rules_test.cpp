// The include rules: first that the checker catches each kind of breach (so
// a clean tree means something), then that the real tree is clean.
#include "tests/rules/include_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace skm::rules {
namespace {

std::vector<std::string> broken(std::string_view path, std::string_view content) {
    std::vector<std::string> out;
    for (const auto& v : check_file(path, content)) out.push_back(describe(v));
    return out;
}

TEST(IncludeScanner, FindsDirectivesButNotCommentsOrStrings) {
    const auto found = scan_includes(
        "#include <vector>\n"
        "  #  include \"scoring/tally.hpp\"\n"
        "// #include <sqlite3.h>\n"
        "/* #include <curl/curl.h> */\n"
        "const char* s = \"#include <GLFW/glfw3.h>\";\n"
        "const char* r = R\"x(\n#include <imgui.h>\n)x\";\n"
        "int n = 1'000'000;\n"
        "#include <gmpxx.h>\n");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].name, "vector");
    EXPECT_TRUE(found[0].angled);
    EXPECT_EQ(found[1].name, "scoring/tally.hpp");
    EXPECT_FALSE(found[1].angled);
    EXPECT_EQ(found[1].line, 2u);
    EXPECT_EQ(found[2].name, "gmpxx.h");
    EXPECT_EQ(found[2].line, 10u);
}

TEST(IncludeRules, ScoringTakesOnlyStandardLibraryAndGmp) {
    EXPECT_TRUE(broken("scoring/ikm.cpp", "#include <vector>\n#include <gmpxx.h>\n#include \"scoring/tally.hpp\"\n").empty());
    EXPECT_EQ(broken("scoring/ikm.cpp", "#include <stdio.h>\n").size(), 1u);
    EXPECT_EQ(broken("scoring/ikm.cpp", "#include <fmt/format.h>\n").size(), 1u);
}

TEST(IncludeRules, LibrariesStayInTheirRooms) {
    EXPECT_EQ(broken("formats/catalog.cpp", "#include <sqlite3.h>\n"),
              std::vector<std::string>{"formats/catalog.cpp:1: #include <sqlite3.h>: sqlite3.h appears only in "
                                       "store/, hub/, tests/ and bench/"});
    EXPECT_TRUE(broken("store/sqlite.hpp", "#include <sqlite3.h>\n").empty());
    EXPECT_TRUE(broken("hub/db.cpp", "#include <sqlite3.h>\n").empty());
    EXPECT_EQ(broken("kiosk/core/flow.cpp", "#include <sqlite3.h>\n").size(), 1u);
    EXPECT_EQ(broken("store/x.cpp", "#include <curl/curl.h>\n").size(), 1u);
    EXPECT_TRUE(broken("sync/transport.cpp", "#include <curl/curl.h>\n").empty());
    EXPECT_TRUE(broken("sync/outbound.cpp", "#include <curl/curl.h>\n").empty());
    EXPECT_EQ(broken("hub/alerts/alert_senders.cpp", "#include <curl/curl.h>\n").size(), 1u);
    EXPECT_EQ(broken("hub/web/x.cpp", "#include <curl/curl.h>\n").size(), 1u);
    EXPECT_TRUE(broken("formats/import_table_xlsx.cpp", "#include <zip.h>\n#include <pugixml.hpp>\n").empty());
    EXPECT_EQ(broken("formats/import_map.cpp", "#include <pugixml.hpp>\n").size(), 1u);
    EXPECT_TRUE(broken("hub/pg_connection.cpp", "#include <libpq-fe.h>\n").empty());
    EXPECT_TRUE(broken("tests/support/test_postgres.cpp", "#include <libpq-fe.h>\n").empty());
    EXPECT_EQ(broken("store/x.cpp", "#include <libpq-fe.h>\n"),
              std::vector<std::string>{"store/x.cpp:1: #include <libpq-fe.h>: libpq appears only in hub/ and tests/"});
    EXPECT_EQ(broken("reports/x.cpp", "#include <pqxx/pqxx>\n").size(), 1u);
    EXPECT_TRUE(broken("cli/command_line.cpp", "#include <CLI/CLI.hpp>\n").empty());
    EXPECT_EQ(broken("tools/skm/cmd_score.cpp", "#include <CLI/CLI.hpp>\n"),
              std::vector<std::string>{"tools/skm/cmd_score.cpp:1: #include <CLI/CLI.hpp>: CLI11 appears only in cli/ "
                                       "(the command line) and tests/"});
    EXPECT_EQ(broken("kiosk/ui/welcome.cpp", "#include <GLFW/glfw3.h>\n").size(), 1u);
    EXPECT_TRUE(broken("kiosk/platform/window.cpp", "#include <GLFW/glfw3.h>\n").empty());
    EXPECT_EQ(broken("kiosk/core/flow.cpp", "#include <imgui.h>\n").size(), 1u);
    EXPECT_TRUE(broken("kiosk/ui/welcome.cpp", "#include <imgui.h>\n").empty());
}

// Which project header a library may include is checked by the build (each
// library's own include directory); the rule left here is the one it cannot see.
TEST(IncludeRules, RelativeIncludesStayBesideTheFile) {
    EXPECT_TRUE(broken("scoring/a.cpp", "#include \"tally.hpp\"\n").empty());
    EXPECT_TRUE(broken("tools/skm/a.cpp", "#include \"store/response_store.hpp\"\n").empty());
    EXPECT_EQ(broken("scoring/a.cpp", "#include \"../store/x.hpp\"\n").size(), 1u);
    EXPECT_EQ(broken("kiosk/ui/a.cpp", "#include \"../core/survey_flow.hpp\"\n").size(), 1u);
    EXPECT_EQ(broken("x.cpp", "#include \"../outside.hpp\"\n").size(), 0u);  // not a project folder: no rules
}

TEST(IncludeRules, TheSourceTreeKeepsThem) {
    const auto report = check_tree(SKM_SOURCE_DIR, {"scoring", "formats", "cli", "store", "reports", "sync", "hub", "kiosk",
                                                    "tools", "tests", "bench"});
    EXPECT_GT(report.files_checked, 50u);  // the walk really found the sources
    std::string all;
    for (const auto& v : report.violations) all += describe(v) + "\n";
    EXPECT_TRUE(report.violations.empty()) << all;
}

}  // namespace
}  // namespace skm::rules
