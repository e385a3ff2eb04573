// The answer could not be stored: a polite apology, ask the citizen to tell
// the staff, and let them try again. Never "Terima kasih".
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_store_failed(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    const float y =
        draw_title_and_body(ctx, area, area.size.y * 0.2f, ctx.t("kiosk.failed.title"), ctx.t("kiosk.failed.body")) +
        60 * s;
    const float width = std::min(420 * s, (area.inner_width() - area.gap) / 2);
    const float x0 = (area.size.x - (2 * width + area.gap)) / 2;
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (big_button(ctx, "retry", ctx.t("kiosk.failed.retry"), ImVec2(width, 120 * s))) ctx.flow.submit();
    ImGui::SetCursorScreenPos(ImVec2(x0 + width + area.gap, y));
    if (big_button(ctx, "done", ctx.t("kiosk.failed.done"), ImVec2(width, 120 * s),
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        ctx.flow.cancel();
    }
}

}  // namespace skm::kiosk::ui
