// Keeps the worked examples in docs/ true: every "$ skm …" block in the guides
// is run from the source tree and must print exactly what the guide shows.
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace skm::testing {
namespace {

struct Example {
    std::vector<std::string> args;
    std::string expected;
};

std::vector<Example> examples_in(const std::string& path) {
    std::ifstream in(path);
    std::vector<Example> found;
    std::string line;
    Example* current = nullptr;
    while (std::getline(in, line)) {
        if (line.rfind("$ skm ", 0) == 0) {
            Example e;
            std::istringstream words(line.substr(6));
            for (std::string w; words >> w;) e.args.push_back(w);
            found.push_back(e);
            current = &found.back();
        } else if (line.rfind("```", 0) == 0) {
            current = nullptr;
        } else if (current) {
            current->expected += line + "\n";
        }
    }
    return found;
}

TEST(DocsExamples, GuidesShowWhatTheToolPrints) {
    ASSERT_EQ(chdir(SKM_SOURCE_DIR), 0);
    int checked = 0;
    for (const char* guide : {"docs/id/memeriksa-laporan.md", "docs/en/checking-reports.md"}) {
        for (const auto& example : examples_in(guide)) {
            std::vector<std::string> argv = {skm_binary()};
            argv.insert(argv.end(), example.args.begin(), example.args.end());
            const auto result = run_program(argv);
            EXPECT_EQ(result.out, example.expected) << guide;
            EXPECT_LE(result.exit_code, 1) << result.err;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 4);
}

}  // namespace
}  // namespace skm::testing
