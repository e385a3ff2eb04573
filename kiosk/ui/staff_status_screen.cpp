// Storage health and sync status, in plain words.
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <cstdlib>

namespace skm::kiosk::ui {
namespace {

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MiB"; }

// The full integrity check runs in idle time after the first frame (store/startup_work).
std::string integrity_line(ViewContext& ctx, const store::IntegrityStatus& check) {
    using State = store::IntegrityStatus::State;
    switch (check.state) {
        case State::waiting:
        case State::running: return ctx.t("kiosk.staff.status.check_running");
        case State::ok: return ctx.f("kiosk.staff.status.check_ok", {{"time", check.finished_at}});
        case State::damaged: {
            std::string detail;
            // quick_check lists up to 100 findings: the first few say enough on a screen.
            constexpr std::size_t kShown = 3;
            for (std::size_t i = 0; i < check.findings.size() && i < kShown; ++i) {
                detail += (detail.empty() ? "" : "; ") + check.findings[i];
            }
            if (check.findings.size() > kShown) detail += "; …";
            if (check.problem) detail += "; " + ctx.texts.format(ctx.flow.language(), check.problem->key, check.problem->args);
            return ctx.f("kiosk.staff.status.check_damaged", {{"time", check.finished_at}, {"detail", detail}});
        }
        case State::not_run: {
            const std::string problem =
                check.problem ? ctx.texts.format(ctx.flow.language(), check.problem->key, check.problem->args) : "";
            return ctx.f("kiosk.staff.status.check_not_run", {{"problem", problem}});
        }
    }
    return {};
}

}  // namespace

void draw_staff_status(ViewContext& ctx, StaffView& view, float width, float, float y) {
    const float s = ctx.scale;
    const float margin = 32 * s;
    const StorageHealth h = view.service().health();
    const std::string hub = view.service().hub_url();
    const std::vector<std::string> lines = {
        ctx.f("kiosk.staff.status.responses", {{"count", std::to_string(h.responses)}}),
        ctx.f("kiosk.staff.status.database", {{"size", mib(h.database_bytes)}, {"free", mib(h.disk_free_bytes)}}),
        h.last_backup.empty() ? ctx.t("kiosk.staff.status.no_backup")
                              : ctx.f("kiosk.staff.status.backup", {{"time", h.last_backup}}),
        hub.empty() ? ctx.f("kiosk.staff.status.sync_off", {{"pending", std::to_string(h.pending_sync)}})
                    : ctx.f("kiosk.staff.status.sync", {{"hub", hub}, {"pending", std::to_string(h.pending_sync)}}),
    };
    // Storage trouble itself is the banner above the tabs; here what came of it.
    std::vector<std::string> storage_lines;
    auto problem_text = [&](const Problem& p) { return ctx.texts.format(ctx.flow.language(), p.key, p.args); };
    if (h.trouble && !view.service().storage_trouble()) {
        storage_lines.push_back(problem_text(*h.trouble));  // a read that failed just now
    }
    if (h.dropped_answers > 0) {
        storage_lines.push_back(ctx.f("kiosk.staff.status.dropped", {{"count", std::to_string(h.dropped_answers)}}));
    }
    if (h.dropped_unsaved > 0) {
        storage_lines.push_back(ctx.f("kiosk.staff.status.dropped_unsaved", {{"count", std::to_string(h.dropped_unsaved)}}));
    }
    if (h.backup_problem) {
        storage_lines.push_back(ctx.f("kiosk.staff.status.backup_failed", {{"problem", problem_text(*h.backup_problem)}}));
    }
    if (h.last_problem && (!h.trouble || h.last_problem->key != h.trouble->key)) {
        storage_lines.push_back(ctx.f("kiosk.staff.status.last_problem", {{"problem", problem_text(*h.last_problem)}}));
    }
    std::vector<std::string> sync_lines;
    if (const auto status = view.service().sync_status()) {
        sync_lines.push_back(status->last_success.empty()
                                 ? ctx.t("kiosk.staff.status.never_synced")
                                 : ctx.f("kiosk.staff.status.last_sync", {{"time", status->last_success}}));
        if (status->clock_ahead_s && std::abs(*status->clock_ahead_s) > sync::kClockToleranceSeconds) {
            const std::int64_t minutes = std::abs(*status->clock_ahead_s) / 60;
            sync_lines.push_back(ctx.f(*status->clock_ahead_s > 0 ? "kiosk.staff.status.clock_ahead" : "kiosk.staff.status.clock_behind",
                                       {{"minutes", std::to_string(minutes)}}));
        }
        if (status->config_version > 0) {
            sync_lines.push_back(ctx.f("kiosk.staff.status.hub_config", {{"version", std::to_string(status->config_version)}}));
        }
        if (status->last_error) sync_lines.push_back(ctx.texts.format(ctx.flow.language(), status->last_error->key, status->last_error->args));
        if (status->downloaded_total > 0) {
            sync_lines.push_back(ctx.f("kiosk.staff.status.link_answers", {{"count", std::to_string(status->downloaded_total)}}));
        }
        if (status->download_error && (!status->last_error || status->last_error->key != status->download_error->key)) {
            const auto& e = *status->download_error;
            sync_lines.push_back(ctx.f("sync.download_failed", {{"problem", ctx.texts.format(ctx.flow.language(), e.key, e.args)}}));
        }
    }
    for (const auto& line : lines) y += staff_text(ctx, ctx.fonts.body, line, margin, y, width - 2 * margin, palette::kText) + 12 * s;
    const auto integrity = integrity_line(ctx, h.integrity);
    y += staff_text(ctx, ctx.fonts.body, integrity, margin, y, width - 2 * margin,
                    h.integrity.state == store::IntegrityStatus::State::damaged ? palette::kAnswer[0] : palette::kText) +
         12 * s;
    for (const auto& line : storage_lines) {
        y += staff_text(ctx, ctx.fonts.body, line, margin, y, width - 2 * margin, palette::kAnswer[0]) + 12 * s;
    }
    for (const auto& line : sync_lines) {
        y += staff_text(ctx, ctx.fonts.small, line, margin, y, width - 2 * margin, palette::kMuted) + 8 * s;
    }
    if (!h.damaged_alert.empty()) {
        staff_text(ctx, ctx.fonts.body, ctx.f("kiosk.storage_alert", {{"moved", h.damaged_alert}}), margin, y + 12 * s,
                      width - 2 * margin, palette::kAnswer[0]);
    }
}

}  // namespace skm::kiosk::ui
