// Replays, in the default tier and without libFuzzer, what the fuzzers start
// from and what they once found: every seed in fuzz/seeds/<target>/ must be
// accepted (so the fuzzers start from valid inputs, not from noise), and every
// input in tests/fuzz/regressions/<target>/ — each one crashed or broke a
// property once (scripts/fuzz copies new finds there) — must now go through
// without a crash or a broken property (those abort this test).
#include "fuzz/targets.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace skm::fuzz {
namespace {

using Target = bool (*)(std::string_view);

const std::map<std::string, Target>& targets() {
    static const std::map<std::string, Target> all = {{"csv_reader", csv_reader},
                                                      {"sync_batch", sync_batch},
                                                      {"sync_reply", sync_reply},
                                                      {"sync_config", sync_config},
                                                      {"config_files", config_files}};
    return all;
}

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(FuzzReplay, EverySeedIsAcceptedInput) {
    for (const auto& [name, target] : targets()) {
        const auto seeds = files_in(std::filesystem::path(SKM_SOURCE_DIR) / "fuzz/seeds" / name);
        EXPECT_FALSE(seeds.empty()) << name << " has no seeds";
        for (const auto& seed : seeds) EXPECT_TRUE(target(read(seed))) << seed;
    }
}

TEST(FuzzReplay, PastFindsNoLongerCrash) {
    std::size_t replayed = 0;
    for (const auto& [name, target] : targets()) {
        for (const auto& input : files_in(std::filesystem::path(SKM_SOURCE_DIR) / "tests/fuzz/regressions" / name)) {
            target(read(input));  // a crash or broken property aborts the test
            ++replayed;
        }
    }
    RecordProperty("replayed", static_cast<int>(replayed));
}

TEST(FuzzReplay, BrokenInputsAreRefusedNotAccepted) {
    // The targets tell refusal from acceptance, or the seed test above could not fail.
    EXPECT_FALSE(csv_reader("response_id\nx\n"));
    EXPECT_FALSE(sync_batch(R"({"protocol":2})"));
    EXPECT_FALSE(sync_reply("[]"));
    EXPECT_FALSE(sync_config(R"({"protocol":1})"));
    EXPECT_FALSE(config_files("k{}"));
    EXPECT_FALSE(config_files(""));
}

}  // namespace
}  // namespace skm::fuzz
