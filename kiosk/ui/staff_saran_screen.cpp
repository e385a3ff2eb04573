// Saran and kritik, newest first, with layanan and date, in a scrolling list
// whose lines wrap at the window's edge (older ones are a scroll away, not cut).
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_staff_saran(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    const auto entries = view.service().saran(200);
    if (entries.empty()) {
        const float margin = 24 * s;
        staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.no_saran"), margin, y + 40 * s, width - 2 * margin, palette::kMuted);
        return;
    }
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    ImGui::SetCursorScreenPos(ImVec2(pad.x, y));
    ImGui::BeginChild("saran", ImVec2(width - 2 * pad.x, height - y - pad.y / 2), false, ImGuiWindowFlags_NoBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 2 * s));
    for (const auto& e : entries) {
        staff_label(ctx, ctx.fonts.small, palette::kMuted, e.submitted_at.substr(0, 10) + " \xC2\xB7 " + e.layanan);
        staff_label(ctx, ctx.fonts.small, palette::kText, e.saran);
        ImGui::Dummy(ImVec2(1, 10 * s));
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

}  // namespace skm::kiosk::ui
