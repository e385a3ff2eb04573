// The include rules: first that the checker catches each kind of breach (so
// a clean tree means something), then that the real tree is clean.
#include "tests/rules/include_rules.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace skm::rules {
namespace {

std::vector<std::string> broken(std::string_view path, std::string_view content) {
    std::vector<std::string> out;
    for (const auto& v : check_file(path, content)) out.push_back(describe(v));
    return out;
}

// One include in one file, and whether the rules allow it there.
struct IncludeCase {
    const char* file;
    const char* include;  // the directive's line
    bool allowed;
};

// Each case: no finding when allowed, exactly one when not.
void expect_judged(std::initializer_list<IncludeCase> cases) {
    for (const IncludeCase& c : cases) {
        EXPECT_EQ(broken(c.file, c.include).size(), c.allowed ? 0u : 1u) << c.file << ": " << c.include;
    }
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
    expect_judged({{"scoring/ikm.cpp", "#include <vector>\n#include <gmpxx.h>\n#include \"scoring/tally.hpp\"\n", true},
                   {"scoring/ikm.cpp", "#include <stdio.h>\n", false},
                   {"scoring/ikm.cpp", "#include <fmt/format.h>\n", false},
                   {"scoring/ikm.cpp", "#include \"formats/csv.hpp\"\n", false}});
}

TEST(IncludeRules, LibrariesStayInTheirRooms) {
    EXPECT_EQ(broken("formats/catalog.cpp", "#include <sqlite3.h>\n"),
              std::vector<std::string>{"formats/catalog.cpp:1: #include <sqlite3.h>: sqlite3.h appears only in "
                                       "store/, hub/, tests/ and bench/"});
    expect_judged({{"store/sqlite.hpp", "#include <sqlite3.h>\n", true},
                   {"hub/db.cpp", "#include <sqlite3.h>\n", true},
                   {"kiosk/core/flow.cpp", "#include <sqlite3.h>\n", false},
                   {"store/x.cpp", "#include <curl/curl.h>\n", false},
                   {"sync/transport.cpp", "#include <curl/curl.h>\n", true},
                   {"hub/pg_connection.cpp", "#include <libpq-fe.h>\n", true},
                   {"tests/support/test_postgres.cpp", "#include <libpq-fe.h>\n", true}});
    EXPECT_EQ(broken("store/x.cpp", "#include <libpq-fe.h>\n"),
              std::vector<std::string>{"store/x.cpp:1: #include <libpq-fe.h>: libpq appears only in hub/ and tests/"});
    expect_judged({{"reports/x.cpp", "#include <pqxx/pqxx>\n", false},
                   {"kiosk/ui/welcome.cpp", "#include <GLFW/glfw3.h>\n", false},
                   {"kiosk/platform/window.cpp", "#include <GLFW/glfw3.h>\n", true},
                   {"kiosk/core/flow.cpp", "#include <imgui.h>\n", false},
                   {"kiosk/ui/welcome.cpp", "#include <imgui.h>\n", true}});
}

TEST(IncludeRules, DependenciesPointInward) {
    expect_judged({{"formats/a.cpp", "#include \"store/response_store.hpp\"\n", false},
                   {"store/a.cpp", "#include \"sync/engine.hpp\"\n", false},
                   {"reports/a.cpp", "#include \"kiosk/core/flow.hpp\"\n", false},
                   {"store/a.cpp", "#include \"tests/support/run_program.hpp\"\n", false},
                   {"tools/skm/a.cpp", "#include \"store/response_store.hpp\"\n", true},
                   {"kiosk/core/a.cpp", "#include \"reports/pdf.hpp\"\n", true},
                   // Quoted names relative to the including file are resolved first.
                   {"scoring/a.cpp", "#include \"tally.hpp\"\n", true},
                   {"scoring/a.cpp", "#include \"../store/x.hpp\"\n", false}});
    EXPECT_FALSE(broken("store/a.cpp", "#include \"tools/skm/context.hpp\"\n").empty());
}

TEST(IncludeRules, TheSourceTreeKeepsThem) {
    const auto report = check_tree(SKM_SOURCE_DIR, {"scoring", "formats", "store", "reports", "sync", "hub", "kiosk",
                                                    "tools", "tests", "bench"});
    EXPECT_GT(report.files_checked, 50u);  // the walk really found the sources
    std::string all;
    for (const auto& v : report.violations) all += describe(v) + "\n";
    EXPECT_TRUE(report.violations.empty()) << all;
}

}  // namespace
}  // namespace skm::rules
