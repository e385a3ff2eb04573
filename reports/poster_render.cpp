// Index: [format] [colours] [painter] [portrait] [square] [render]
//
// Both layouts are drawn in points of their own page (A4 portrait, or a
// 540-point square) and scaled onto the surface: A3 is A4 enlarged, the PNG
// is the square at two pixels a point. Positions use floating point
// (drawing only); every printed number comes formatted from the data.
#include "reports/poster_render.hpp"

#include "reports/pdf_canvas.hpp"
#include "reports/report_labels.hpp"
#include "scoring/mutu.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>

namespace skm::reports {

// ---- [format] ------------------------------------------------------------------

PosterFormat parse_poster_format(const std::filesystem::path& output, const std::optional<std::string>& paper) {
    std::string ending = output.extension().string();
    std::transform(ending.begin(), ending.end(), ending.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ending == ".png") {
        if (paper) throw Error(ErrorKind::usage, Problem{"poster.paper_with_png", {{"paper", *paper}}});
        return PosterFormat::png_square;
    }
    if (ending != ".pdf") throw Error(ErrorKind::usage, Problem{"poster.bad_output", {{"file", output.string()}}});
    if (!paper || *paper == "a4") return PosterFormat::pdf_a4;
    if (*paper == "a3") return PosterFormat::pdf_a3;
    throw Error(ErrorKind::usage, Problem{"poster.bad_paper", {{"value", *paper}}});
}

namespace {

// ---- [colours] -----------------------------------------------------------------

struct Rgb {
    double r, g, b;
};

constexpr Rgb kNavy{0.07, 0.25, 0.47};
constexpr Rgb kPanel{0.93, 0.95, 0.98};
constexpr Rgb kTrack{0.86, 0.88, 0.91};
constexpr Rgb kBar{0.20, 0.47, 0.76};
constexpr Rgb kWeakest{0.85, 0.40, 0.05};
constexpr Rgb kCaveat{1.00, 0.95, 0.80};
constexpr Rgb kNoFigure{0.45, 0.47, 0.50};

// A green A down to a red D: the colour repeats the letter, it never replaces it.
Rgb mutu_colour(const std::optional<scoring::Mutu>& mutu) {
    if (!mutu) return kNoFigure;
    switch (*mutu) {
        case scoring::Mutu::A: return {0.11, 0.50, 0.25};
        case scoring::Mutu::B: return {0.10, 0.40, 0.70};
        case scoring::Mutu::C: return {0.80, 0.47, 0.05};
        case scoring::Mutu::D: return {0.75, 0.13, 0.13};
    }
    return kNoFigure;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// ---- [painter] -----------------------------------------------------------------

// Draws one poster on `cr`, already scaled to the layout's points.
class PosterPainter {
public:
    PosterPainter(cairo_t* cr, const PosterData& data, const formats::Catalog& catalog, cairo_surface_t* logo)
        : canvas_(cr, nullptr), cr_(cr), d_(data), c_(catalog), sep_(catalog.decimal_separator()), logo_(logo) {}

    void portrait(double width, double height);
    void square(double size);

private:
    std::string text(const char* key) const { return c_.text(key); }
    std::string num(const std::optional<scoring::Decimal>& value) const { return number_text(value, sep_); }
    // An office without a name set prints none (the command says so), never a placeholder.
    const std::string& office() const { return d_.office; }

    void fill(const Rgb& colour, double x, double y, double w, double h) {
        cairo_save(cr_);
        cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_fill(cr_);
        cairo_restore(cr_);
    }
    // Draws and returns the height used.
    double put(const std::string& s, const TextStyle& style, double x, double y, double w) {
        if (s.empty()) return 0;
        canvas_.draw_text(s, style, x, y, w);
        return canvas_.text_height(s, style, w);
    }
    double height_of(const std::string& s, const TextStyle& style, double w) const {
        return s.empty() ? 0 : canvas_.text_height(s, style, w);
    }

    // The logo scaled into a box, centred; returns its drawn width (0: none).
    double logo(double x, double y, double box) {
        if (!logo_) return 0;
        const double w = cairo_image_surface_get_width(logo_);
        const double h = cairo_image_surface_get_height(logo_);
        if (w <= 0 || h <= 0) return 0;
        const double scale = box / std::max(w, h);
        cairo_save(cr_);
        cairo_translate(cr_, x + (box - w * scale) / 2, y + (box - h * scale) / 2);
        cairo_scale(cr_, scale, scale);
        cairo_set_source_surface(cr_, logo_, 0, 0);
        cairo_paint(cr_);
        cairo_restore(cr_);
        return box;
    }

    struct HeaderSizes {
        double title, office, lines, logo;
    };
    // The band across the top: logo, title, office, region, layanan, period. Returns its height.
    double header(double width, double margin, const HeaderSizes& size) {
        const double text_x = margin + (logo_ ? size.logo + margin * 0.6 : 0);
        const double text_w = width - text_x - margin;
        const TextStyle title{size.title, true, false, Align::left, 0.82};
        const TextStyle name{size.office, true, false, Align::left, 1, 2};
        const TextStyle line{size.lines, false, false, Align::left, 0.9, 2};
        const TextStyle period_style{size.lines, true, false, Align::left, 1};
        const std::string layanan = d_.layanan.empty() ? "" : c_.format("poster.layanan", {{"layanan", d_.layanan}});
        const std::string period = period_label(d_.period, c_);
        const double gap = size.lines * 0.35;
        double text_h = height_of(text("poster.title"), title, text_w) + gap + height_of(office(), name, text_w) + gap +
                        height_of(period, period_style, text_w);
        if (!d_.region.empty()) text_h += height_of(d_.region, line, text_w);
        if (!layanan.empty()) text_h += height_of(layanan, line, text_w) + gap;
        const double top = margin * 0.7;
        const double band = top * 2 + std::max(text_h, logo_ ? size.logo : 0.0);
        fill(kNavy, 0, 0, width, band);
        if (logo_) {
            // A white tile under the logo: most office logos are drawn for white paper.
            const double pad = size.logo * 0.06;
            fill({1, 1, 1}, margin - pad, top - pad, size.logo + 2 * pad, size.logo + 2 * pad);
            logo(margin, top, size.logo);
        }
        double y = top + (std::max(text_h, logo_ ? size.logo : 0.0) - text_h) / 2;
        y += put(text("poster.title"), title, text_x, y, text_w) + gap;
        y += put(office(), name, text_x, y, text_w);
        y += put(d_.region, line, text_x, y, text_w) + gap;
        if (!layanan.empty()) y += put(layanan, line, text_x, y, text_w) + gap;
        put(period, period_style, text_x, y, text_w);
        return band;
    }

    struct BarSizes {
        double font, row, name_width;
        int name_lines = 1;  // a long unsur name wraps to this many lines before "…"
    };
    // The nine unsur as bars on the whole 0–4 scale (a bar starting at 1
    // would make small differences look large); the weakest in orange, marked.
    double bars(double x, double y, double w, const BarSizes& size) {
        const TextStyle heading{size.font * 1.25, true, false, Align::left, 0.1};
        y += put(text("poster.unsur_title"), heading, x, y, w) + size.row * 0.3;
        const double value_w = canvas_.text_width("4,000 ", TextStyle{size.font, true}) +
                               canvas_.text_width(text("poster.weakest"), TextStyle{size.font * 0.85, true});
        const double bar_x = x + size.name_width + size.font * 0.6;
        const double bar_w = std::max(10.0, w - size.name_width - size.font * 0.6 - value_w - size.font * 0.4);
        const double bar_h = size.row * 0.52;
        for (const PosterBar& bar : d_.bars) {
            const TextStyle name{size.font, bar.weakest, false, Align::right, 0.1, size.name_lines};
            const double name_h = canvas_.text_height("Ag", name, size.name_width);
            const std::string unsur = unsur_name(d_.questionnaire, bar.unsur, c_);
            put(unsur, name, x, y + (size.row - height_of(unsur, name, size.name_width)) / 2, size.name_width);
            const double bar_y = y + (size.row - bar_h) / 2;
            fill(kTrack, bar_x, bar_y, bar_w, bar_h);
            if (bar.nrr) {
                const double share = std::clamp(bar.nrr->value().get_d() / 4.0, 0.0, 1.0);
                fill(bar.weakest ? kWeakest : kBar, bar_x, bar_y, bar_w * share, bar_h);
            }
            const TextStyle value{size.font, true, false, Align::left, 0.1};
            const double value_x = bar_x + bar_w + size.font * 0.4;
            const std::string value_text = num(bar.nrr);
            put(value_text, value, value_x, y + (size.row - name_h) / 2, value_w);
            if (bar.weakest) {
                const TextStyle mark{size.font * 0.85, true, false, Align::left, 0.1};
                canvas_.draw_text(text("poster.weakest"), mark, value_x + canvas_.text_width(value_text + " ", value),
                                  y + (size.row - canvas_.text_height("Ag", mark, value_w)) / 2, value_w);
            }
            y += size.row;
        }
        // The scale under the bars: 0 and 4 at their ends.
        const TextStyle scale{size.font * 0.8, false, false, Align::left, 0.4};
        put("0", scale, bar_x, y + 1, bar_w);
        put("4", TextStyle{size.font * 0.8, false, false, Align::right, 0.4}, bar_x, y + 1, bar_w);
        return y + height_of("0", scale, bar_w) + 2;
    }

    std::string change_text() const {
        if (!d_.previous) return "";
        const std::string before = period_label(ReportPeriod{scoring::period_key(*d_.previous), scoring::range_of(*d_.previous), d_.previous}, c_);
        if (!d_.change) return c_.format("poster.change_none", {{"period", before}});
        const int sign = sgn(d_.change->value());
        const char* key = sign > 0 ? "poster.change_up" : sign < 0 ? "poster.change_down" : "poster.change_same";
        scoring::Decimal size = *d_.change;
        if (sign < 0) size.units = -size.units;
        return c_.format(key, {{"change", size.str(sep_)}, {"previous", num(d_.previous_ikm)}, {"period", before}});
    }

    // Whether the respondents are fewer than the sample the population needs: then the figures carry a caveat.
    std::string sample_text() const {
        if (!d_.sample) return text("poster.sample_unknown");
        if (d_.sample->reached()) return c_.format("poster.sample_reached", {{"sample", std::to_string(d_.sample->needed)}});
        return c_.format("poster.sample_short",
                         {{"sample", std::to_string(d_.sample->needed)}, {"missing", std::to_string(d_.sample->missing())}});
    }
    bool sample_short() const { return d_.sample && !d_.sample->reached(); }

    // The IKM panel (light) and the mutu panel (its colour) side by side, `h` tall.
    void ikm_and_mutu(double x, double y, double w, double h, double number_size, double gap) {
        const double ikm_w = w * 0.56;
        const double mutu_w = w - ikm_w - gap;
        fill(kPanel, x, y, ikm_w, h);
        const TextStyle label{number_size * 0.2, true, false, Align::center, 0.25};
        const TextStyle number{number_size, true, false, Align::center, 0.05};
        const TextStyle under{number_size * 0.19, false, false, Align::center, 0.35};
        const std::string ikm = num(d_.headline.ikm);
        const double block = height_of(text("poster.ikm_label"), label, ikm_w) + height_of(ikm, number, ikm_w) * 0.92 +
                             height_of(text("poster.ikm_scale"), under, ikm_w);
        double ty = y + (h - block) / 2;
        ty += put(text("poster.ikm_label"), label, x, ty, ikm_w);
        ty += put(ikm, number, x, ty, ikm_w) * 0.92;
        put(d_.headline.ikm ? text("poster.ikm_scale") : text("report.pdf.box_no_ikm"), under, x, ty, ikm_w);

        const double mx = x + ikm_w + gap;
        fill(mutu_colour(d_.headline.mutu), mx, y, mutu_w, h);
        const TextStyle mlabel{number_size * 0.2, true, false, Align::center, 1};
        const TextStyle letter{number_size, true, false, Align::center, 1};
        const TextStyle words{number_size * 0.27, true, false, Align::center, 1, 2};
        const std::string kinerja = kinerja_text(d_.headline.mutu, c_);
        const double mblock = height_of(text("poster.mutu_label"), mlabel, mutu_w) +
                              height_of("A", letter, mutu_w) * 0.92 + height_of(kinerja, words, mutu_w - 8);
        double my = y + (h - mblock) / 2;
        my += put(text("poster.mutu_label"), mlabel, mx, my, mutu_w);
        my += put(mutu_text(d_.headline.mutu), letter, mx, my, mutu_w) * 0.92;
        put(kinerja, words, mx + 4, my, mutu_w - 8);
    }

    // The caveat box; returns its height (0 when there is nothing to say).
    double caveat(double x, double y, double w, double font) {
        if (!sample_short()) return 0;
        const TextStyle style{font, true, false, Align::left, 0.15};
        const double pad = font * 0.7;
        const std::string s = sample_text();
        const double h = height_of(s, style, w - 2 * pad) + 2 * pad;
        fill(kCaveat, x, y, w, h);
        fill(kWeakest, x, y, font * 0.35, h);
        put(s, style, x + pad, y + pad, w - 2 * pad);
        return h;
    }

    // Below min-n: no figure at all, only why.
    double not_enough(double x, double y, double w, double big) {
        const TextStyle head{big, true, false, Align::center, 0.2};
        const TextStyle why{big * 0.36, false, false, Align::center, 0.3};
        // At or above min-n and still hidden: withheld so a smaller group cannot be worked out from a total.
        const bool withheld = d_.respondents >= d_.min_n;
        const std::string reason = c_.format(withheld ? "poster.withheld_detail" : "poster.not_enough_detail",
                                             {{"min_n", std::to_string(d_.min_n)}});
        const double pad = big * 0.6;
        const double h = height_of(text("poster.not_enough"), head, w - 2 * pad) + height_of(reason, why, w - 2 * pad) + 2 * pad + big * 0.3;
        fill(kPanel, x, y, w, h);
        double ty = y + pad;
        ty += put(text("poster.not_enough"), head, x + pad, ty, w - 2 * pad) + big * 0.3;
        put(reason, why, x + pad, ty, w - 2 * pad);
        return h;
    }

    // A titled box with a coloured edge; `lines` caps the body. Returns its height.
    // `at_least`: boxes side by side are drawn equally tall.
    double titled_box(const std::string& title, const std::vector<std::string>& body, double x, double y, double w,
                      double font, int lines, double at_least = 0, bool draw = true) {
        const TextStyle head{font * 1.15, true, false, Align::left, 0.1};
        const TextStyle style{font, false, false, Align::left, 0.15, lines};
        const double pad = font * 0.8;
        double h = height_of(title, head, w - 2 * pad) + pad * 2 + font * 0.3;
        for (const auto& s : body) h += height_of(s, style, w - 2 * pad) + font * 0.25;
        h = std::max(h, at_least);
        if (!draw) return h;
        fill(kPanel, x, y, w, h);
        fill(kNavy, x, y, font * 0.35, h);
        double ty = y + pad;
        ty += put(title, head, x + pad, ty, w - 2 * pad) + font * 0.3;
        for (const auto& s : body) ty += put(s, style, x + pad, ty, w - 2 * pad) + font * 0.25;
        return h;
    }

    std::vector<std::string> complaint_lines() const {
        std::vector<std::string> lines{c_.format("poster.complain", {{"channel", d_.complaint_channel}})};
        if (!d_.contact.empty()) lines.push_back(c_.format("poster.contact", {{"contact", d_.contact}}));
        return lines;
    }

    std::string footer() const { return c_.format("poster.footer", {{"date", date_label(d_.generated_on, c_)}}); }

    PdfCanvas canvas_;
    cairo_t* cr_;
    const PosterData& d_;
    const formats::Catalog& c_;
    char sep_;
    cairo_surface_t* logo_;
};

// ---- [portrait] ----------------------------------------------------------------

void PosterPainter::portrait(double width, double height) {
    const double m = 38;
    const double w = width - 2 * m;
    double y = header(width, m, {11.5, 21, 12, 80}) + 18;
    // From the bottom up: the footer, where to complain, and room for the
    // follow-up's first lines; the figures get what is left above them.
    const TextStyle foot{7.5, false, false, Align::center, 0.4};
    const double footer_y = height - m * 0.5 - height_of(footer(), foot, w);
    const std::vector<std::string> complain = complaint_lines();
    const std::vector<std::string> follow{d_.follow_up};
    const double complain_h = titled_box(text("poster.complain_title"), complain, m, 0, w, 12, 3, 0, false);
    const double complain_y = footer_y - 14 - complain_h;
    const double follow_room = d_.follow_up.empty() ? 0 : titled_box(text("poster.follow_up_title"), follow, m, 0, w, 12, 3, 0, false) + 12;
    const double figures_end = complain_y - follow_room - 12;
    if (d_.enough) {
        ikm_and_mutu(m, y, w, 150, 72, 14);
        y += 150 + 14;
        // Respondents, the sample and the change against the previous period, one line each.
        const TextStyle big{14, true, false, Align::left, 0.1};
        const TextStyle plain{11.5, false, false, Align::left, 0.2};
        y += put(c_.format("poster.respondents", {{"respondents", std::to_string(d_.respondents)}}), big, m, y, w) + 4;
        if (!sample_short()) y += put(sample_text(), plain, m, y, w) + 3;
        y += put(change_text(), plain, m, y, w) + 8;
        const double c = caveat(m, y, w, 11);
        y += c > 0 ? c + 14 : 8;
        // Rows as tall as the room allows (a caveat takes some), within reason.
        const double rows = static_cast<double>(std::max<std::size_t>(d_.bars.size(), 1));
        const double row = std::clamp((figures_end - y - 40) / rows, 16.0, 23.0);
        y = bars(m, y, w, {std::min(10.5, row * 0.55), row, 240}) + 12;
    } else {
        y += std::max(0.0, (figures_end - y - 150) / 3);  // a little above the middle of the free room
        y += not_enough(m, y, w, 36) + 22;
    }
    if (!d_.follow_up.empty()) {
        // As many lines as fit; a longer text ends in "…" (docs: keep it to a few sentences).
        const int lines = std::max(3, static_cast<int>((complain_y - 12 - y - 40) / 17));
        titled_box(text("poster.follow_up_title"), follow, m, y, w, 12, lines);
    }
    titled_box(text("poster.complain_title"), complain, m, complain_y, w, 12, 3);
    put(footer(), foot, m, footer_y, w);
}

// ---- [square] ------------------------------------------------------------------

void PosterPainter::square(double size) {
    const double m = 22;
    const double w = size - 2 * m;
    const double top = header(size, m, {9, 15, 9.5, 58}) + 16;
    const TextStyle foot{6, false, false, Align::center, 0.4};
    const double footer_y = size - 8 - height_of(footer(), foot, w);
    if (d_.enough) {
        const double left_w = 214;
        const double gap = 16;
        ikm_and_mutu(m, top, left_w, 136, 40, 6);
        double y = top + 136 + 12;
        const TextStyle big{11.5, true, false, Align::left, 0.1};
        const TextStyle plain{9.5, false, false, Align::left, 0.2, 3};
        y += put(c_.format("poster.respondents", {{"respondents", std::to_string(d_.respondents)}}), big, m, y, left_w) + 3;
        if (!sample_short()) y += put(sample_text(), plain, m, y, left_w) + 2;
        y += put(change_text(), plain, m, y, left_w) + 5;
        caveat(m, y, left_w, 7.5);
        bars(m + left_w + gap, top - 2, w - left_w - gap, {9, 28, 112, 2});
    } else {
        not_enough(m, top + 60, w, 28);
    }
    // The lower band: the follow-up (its first lines) beside where to complain, equally tall.
    const std::vector<std::string> complain = complaint_lines();
    if (!d_.follow_up.empty()) {
        const double half = (w - 10) / 2;
        const std::vector<std::string> follow{d_.follow_up};
        const double h = std::max(titled_box(text("poster.follow_up_title"), follow, m, 0, half, 8, 4, 0, false),
                                  titled_box(text("poster.complain_title"), complain, m, 0, half, 8, 3, 0, false));
        const double y = footer_y - 8 - h;
        titled_box(text("poster.follow_up_title"), follow, m, y, half, 8, 4, h);
        titled_box(text("poster.complain_title"), complain, m + half + 10, y, half, 8, 3, h);
    } else {
        const double h = titled_box(text("poster.complain_title"), complain, m, 0, w, 8, 3, 0, false);
        titled_box(text("poster.complain_title"), complain, m, footer_y - 8 - h, w, 8, 3);
    }
    put(footer(), foot, m, footer_y, w);
}

// ---- [render] ------------------------------------------------------------------

struct PngReader {
    std::string_view bytes;
    std::size_t at = 0;
};

cairo_status_t read_png_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes.size() - reader->at < length) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(reader->bytes.data() + reader->at, length, data);
    reader->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The logo as an image surface (from the file, else from the bytes), or
// nullptr when there is none or it is not a readable PNG.
cairo_surface_t* load_logo(const std::filesystem::path& file, const std::string& bytes) {
    if (file.empty() && bytes.empty()) return nullptr;
    PngReader reader{bytes};
    cairo_surface_t* surface = file.empty() ? cairo_image_surface_create_from_png_stream(read_png_bytes, &reader)
                                            : cairo_image_surface_create_from_png(file.c_str());
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return nullptr;
    }
    return surface;
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorKind::storage, Problem{"poster.failed", {{"detail", cairo_status_to_string(status)}}});
    }
}

}  // namespace

