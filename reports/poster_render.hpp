// The SKM poster drawn with cairo/pango from PosterData: a portrait PDF for
// the notice board (A4, or A3 for a bigger board) and a 1080×1080 PNG for the
// office's social media. Formats only; every figure comes from poster_data.
#pragma once

#include "formats/catalog.hpp"
#include "reports/poster_data.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace skm::reports {

enum class PosterFormat { pdf_a4, pdf_a3, png_square };

inline constexpr int kPosterPngPixels = 1080;

// From the output file's ending and --paper (nullopt: not given).
// Throws skm::Error(usage): poster.bad_output (neither .pdf nor .png),
// poster.bad_paper (not a4|a3), poster.paper_with_png (--paper with a PNG).
PosterFormat parse_poster_format(const std::filesystem::path& output, const std::optional<std::string>& paper);

struct PosterOutput {
    std::string bytes;
    bool logo_drawn = false;  // false with a logo given: it could not be read as a PNG
};

// Throws skm::Error(storage, "poster.failed") when cairo cannot draw it.
PosterOutput render_poster(const PosterData& data, const formats::Catalog& catalog, PosterFormat format);

// The PNG logo at `file` made small enough to travel (sync/protocol's office
// profile): scaled down, keeping its shape, until its PNG is at most
// `max_bytes`; "" when the file is not a readable PNG or will not fit.
std::string small_logo_png(const std::filesystem::path& file, std::size_t max_bytes);

}  // namespace skm::reports
