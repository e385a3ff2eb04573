// cli/typed_options and cli/command_line in the process: each typed option
// takes what fits and refuses the rest with a problem naming the option and
// the value; the command line's own rules (last value wins, --name=value,
// help, no command) without a program around them.
#include "cli/command_line.hpp"
#include "cli/typed_options.hpp"

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include <sstream>

namespace skm::cli {
namespace {

// Parses `args` (after the program name) with what `declare` put on a bare CLI11 app.
std::optional<Problem> parse(std::vector<std::string> args, const std::function<void(CLI::App&)>& declare) {
    CLI::App app;
    declare(app);
    args.insert(args.begin(), "program");
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::usage);
        return error.problem();
    }
    return std::nullopt;
}

std::string arg(const Problem& problem, const std::string& name) {
    for (const auto& [key, value] : problem.args) {
        if (key == name) return value;
    }
    return "(none)";
}

TEST(TypedOptions, WholeNumbersWithinTheirBoundsAndNothingElse) {
    std::optional<std::uint64_t> count;
    const auto declare = [&](CLI::App& app) { add_whole_number(app, "--count", count, {1, 1000, "usage.bad_population"}); };
    EXPECT_FALSE(parse({"--count", "12"}, declare));
    EXPECT_EQ(count, 12u);
    EXPECT_FALSE(parse({"--count=1000"}, declare));
    EXPECT_EQ(count, 1000u);
    for (const std::string bad : {"x", "0", "1001", "12x", " 12", "0x10", "1.5", "18446744073709551616"}) {
        const auto problem = parse({"--count=" + bad}, declare);
        ASSERT_TRUE(problem) << bad;
        EXPECT_EQ(problem->key, "usage.bad_population");
        EXPECT_EQ(arg(*problem, "option"), "--count");
        EXPECT_EQ(arg(*problem, "value"), bad);
    }
    std::optional<std::uint64_t> any;
    const auto problem = parse({"--frames", "-1"}, [&](CLI::App& app) { add_whole_number(app, "--frames", any); });
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->key, "usage.bad_number");
    EXPECT_FALSE(any);
}

TEST(TypedOptions, SecondsAreFiniteAndNotNegative) {
    std::optional<double> seconds;
    const auto declare = [&](CLI::App& app) { add_seconds(app, "--exit-after", seconds); };
    EXPECT_FALSE(parse({"--exit-after", "2.5"}, declare));
    EXPECT_EQ(seconds, 2.5);
    EXPECT_FALSE(parse({"--exit-after", "3"}, declare));
    EXPECT_EQ(seconds, 3.0);
    for (const std::string bad : {"soon", "-1", "nan", "inf", "2.5s"}) {
        const auto problem = parse({"--exit-after=" + bad}, declare);
        ASSERT_TRUE(problem) << bad;
        EXPECT_EQ(problem->key, "usage.bad_seconds");
        EXPECT_EQ(arg(*problem, "value"), bad);
    }
}

struct TinyProgram {
    std::ostringstream out;
    std::ostringstream err;
    ProgramContext context{out, err, formats::Catalog::from_texts("id", {{"usage.text", "Pemakaian: uji"}}), {}};
    CommandLine command_line{context, {"uji", "usage.text"}};
    std::optional<std::string> db;
    int ran = 0;

    TinyProgram() {
        add_text(command_line.add_command("run", [this] {
            ++ran;
            return 7;
        }), "--db", db);
    }
    int parse(std::vector<const char*> args) {
        args.insert(args.begin(), "uji");
        return command_line.parse_and_run(static_cast<int>(args.size()), args.data());
    }
};

TEST(CommandLineRules, TheLastValueWinsAndOptionsOfTheProgramCountAnywhere) {
    TinyProgram program;
    EXPECT_EQ(program.parse({"run", "--db", "a.db", "--db=b.db", "--lang", "id"}), 7);
    EXPECT_EQ(program.ran, 1);
    EXPECT_EQ(program.db, "b.db");
}

TEST(CommandLineRules, HelpAndNoCommand) {
    TinyProgram help;
    EXPECT_EQ(help.parse({"run", "--help"}), 0);
    EXPECT_EQ(help.out.str(), "Pemakaian: uji\n");
    EXPECT_EQ(help.ran, 0);
    TinyProgram none;
    EXPECT_EQ(none.parse({}), 2);
    EXPECT_EQ(none.err.str(), "Pemakaian: uji\n");
    EXPECT_EQ(none.out.str(), "");
}

TEST(CommandLineRules, MistakesAreUsageProblemsNamingWhatWasTyped) {
    const auto problem = [](std::vector<const char*> args) -> Problem {
        TinyProgram program;
        try {
            program.parse(std::move(args));
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::usage);
            EXPECT_EQ(program.ran, 0);
            return error.problem();
        }
        ADD_FAILURE() << "no error";
        return {};
    };
    EXPECT_EQ(problem({"runn"}).key, "usage.unknown_command");
    EXPECT_EQ(arg(problem({"runn"}), "command"), "runn");
    EXPECT_EQ(arg(problem({"run", "--dbb", "x"}), "option"), "--dbb");
    EXPECT_EQ(arg(problem({"run", "extra"}), "argument"), "extra");
    EXPECT_EQ(problem({"run", "--db"}).key, "usage.missing_value");
    EXPECT_EQ(problem({"run", "--db="}).key, "usage.missing_value");
    EXPECT_EQ(arg(problem({"run", "--db"}), "option"), "--db");
}

}  // namespace
}  // namespace skm::cli
