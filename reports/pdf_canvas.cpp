#include "reports/pdf_canvas.hpp"

#include <algorithm>
#include <numeric>

namespace skm::reports {
namespace {

constexpr const char* kFontFamily = "Noto Sans";
constexpr double kCellPadX = 3.5;
constexpr double kCellPadY = 2.6;
constexpr double kCellFont = 8.3;
constexpr double kLine = 0.5;

TextStyle cell_style(bool bold, Align align) { return TextStyle{kCellFont, bold, false, align, 0}; }
TextStyle title_style() { return TextStyle{10, true, false, Align::left, 0}; }
TextStyle note_style() { return TextStyle{7.5, false, true, Align::left, 0.25}; }

}  // namespace

PdfCanvas::PdfCanvas(cairo_t* cr, Decorate decorate)
    : cr_(cr), decorate_(std::move(decorate)), font_map_(pango_cairo_font_map_new()),
      context_(pango_font_map_create_context(font_map_)) {
    // Unhinted metrics: a PDF is scaled when printed or viewed, so glyph
    // advances must not snap to a screen's pixel grid.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_cairo_update_context(cr_, context_);
}

PdfCanvas::~PdfCanvas() {
    g_object_unref(context_);
    g_object_unref(font_map_);
}

void PdfCanvas::ensure(double height) {
    if (y_ + height > bottom() && y_ > kMarginTop + 1) new_page();
}

void PdfCanvas::new_page() {
    if (decorate_) decorate_(*this, page_);
    cairo_show_page(cr_);
    ++page_;
    y_ = kMarginTop;
}

void PdfCanvas::finish() {
    if (finished_) return;
    finished_ = true;
    if (decorate_) decorate_(*this, page_);
    cairo_show_page(cr_);
}

PangoLayout* PdfCanvas::layout(const std::string& text, const TextStyle& style, double width) const {
    PangoLayout* layout = pango_layout_new(context_);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFontFamily);
    // Absolute size: points on the PDF page, whatever pango's screen resolution.
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    if (style.max_lines > 0) {
        pango_layout_set_height(layout, -style.max_lines);  // negative: a number of lines
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    switch (style.align) {
        case Align::left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT); break;
        case Align::right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT); break;
        case Align::center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER); break;
    }
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    return layout;
}

double PdfCanvas::text_height(const std::string& text, const TextStyle& style, double width) const {
    PangoLayout* l = layout(text, style, width);
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return static_cast<double>(h) / PANGO_SCALE;
}

double PdfCanvas::text_width(const std::string& text, const TextStyle& style) const {
    PangoLayout* l = layout(text, style, -1);  // one line, its natural width
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return static_cast<double>(w) / PANGO_SCALE;
}

void PdfCanvas::draw_text(const std::string& text, const TextStyle& style, double x, double y, double width) {
    PangoLayout* l = layout(text, style, width);
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, style.gray, style.gray, style.gray);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
    cairo_new_path(cr_);  // the path is not part of save/restore: leave no current point behind
    cairo_restore(cr_);
    g_object_unref(l);
}

void PdfCanvas::paragraph(const std::string& text, const TextStyle& style, double space_after) {
    const double height = text_height(text, style, width());
    ensure(height);
    draw_text(text, style, left(), y_, width());
    y_ += height + space_after;
}

void PdfCanvas::heading(const std::string& text, double keep_with) {
    const TextStyle style{12, true, false, Align::left, 0.1};
    const double height = text_height(text, style, width());
    ensure(height + 8 + keep_with);
    y_ += 4;
    draw_text(text, style, left(), y_, width());
    y_ += height + 6;
}

std::vector<double> PdfCanvas::column_widths(const Table& table, double width) const {
    double total = 0;
    for (const auto& column : table.columns) total += column.width;
    std::vector<double> widths;
    for (const auto& column : table.columns) widths.push_back(width * column.width / total);
    return widths;
}

double PdfCanvas::row_height(const std::vector<std::string>& cells, const Table& table, const std::vector<double>& widths,
                             bool bold, double min_height) const {
    double height = 0;
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
        height = std::max(height, text_height(cells[c], cell_style(bold, table.columns[c].align), widths[c] - 2 * kCellPadX));
    }
    return std::max(height + 2 * kCellPadY, min_height);
}

