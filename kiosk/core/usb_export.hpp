// Export to a USB stick from the staff view, for offices without network:
// finds mounted removable media and writes every stored response there as
// the response CSV of docs/reference/file-formats.md#response-csv (complete file or nothing: a temporary name,
// fsynced, renamed at the end and its folder fsynced, through store::FileOps,
// so a stick pulled right after the message holds the whole file).
//
// Removable means what the kernel says, not "some folder under /media": a
// mount in the mount table whose block device (its whole disk, for a
// partition) has sysfs `removable` = 1 or hangs off the USB bus (many sticks
// and USB disks report removable = 0). An internal disk mounted under /mnt,
// or a plain folder someone made under /media, is never offered.
#pragma once

#include "formats/catalog.hpp"
#include "formats/profile_options.hpp"
#include "formats/kiosk_config.hpp"
#include "formats/questionnaire.hpp"
#include "reports/write_report.hpp"
#include "store/file_ops.hpp"
#include "store/response_store.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace skm::kiosk {

// Where removable_media looks; a test gives a fake mount table and sysfs tree.
struct MediaSources {
    std::filesystem::path mounts = "/proc/self/mounts";
    std::filesystem::path sysfs = "/sys";
};

// Mount points of removable devices that this process can write to, in
// mount-table order, each once.
std::vector<std::filesystem::path> removable_media(const MediaSources& sources = {});

// Writes <dir>/skm-<device>-<YYYYMMDD-HHMMSS>.csv; returns its path or the
// problem (export.cannot_write) in plain words.
struct ExportOutcome {
    std::optional<std::filesystem::path> file;
    std::optional<Problem> problem;
    std::size_t rows = 0;
    std::optional<std::filesystem::path> second_file;  // the poster's PNG beside its PDF
    bool withheld = false;  // a poster without figures: fewer respondents than min-n
};
ExportOutcome export_responses_csv(const store::ResponseStore& db, const std::vector<std::string>& unsur_codes,
                                   const std::filesystem::path& dir, const std::string& device_id,
                                   const scoring::Timestamp& now, store::FileOps& ops = store::system_file_ops());

// The current semester's SKM report (PDF or XLSX) to <dir>/laporan-skm-<2025-S2>.<ext>,
// in the catalog's language, the profile's sub-options labelled from
// profile_options; problems as above, or report.empty_period.
ExportOutcome export_semester_report(const store::ResponseStore& db, const formats::Questionnaire& questionnaire,
                                     const formats::Catalog& catalog, const std::filesystem::path& dir,
                                     const scoring::Timestamp& now, reports::ReportFormat format,
                                     const formats::ProfileOptions& profile_options,
                                     store::FileOps& ops = store::system_file_ops());

// The current semester's SKM poster (reports/poster_data, poster_render), as
// the A4 PDF for the notice board and the 1080×1080 PNG for social media:
// <dir>/poster-skm-<2025-S2>.pdf and .png, each whole or not at all (both
// drawn before either is written), in the catalog's language. `file` is the
// PDF, `second_file` the PNG; `rows` the respondents. Problems as above, or
// poster.empty_period. The office's name, region and logo come from
// `config` where the database has none (as `skm poster --config`).
ExportOutcome export_semester_poster(const store::ResponseStore& db, const formats::Questionnaire& questionnaire,
                                     const formats::Catalog& catalog, const std::filesystem::path& dir,
                                     const scoring::Timestamp& now, const formats::KioskConfig& config,
                                     store::FileOps& ops = store::system_file_ops());

}  // namespace skm::kiosk
