// Export to a USB stick: every stored response as CSV onto each writable
// removable medium mounted (kiosk/core/usb_export), one row per medium.
#include "kiosk/core/usb_export.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {

void draw_staff_export(ViewContext& ctx, StaffView& view, float width, float, float y) {
    const float s = ctx.scale;
    const float margin = 32 * s;
    const auto media = removable_media(view.media());
    if (media.empty()) {
        staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.export.no_media"), margin, y + 24 * s, width - 2 * margin,
                      palette::kMuted);
        return;
    }
    y += staff_text(ctx, ctx.fonts.body, ctx.t("kiosk.staff.export.title"), margin, y, width - 2 * margin, palette::kText) +
         16 * s;
    // One row per medium: the responses as CSV, and this semester's report as PDF or XLSX.
    const float gap = 12 * s;
    const float bw = (width - 2 * margin - 2 * gap) / 3;
    for (std::size_t i = 0; i < media.size() && i < 3; ++i) {
        y += staff_text(ctx, ctx.fonts.small, media[i].string(), margin, y, width - 2 * margin, palette::kMuted) + 4 * s;
        const std::string n = std::to_string(i);
        auto show = [&](const ExportOutcome& outcome, const char* done_key) {
            view.message_ = outcome.problem
                                ? ctx.texts.format(ctx.flow.language(), outcome.problem->key, outcome.problem->args)
                                : ctx.f(done_key, {{"rows", std::to_string(outcome.rows)}, {"file", outcome.file->string()}});
        };
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        if (big_button(ctx, "export_" + n, ctx.t("kiosk.staff.export.csv"), ImVec2(bw, 96 * s))) {
            show(export_responses_csv(view.service().store(), view.unsur_codes(), media[i], view.device_id(),
                                      view.clock().wall_now()),
                 "kiosk.staff.export.done");
        }
        const std::pair<reports::ReportFormat, const char*> reports_of[] = {{reports::ReportFormat::pdf, "pdf"},
                                                                           {reports::ReportFormat::xlsx, "xlsx"}};
        for (std::size_t r = 0; r < 2; ++r) {
            ImGui::SetCursorScreenPos(ImVec2(margin + static_cast<float>(r + 1) * (bw + gap), y));
            const std::string id = std::string("export_") + reports_of[r].second + "_" + n;
            if (!big_button(ctx, id, ctx.t(std::string("kiosk.staff.export.report_") + reports_of[r].second), ImVec2(bw, 96 * s))) {
                continue;
            }
            if (!view.report_catalog()) {
                view.message_ = ctx.t("kiosk.staff.export.no_reports");
                continue;
            }
            show(export_semester_report(view.service().store(), ctx.flow.questionnaire(), *view.report_catalog(), media[i],
                                        view.clock().wall_now(), reports_of[r].first, ctx.flow.all_profile_options()),
                 "kiosk.staff.export.report_done");
        }
        y += 96 * s + 20 * s;
    }
}

}  // namespace skm::kiosk::ui
