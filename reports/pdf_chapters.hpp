// The parts of the PDF that make it a Laporan Hasil SKM under Permenpan RB
// 14/2017 beyond the figures: numbered chapter headings, the pendahuluan, how
// the data were collected, the analysis, the signatory block and the
// lampiran. pdf_report.cpp decides the order; these only draw.
#pragma once

#include "formats/catalog.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/report_data.hpp"
#include "reports/report_tables.hpp"

#include <string>

namespace skm::reports {

// What every chapter reads.
struct ChapterPage {
    const ReportData& data;
    const formats::Catalog& catalog;
    char separator;
    const ReportTables& tables;
    std::string office;  // the office's name, or the catalog's "not filled in"
};

// "BAB IV  HASIL SURVEI": centred, kept on the page of keep_with points after it.
void chapter_heading(PdfCanvas& canvas, const std::string& text, double keep_with = 120);
// "4.1 …": smaller, left.
void subheading(PdfCanvas& canvas, const std::string& text, double keep_with = 60);

// BAB I: latar belakang, tujuan, and the office's address when set.
void draw_introduction(PdfCanvas& canvas, const ChapterPage& page);
// In BAB II: the kiosk at the counter, where, when, who, and the min-n rule.
void draw_collection(PdfCanvas& canvas, const ChapterPage& page);
// BAB V without the list of saran: strongest and weakest unsur, the change
// against the previous period and the saran grouped by unsur.
void draw_analysis(PdfCanvas& canvas, const ChapterPage& page);
// In BAB V after the saran: IKM and respondents per hour × weekday, min-n per cell.
void draw_heat_map(PdfCanvas& canvas, const ChapterPage& page);
// The conclusion's sentence on the change against the previous period ("" when none).
std::string change_sentence(const ChapterPage& page);
// Place and date, jabatan, room to sign, name and NIP — dotted lines for what is not set.
void draw_signatory(PdfCanvas& canvas, const ChapterPage& page);
// LAMPIRAN on a new page: the questionnaire as shown, and the tabulation.
void draw_appendix(PdfCanvas& canvas, const ChapterPage& page);

}  // namespace skm::reports
