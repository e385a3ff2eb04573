// Index: [output] [sections] [render]
#include "reports/pdf_report.hpp"

#include "reports/pdf_canvas.hpp"
#include "reports/pdf_chapters.hpp"
#include "reports/pdf_chart.hpp"
#include "reports/report_file.hpp"
#include "reports/report_labels.hpp"
#include "reports/report_privacy.hpp"
#include "reports/report_sample.hpp"
#include "reports/report_tables.hpp"
#include "scoring/mutu.hpp"

#include <cairo-pdf.h>

#include <algorithm>

namespace skm::reports {
namespace {

using scoring::Decimal;

// The PDF lists this many of the newest saran; the XLSX and CSV have all.
constexpr std::size_t kSaranInPdf = 25;

// ---- [output] ----------------------------------------------------------------

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard_bytes(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// ---- [sections] ----------------------------------------------------------------

class PdfWriter {
public:
    PdfWriter(const ReportData& data, const formats::Catalog& catalog)
        : d_(data), c_(catalog), sep_(catalog.decimal_separator()), tables_(build_tables(data, catalog, sep_)),
          h_(data.headline()), page_{data, catalog, sep_, tables_, office()} {}

    // Draws the report; total_pages is printed in the footers (0 on the
    // counting pass). Returns the number of pages.
    int render(cairo_t* cr, int total_pages) {
        total_pages_ = total_pages;
        PdfCanvas canvas(cr, [this](PdfCanvas& page_canvas, int page) { footer(page_canvas, page); });
        // The chapters of a Laporan Hasil SKM (docs/reference/skm-rules.md#report-structure).
        title_block(canvas);
        chapter_heading(canvas, text("report.pdf.ch.intro"));
        draw_introduction(canvas, page_);
        chapter_heading(canvas, text("report.pdf.ch.method"));
        draw_collection(canvas, page_);
        method(canvas);
        chapter_heading(canvas, text("report.pdf.ch.respondents"));
        sample(canvas);
        profile(canvas);
        chapter_heading(canvas, text("report.pdf.ch.results"), 200);
        results(canvas);
        layanan(canvas);
        trend(canvas);
        lkjip(canvas);
        chapter_heading(canvas, text("report.pdf.ch.analysis"));
        draw_analysis(canvas, page_);
        saran(canvas);
        draw_heat_map(canvas, page_);
        chapter_heading(canvas, text("report.pdf.ch.follow_up"), 160);
        follow_up(canvas);
        // The conclusion and the signature under it open together on a page: never a signature alone.
        chapter_heading(canvas, text("report.pdf.ch.conclusion"), 230);
        conclusion(canvas);
        draw_appendix(canvas, page_);
        canvas.finish();
        return canvas.page();
    }

private:
    std::string text(const char* key) const { return c_.text(key); }
    std::string num(const std::optional<Decimal>& value) const { return number_text(value, sep_); }
    std::string period() const { return period_label(d_.request.period, c_); }
    std::string office() const { return d_.office.empty() ? text("report.office_unknown") : d_.office; }

    void footer(PdfCanvas& canvas, int page) {
        const double y = PdfCanvas::kPageHeight - 40;
        cairo_t* cr = canvas.cr();
        cairo_save(cr);
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, canvas.left(), y - 4);
        cairo_line_to(cr, canvas.left() + canvas.width(), y - 4);
        cairo_stroke(cr);
        cairo_restore(cr);
        const TextStyle style{7, false, false, Align::left, 0.35};
        canvas.draw_text(c_.format("report.pdf.footer", {{"office", office()}, {"period", period()}}), style, canvas.left(), y,
                         canvas.width() * 0.75);
        TextStyle right = style;
        right.align = Align::right;
        const std::string pages = total_pages_ > 0 ? std::to_string(total_pages_) : "?";
        canvas.draw_text(c_.format("report.pdf.page", {{"page", std::to_string(page)}, {"pages", pages}}), right,
                         canvas.left() + canvas.width() * 0.75, y, canvas.width() * 0.25);
    }

    void title_block(PdfCanvas& canvas) {
        canvas.paragraph(text("report.title"), TextStyle{15, true, false, Align::center, 0}, 6);
        canvas.paragraph(office(), TextStyle{12.5, true, false, Align::center, 0}, 2);
        if (!d_.request.region.empty()) canvas.paragraph(d_.request.region, TextStyle{10.5, false, false, Align::center, 0}, 2);
        canvas.paragraph(c_.format("report.pdf.period_line", {{"period", period()}, {"dates", range_label(d_.request.period.range, c_)}}),
                         TextStyle{10.5, false, false, Align::center, 0}, 8);
        cairo_t* cr = canvas.cr();
        cairo_save(cr);
        cairo_set_line_width(cr, 1.2);
        cairo_move_to(cr, canvas.left(), canvas.y());
        cairo_line_to(cr, canvas.left() + canvas.width(), canvas.y());
        cairo_stroke(cr);
        cairo_restore(cr);
        canvas.move_down(10);
    }

    std::string weight_text() const {
        const auto& unsur = d_.questionnaire.unsur;
        const bool equal = std::all_of(unsur.begin(), unsur.end(), [&](const auto& u) { return u.weight_text == unsur.front().weight_text; });
        return equal && !unsur.empty() ? unsur.front().weight_text : text("report.pdf.weights_vary");
    }

    void method(PdfCanvas& canvas) {
        canvas.paragraph(c_.format("report.pdf.method_unsur",
                                   {{"count", std::to_string(d_.questionnaire.unsur.size())}, {"bobot", weight_text()}}));
        canvas.paragraph(text("report.pdf.method_formula"));
        if (d_.annual) {
            const auto method = d_.request.annual;
            const auto other_method = method == AnnualMethod::pooled ? AnnualMethod::semesters : AnnualMethod::pooled;
            const Headline other = other_headline(d_.overall, method);
            const char* key = other.ikm ? "report.pdf.annual" : "report.pdf.annual_other_missing";
            canvas.paragraph(c_.format(key, {{"method", method_label(method, c_)},
                                             {"value", num(h_.ikm)},
                                             {"other_method", method_label(other_method, c_)},
                                             {"other", num(other.ikm)}}));
        }
        if (d_.flagged > 0) {
            canvas.paragraph(c_.format("report.pdf.flagged", {{"flagged", count_text(d_.flagged, c_)},
                                                              {"ikm", num(headline(d_.unflagged, d_.request.annual, d_.annual).ikm)}}));
        } else {
            canvas.paragraph(text("report.pdf.no_flagged"));
        }
    }

    // BAB III opens with the respondents against the sample the period needs.
    void sample(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.sample"));
        const std::string respondents = count_text(d_.respondents(), c_);
        if (d_.sample) {
            const auto& s = *d_.sample;
            const auto& population = *d_.period_population;
            canvas.paragraph(population_basis_text(population, c_, *d_.year) + " " +
                             c_.format("report.pdf.sample_known", {{"sample", count_text(s.needed, c_)},
                                                                   {"respondents", respondents},
                                                                   {"status", sample_status_text(s, population.population, c_)}}));
            semesters_short(canvas);
        } else if (d_.year) {
            canvas.paragraph(c_.format("report.pdf.sample_unknown", {{"year", std::to_string(*d_.year)}, {"respondents", respondents}}));
        } else {
            canvas.paragraph(c_.format("report.pdf.sample_range", {{"respondents", respondents}}));
        }
        if (tables_.sample) {
            canvas.table(*tables_.sample, sep_, canvas.left(), canvas.width());
            canvas.move_down(10);
        }
    }

    // An annual report names each semester that fell short of its own minimum:
    // the mean of semesters weighs it as much as the other.
    void semesters_short(PdfCanvas& canvas) {
        if (!d_.annual) return;
        for (std::size_t i = 0; i < d_.semester_samples.size(); ++i) {
            const auto& s = d_.semester_samples[i];
            if (!s || s->reached()) continue;
            canvas.paragraph(c_.format("report.pdf.semester_short", {{"semester", i == 0 ? "I" : "II"},
                                                                     {"respondents", count_text(s->collected, c_)},
                                                                     {"needed", count_text(s->needed, c_)}}));
        }
    }

    // "± 3,21 poin" and, when the sample fell short, the caveat; empty when there is nothing to say.
    std::string precision_text() const {
        std::string out;
        if (d_.overall.pooled.ci95) {
            out = c_.format("report.pdf.margin", {{"margin", margin_of_error(*d_.overall.pooled.ci95).str(sep_)}});
        }
        const std::string shortfall = shortfall_text(d_.sample, c_);
        if (!shortfall.empty()) out += (out.empty() ? "" : " ") + c_.format("report.pdf.shortfall", {{"shortfall", shortfall}});
        return out;
    }

    // Two tables next to each other when both fit on the page; else one after the other.
    void side_by_side(PdfCanvas& canvas, const Table& a, const Table* b) {
        const double gap = 16;
        const double half = (canvas.width() - gap) / 2;
        const double height = std::max(canvas.table_height(a, sep_, half, false),
                                       b ? canvas.table_height(*b, sep_, half, false) : 0.0);
        if (height > canvas.bottom() - PdfCanvas::kMarginTop) {
            canvas.table(a, sep_, canvas.left(), half, false);
            canvas.move_down(10);
            if (b) canvas.table(*b, sep_, canvas.left(), half, false);
            canvas.move_down(10);
            return;
        }
        canvas.ensure(height);
        const double top = canvas.y();
        canvas.table(a, sep_, canvas.left(), half, false);
        const double after_a = canvas.y();
        canvas.set_y(top);
        if (b) canvas.table(*b, sep_, canvas.left() + half + gap, half, false);
        canvas.set_y(std::max(after_a, canvas.y()) + 10);
    }

    void profile(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.profile"), 120);
        canvas.paragraph(c_.format("report.pdf.profile_intro", {{"respondents", count_text(d_.respondents(), c_)}}));
        const auto& p = tables_.profile;
        for (std::size_t i = 0; i < p.size(); i += 2) side_by_side(canvas, p[i], i + 1 < p.size() ? &p[i + 1] : nullptr);
    }

    void ikm_box(PdfCanvas& canvas) {
        const double height = 78;
        canvas.ensure(height + 10);
        cairo_t* cr = canvas.cr();
        const double x = canvas.left();
        const double y = canvas.y();
        cairo_save(cr);
        cairo_set_source_rgb(cr, 0.93, 0.96, 0.99);
        cairo_rectangle(cr, x, y, canvas.width(), height);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.1, 0.33, 0.62);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
        cairo_restore(cr);
        const double big_width = 150;
        canvas.draw_text(text("report.pdf.box_title"), TextStyle{8.5, true, false, Align::center, 0.2}, x, y + 8, big_width);
        canvas.draw_text(d_.overall.hidden ? text("report.not_enough") : num(h_.ikm),
                         TextStyle{d_.overall.hidden ? 11.0 : 30.0, true, false, Align::center, 0}, x, y + 20, big_width);
        const double tx = x + big_width + 10;
        const double tw = canvas.width() - big_width - 20;
        double ty = y + 9;
        auto line = [&](const std::string& s, bool bold) {
            const TextStyle style{bold ? 11.5 : 9, bold, false, Align::left, 0};
            canvas.draw_text(s, style, tx, ty, tw);
            ty += canvas.text_height(s, style, tw) + 2;
        };
        if (h_.mutu) {
            line(c_.format("report.pdf.box_mutu", {{"mutu", mutu_text(h_.mutu)}, {"kinerja", kinerja_text(h_.mutu, c_)}}), true);
        } else {
            line(text("report.pdf.box_no_ikm"), true);
        }
        line(c_.format("report.pdf.box_unit", {{"unit", num(h_.ikm_unit)}, {"respondents", count_text(d_.respondents(), c_)}}), false);
        const auto& ci = d_.overall.pooled.ci95;
        if (ci) {
            line(c_.format("report.pdf.box_ci", {{"low", ci->low.str(sep_)}, {"high", ci->high.str(sep_)},
                                                 {"margin", margin_of_error(*ci).str(sep_)}}), false);
        }
        const std::string shortfall = shortfall_text(d_.sample, c_);
        if (!shortfall.empty()) line(shortfall, true);
        if (d_.annual) line(c_.format("report.pdf.box_method", {{"method", method_label(d_.request.annual, c_)}}), false);
        canvas.move_down(height + 10);
    }

