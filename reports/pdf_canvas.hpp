// A4 portrait pages drawn with cairo, text laid out by pango (Noto Sans):
// a cursor that flows paragraphs and tables down the page and starts a new
// page when the next block does not fit, repeating a table's header row.
// Knows nothing about SKM; pdf_report.cpp says what goes on the pages.
#pragma once

#include "reports/report_table.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <string>

namespace skm::reports {

struct TextStyle {
    double size = 9.5;  // points
    bool bold = false;
    bool italic = false;
    Align align = Align::left;
    double gray = 0;    // 0 black … 1 white
    int max_lines = 0;  // more is cut with "…" (a box of fixed size); 0: no limit
};

class PdfCanvas {
public:
    static constexpr double kPageWidth = 595.276;   // A4 in points
    static constexpr double kPageHeight = 841.890;
    static constexpr double kMarginLeft = 62;
    static constexpr double kMarginRight = 48;
    static constexpr double kMarginTop = 50;
    static constexpr double kMarginBottom = 58;     // the footer sits inside it

    // Draws every page's footer just before the page is finished.
    using Decorate = std::function<void(PdfCanvas& canvas, int page)>;

    // `cr` draws on a cairo PDF surface of A4 size; page 1 is started.
    PdfCanvas(cairo_t* cr, Decorate decorate);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    cairo_t* cr() { return cr_; }
    double left() const { return kMarginLeft; }
    double width() const { return kPageWidth - kMarginLeft - kMarginRight; }
    double bottom() const { return kPageHeight - kMarginBottom; }
    double y() const { return y_; }
    void move_down(double points) { y_ += points; }
    void set_y(double y) { y_ = y; }
    int page() const { return page_; }

    // Starts a new page unless `height` still fits below the cursor.
    void ensure(double height);
    void new_page();
    // Decorates and closes the last page.
    void finish();

    // Wrapped text in a box `width` wide: its height, and drawing it at (x, y).
    double text_height(const std::string& text, const TextStyle& style, double width) const;
    double text_width(const std::string& text, const TextStyle& style) const;
    void draw_text(const std::string& text, const TextStyle& style, double x, double y, double width);

    // Flowing blocks at the cursor, full width.
    void paragraph(const std::string& text, const TextStyle& style = {}, double space_after = 6);
    // A heading stays on the page of what follows it (keep_with points of it).
    void heading(const std::string& text, double keep_with = 90);

    // A table at the cursor in the column from x to x + width; splits across
    // pages between rows. show_title: the table's title above it.
    void table(const Table& table, char decimal_separator, double x, double width, bool show_title = true);
    double table_height(const Table& table, char decimal_separator, double width, bool show_title = true) const;

private:
    PangoLayout* layout(const std::string& text, const TextStyle& style, double width) const;
    std::vector<double> column_widths(const Table& table, double width) const;
    double row_height(const std::vector<std::string>& cells, const Table& table, const std::vector<double>& widths,
                      bool bold, double min_height) const;
    void draw_row(const std::vector<std::string>& cells, const Table& table, const std::vector<double>& widths, double x,
                  double height, bool bold, bool header);

    cairo_t* cr_;
    Decorate decorate_;
    PangoFontMap* font_map_;
    PangoContext* context_;
    double y_ = kMarginTop;
    int page_ = 1;
    bool finished_ = false;
};

}  // namespace skm::reports
