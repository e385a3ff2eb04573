#include "formats/assets_dir.hpp"

#include "scoring/problem.hpp"

#include <system_error>

namespace skm::formats {

std::vector<std::filesystem::path> asset_candidates(const std::optional<std::filesystem::path>& explicit_dir,
                                                    const char* env_value, const std::filesystem::path& executable) {
    if (explicit_dir) return {*explicit_dir};
    if (env_value && *env_value) return {std::filesystem::path(env_value)};
    const auto dir = executable.parent_path();
    // build/tools/skm → ../../assets; installed bin/skm → ../share/skm.
    return {dir / "../../assets", dir / "../assets", dir / "assets", dir / "../share/skm", "/usr/share/skm"};
}

std::filesystem::path find_assets(const std::optional<std::filesystem::path>& explicit_dir, const char* env_value,
                                  const std::filesystem::path& executable) {
    std::string tried;
    for (const auto& candidate : asset_candidates(explicit_dir, env_value, executable)) {
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate / "i18n" / "id.json", error)) {
            return std::filesystem::weakly_canonical(candidate, error);
        }
        tried += (tried.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
    throw Error(ErrorKind::input, Problem{"assets.not_found", {{"tried", tried}}});
}

std::filesystem::path current_executable(const char* argv0) {
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) return self;
    return std::filesystem::absolute(argv0 ? argv0 : ".", error);
}

}  // namespace skm::formats
