// The office's list of jenis layanan (assets/demo/layanan.json or the
// office's own file): {"layanan": ["KTP-el", …]} in screen order. Names are
// what reports group by, so they must be unique, non-empty and short.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

// Throws skm::Error(input) with a "layanan.*" problem naming the file.
std::vector<std::string> parse_layanan_list(std::string_view json_text, std::string_view file_name);
std::vector<std::string> load_layanan_list(const std::filesystem::path& path);

}  // namespace skm::formats
