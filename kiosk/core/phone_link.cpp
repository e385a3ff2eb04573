#include "kiosk/core/phone_link.hpp"

#include <cmath>
#include <exception>

namespace skm::kiosk {

PhoneLink::PhoneLink(LinkMaker maker, store::Clock& clock) : maker_(std::move(maker)), clock_(clock) {}

bool PhoneLink::show() {
    if (!available()) return false;
    url_.clear();
    code_ = reports::QrMatrix();
    problem_.reset();
    try {
        std::string url = maker_(std::nullopt);  // the welcome screen comes before the layanan is chosen
        code_ = reports::encode_qr(url);
        url_ = std::move(url);
        ++made_;
    } catch (...) {
        // Never the end of the kiosk: the citizen reads that it failed and can answer here.
        problem_ = failure_of(std::current_exception()).problem;
    }
    showing_ = true;
    shown_at_ = clock_.monotonic_ms();
    return true;
}

void PhoneLink::hide() {
    showing_ = false;
    url_.clear();
    code_ = reports::QrMatrix();
}

void PhoneLink::tick() {
    if (showing_ && clock_.monotonic_ms() - shown_at_ >= kShowMs) hide();
}

int PhoneLink::seconds_left() const {
    if (!showing_) return 0;
    const std::int64_t left = kShowMs - (clock_.monotonic_ms() - shown_at_);
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

int qr_module_pixels(float side, int modules) {
    if (modules <= 0) return 0;
    return static_cast<int>(std::floor(side / static_cast<float>(modules + 2 * reports::kQrQuietModules)));
}

}  // namespace skm::kiosk
