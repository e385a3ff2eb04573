// Terima kasih: shown only after the answer is durable; counts down to the start.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_thanks(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.size.y * 0.28f;
    y += centered_text(ctx.fonts.title, ctx.t("kiosk.thanks.title"), area.margin, y, area.inner_width(), palette::kText);
    y += 24 * s;
    y += centered_text(ctx.fonts.body, ctx.t("kiosk.thanks.body"), area.margin, y, area.inner_width(), palette::kText);
    y += 48 * s;
    centered_text(ctx.fonts.small,
                  ctx.f("kiosk.thanks.countdown", {{"seconds", std::to_string(ctx.flow.countdown_seconds())}}),
                  area.margin, y, area.inner_width(), palette::kMuted);
}

}  // namespace skm::kiosk::ui
