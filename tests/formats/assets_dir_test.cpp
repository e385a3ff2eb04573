// formats/assets_dir: docs/reference/commands.md#finding-assets — --assets DIR, else
// $SKM_ASSETS, else the build tree's assets/ next to the executable, else
// /usr/share/skm; not found names every path tried.
#include "formats/assets_dir.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace skm::formats {
namespace {

namespace fs = std::filesystem;
using test::arg;
using test::caught;
using test::TempDir;

std::vector<std::string> normal(const std::vector<fs::path>& paths) {
    std::vector<std::string> result;
    for (const auto& path : paths) result.push_back(path.lexically_normal().string());
    return result;
}

std::ptrdiff_t position(const std::vector<std::string>& list, const std::string& item) {
    const auto it = std::find(list.begin(), list.end(), item);
    return it == list.end() ? -1 : it - list.begin();
}

// Where scripts/build puts the tool; CMakeLists.txt links build/<kind>/assets to the sources' assets/.
const fs::path kExecutable = "/opt/skm/build/release/tools/skm";

TEST(AssetCandidates, ExplicitDirectoryComesFirst) {
    const auto candidates = asset_candidates(fs::path("/data/aset"), "/env/aset", kExecutable);
    ASSERT_FALSE(candidates.empty());
    EXPECT_EQ(candidates.front(), fs::path("/data/aset"));
}

TEST(AssetCandidates, EnvironmentComesFirstWithoutExplicitDirectory) {
    const auto candidates = asset_candidates(std::nullopt, "/env/aset", kExecutable);
    ASSERT_FALSE(candidates.empty());
    EXPECT_EQ(candidates.front(), fs::path("/env/aset"));
}

TEST(AssetCandidates, EmptyEnvironmentValueIsIgnored) {
    const auto unset = normal(asset_candidates(std::nullopt, nullptr, kExecutable));
    const auto empty = normal(asset_candidates(std::nullopt, "", kExecutable));
    EXPECT_EQ(empty, unset);
    ASSERT_FALSE(empty.empty());
    EXPECT_NE(empty.front(), "");
    EXPECT_NE(empty.front(), ".");
}

TEST(AssetCandidates, BuildTreeBeforeUsrShareWhichIsLast) {
    const auto names = normal(asset_candidates(std::nullopt, nullptr, kExecutable));
    ASSERT_GE(names.size(), 2u);
    EXPECT_EQ(names.back(), "/usr/share/skm");
    EXPECT_EQ(std::count(names.begin(), names.end(), "/usr/share/skm"), 1);
    // The build tree's assets/ (build/release/assets) is among the executable-relative candidates.
    const auto build_tree = position(names, "/opt/skm/build/release/assets");
    EXPECT_GE(build_tree, 0);
    // Everything before the system folder is relative to the executable's folder tree.
    for (std::size_t i = 0; i + 1 < names.size(); ++i) {
        EXPECT_EQ(names[i].rfind("/opt/skm/", 0), 0u) << names[i];
    }
}

// ---- find_assets on a real folder tree ---------------------------------------------------

struct Tree {
    TempDir dir;
    fs::path executable;
    Tree() {
        executable = dir.write("build/release/tools/skm", "#!/bin/false\n");
        dir.write("build/release/assets/i18n/id.json", "{}");
    }
};

TEST(FindAssets, FindsTheBuildTreeNextToTheExecutable) {
    Tree tree;
    const auto found = find_assets(std::nullopt, nullptr, tree.executable);
    EXPECT_EQ(found, fs::canonical(tree.dir.path() / "build" / "release" / "assets"));
}

TEST(FindAssets, ExplicitDirectoryWins) {
    Tree tree;
    tree.dir.write("mine/i18n/id.json", "{}");
    tree.dir.write("env/i18n/id.json", "{}");
    const auto env = (tree.dir.path() / "env").string();
    EXPECT_EQ(find_assets(tree.dir.path() / "mine", env.c_str(), tree.executable), fs::canonical(tree.dir.path() / "mine"));
}

TEST(FindAssets, EnvironmentWinsOverTheBuildTree) {
    Tree tree;
    tree.dir.write("env/i18n/id.json", "{}");
    const auto env = (tree.dir.path() / "env").string();
    EXPECT_EQ(find_assets(std::nullopt, env.c_str(), tree.executable), fs::canonical(tree.dir.path() / "env"));
}

TEST(FindAssets, CandidateWithoutI18nIdJsonFileIsPassedOver) {
    TempDir dir;
    const auto executable = dir.write("build/release/tools/skm", "");
    // Every executable-relative candidate except build/release/assets exists but lacks the file
    // (one has id.json as a folder); that one holds it.
    for (const auto& candidate : asset_candidates(std::nullopt, nullptr, executable)) {
        if (candidate.lexically_normal().string().rfind(dir.path().string(), 0) != 0) continue;
        fs::create_directories(candidate / "i18n" / "id.json");
    }
    const auto real = dir.path() / "build" / "release" / "assets";
    fs::remove_all(real);
    dir.write("build/release/assets/i18n/id.json", "{}");
    EXPECT_EQ(find_assets(std::nullopt, nullptr, executable), fs::canonical(real));
}

TEST(FindAssets, FindsTheSourceAssetsFromThisTestProgram) {
    // tests/formats/formats_test sits in the build tree, whose assets/ links to the sources'.
    const auto found = find_assets(std::nullopt, nullptr, current_executable(nullptr));
    EXPECT_EQ(found, fs::canonical(fs::path(SKM_SOURCE_DIR) / "assets"));
}

TEST(FindAssets, NotFoundNamesEveryPathTried) {
    if (fs::exists("/usr/share/skm/i18n/id.json")) GTEST_SKIP() << "assets are installed in /usr/share/skm";
    TempDir dir;
    const auto executable = dir.write("bin/deep/skm", "");
    auto error = caught([&] { find_assets(std::nullopt, nullptr, executable); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::input);
    EXPECT_EQ(error->problem.key, "assets.not_found");
    const std::string tried = arg(error->problem, "tried");
    const auto candidates = asset_candidates(std::nullopt, nullptr, executable);
    ASSERT_FALSE(candidates.empty());
    for (const auto& candidate : candidates) {
        EXPECT_NE(tried.find(candidate.lexically_normal().string()), std::string::npos)
            << candidate << " missing from: " << tried;
    }
    EXPECT_NE(tried.find("/usr/share/skm"), std::string::npos) << tried;
}

TEST(FindAssets, NotFoundWithExplicitDirectoryNamesIt) {
    TempDir dir;
    const auto missing = dir.path() / "tidak-ada";
    if (fs::exists("/usr/share/skm/i18n/id.json")) GTEST_SKIP() << "assets are installed in /usr/share/skm";
    auto error = caught([&] { find_assets(missing, nullptr, dir.path() / "skm"); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::input);
    EXPECT_EQ(error->problem.key, "assets.not_found");
    EXPECT_NE(arg(error->problem, "tried").find(missing.string()), std::string::npos) << arg(error->problem, "tried");
}

TEST(CurrentExecutable, IsThisTestProgram) {
    const auto self = current_executable(nullptr);
    EXPECT_TRUE(self.is_absolute()) << self;
    EXPECT_TRUE(fs::is_regular_file(self)) << self;
    EXPECT_EQ(self.filename(), "formats_test");
}

}  // namespace
}  // namespace skm::formats
