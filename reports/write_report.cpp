#include "reports/write_report.hpp"

#include "reports/csv_report.hpp"
#include "reports/pdf_report.hpp"
#include "reports/xlsx_report.hpp"

namespace skm::reports {

ReportFormat parse_report_format(std::string_view text) {
    if (text == "pdf") return ReportFormat::pdf;
    if (text == "xlsx") return ReportFormat::xlsx;
    if (text == "csv") return ReportFormat::csv;
    if (text == "csv-id") return ReportFormat::csv_id;
    throw Error(ErrorKind::usage, Problem{"report.bad_format", {{"value", std::string(text)}}});
}

void write_report(ReportFormat format, const ReportData& data, const formats::Catalog& catalog,
                  const std::filesystem::path& file) {
    switch (format) {
        case ReportFormat::pdf: write_pdf_report(data, catalog, file); return;
        case ReportFormat::xlsx: write_xlsx_report(data, catalog, file); return;
        case ReportFormat::csv: write_csv_report(data, catalog, formats::CsvDialect::standard, file); return;
        case ReportFormat::csv_id: write_csv_report(data, catalog, formats::CsvDialect::indonesian_excel, file); return;
    }
}

}  // namespace skm::reports
