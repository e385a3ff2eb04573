// A QR code as a square of dark and light modules (Debian libqrencode): the
// one home of QR encoding, drawn by the kiosk ("Isi lewat HP", kiosk/ui) as
// rectangles and by the printed link slips (reports/link_slips) with cairo.
// The quiet zone is not part of the matrix: whoever draws it leaves
// kQrQuietModules light modules on every side.
#pragma once

#include <string_view>
#include <vector>

namespace skm::reports {

// The light border a reader needs around the symbol (ISO/IEC 18004: 4 modules).
inline constexpr int kQrQuietModules = 4;

class QrMatrix {
public:
    QrMatrix() = default;
    QrMatrix(int size, std::vector<bool> dark) : size_(size), dark_(std::move(dark)) {}
    int size() const { return size_; }  // modules per side, without the quiet zone
    bool dark(int x, int y) const { return dark_[static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) + static_cast<std::size_t>(x)]; }
    bool empty() const { return size_ == 0; }
    // Modules per side with the quiet zone on both sides.
    int size_with_quiet_zone() const { return size_ + 2 * kQrQuietModules; }

private:
    int size_ = 0;
    std::vector<bool> dark_;
};

// `text` (a link URL) as the smallest QR code at error correction level M
// (15 % of the symbol may be smudged or creased), bytes as 8-bit data.
// Throws skm::Error(input, "links.qr_too_long") when it does not fit version 40,
// skm::Error(internal, "links.qr_failed") when libqrencode fails otherwise.
QrMatrix encode_qr(std::string_view text);

}  // namespace skm::reports
