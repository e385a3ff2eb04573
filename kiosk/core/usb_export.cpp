#include "kiosk/core/usb_export.hpp"

#include "formats/response_csv_writer.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace skm::kiosk {

std::vector<std::filesystem::path> default_media_roots() {
    std::vector<std::filesystem::path> roots = {"/media", "/mnt"};
    if (const char* user = std::getenv("USER"); user && *user) {
        roots.insert(roots.begin(), std::filesystem::path("/media") / user);
        roots.push_back(std::filesystem::path("/run/media") / user);
    }
    return roots;
}

std::vector<std::filesystem::path> removable_media(const std::vector<std::filesystem::path>& roots) {
    std::vector<std::filesystem::path> found;
    for (const auto& root : roots) {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
            if (!entry.is_directory(error)) continue;
            if (access(entry.path().c_str(), W_OK) != 0) continue;
            found.push_back(entry.path());
        }
    }
    return found;
}

ExportOutcome export_responses_csv(const store::ResponseStore& db, const std::vector<std::string>& unsur_codes,
                                   const std::filesystem::path& dir, const std::string& device_id,
                                   const scoring::Timestamp& now) {
    ExportOutcome outcome;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", now.date.year, now.date.month, now.date.day, now.hour,
                  now.minute, now.second);
    const auto target = dir / ("skm-" + device_id + "-" + stamp + ".csv");
    const auto partial = std::filesystem::path(target.string() + ".partial");
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (out) {
            formats::write_response_csv_header(out, unsur_codes);
            db.for_each({}, [&](const store::StoredRow& row) {
                formats::write_response_csv_row(out, row.submission.response);
                ++outcome.rows;
            });
            out.flush();
        }
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
            outcome.problem = Problem{"export.cannot_write", {{"file", target.string()}, {"detail", "write failed"}}};
            return outcome;
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, target, error);
    if (error) {
        outcome.problem = Problem{"export.cannot_write", {{"file", target.string()}, {"detail", error.message()}}};
        return outcome;
    }
    ::sync();  // a USB stick may be pulled right after the message
    outcome.file = target;
    return outcome;
}

ExportOutcome export_semester_report(const store::ResponseStore& db, const formats::Questionnaire& questionnaire,
                                     const formats::Catalog& catalog, const std::filesystem::path& dir,
                                     const scoring::Timestamp& now, reports::ReportFormat format) {
    ExportOutcome outcome;
    const std::string key = scoring::period_key(scoring::period_of(now.date, scoring::PeriodKind::semester));
    reports::ReportRequest request;
    request.period = reports::parse_report_period(key);
    request.generated_on = now.date;
    const auto data = reports::gather_report(db, questionnaire, std::move(request));
    if (data.respondents() == 0) {
        outcome.problem = Problem{"report.empty_period", {{"period", key}, {"dates", key}, {"file", db.path().string()}}};
        return outcome;
    }
    const auto target = dir / ("laporan-skm-" + key + (format == reports::ReportFormat::xlsx ? ".xlsx" : ".pdf"));
    const auto partial = std::filesystem::path(target.string() + ".partial");
    try {
        reports::write_report(format, data, catalog, partial);
    } catch (const Error& error) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        outcome.problem = error.problem();
        return outcome;
    }
    std::error_code error;
    std::filesystem::rename(partial, target, error);
    if (error) {
        outcome.problem = Problem{"export.cannot_write", {{"file", target.string()}, {"detail", error.message()}}};
        return outcome;
    }
    ::sync();  // a USB stick may be pulled right after the message
    outcome.file = target;
    outcome.rows = data.respondents();
    return outcome;
}

}  // namespace skm::kiosk
