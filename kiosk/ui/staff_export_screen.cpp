// Export to a USB stick: every stored response as CSV onto each writable
// removable medium found, one button per medium.
#include "kiosk/core/usb_export.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_staff_export(ViewContext& ctx, StaffView& view, float width, float, float y) {
    const float s = ctx.scale;
    const float margin = 32 * s;
    const auto media = removable_media(view.media_roots());
    if (media.empty()) {
        staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.export.no_media"), margin, y + 24 * s, width - 2 * margin,
                      palette::kMuted);
        return;
    }
    y += staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.export.title"), margin, y, width - 2 * margin, palette::kText) +
         16 * s;
    for (std::size_t i = 0; i < media.size() && i < 4; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        if (big_button(ctx, "export_" + std::to_string(i),
                       ctx.f("kiosk.staff.export.to", {{"path", media[i].string()}}),
                       ImVec2(width - 2 * margin, 96 * s))) {
            const auto outcome = export_responses_csv(view.service().store(), view.unsur_codes(), media[i],
                                                      view.device_id(), view.clock().wall_now());
            view.message_ = outcome.problem ? ctx.texts.format(ctx.flow.language(), outcome.problem->key, outcome.problem->args)
                                            : ctx.f("kiosk.staff.export.done", {{"rows", std::to_string(outcome.rows)},
                                                                                {"file", outcome.file->string()}});
        }
        y += 96 * s + 12 * s;
    }
}

}  // namespace skm::kiosk::ui
