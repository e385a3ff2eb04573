#include "kiosk/ui/staff_gate.hpp"

#include "kiosk/ui/confirm_dialog.hpp"
#include "kiosk/ui/pin_pad.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void StaffGate::lock() {
    mode_ = Mode::closed;
    entered_.clear();
    message_key_.clear();
    confirm_exit_ = false;
    press_started_ = -1;
    if (view_) view_->reset();
}

void StaffGate::show_pin_pad() {
    mode_ = Mode::pin;
    entered_.clear();
    message_key_.clear();
    press_started_ = -1;
    last_touch_ = clock_.monotonic_ms();
    idle_lock_ms_ = view_ ? view_->service().staff_lock_ms() : formats::default_ms(formats::setting::kStaffLockSeconds);
}

std::string StaffGate::screen_name() const {
    switch (mode_) {
        case Mode::closed: return "closed";
        case Mode::pin: return "pin";
        case Mode::menu: return "menu:" + (view_ ? view_->screen_name() : std::string(confirm_exit_ ? "confirm" : ""));
    }
    return "";
}

bool StaffGate::draw(ViewContext& ctx, float w, float h) {
    if (mode_ != Mode::closed) {
        // Walked away: whoever touches next is not necessarily staff.
        const std::int64_t now = clock_.monotonic_ms();
        if (ImGui::GetIO().MouseDown[0]) last_touch_ = now;
        if (now - last_touch_ >= idle_lock_ms_) lock();
    }
    if (mode_ == Mode::closed) {
        // The corner: a square of 1.5 layout units, invisible.
        const ImGuiIO& io = ImGui::GetIO();
        const float corner = 120 * ctx.scale;
        const bool in_corner = io.MousePos.x >= 0 && io.MousePos.x < corner && io.MousePos.y >= 0 && io.MousePos.y < corner;
        if (io.MouseDown[0] && in_corner) {
            if (press_started_ < 0) press_started_ = clock_.monotonic_ms();
            if (clock_.monotonic_ms() - press_started_ >= kHoldMs) show_pin_pad();
        } else {
            press_started_ = -1;
        }
        return false;
    }
    mode_ == Mode::pin ? draw_pin(ctx, w, h) : draw_menu(ctx, w, h);
    return true;
}

void StaffGate::draw_pin(ViewContext& ctx, float w, float h) {
    const float s = ctx.scale;
    const PinPadLayout pad = fit_pin_pad(s, w - 64 * s, (h - 300 * s) / 4.6f * 4 + 3 * 14 * s);
    const float x0 = (w - pad.width()) / 2;
    float y = 24 * s;
    y += centered_text(ctx.fonts.title, ctx.t("kiosk.pin.title"), 0, y, w, palette::kText);
    std::string dots;
    for (std::size_t i = 0; i < entered_.size(); ++i) dots += "\xE2\x80\xA2 ";
    y += centered_text(ctx.fonts.title, dots.empty() ? " " : dots, 0, y + 4 * s, w, palette::kText);
    std::string message;
    if (lock_.locked()) {
        message = ctx.f("kiosk.pin.locked", {{"seconds", std::to_string(lock_.locked_seconds())}});
    } else if (!message_key_.empty()) {
        message = ctx.t(message_key_);
    }
    y += centered_text(ctx.fonts.small, message.empty() ? " " : message, 0, y, w, palette::kAnswer[0]) + 12 * s;
    if (draw_pin_pad(ctx, entered_, ImVec2(x0, y), pad, PinPadIds::gate, ctx.t("kiosk.pin.ok"))) {
        const PinResult result = lock_.try_pin(entered_);
        entered_.clear();
        message_key_ = result == PinResult::wrong ? "kiosk.pin.wrong" : "";
        if (result == PinResult::ok) mode_ = Mode::menu;
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y + pad.height() + pad.gap));
    if (big_button(ctx, "pin_cancel", ctx.t("kiosk.cancel"), ImVec2(pad.width(), 90 * s),
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        lock();
    }
}

bool StaffGate::exit_requested() const { return exit_requested_ || (view_ && view_->exit_requested()); }

void StaffGate::draw_menu(ViewContext& ctx, float w, float h) {
    if (view_) {
        if (!view_->draw(ctx, w, h)) lock();  // "Kembali ke survei"
        return;
    }
    if (confirm_exit_) {
        const ConfirmChoice choice = draw_exit_confirmation(ctx, w, h);
        if (choice == ConfirmChoice::confirm) exit_requested_ = true;
        if (choice != ConfirmChoice::none) confirm_exit_ = false;
        return;
    }
    const float s = ctx.scale;
    float y = h * 0.2f;
    y += centered_text(ctx.fonts.title, ctx.t("kiosk.staff.title"), 0, y, w, palette::kText) + 16 * s;
    y += centered_text(ctx.fonts.body, ctx.f("kiosk.staff.today", {{"count", std::to_string(responses_on_device)}}), 0, y, w,
                       palette::kText) +
         40 * s;
    const ImVec2 size(std::min(w - 64 * s, 600 * s), 120 * s);
    ImGui::SetCursorScreenPos(ImVec2((w - size.x) / 2, y));
    if (big_button(ctx, "staff_back", ctx.t("kiosk.staff.back"), size)) lock();
    ImGui::SetCursorScreenPos(ImVec2((w - size.x) / 2, y + size.y + 24 * s));
    if (big_button(ctx, "staff_exit", ctx.t("kiosk.staff.exit"), size,
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        confirm_exit_ = true;
    }
}

}  // namespace skm::kiosk::ui
