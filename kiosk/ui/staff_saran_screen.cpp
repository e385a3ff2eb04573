// Saran and kritik, newest first, with layanan and date.
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_staff_saran(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    const float margin = 24 * s;
    const auto entries = view.service().saran(200);
    if (entries.empty()) {
        staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.no_saran"), margin, y + 40 * s, width - 2 * margin, palette::kMuted);
        return;
    }
    auto* draw = ImGui::GetWindowDrawList();
    for (const auto& e : entries) {
        if (y + ctx.fonts.small->FontSize * 3 > height - margin) break;
        const std::string header = e.submitted_at.substr(0, 10) + " \xC2\xB7 " + e.layanan;
        draw->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(margin, y), palette::kMuted, header.c_str());
        ctx.texts_drawn.push_back(header);
        ctx.texts_drawn.push_back(e.saran);
        y += ctx.fonts.small->FontSize * 1.2f;
        for (const auto& line : wrap_lines(ctx.fonts.small, e.saran, width - 2 * margin)) {
            draw->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(margin, y), palette::kText, line.c_str());
            y += ctx.fonts.small->FontSize * 1.2f;
        }
        y += 10 * s;
    }
}

}  // namespace skm::kiosk::ui
