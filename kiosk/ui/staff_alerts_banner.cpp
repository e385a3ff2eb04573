// The live-alert banner at the top of the staff dashboard (issue #20): the
// oldest alert not yet acknowledged — what happened, since when, which unsur,
// and the saran of the window's responses when the window has at least min_n
// respondents — with "Sudah ditangani", which stores and audits the
// acknowledgment (kiosk/core/live_alerts). One alert at a time keeps the
// dashboard's figures on screen; the next shows once this one is handled.
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {
namespace {

constexpr std::size_t kSaranShown = 2;

// "2025-12-03T10:57:00+07:00" → "2025-12-03 10:57": the local time it was given.
std::string since_text(const std::string& iso) {
    std::string t = iso.substr(0, 16);
    if (t.size() > 10 && t[10] == 'T') t[10] = ' ';
    return t;
}

std::string what_line(const ViewContext& ctx, const LiveAlert& a, const std::string& unsur) {
    if (a.alert.rule == scoring::AlertRule::ones) {
        return ctx.f("kiosk.staff.signal.ones", {{"layanan", a.layanan}, {"count", std::to_string(a.alert.ones)},
                                                 {"unsur", unsur}, {"within", std::to_string(a.respondents)}});
    }
    if (!a.enough || !a.alert.window_interval || !a.alert.baseline_konversi)
        return ctx.f("kiosk.staff.signal.drop_plain", {{"layanan", a.layanan}});
    return ctx.f("kiosk.staff.signal.drop",
                 {{"layanan", a.layanan},
                  {"now", shown(ctx, scoring::round_half_up(*a.alert.window_konversi, 2))},
                  {"before", shown(ctx, scoring::round_half_up(*a.alert.baseline_konversi, 2))},
                  {"count", std::to_string(a.respondents)}});
}

}  // namespace

float draw_alert_banner(ViewContext& ctx, StaffView& view, float width, float y) {
    const auto& alerts = view.service().open_alerts(view.clock().wall_now().date);
    if (alerts.empty()) return 0;
    const LiveAlert& a = alerts.front();
    const float s = ctx.scale;
    const float pad = 10 * s;
    const float button_w = 260 * s;
    const float wrap = width - 2 * (16 * s + pad) - button_w - pad;
    const auto& unsur = ctx.flow.questionnaire().unsur;
    const std::string unsur_name = a.alert.unsur < unsur.size() ? unsur[a.alert.unsur].name.at(ctx.flow.language()) : a.unsur_code;
    std::vector<std::string> lines = {what_line(ctx, a, unsur_name),
                                      ctx.f("kiosk.staff.signal.since", {{"since", since_text(a.since)}, {"unsur", unsur_name}})};
    if (!a.enough) {
        lines.push_back(ctx.t("kiosk.staff.signal.saran_hidden"));
    } else {
        // One line of quoted saran (wrapped if long): the banner must leave the dashboard's figures room.
        std::string quoted;
        for (std::size_t i = 0; i < a.saran.size() && i < kSaranShown; ++i)
            quoted += (i ? "  " : "") + std::string("\xE2\x80\x9C") + a.saran[i] + "\xE2\x80\x9D";
        if (a.saran.size() > kSaranShown)
            quoted += "  " + ctx.f("kiosk.staff.signal.more_saran", {{"count", std::to_string(a.saran.size() - kSaranShown)}});
        if (!quoted.empty()) lines.push_back(quoted);
    }
    if (alerts.size() > 1) lines.back() += "  " + ctx.f("kiosk.staff.signal.more", {{"count", std::to_string(alerts.size() - 1)}});
    float text_h = 0;
    for (const auto& l : lines) text_h += line_height(ctx.fonts.small) * static_cast<float>(wrap_lines(ctx.fonts.small, l, wrap).size());
    const float h = std::max(text_h, 72 * s) + 2 * pad;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(16 * s, y), ImVec2(width - 16 * s, y + h), palette::kAnswer[1], 8 * s);
    float ty = y + pad;
    // White on the dark warning fill: the theme's answer colours are chosen for 7:1 with white text.
    for (const auto& l : lines) ty += staff_text(ctx, ctx.fonts.small, l, 16 * s + pad, ty, wrap, palette::kWhite);
    ImGui::SetCursorScreenPos(ImVec2(width - 16 * s - pad - button_w, y + (h - 72 * s) / 2));
    if (big_button(ctx, "alert_ack", ctx.t("kiosk.staff.signal.ack"), ImVec2(button_w, 72 * s),
                   ButtonStyle{palette::kPrimary, IM_COL32(255, 255, 255, 255), ctx.fonts.small, false})) {
        view.service().acknowledge_alert(a.alert.id, scoring::iso8601(view.clock().wall_now()));
    }
    return h + 8 * s;
}

}  // namespace skm::kiosk::ui