PosterOutput render_poster(const PosterData& data, const formats::Catalog& catalog, PosterFormat format) {
    PosterOutput out;
    cairo_surface_t* logo = load_logo(data.logo, data.logo_png);
    out.logo_drawn = logo != nullptr;
    const bool png = format == PosterFormat::png_square;
    const double square = kPosterPngPixels / 2.0;
    // A3 is A4 enlarged: the same poster, √2 bigger.
    const double scale = png ? 2.0 : format == PosterFormat::pdf_a3 ? PdfCanvas::kPageHeight / PdfCanvas::kPageWidth : 1.0;
    cairo_surface_t* surface = nullptr;
    if (png) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, kPosterPngPixels, kPosterPngPixels);
    } else {
        // ISO sizes are not exactly √2 apart: A3 is 297 × 420 mm, the A4 drawing enlarged (0.1 pt left over at the foot).
        const bool a3 = format == PosterFormat::pdf_a3;
        surface = cairo_pdf_surface_create_for_stream(append_bytes, &out.bytes, a3 ? 841.890 : PdfCanvas::kPageWidth,
                                                      a3 ? 1190.551 : PdfCanvas::kPageHeight);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                       (catalog.text("poster.title") + " — " + period_label(data.period, catalog)).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SKM Kiosk");
        const std::string created = data.generated_on.str() + "T00:00:00";  // the same data gives the same file
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    }
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    try {
        PosterPainter painter(cr, data, catalog, logo);
        if (png) {
            painter.square(square);
        } else {
            painter.portrait(PdfCanvas::kPageWidth, PdfCanvas::kPageHeight);
        }
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        if (logo) cairo_surface_destroy(logo);
        throw;
    }
    if (!png) cairo_show_page(cr);
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    if (logo) cairo_surface_destroy(logo);
    if (png) {
        cairo_surface_flush(surface);
        const cairo_status_t written = drawn == CAIRO_STATUS_SUCCESS ? cairo_surface_write_to_png_stream(surface, append_bytes, &out.bytes) : drawn;
        cairo_surface_destroy(surface);
        check(written);
    } else {
        cairo_surface_finish(surface);
        const cairo_status_t finished = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        check(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished);
    }
    return out;
}

std::string small_logo_png(const std::filesystem::path& file, std::size_t max_bytes) {
    cairo_surface_t* logo = load_logo(file, "");
    if (!logo) return "";
    const double w = cairo_image_surface_get_width(logo);
    const double h = cairo_image_surface_get_height(logo);
    std::string png;
    // Halving the side until it fits: a poster's logo box is a few centimetres.
    for (double side = 512; side >= 32 && (png.empty() || png.size() > max_bytes); side /= 2) {
        const double scale = std::min(1.0, side / std::max(w, h));
        const int out_w = std::max(1, static_cast<int>(w * scale));
        const int out_h = std::max(1, static_cast<int>(h * scale));
        cairo_surface_t* small = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, out_w, out_h);
        cairo_t* cr = cairo_create(small);
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, logo, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_destroy(cr);
        png.clear();
        if (cairo_surface_write_to_png_stream(small, append_bytes, &png) != CAIRO_STATUS_SUCCESS) png.clear();
        cairo_surface_destroy(small);
        if (png.empty()) break;
    }
    cairo_surface_destroy(logo);
    return png.size() <= max_bytes ? png : "";
}

}  // namespace skm::reports