    void results(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.results"), 200);
        canvas.table(tables_.unsur, sep_, canvas.left(), canvas.width());
        canvas.move_down(10);
        ikm_box(canvas);
        if (d_.legacy && d_.overall.pooled.ikm) {
            const Decimal difference = scoring::round_half_up(d_.legacy->value() - d_.overall.pooled.ikm->value(), 2);
            canvas.paragraph(c_.format("report.pdf.legacy", {{"bobot", scoring::round_half_up(d_.request.legacy_weight, 3).str(sep_)},
                                                             {"legacy", d_.legacy->str(sep_)},
                                                             {"difference", difference.str(sep_)},
                                                             {"ikm", num(d_.overall.pooled.ikm)}}));
        }
    }

    void layanan(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.layanan"), 100);
        canvas.table(tables_.layanan, sep_, canvas.left(), canvas.width());
        canvas.move_down(10);
    }

    void trend(PdfCanvas& canvas) {
        const double chart_height = 210;
        subheading(canvas, text("report.pdf.h.trend"), chart_height + 40);
        canvas.paragraph(text("report.pdf.trend_intro"));
        if (std::any_of(d_.months.begin(), d_.months.end(), [](const MonthFigures& m) { return m.hidden; })) {
            canvas.paragraph(c_.format("report.pdf.trend_hidden", {{"min_n", std::to_string(d_.min_n)}}));
        }
        TrendChart chart;
        const bool many_years = d_.months.size() > 1 && d_.months.front().month.year != d_.months.back().month.year;
        for (const auto& m : d_.months) {
            TrendPoint point;
            point.label = month_short_label(m.month.index, c_);
            if (many_years) point.label += " " + std::to_string(m.month.year % 100 + 100).substr(1);
            point.sublabel = c_.format("report.chart.respondents", {{"count", count_text(m.summary.respondents, c_)}});
            if (m.summary.ikm) {
                point.value = m.summary.ikm->value().get_d();
                point.value_text = m.summary.ikm->str(sep_);
            }
            chart.points.push_back(std::move(point));
        }
        if (d_.target) {
            chart.target = d_.target->value().get_d();
            chart.legend_target = c_.format("report.chart.target", {{"value", d_.target->str(sep_)}});
        }
        chart.legend_ikm = text("report.chart.ikm");
        chart.legend_limits = text("report.chart.limits");
        // Lower limits of the 2017 table on the rounded konversi (docs/reference/skm-rules.md#mutu-pelayanan).
        for (const scoring::MutuBand& band : scoring::kMutu2017) {
            chart.limits.emplace_back(static_cast<double>(band.lowest_hundredths) / 100,
                                      std::string(1, scoring::mutu_letter(band.mutu)));
        }
        draw_trend_chart(canvas, chart, chart_height);
        canvas.move_down(8);
    }

