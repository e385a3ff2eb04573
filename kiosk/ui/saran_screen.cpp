// Saran (optional): the text so far, an on-screen keyboard drawn in ImGui
// (tablets may have none), and Lewati / Kirim.
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {
void draw_saran(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.margin + 8 * s;
    y += draw_title(ctx, area, y, ctx.t("kiosk.saran.title")) + 16 * s;

    // The text box.
    auto* draw = ImGui::GetWindowDrawList();
    const std::string& saran = ctx.flow.answers().saran;
    const float box_h = 150 * s;
    draw->AddRectFilled(ImVec2(area.margin, y), ImVec2(area.size.x - area.margin, y + box_h), IM_COL32(255, 255, 255, 255),
                        12 * s);
    draw->AddRect(ImVec2(area.margin, y), ImVec2(area.size.x - area.margin, y + box_h), palette::kText, 12 * s, 0, 3 * s);
    // Show the end of long text: the part being typed.
    auto lines = wrap_lines(ctx.fonts.body, saran + "|", area.inner_width() - 32 * s);
    const std::size_t visible = static_cast<std::size_t>((box_h - 16 * s) / (ctx.fonts.body->FontSize * 1.1f));
    const std::size_t skip = lines.size() > visible ? lines.size() - visible : 0;
    float ty = y + 8 * s;
    for (std::size_t i = skip; i < lines.size(); ++i) {
        draw->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(area.margin + 16 * s, ty), palette::kText,
                      lines[i].c_str());
        ty += ctx.fonts.body->FontSize * 1.1f;
    }
    y += box_h + 16 * s;

    const float bottom_h = 104 * s;
    const float bar_top = area.size.y - area.margin - bottom_h - area.gap;
    const float key_h = std::min(88 * s, (bar_top - y - 4 * area.gap * 0.5f) / 5);
    if (auto edited = draw_keyboard(ctx, saran, area.margin, y, area.inner_width(), key_h, area.gap * 0.5f)) {
        ctx.flow.set_saran(*edited);
    }

    // Bottom: back, and Lewati (nothing typed) or Kirim.
    const float height = bottom_h;
    const float width = std::min(400 * s, (area.inner_width() - area.gap) / 2);
    const float by = area.size.y - area.margin - height;
    ImGui::SetCursorScreenPos(ImVec2(area.margin, by));
    if (big_button(ctx, "back", "\xE2\x80\xB9 " + ctx.t("kiosk.back"), ImVec2(width, height),
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        ctx.flow.back();
    }
    ImGui::SetCursorScreenPos(ImVec2(area.size.x - area.margin - width, by));
    const bool empty = saran.find_first_not_of(' ') == std::string::npos;
    if (big_button(ctx, "submit", ctx.t(empty ? "kiosk.saran.skip" : "kiosk.saran.send"), ImVec2(width, height))) {
        if (empty) ctx.flow.set_saran("");
        ctx.flow.submit();
    }
}

}  // namespace skm::kiosk::ui
