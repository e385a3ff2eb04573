// "Masih di sana?": nobody touched the screen mid-survey. Continue, or the
// partial answer is discarded when the countdown ends.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_still_there(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.size.y * 0.22f;
    y = draw_title_and_body(ctx, area, y, ctx.t("kiosk.still_there.title"),
                            ctx.f("kiosk.still_there.body", {{"seconds", std::to_string(ctx.flow.countdown_seconds())}}));
    y += 60 * s;
    const ImVec2 size(std::min(area.inner_width(), 560 * s), 140 * s);
    ImGui::SetCursorScreenPos(ImVec2((area.size.x - size.x) / 2, y));
    ButtonStyle primary;
    primary.font = ctx.fonts.title;
    if (big_button(ctx, "still_here", ctx.t("kiosk.still_there.continue"), size, primary)) ctx.flow.still_here();
}

}  // namespace skm::kiosk::ui
