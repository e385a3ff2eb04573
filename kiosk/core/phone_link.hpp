// "Isi lewat HP" (issue #21): a citizen who would rather answer on their own
// phone presses it on the welcome screen and gets a fresh one-time link as a
// QR code, shown for kShowMs and then gone, so the next person cannot use a
// link left on the screen. Each press makes a new link. No ImGui: kiosk/ui
// draws the matrix; tests drive the timer on a manual clock.
#pragma once

#include "reports/qr_code.hpp"
#include "scoring/problem.hpp"
#include "store/clock.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace skm::kiosk {

// Makes a fresh, signed survey link URL (sync/link_token: issue_link_url),
// naming the layanan when given. Throws when it cannot (no key, storage).
using LinkMaker = std::function<std::string(const std::optional<std::string>& layanan)>;

class PhoneLink {
public:
    // How long a code stays on the screen.
    static constexpr std::int64_t kShowMs = 60'000;

    // `maker` empty: links cannot be made on this kiosk, the button is not shown.
    PhoneLink(LinkMaker maker, store::Clock& clock);

    // The button is shown only while links can be made: a maker, and the hub
    // address set (the kiosk's every-second housekeeping says so).
    bool available() const { return maker_ && hub_set_; }
    void set_hub_set(bool set) { hub_set_ = set; }

    // A press of "Isi lewat HP": a new link from the maker, shown from now.
    // When the maker fails, problem() says why and the failure is shown for
    // the same time instead of a code. False when not available().
    bool show();
    // "Selesai", or the citizen starting the survey on the kiosk after all.
    void hide();
    // Time passing: the code disappears kShowMs after show().
    void tick();

    bool showing() const { return showing_; }
    const std::string& url() const { return url_; }           // "" when the maker failed
    const reports::QrMatrix& code() const { return code_; }   // empty when the maker failed
    const std::optional<Problem>& problem() const { return problem_; }
    // Seconds left on the screen, rounded up (60 right after show()).
    int seconds_left() const;
    std::size_t links_made() const { return made_; }

private:
    LinkMaker maker_;
    store::Clock& clock_;
    bool hub_set_ = true;
    bool showing_ = false;
    std::int64_t shown_at_ = 0;
    std::string url_;
    reports::QrMatrix code_;
    std::optional<Problem> problem_;
    std::size_t made_ = 0;
};

// The largest whole number of screen pixels per module for a code of
// `modules` modules per side (without quiet zone) in a square `side` pixels
// wide that also holds the quiet zone: whole pixels keep every module edge
// sharp for a phone's camera. 0 when even one pixel does not fit.
int qr_module_pixels(float side, int modules);

}  // namespace skm::kiosk
