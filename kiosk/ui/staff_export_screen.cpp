// Export to a USB stick: every stored response as CSV onto each writable
// removable medium mounted (kiosk/core/usb_export), one row per medium, with
// this semester's report (PDF, XLSX) and its poster (PDF and PNG).
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
    // One row per medium: the responses as CSV, this semester's report as PDF or XLSX, and its poster;
    // two rows of two where four side by side would be too narrow for their words (portrait).
    const float gap = 12 * s;
    const std::size_t columns = (width - 2 * margin - 3 * gap) / 4 >= 240 * s ? 4 : 2;
    const float bw = (width - 2 * margin - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float bh = 96 * s;
    // The place of the medium's button number `b` (0..3) in its block starting at `top`.
    auto place = [&](std::size_t b, float top) {
        ImGui::SetCursorScreenPos(ImVec2(margin + static_cast<float>(b % columns) * (bw + gap),
                                         top + static_cast<float>(b / columns) * (bh + gap)));
    };
    for (std::size_t i = 0; i < media.size() && i < 3; ++i) {
        // The stick by its label (/media/skm/FLASHDISK → FLASHDISK), as staff know it; its whole
        // mount path has no place to wrap and would run off a portrait screen.
        const std::string label = media[i].filename().empty() ? media[i].string() : media[i].filename().string();
        y += staff_text(ctx, ctx.fonts.small, label, margin, y, width - 2 * margin, palette::kMuted) + 4 * s;
        const std::string n = std::to_string(i);
        auto show = [&](const ExportOutcome& outcome, const char* done_key) {
            view.message_ = outcome.problem
                                ? ctx.texts.format(ctx.flow.language(), outcome.problem->key, outcome.problem->args)
                                : ctx.f(done_key, {{"rows", std::to_string(outcome.rows)}, {"file", outcome.file->string()}});
        };
        place(0, y);
        if (big_button(ctx, "export_" + n, ctx.t("kiosk.staff.export.csv"), ImVec2(bw, bh))) {
            show(export_responses_csv(view.service().store(), view.unsur_codes(), media[i], view.device_id(),
                                      view.clock().wall_now()),
                 "kiosk.staff.export.done");
        }
        const std::pair<reports::ReportFormat, const char*> reports_of[] = {{reports::ReportFormat::pdf, "pdf"},
                                                                           {reports::ReportFormat::xlsx, "xlsx"}};
        for (std::size_t r = 0; r < 2; ++r) {
            place(r + 1, y);
            const std::string id = std::string("export_") + reports_of[r].second + "_" + n;
            if (!big_button(ctx, id, ctx.t(std::string("kiosk.staff.export.report_") + reports_of[r].second), ImVec2(bw, bh))) {
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
        place(3, y);
        if (big_button(ctx, "export_poster_" + n, ctx.t("kiosk.staff.export.poster"), ImVec2(bw, bh))) {
            if (!view.report_catalog()) {
                view.message_ = ctx.t("kiosk.staff.export.no_reports");
            } else {
                const ExportOutcome outcome = export_semester_poster(view.service().store(), ctx.flow.questionnaire(),
                                                                     *view.report_catalog(), media[i], view.clock().wall_now(),
                                                                     ctx.config);
                if (outcome.problem) {
                    show(outcome, "");
                } else {
                    view.message_ = ctx.f(outcome.withheld ? "kiosk.staff.export.poster_done_withheld" : "kiosk.staff.export.poster_done",
                                          {{"rows", std::to_string(outcome.rows)}, {"file", outcome.file->string()},
                                           {"png", outcome.second_file->string()}});
                }
            }
        }
        y += static_cast<float>(4 / columns) * (bh + gap) - gap + 20 * s;
    }
}

}  // namespace skm::kiosk::ui
