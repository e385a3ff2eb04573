#include "kiosk/core/usb_export.hpp"

#include "formats/response_csv_writer.hpp"

#include <unistd.h>

#include <cstdio>

namespace skm::kiosk {
namespace {

// The export's own message (a stick, not the database), with the disk's detail.
Problem cannot_write(const std::filesystem::path& target, const Error& error) {
    std::string detail = error.problem().key;
    for (const auto& [name, value] : error.problem().args) {
        if (name == "detail") detail = value;
    }
    return Problem{"export.cannot_write", {{"file", target.string()}, {"detail", detail}}};
}

}  // namespace

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
                                   const scoring::Timestamp& now, store::FileOps& ops) {
    ExportOutcome outcome;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", now.date.year, now.date.month, now.date.day, now.hour,
                  now.minute, now.second);
    const auto target = dir / ("skm-" + device_id + "-" + stamp + ".csv");
    try {
        store::write_file_durably(ops, target, [&](std::ostream& out) {
            formats::write_response_csv_header(out, unsur_codes);
            db.for_each({}, [&](const store::StoredRow& row) {
                formats::write_response_csv_row(out, row.submission.response);
                ++outcome.rows;
            });
        });
    } catch (const Error& error) {
        outcome.rows = 0;
        outcome.problem = cannot_write(target, error);
        return outcome;
    }
    outcome.file = target;
    return outcome;
}

ExportOutcome export_semester_report(const store::ResponseStore& db, const formats::Questionnaire& questionnaire,
                                     const formats::Catalog& catalog, const std::filesystem::path& dir,
                                     const scoring::Timestamp& now, reports::ReportFormat format,
                                     store::FileOps& ops) {
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
    try {
        store::publish_file(ops, partial, target);  // a USB stick may be pulled right after the message
    } catch (const Error& error) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        outcome.problem = cannot_write(target, error);
        return outcome;
    }
    outcome.file = target;
    outcome.rows = data.respondents();
    return outcome;
}

}  // namespace skm::kiosk