    void saran(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.saran"), 60);
        const std::size_t count = tables_.saran.rows.size();
        if (count == 0) {
            canvas.paragraph(text("report.pdf.saran_none"));
            return;
        }
        Table shown = tables_.saran;
        if (shown.rows.size() > kSaranInPdf) shown.rows.resize(kSaranInPdf);
        canvas.paragraph(c_.format("report.pdf.saran_intro",
                                   {{"count", std::to_string(count)}, {"shown", std::to_string(shown.rows.size())}}));
        canvas.table(shown, sep_, canvas.left(), canvas.width(), false);
        canvas.move_down(4);
        if (count > shown.rows.size()) {
            canvas.paragraph(c_.format("report.pdf.saran_more", {{"more", std::to_string(count - shown.rows.size())}}),
                             TextStyle{8, false, true, Align::left, 0.25});
        }
        canvas.move_down(4);
    }

    void follow_up(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.follow_up"), 160);
        canvas.paragraph(text("report.pdf.follow_up_intro"));
        canvas.table(tables_.follow_up, sep_, canvas.left(), canvas.width(), false);
        canvas.move_down(10);
    }

    void lkjip(PdfCanvas& canvas) {
        subheading(canvas, text("report.pdf.h.lkjip"), 90);
        canvas.paragraph(text("report.pdf.lkjip_intro"));
        canvas.table(tables_.lkjip, sep_, canvas.left(), canvas.width(), false);
        canvas.move_down(10);
    }

