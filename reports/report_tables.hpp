// The report's tables, built once from ReportData in the catalog's language:
// the summary, NRR per unsur, per layanan, sample adequacy, monthly trend,
// respondent profile, saran, rencana tindak lanjut and the LKjIP table.
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

#include <optional>
#include <vector>

namespace skm::reports {

struct ReportTables {
    Table summary;
    Table unsur;
    Table layanan;
    std::optional<Table> sample;  // only when a population is known
    Table months;
    std::vector<Table> profile;   // jenis kelamin, umur, pendidikan, pekerjaan, layanan
    Table saran;
    Table follow_up;              // rencana tindak lanjut, seeded with the weakest unsur
    Table lkjip;
    // The Laporan Hasil SKM chapters' own (reports/report_chapter_tables).
    Table saran_by_unsur;
    Table questionnaire;          // lampiran 1
    Table tabulation;             // lampiran 2
    Table heat_map;               // hour × weekday (analysis, PDF only)

    // In report order (the order of the XLSX sheets and the CSV sections).
    std::vector<const Table*> all() const;
};

// decimal_separator shapes the few numbers inside labels ("bobot 0,111").
ReportTables build_tables(const ReportData& data, const formats::Catalog& catalog, char decimal_separator);

// Capaian (%) of a printed realisasi against a target, as skm check recomputes it.
std::optional<scoring::Decimal> capaian(const std::optional<scoring::Decimal>& realisasi,
                                        const std::optional<scoring::Decimal>& target);

}  // namespace skm::reports
