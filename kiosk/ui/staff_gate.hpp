// Staff entry, hidden from citizens: a 3-second press in the top-left corner
// opens a PIN pad; the right PIN opens the staff menu (closing the kiosk is
// only possible from there, after a confirmation). Wrong PINs lock the pad
// for a while. The pad and the menu lock again on "Kembali ke survei" and
// after a while without a touch (StaffService::staff_lock_ms), so the next
// citizen never finds the staff view open.
#pragma once

#include "formats/kiosk_config.hpp"
#include "kiosk/core/staff_lock.hpp"
#include "kiosk/ui/view_context.hpp"

#include <cstdint>
#include <string>

namespace skm::kiosk::ui {

class StaffView;

class StaffGate {
public:
    // Without a view (screenshots, tests of the gate alone) the PIN opens a
    // minimal menu: back, or close the kiosk.
    StaffGate(StaffLock& lock, store::Clock& clock, StaffView* view = nullptr) : lock_(lock), clock_(clock), view_(view) {}

    // Called every frame before the screen is drawn: watches the corner.
    // Returns true while the pad or the menu covers the screen (the survey
    // screen is then not drawn).
    bool draw(ViewContext& ctx, float display_w, float display_h);

    bool open() const { return mode_ != Mode::closed; }
    // Opens the PIN pad as the 3-second press does (the screenshot run shows it).
    void show_pin_pad();
    bool exit_requested() const;
    // Closes the pad or the menu: the next entry needs the PIN again.
    void lock();
    // What covers the screen, for TouchSettle ("pin", "menu:<staff screen>").
    std::string screen_name() const;
    std::size_t responses_on_device = 0;  // shown in the minimal menu

    static constexpr std::int64_t kHoldMs = 3000;

private:
    enum class Mode { closed, pin, menu };
    void draw_pin(ViewContext& ctx, float w, float h);
    void draw_menu(ViewContext& ctx, float w, float h);

    StaffLock& lock_;
    store::Clock& clock_;
    StaffView* view_ = nullptr;
    Mode mode_ = Mode::closed;
    std::int64_t press_started_ = -1;
    std::string entered_;
    std::string message_key_;
    bool exit_requested_ = false;
    bool confirm_exit_ = false;  // the minimal menu's "close the kiosk?" question
    std::int64_t last_touch_ = 0;
    std::int64_t idle_lock_ms_ = formats::default_ms(formats::setting::kStaffLockSeconds);  // read from the settings when the pad opens
};

}  // namespace skm::kiosk::ui
