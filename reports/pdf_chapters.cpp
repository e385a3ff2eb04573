#include "reports/pdf_chapters.hpp"

#include "reports/privacy_statement.hpp"
#include "reports/report_analysis.hpp"
#include "reports/report_chapter_tables.hpp"
#include "reports/report_labels.hpp"
#include "scoring/privacy.hpp"

namespace skm::reports {
namespace {

using scoring::Decimal;

std::string num(const std::optional<Decimal>& value, char separator) { return number_text(value, separator); }

// The unsur's mutu from its NRR (NRR × 25 on the 2017 table).
std::string unsur_mutu(const scoring::UnsurSummary& unsur) {
    if (!unsur.nrr_exact) return mutu_text(std::nullopt);
    const auto nrr = scoring::parse_fraction(*unsur.nrr_exact);
    return nrr ? mutu_text(scoring::mutu_2017(*nrr * 25)) : mutu_text(std::nullopt);
}

std::string unsur_with_nrr(const ChapterPage& p, std::size_t i) {
    const auto& u = p.data.overall.pooled.unsur[i];
    return p.catalog.format("report.analysis.unsur_nrr", {{"unsur", unsur_name(p.data.questionnaire, i, p.catalog)},
                                                          {"nrr", num(u.nrr, p.separator)},
                                                          {"mutu", unsur_mutu(u)}});
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

std::string previous_label(const PreviousPeriod& previous, const formats::Catalog& catalog) {
    return period_label(ReportPeriod{scoring::period_key(previous.id), scoring::range_of(previous.id), previous.id}, catalog);
}

// "+2,35" or "−4,10": the change in konversi points, exact then rounded.
std::string signed_difference(const mpq_class& difference, char separator) {
    const Decimal rounded = scoring::round_half_up(abs(difference), 2);
    return (difference < 0 ? "\xE2\x88\x92" : "+") + rounded.str(separator);
}

// A new page unless the table and `above` points of text before it fit; a
// table longer than a page starts where it is.
void keep_table_with(PdfCanvas& canvas, const Table& table, char separator, double above) {
    const double height = canvas.table_height(table, separator, canvas.width(), false) + above;
    if (height < canvas.bottom() - PdfCanvas::kMarginTop) canvas.ensure(height);
}

}  // namespace

void chapter_heading(PdfCanvas& canvas, const std::string& text, double keep_with) {
    const TextStyle style{13, true, false, Align::center, 0};
    const double height = canvas.text_height(text, style, canvas.width());
    canvas.ensure(height + 14 + keep_with);
    canvas.move_down(6);
    canvas.paragraph(text, style, 8);
}

void subheading(PdfCanvas& canvas, const std::string& text, double keep_with) {
    const TextStyle style{10.5, true, false, Align::left, 0.1};
    canvas.ensure(canvas.text_height(text, style, canvas.width()) + 6 + keep_with);
    canvas.move_down(2);
    canvas.paragraph(text, style, 4);
}

void draw_introduction(PdfCanvas& canvas, const ChapterPage& p) {
    const auto& c = p.catalog;
    const std::string period = period_label(p.data.request.period, c);
    const std::string dates = range_label(p.data.request.period.range, c);
    subheading(canvas, c.text("report.pdf.h.background"));
    canvas.paragraph(c.text("report.pdf.background"));
    canvas.paragraph(c.format("report.pdf.intro", {{"office", p.office}, {"period", period}, {"dates", dates}}));
    subheading(canvas, c.text("report.pdf.h.purpose"));
    canvas.paragraph(c.format("report.pdf.purpose", {{"office", p.office}, {"period", period}}));
    const auto& details = p.data.chapters.office;
    if (!details.address.empty() || !details.contact.empty()) {
        subheading(canvas, c.text("report.pdf.h.scope"));
        std::string s = c.format("report.pdf.scope", {{"office", p.office}});
        if (!details.address.empty()) s += " " + c.format("report.pdf.office_address", {{"address", details.address}});
        if (!details.contact.empty()) s += " " + c.format("report.pdf.office_contact", {{"contact", details.contact}});
        canvas.paragraph(s);
    }
}

void draw_collection(PdfCanvas& canvas, const ChapterPage& p) {
    const auto& c = p.catalog;
    const std::string region = p.data.request.region;
    subheading(canvas, c.text("report.pdf.h.collection"));
    canvas.paragraph(c.format("report.pdf.collection",
                              {{"office", p.office},
                               {"where", region.empty() ? p.office : p.office + ", " + region},
                               {"dates", range_label(p.data.request.period.range, c)},
                               {"period", period_label(p.data.request.period, c)}}));
    canvas.paragraph(privacy_statement(p.data.min_n, c));
    subheading(canvas, c.text("report.pdf.h.method"));
}

std::string change_sentence(const ChapterPage& p) {
    const auto& d = p.data;
    const auto& c = p.catalog;
    if (!d.chapters.previous) return {};
    const auto& before = d.chapters.previous->summary;
    const auto& now = d.overall.pooled;
    const std::uint64_t min_n = d.min_n;
    const std::string previous = previous_label(*d.chapters.previous, c);
    if (!before.konversi_exact || !now.konversi_exact || !scoring::enough_for_figures(before.respondents, min_n) ||
        !scoring::enough_for_figures(now.respondents, min_n)) {
        return c.format("report.analysis.change_not_enough", {{"previous", previous}, {"min_n", std::to_string(min_n)}});
    }
    const Significance judged = judge_change(before.ci95, now.ci95);
    auto bounds = [&](const std::optional<scoring::Interval>& ci) {
        return ci ? c.format("report.analysis.interval", {{"low", ci->low.str(p.separator)}, {"high", ci->high.str(p.separator)}})
                  : c.text("report.analysis.no_interval");
    };
    return c.format("report.analysis.change", {{"previous", previous},
                                               {"before", num(before.ikm, p.separator)},
                                               {"before_ci", bounds(before.ci95)},
                                               {"before_n", std::to_string(before.respondents)},
                                               {"period", period_label(d.request.period, c)},
                                               {"now", num(now.ikm, p.separator)},
                                               {"now_ci", bounds(now.ci95)},
                                               {"difference", signed_difference(*now.konversi_exact - *before.konversi_exact, p.separator)},
                                               {"significance", c.text(significance_key(judged))}});
}

void draw_analysis(PdfCanvas& canvas, const ChapterPage& p) {
    const auto& d = p.data;
    const auto& c = p.catalog;
    subheading(canvas, c.text("report.pdf.h.strengths"));
    const auto ranked = unsur_by_nrr(d.overall.pooled, NrrOrder::highest_first);
    if (ranked.empty()) {
        canvas.paragraph(c.text("report.analysis.no_unsur"));
    } else {
        std::vector<std::string> strong;
        for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) strong.push_back(unsur_with_nrr(p, ranked[i]));
        std::vector<std::string> weak;
        for (const std::size_t i : d.weakest) weak.push_back(unsur_with_nrr(p, i));
        canvas.paragraph(c.format("report.analysis.strongest", {{"list", joined(strong)}}));
        canvas.paragraph(c.format("report.analysis.weakest", {{"list", joined(weak)}}));
    }

