// Terima kasih: shown only after the answer is durable; counts down to the start.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_thanks(ViewContext& ctx, const Area& area) {
    const float y = draw_title_and_body(ctx, area, area.size.y * 0.28f, ctx.t("kiosk.thanks.title"),
                                        ctx.t("kiosk.thanks.body")) +
                    48 * ctx.scale;
    centered_text(ctx.fonts.note,
                  ctx.f("kiosk.thanks.countdown", {{"seconds", std::to_string(ctx.flow.countdown_seconds())}}),
                  area.margin, y, area.inner_width(), palette::kMuted);
}

}  // namespace skm::kiosk::ui
