#include "reports/qr_code.hpp"

#include "scoring/problem.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <string>

namespace skm::reports {

QrMatrix encode_qr(std::string_view text) {
    const std::string data(text);
    // Version 0: the smallest symbol the data fits. 8-bit mode: a URL's
    // letters are mixed case, so libqrencode's alphanumeric mode would not help.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) {
        if (errno == ERANGE) throw Error(ErrorKind::input, Problem{"links.qr_too_long", {{"bytes", std::to_string(data.size())}}});
        throw Error(ErrorKind::internal, Problem{"links.qr_failed", {}});
    }
    const int size = code->width;
    std::vector<bool> dark(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
    // libqrencode: one byte per module, bit 0 = dark.
    for (std::size_t i = 0; i < dark.size(); ++i) dark[i] = (code->data[i] & 1) != 0;
    return QrMatrix(size, std::move(dark));
}

}  // namespace skm::reports