    void conclusion(PdfCanvas& canvas) {
        if (h_.ikm) {
            std::string s = c_.format("report.pdf.conclusion", {{"office", office()},
                                                                {"period", period()},
                                                                {"ikm", num(h_.ikm)},
                                                                {"unit", num(h_.ikm_unit)},
                                                                {"mutu", mutu_text(h_.mutu)},
                                                                {"kinerja", kinerja_text(h_.mutu, c_)}});
            if (auto achieved = capaian(h_.ikm, d_.target)) {
                s += " " + c_.format("report.pdf.conclusion_target", {{"target", d_.target->str(sep_)}, {"capaian", achieved->str(sep_)}});
            }
            if (!d_.weakest.empty()) {
                std::string names;
                for (const std::size_t i : d_.weakest) names += (names.empty() ? "" : ", ") + unsur_name(d_.questionnaire, i, c_);
                s += " " + c_.format("report.pdf.conclusion_weakest", {{"unsur", names}});
            }
            if (const std::string change = change_sentence(page_); !change.empty()) s += " " + change;
            if (const std::string precision = precision_text(); !precision.empty()) s += " " + precision;
            canvas.paragraph(s);
        } else if (d_.overall.hidden) {
            canvas.paragraph(c_.format("report.pdf.not_enough", {{"respondents", count_text(d_.respondents(), c_)},
                                                                 {"min_n", std::to_string(d_.min_n)}}));
        } else {
            std::string codes;
            for (const auto& code : d_.overall.pooled.unsur_without_answers) codes += (codes.empty() ? "" : ", ") + code;
            canvas.paragraph(c_.format("report.pdf.no_ikm", {{"unsur", codes}}));
        }
        draw_signatory(canvas, page_);
    }

