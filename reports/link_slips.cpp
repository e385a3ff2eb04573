#include "reports/link_slips.hpp"

#include "reports/pdf_canvas.hpp"
#include "reports/qr_code.hpp"
#include "reports/report_labels.hpp"
#include "scoring/problem.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdio>

namespace skm::reports {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

constexpr double kSlipWidth = PdfCanvas::kPageWidth / kSlipColumns;
constexpr double kSlipHeight = PdfCanvas::kPageHeight / kSlipRows;
constexpr double kPad = 16;       // inside each slip, so a crooked cut keeps the code whole
constexpr double kQrSide = 160;   // with its quiet zone: ~56 mm, modules near 0.9 mm for a signed link

// The code with its quiet zone in a white square `side` wide at (x, y): the
// dark modules as one path, each row's runs as one rectangle, filled at once
// (no seams between neighbouring modules when a viewer rasterises it).
void draw_qr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side) {
    const double module = side / qr.size_with_quiet_zone();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, side, side);
    cairo_fill(cr);
    const double x0 = x + kQrQuietModules * module;
    const double y0 = y + kQrQuietModules * module;
    for (int row = 0; row < qr.size(); ++row) {
        for (int col = 0; col < qr.size();) {
            if (!qr.dark(col, row)) {
                ++col;
                continue;
            }
            int end = col;
            while (end < qr.size() && qr.dark(end, row)) ++end;
            cairo_rectangle(cr, x0 + col * module, y0 + row * module, (end - col) * module, module);
            col = end;
        }
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill(cr);
}

// Dashed lines between the slips, where the scissors go.
void draw_cut_lines(cairo_t* cr) {
    const double dash[] = {4, 3};
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_set_dash(cr, dash, 2, 0);
    for (int c = 1; c < kSlipColumns; ++c) {
        cairo_move_to(cr, c * kSlipWidth, 0);
        cairo_line_to(cr, c * kSlipWidth, PdfCanvas::kPageHeight);
    }
    for (int r = 1; r < kSlipRows; ++r) {
        cairo_move_to(cr, 0, r * kSlipHeight);
        cairo_line_to(cr, PdfCanvas::kPageWidth, r * kSlipHeight);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

// "14.20" (Indonesian, Javanese) or "14:20" (English).
std::string time_label(const scoring::Timestamp& at, const formats::Catalog& catalog) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d%c%02d", at.hour, catalog.lang() == "en" ? ':' : '.', at.minute);
    return text;
}

void draw_slip(PdfCanvas& canvas, const LinkSlipSheet& sheet, const LinkSlip& slip, const formats::Catalog& catalog,
               double x, double y) {
    // The code on top, centred; the words under it, each on its own lines, centred too.
    const QrMatrix qr = encode_qr(slip.url);
    draw_qr(canvas.cr(), qr, x + (kSlipWidth - kQrSide) / 2, y + kPad, kQrSide);
    const double width = kSlipWidth - 2 * kPad;
    struct Line {
        std::string text;
        TextStyle style;
        double space_after;
    };
    const std::string until = catalog.format("links.slip.valid_until", {{"date", date_label(slip.valid_until.date, catalog)},
                                                                        {"time", time_label(slip.valid_until, catalog)}});
    std::vector<Line> lines;
    lines.push_back({sheet.office, TextStyle{.size = 11, .bold = true, .align = Align::center, .max_lines = 2}, 3});
    if (sheet.layanan) {
        lines.push_back({catalog.format("links.slip.layanan", {{"layanan", *sheet.layanan}}),
                         TextStyle{.size = 10, .align = Align::center, .max_lines = 1}, 3});
    }
    lines.push_back({catalog.text("links.slip.instruction"), TextStyle{.size = 9, .align = Align::center, .max_lines = 2}, 3});
    lines.push_back({until, TextStyle{.size = 9.5, .bold = true, .align = Align::center, .max_lines = 2}, 0});
    double at = y + kPad + kQrSide + 8;
    for (const auto& line : lines) {
        canvas.draw_text(line.text, line.style, x + kPad, at, width);
        at += canvas.text_height(line.text, line.style, width) + line.space_after;
    }
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorKind::storage, Problem{"links.pdf_failed", {{"detail", cairo_status_to_string(status)}}});
    }
}

}  // namespace

std::string render_link_slips(const LinkSlipSheet& sheet, const formats::Catalog& catalog) {
    std::string bytes;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_bytes, &bytes, PdfCanvas::kPageWidth, PdfCanvas::kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, catalog.text("links.pdf.title").c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SKM Kiosk");
    const std::string created = sheet.made_on.str() + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    cairo_t* cr = cairo_create(surface);
    try {
        PdfCanvas canvas(cr, [](PdfCanvas& page, int) { draw_cut_lines(page.cr()); });
        for (std::size_t i = 0; i < sheet.slips.size(); ++i) {
            const int on_page = static_cast<int>(i % kSlipsPerPage);
            if (i > 0 && on_page == 0) canvas.new_page();
            draw_slip(canvas, sheet, sheet.slips[i], catalog, (on_page % kSlipColumns) * kSlipWidth,
                      (on_page / kSlipColumns) * kSlipHeight);
        }
        canvas.finish();
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finished = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    check(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished);
    return bytes;
}

}  // namespace skm::reports
