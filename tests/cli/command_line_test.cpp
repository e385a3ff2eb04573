// cli/: the three programs read their command lines by one set of rules.
// --help prints the catalog's usage text in the language asked for; a value
// that does not fit its option, an unknown option or command, an option without
// its value are usage errors (exit 2) worded from the catalog, naming what was
// typed, and nothing is stored.
#include "formats/catalog.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace skm::testing {
namespace {

const std::string kHub = std::string(SKM_BINARY_DIR) + "/hub/skm-hub";
const std::string kKiosk = std::string(SKM_BINARY_DIR) + "/kiosk/skm-kiosk";

std::string text(const std::string& lang, const std::string& key) {
    return formats::load_text_map(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "i18n" / (lang + ".json")).at(key);
}

ProgramResult run(const std::string& program, std::vector<std::string> args) {
    args.insert(args.begin(), program);
    return run_program(args);
}

// A usage error: exit 2, nothing on standard output, and `words` in the message.
void expect_usage_error(const std::string& program, const std::vector<std::string>& args, const std::string& words) {
    const auto result = run(program, args);
    EXPECT_EQ(result.exit_code, 2) << program << " " << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find(words), std::string::npos) << result.err;
}

struct ProgramUsage {
    std::string binary;
    std::string usage_key;
    std::string id_start;
    std::string en_start;
};

std::vector<ProgramUsage> programs() {
    return {{skm_binary(), "usage.text", "Pemakaian: skm PERINTAH", "Usage: skm COMMAND"},
            {kHub, "hub.usage", "Pemakaian: skm-hub PERINTAH", "Usage: skm-hub COMMAND"},
            {kKiosk, "usage.kiosk", "Pemakaian: skm-kiosk [opsi]", "Usage: skm-kiosk [options]"}};
}

TEST(CommandLine, HelpInIndonesianByDefaultAndInEnglishOnRequest) {
    for (const auto& program : programs()) {
        for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"-h"}}) {
            const auto id = run(program.binary, args);
            EXPECT_EQ(id.exit_code, 0) << program.binary << id.err;
            EXPECT_EQ(id.out.rfind(program.id_start, 0), 0u) << id.out;
            EXPECT_EQ(id.out, text("id", program.usage_key) + "\n");
            EXPECT_EQ(id.err, "");
        }
        const auto en = run(program.binary, {"--lang", "en", "--help"});
        EXPECT_EQ(en.exit_code, 0) << program.binary << en.err;
        EXPECT_EQ(en.out.rfind(program.en_start, 0), 0u) << en.out;
        EXPECT_EQ(en.out, text("en", program.usage_key) + "\n");
    }
    // After a command, and as the `help` command.
    EXPECT_EQ(run(skm_binary(), {"score", "--help", "--lang=en"}).out, text("en", "usage.text") + "\n");
    EXPECT_EQ(run(kHub, {"help"}).out, text("id", "hub.usage") + "\n");
    // No command at all: the usage text on standard error, a usage error.
    const auto bare = run(kHub, {});
    EXPECT_EQ(bare.exit_code, 2);
    EXPECT_EQ(bare.out, "");
    EXPECT_EQ(bare.err, text("id", "hub.usage") + "\n");
}

TEST(CommandLine, AValueThatIsNotANumberIsAUsageErrorNamingIt) {
    // Before this layer skm-kiosk read "--frames x" as 0 frames.
    const auto frames = run(kKiosk, {"--frames", "x"});
    EXPECT_EQ(frames.exit_code, 2);
    EXPECT_EQ(frames.out, "");
    EXPECT_EQ(frames.err, "Galat: --frames \"x\" harus bilangan bulat tidak negatif.\n"
                          "Ketik \"skm-kiosk --help\" untuk melihat cara pemakaian.\n");
    const auto frames_en = run(kKiosk, {"--lang", "en", "--frames=-1"});
    EXPECT_EQ(frames_en.exit_code, 2);
    EXPECT_EQ(frames_en.err, "Error: --frames \"-1\" must be a non-negative whole number.\n"
                             "Type \"skm-kiosk --help\" to see how to use it.\n");
    expect_usage_error(kKiosk, {"--exit-after", "soon"}, "--exit-after \"soon\" harus jumlah detik");
    expect_usage_error(kKiosk, {"--size", "1280x800px"}, "--size \"1280x800px\" tidak sah");

    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const auto count = run(skm_binary(), {"simulate", "--db", db, "--count", "seratus"});
    EXPECT_EQ(count.exit_code, 2);
    EXPECT_EQ(count.out, "");
    EXPECT_EQ(count.err, "Galat: --count \"seratus\" harus bilangan bulat tidak negatif.\n"
                         "Ketik \"skm --help\" untuk melihat cara pemakaian.\n");
    EXPECT_FALSE(std::filesystem::exists(db));  // refused before anything was opened
    expect_usage_error(skm_binary(), {"--lang", "en", "score", "x.csv", "--population", "0"},
                       "--population \"0\" must be a positive whole number.");

    const std::string hub_db = dir + "/hub.db";
    const auto min_n = run(kHub, {"serve", "--db", hub_db, "--trusted-proxy", "127.0.0.1", "--min-n", "lima"});
    EXPECT_EQ(min_n.exit_code, 2);
    EXPECT_EQ(min_n.err, "Galat: --min-n \"lima\" tidak sah; tulis bilangan bulat 1 atau lebih.\n"
                         "Ketik \"skm-hub --help\" untuk melihat cara pemakaian.\n");
    EXPECT_FALSE(std::filesystem::exists(hub_db));
}

TEST(CommandLine, UnknownCommandsAndOptionsAndMissingValuesAreUsageErrors) {
    const auto command = run(skm_binary(), {"frobnicate"});
    EXPECT_EQ(command.exit_code, 2);
    EXPECT_EQ(command.err, "Galat: perintah \"frobnicate\" tidak dikenal.\n"
                           "Ketik \"skm --help\" untuk melihat cara pemakaian.\n");
    const auto hub_command = run(kHub, {"--lang", "en", "sreve"});
    EXPECT_EQ(hub_command.exit_code, 2);
    EXPECT_EQ(hub_command.err, "Error: unknown command \"sreve\".\nType \"skm-hub --help\" to see how to use it.\n");

    expect_usage_error(kKiosk, {"--colour", "red"}, "opsi \"--colour\" tidak dikenal");
    expect_usage_error(kKiosk, {"demo"}, "argumen \"demo\" tidak dikenal");
    expect_usage_error(kHub, {"devices", "--db", "x.db", "--colour"}, "opsi \"--colour\" tidak dikenal");

    const auto value = run(skm_binary(), {"score", "x.csv", "--by"});
    EXPECT_EQ(value.exit_code, 2);
    EXPECT_EQ(value.err, "Galat: opsi --by memerlukan nilai.\nKetik \"skm --help\" untuk melihat cara pemakaian.\n");
    expect_usage_error(kHub, {"enroll", "--db", "x.db", "--kecamatan"}, "opsi --kecamatan memerlukan nilai.");
    expect_usage_error(skm_binary(), {"sample", "5", "--json=maybe"}, "opsi --json tidak menerima nilai");
    // A plain argument spelled like another command stays an argument of the command it follows.
    const auto file = run(skm_binary(), {"score", "sample"});
    EXPECT_EQ(file.exit_code, 3) << file.err;
    EXPECT_NE(file.err.find("sample"), std::string::npos) << file.err;
    // A language the catalog does not have, for any program.
    EXPECT_EQ(run(kKiosk, {"--lang", "fr", "--help"}).exit_code, 2);
}

}  // namespace
}  // namespace skm::testing