    const ReportData& d_;
    const formats::Catalog& c_;
    char sep_;
    ReportTables tables_;
    Headline h_;
    ChapterPage page_;
    int total_pages_ = 0;
};

// ---- [render] ------------------------------------------------------------------

// One pass over a PDF surface writing to `write`; returns the page count.
int render_pass(PdfWriter& writer, cairo_write_func_t write, void* closure, int total_pages, const ReportData& data,
                const formats::Catalog& catalog) {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write, closure, PdfCanvas::kPageWidth, PdfCanvas::kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   (catalog.text("report.title") + " — " + period_label(data.request.period, catalog)).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SKM Kiosk");
    // The report's own date, so the same data gives the same file.
    const std::string created = data.request.generated_on.str() + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    cairo_t* cr = cairo_create(surface);
    const int pages = writer.render(cr, total_pages);
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finished = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorKind::storage, Problem{"report.pdf_failed",
                                                {{"detail", cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished)}}});
    }
    return pages;
}

}  // namespace

std::string pdf_report(const ReportData& data, const formats::Catalog& catalog) {
    PdfWriter writer(data, catalog);
    // "Halaman 2 dari N" needs N first: a counting pass, then the real one.
    const int pages = render_pass(writer, discard_bytes, nullptr, 0, data, catalog);
    std::string bytes;
    render_pass(writer, append_bytes, &bytes, pages, data, catalog);
    return bytes;
}

void write_pdf_report(const ReportData& data, const formats::Catalog& catalog, const std::filesystem::path& file) {
    write_whole_file(file, pdf_report(data, catalog));
}

}  // namespace skm::reports