void PdfCanvas::draw_row(const std::vector<std::string>& cells, const Table& table, const std::vector<double>& widths,
                         double x, double height, bool bold, bool header) {
    double cx = x;
    const double row_width = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (header || bold) {
        cairo_save(cr_);
        const double shade = header ? 0.88 : 0.95;
        cairo_set_source_rgb(cr_, shade, shade, header ? 0.93 : shade);
        cairo_rectangle(cr_, x, y_, row_width, height);
        cairo_fill(cr_);
        cairo_restore(cr_);
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        cairo_save(cr_);
        cairo_set_source_rgb(cr_, 0.45, 0.45, 0.45);
        cairo_set_line_width(cr_, kLine);
        cairo_rectangle(cr_, cx, y_, widths[c], height);
        cairo_stroke(cr_);
        cairo_restore(cr_);
        if (c < cells.size()) {
            const Align align = table.columns[c].align;
            draw_text(cells[c], cell_style(bold || header, align), cx + kCellPadX, y_ + kCellPadY, widths[c] - 2 * kCellPadX);
        }
        cx += widths[c];
    }
    y_ += height;
}

namespace {

std::vector<std::string> header_cells(const Table& table) {
    std::vector<std::string> cells;
    for (const auto& column : table.columns) cells.push_back(column.header);
    return cells;
}

std::vector<std::string> display_cells(const Row& row, char separator) {
    std::vector<std::string> cells;
    for (const auto& cell : row.cells) cells.push_back(cell.display(separator));
    return cells;
}

}  // namespace

double PdfCanvas::table_height(const Table& table, char separator, double width, bool show_title) const {
    const auto widths = column_widths(table, width);
    double height = show_title ? text_height(table.title, title_style(), width) + 3 : 0;
    height += row_height(header_cells(table), table, widths, true, 0);
    for (const auto& row : table.rows) height += row_height(display_cells(row, separator), table, widths, row.strong, table.min_row_height);
    for (const auto& note : table.notes) height += text_height(note, note_style(), width) + 1.5;
    return height + (table.notes.empty() ? 0 : 3);
}

void PdfCanvas::table(const Table& table, char separator, double x, double width, bool show_title) {
    const auto widths = column_widths(table, width);
    const auto header = header_cells(table);
    const double header_height = row_height(header, table, widths, true, 0);
    const double title_height = show_title ? text_height(table.title, title_style(), width) + 3 : 0;
    const double first_row =
        table.rows.empty() ? 0 : row_height(display_cells(table.rows.front(), separator), table, widths, table.rows.front().strong, table.min_row_height);
    // The title, the header and the first row never stand alone at a page's foot.
    ensure(title_height + header_height + first_row);
    if (show_title) {
        draw_text(table.title, title_style(), x, y_, width);
        y_ += title_height;
    }
    draw_row(header, table, widths, x, header_height, true, true);
    for (const auto& row : table.rows) {
        const auto cells = display_cells(row, separator);
        const double height = row_height(cells, table, widths, row.strong, table.min_row_height);
        if (y_ + height > bottom()) {
            new_page();
            draw_row(header, table, widths, x, header_height, true, true);
        }
        draw_row(cells, table, widths, x, height, row.strong, false);
    }
    if (!table.notes.empty()) y_ += 3;
    for (const auto& note : table.notes) {
        const double height = text_height(note, note_style(), width);
        ensure(height);
        draw_text(note, note_style(), x, y_, width);
        y_ += height + 1.5;
    }
}

}  // namespace skm::reports

#if defined(__SANITIZE_ADDRESS__)
// Fontconfig 2.14 (Debian 12) loses 288 bytes while parsing the system's
// fonts.conf the first time pango opens a font; it is not ours to free. This
// hook is read by LeakSanitizer in every program that draws a PDF report, so
// the ASan build still fails on any leak of our own.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
// And quietly: a program whose stderr is checked (skm poster, skm report) must not
// gain a "Suppressions used" table at exit.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif
