#include "kiosk/ui/confirm_dialog.hpp"

#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace skm::kiosk::ui {

ConfirmChoice draw_exit_confirmation(ViewContext& ctx, float width, float height) {
    const float s = ctx.scale;
    const float margin = 48 * s;
    float y = height * 0.22f;
    y += staff_text(ctx, ctx.fonts.title, ctx.t("kiosk.staff.exit_confirm.title"), margin, y, width - 2 * margin,
                    palette::kText) +
         16 * s;
    y += staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.exit_confirm.body"), margin, y, width - 2 * margin,
                    palette::kText) +
         48 * s;
    const float gap = 32 * s;
    const ImVec2 size(std::min(420 * s, (width - 2 * margin - gap) / 2), 120 * s);
    const float x0 = (width - 2 * size.x - gap) / 2;
    ConfirmChoice choice = ConfirmChoice::none;
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (big_button(ctx, "exit_cancel", ctx.t("kiosk.cancel"), size)) choice = ConfirmChoice::cancel;
    ImGui::SetCursorScreenPos(ImVec2(x0 + size.x + gap, y));
    if (big_button(ctx, "exit_confirm", ctx.t("kiosk.staff.exit_confirm.yes"), size,
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        choice = ConfirmChoice::confirm;
    }
    return choice;
}

}  // namespace skm::kiosk::ui