    subheading(canvas, c.text("report.pdf.h.change"));
    if (!d.request.period.id) {
        canvas.paragraph(c.text("report.analysis.no_previous_range"));
    } else if (!d.chapters.previous) {
        const PreviousPeriod none{scoring::previous_period(*d.request.period.id), {}};
        canvas.paragraph(c.format("report.analysis.no_previous", {{"previous", previous_label(none, c)}}));
    } else {
        canvas.paragraph(change_sentence(p));
        canvas.paragraph(c.text("report.analysis.change_rule"), TextStyle{8, false, true, Align::left, 0.25});
    }

    const std::string min_n = std::to_string(d.min_n);
    const auto groups = published_saran_groups(d, c);
    // The heading and introduction stay with the table (when a page holds them all).
    if (!groups.empty()) keep_table_with(canvas, p.tables.saran_by_unsur, p.separator, 100);
    subheading(canvas, c.text("report.pdf.h.saran_by_unsur"), 80);
    if (groups.empty()) {
        canvas.paragraph(c.format("report.analysis.saran_none", {{"min_n", min_n}}));
        return;
    }
    canvas.paragraph(c.format("report.analysis.saran_intro", {{"min_n", min_n}}));
    for (const auto& group : groups) {
        if (!d.weakest.empty() && group.unsur == d.weakest.front()) {
            canvas.paragraph(c.format("report.analysis.saran_weakest", {{"unsur", unsur_name(d.questionnaire, group.unsur, c)},
                                                                        {"count", std::to_string(group.saran.size())}}));
        }
    }
    canvas.table(p.tables.saran_by_unsur, p.separator, canvas.left(), canvas.width(), false);
    canvas.move_down(6);
}

void draw_heat_map(PdfCanvas& canvas, const ChapterPage& p) {
    const auto& c = p.catalog;
    const auto& map = p.data.heat_map;
    if (!map.empty()) keep_table_with(canvas, p.tables.heat_map, p.separator, 90);
    subheading(canvas, c.text("report.pdf.h.heat_map"), 80);
    if (map.empty()) {
        canvas.paragraph(c.text("report.analysis.heat_none"));
        return;
    }
    canvas.paragraph(c.format("report.analysis.heat_intro", {{"min_n", std::to_string(p.data.min_n)}}));
    int busiest_day = 0;
    int busiest_hour = map.first_hour;
    for (int w = 0; w < scoring::kWeekdays; ++w) {
        for (int h = map.first_hour; h <= map.last_hour; ++h) {
            if (map.at(w, h).respondents > map.at(busiest_day, busiest_hour).respondents) {
                busiest_day = w;
                busiest_hour = h;
            }
        }
    }
    canvas.paragraph(c.format("report.analysis.heat_busiest",
                              {{"day", weekday_label(busiest_day, c)},
                               {"hour", hour_label(busiest_hour, c)},
                               {"count", std::to_string(map.at(busiest_day, busiest_hour).respondents)}}));
    canvas.table(p.tables.heat_map, p.separator, canvas.left(), canvas.width(), false);
    canvas.move_down(6);
}

void draw_signatory(PdfCanvas& canvas, const ChapterPage& p) {
    const auto& c = p.catalog;
    const Signatory& s = p.data.chapters.signatory;
    const double block = 210;
    const double x = canvas.left() + canvas.width() - block;
    const TextStyle style{9.5, false, false, Align::left, 0};
    const TextStyle name_style{9.5, true, false, Align::left, 0};
    // The place and date, the signature and the "made with" line stay on one page.
    canvas.ensure(170);
    canvas.move_down(14);
    double y = canvas.y();
    auto line = [&](const std::string& text, const TextStyle& st, double after) {
        canvas.draw_text(text, st, x, y, block);
        y += canvas.text_height(text, st, block) + after;
    };
    const std::string date = date_label(p.data.request.generated_on, c);
    line(c.format("report.pdf.sign_place_date", {{"place", s.place.empty() ? c.text("report.pdf.sign_place_blank") : s.place},
                                                 {"date", date}}),
         style, 2);
    line((s.title.empty() ? c.text("report.pdf.sign_role") : s.title) + ",", style, 52);  // room to sign
    line(s.name.empty() ? c.text("report.pdf.sign_name") : s.name, s.name.empty() ? style : name_style, 2);
    line(s.nip.empty() ? c.text("report.pdf.sign_id") : c.format("report.pdf.sign_nip", {{"nip", nip_text(s.nip)}}), style, 0);
    canvas.set_y(y + 16);
    canvas.paragraph(c.format("report.pdf.generated", {{"date", date}}), TextStyle{7.5, false, true, Align::left, 0.35});
}

void draw_appendix(PdfCanvas& canvas, const ChapterPage& p) {
    const auto& c = p.catalog;
    canvas.new_page();
    chapter_heading(canvas, c.text("report.pdf.ch.appendix"));
    subheading(canvas, c.text("report.pdf.h.questionnaire"));
    canvas.paragraph(c.text("report.pdf.questionnaire_intro"));
    canvas.table(p.tables.questionnaire, p.separator, canvas.left(), canvas.width(), false);
    canvas.move_down(10);
    if (p.data.chapters.tally.unsur_count() == 0) return;  // counts not known (the hub's summaries): no tabulation
    keep_table_with(canvas, p.tables.tabulation, p.separator, 70);
    subheading(canvas, c.text("report.pdf.h.tabulation"));
    canvas.paragraph(c.format("report.pdf.tabulation_intro", {{"respondents", std::to_string(p.data.respondents())}}));
    canvas.table(p.tables.tabulation, p.separator, canvas.left(), canvas.width(), false);
}

}  // namespace skm::reports
