// Printed link slips (`skm links`): A4 pages of slips to cut apart, each with
// one QR code of a one-time survey link, the office's name, the layanan if the
// links name one, the day the link expires and a one-line instruction.
// Drawing only: the links come made (tools/skm/cmd_links).
#pragma once

#include "formats/catalog.hpp"
#include "scoring/period.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::reports {

struct LinkSlip {
    std::string url;
    scoring::Timestamp valid_until;  // as the office's clock reads it
};

struct LinkSlipSheet {
    std::string office;
    std::optional<std::string> layanan;
    scoring::LocalDate made_on;  // the PDF's creation date: the same slips give the same file
    std::vector<LinkSlip> slips;
};

// Slips per A4 page: two across, three down (105 × 99 mm each).
inline constexpr int kSlipColumns = 2;
inline constexpr int kSlipRows = 3;
inline constexpr int kSlipsPerPage = kSlipColumns * kSlipRows;

// The PDF's bytes. Throws skm::Error(storage, "links.pdf_failed") when cairo
// cannot draw it, skm::Error(input, "links.qr_too_long") for a URL no QR code holds.
std::string render_link_slips(const LinkSlipSheet& sheet, const formats::Catalog& catalog);

}  // namespace skm::reports
