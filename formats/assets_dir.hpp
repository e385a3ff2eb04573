// Where the assets are: --assets DIR, else
// $SKM_ASSETS, else the build tree's assets/ found relative to the executable,
// else /usr/share/skm.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

namespace skm::formats {

// The candidates in the order they are tried (pure, for tests).
std::vector<std::filesystem::path> asset_candidates(const std::optional<std::filesystem::path>& explicit_dir,
                                                    const char* env_value, const std::filesystem::path& executable);
// The first candidate that holds i18n/id.json. Throws skm::Error(input,
// "assets.not_found") naming every path tried.
std::filesystem::path find_assets(const std::optional<std::filesystem::path>& explicit_dir, const char* env_value,
                                  const std::filesystem::path& executable);
// /proc/self/exe, or argv[0] when that is unavailable.
std::filesystem::path current_executable(const char* argv0);

}  // namespace skm::formats
