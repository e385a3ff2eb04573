#include "kiosk/core/usb_export.hpp"

#include "formats/response_csv_writer.hpp"
#include "reports/poster_data.hpp"
#include "reports/poster_render.hpp"
#include "reports/report_file.hpp"
#include "reports/report_labels.hpp"
#include "store/settings.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

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

namespace {

// The mount table escapes blanks in paths as octal (\040 for a space).
std::string unescape_mount_field(const std::string& field) {
    auto octal = [&](std::size_t i) { return i < field.size() && field[i] >= '0' && field[i] <= '7'; };
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && octal(i + 1) && octal(i + 2) && octal(i + 3)) {
            out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0'));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

std::string first_line_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

// Whether the block device `name` (sdb1, mmcblk0p1, sdc) is removable: its
// whole disk's sysfs `removable` flag, or a sysfs path through the USB bus.
bool removable_device(const std::filesystem::path& sysfs, const std::string& name) {
    std::error_code error;
    const auto node = sysfs / "class" / "block" / name;  // a symlink into /sys/devices/…
    if (!std::filesystem::exists(node, error)) return false;
    // A partition's whole disk is its parent directory: "<node>/.." is
    // resolved by the kernel after the symlink, so no lexical normalising here.
    const bool partition = std::filesystem::exists(node / "partition", error);
    const std::filesystem::path disk = partition ? std::filesystem::path(node.string() + "/..") : node;
    if (first_line_of(disk / "removable") == "1") return true;
    // Below the sysfs root only: the folder a test's fake tree lives in says nothing.
    const std::string root = std::filesystem::canonical(sysfs, error).string();
    const std::string real = std::filesystem::canonical(node, error).string();
    return !error && real.size() > root.size() && real.find("/usb", root.size()) != std::string::npos;
}

}  // namespace

std::vector<std::filesystem::path> removable_media(const MediaSources& sources) {
    std::vector<std::filesystem::path> found;
    std::ifstream mounts(sources.mounts);
    for (std::string line; std::getline(mounts, line);) {
        std::istringstream fields(line);
        std::string device;
        std::string mount_point;
        if (!(fields >> device >> mount_point) || device.rfind("/dev/", 0) != 0) continue;  // tmpfs, proc, …
        std::error_code error;
        // /dev/disk/by-uuid/… and /dev/mapper/… are links to the kernel's name.
        const auto real = std::filesystem::canonical(device, error);
        const std::string name = (error ? std::filesystem::path(device) : real).filename().string();
        if (!removable_device(sources.sysfs, name)) continue;
        const std::filesystem::path dir = unescape_mount_field(mount_point);
        if (!std::filesystem::is_directory(dir, error) || access(dir.c_str(), W_OK) != 0) continue;
        if (std::find(found.begin(), found.end(), dir) == found.end()) found.push_back(dir);
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
                                     const formats::ProfileOptions& profile_options, store::FileOps& ops) {
    ExportOutcome outcome;
    const std::string key = scoring::period_key(scoring::period_of(now.date, scoring::PeriodKind::semester));
    reports::ReportRequest request;
    request.period = reports::parse_report_period(key);
    request.generated_on = now.date;
    request.profile_options = profile_options;
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

ExportOutcome export_semester_poster(const store::ResponseStore& db, const formats::Questionnaire& questionnaire,
                                     const formats::Catalog& catalog, const std::filesystem::path& dir,
                                     const scoring::Timestamp& now, const formats::KioskConfig& config,
                                     store::FileOps& ops) {
    ExportOutcome outcome;
    const std::string key = scoring::period_key(scoring::period_of(now.date, scoring::PeriodKind::semester));
    auto setting = [&](const formats::SettingSpec& spec) { return store::stored_setting(db, spec).value_or(formats::default_text(spec)); };
    reports::PosterRequest request;
    request.report.period = reports::parse_report_period(key);
    request.report.generated_on = now.date;
    // The name staff set wins (gather_report reads it when this is empty).
    if (!store::stored_setting(db, formats::setting::kOffice)) request.report.office = config.office;
    request.report.region = config.region;
    request.logo = config.logo;
    request.min_n = static_cast<std::uint64_t>(store::integer_setting(db, formats::setting::kMinN));
    request.follow_up = setting(formats::setting::kFollowUp);
    request.contact = setting(formats::setting::kOfficeContact);
    request.complaint_channel = setting(formats::setting::kComplaintChannel);
    const auto data = reports::gather_poster(db, questionnaire, std::move(request));
    if (data.respondents == 0) {
        outcome.problem = Problem{"poster.empty_period",
                                  {{"period", key}, {"dates", reports::range_label(data.period.range, catalog)}, {"file", db.path().string()}}};
        return outcome;
    }
    const auto pdf = dir / ("poster-skm-" + key + ".pdf");
    const auto png = dir / ("poster-skm-" + key + ".png");
    std::vector<std::filesystem::path> partials;
    auto remove_partials = [&] {
        std::error_code ignored;
        for (const auto& partial : partials) std::filesystem::remove(partial, ignored);
    };
    try {
        // Both drawn and written under temporary names before either is published.
        for (const auto& [target, format] : {std::pair{pdf, reports::PosterFormat::pdf_a4}, std::pair{png, reports::PosterFormat::png_square}}) {
            const auto poster = reports::render_poster(data, catalog, format);
            partials.emplace_back(target.string() + ".partial");
            reports::write_whole_file(partials.back(), poster.bytes);
        }
    } catch (const Error& error) {
        remove_partials();
        outcome.problem = error.kind() == ErrorKind::storage && error.problem().key == "poster.failed" ? error.problem()
                                                                                                        : cannot_write(pdf, error);
        return outcome;
    }
    try {
        store::publish_file(ops, partials[0], pdf);  // a USB stick may be pulled right after the message
        store::publish_file(ops, partials[1], png);
    } catch (const Error& error) {
        remove_partials();
        outcome.problem = cannot_write(pdf, error);
        return outcome;
    }
    outcome.file = pdf;
    outcome.second_file = png;
    outcome.rows = data.respondents;
    outcome.withheld = !data.enough;
    return outcome;
}

}  // namespace skm::kiosk
