#include "reports/report_chapter_tables.hpp"

#include "reports/report_labels.hpp"
#include "scoring/privacy.hpp"

#include <algorithm>
#include <cstdio>

namespace skm::reports {
namespace {

// Examples of saran shown per unsur group; the XLSX and CSV saran sheet has them all.
constexpr std::size_t kExamplesPerGroup = 3;

Column column(std::string header, double width, Align align = Align::left) { return Column{std::move(header), width, align}; }

std::string rank_text(std::size_t rank) { return std::to_string(rank); }

// No., the unsur column, and one column per answer value 1..4 (the lampiran's two tables).
Table per_unsur_table(const char* id, const char* title, const char* unsur_header, double unsur_width, double value_width,
                      Align value_align, const formats::Catalog& catalog) {
    Table t{id, catalog.text(title), {column(catalog.text("report.col.no"), 0.4, Align::right),
                                      column(catalog.text(unsur_header), unsur_width)}, {}, {}, 0};
    for (int value = 1; value <= 4; ++value) {
        t.columns.push_back(column(catalog.format("report.col.answer_value", {{"value", std::to_string(value)}}), value_width,
                                   value_align));
    }
    return t;
}

}  // namespace

std::vector<SaranGroup> published_saran_groups(const ReportData& data, const formats::Catalog& catalog) {
    std::vector<std::string> texts;
    for (const auto& s : data.saran) texts.push_back(s.saran);
    std::vector<SaranGroup> out;
    for (auto& group : group_saran(texts, unsur_keywords(data.questionnaire, catalog))) {
        if (scoring::enough_for_figures(group.saran.size(), data.min_n)) out.push_back(std::move(group));
    }
    return out;
}

Table saran_groups_table(const ReportData& data, const formats::Catalog& catalog) {
    Table t{"saran_by_unsur",
            catalog.text("report.table.saran_by_unsur"),
            {column(catalog.text("report.col.unsur"), 1.8), column(catalog.text("report.col.saran_count"), 0.8, Align::right),
             column(catalog.text("report.col.saran_examples"), 5)},
            {},
            {},
            0};
    for (const auto& group : published_saran_groups(data, catalog)) {
        // Different saran as examples: the same words twice say nothing new.
        std::vector<std::string> shown;
        for (const auto& s : group.saran) {
            if (shown.size() < kExamplesPerGroup && std::find(shown.begin(), shown.end(), s) == shown.end()) shown.push_back(s);
        }
        std::string examples;
        for (const auto& s : shown) examples += (examples.empty() ? "" : "\n") + ("\xE2\x80\x9C" + s + "\xE2\x80\x9D");
        t.rows.push_back(Row{{Cell::of(unsur_name(data.questionnaire, group.unsur, catalog)),
                              Cell::of(static_cast<std::uint64_t>(group.saran.size())), Cell::of(examples)},
                             false});
    }
    t.notes.push_back(catalog.format("report.note.saran_by_unsur", {{"min_n", std::to_string(data.min_n)}}));
    return t;
}

std::string next_period_label(const scoring::PeriodId& period, const formats::Catalog& catalog) {
    using scoring::PeriodKind;
    scoring::PeriodId next{period.kind, period.year, period.index + 1};
    const int last = period.kind == PeriodKind::month ? 12 : period.kind == PeriodKind::triwulan ? 4 : period.kind == PeriodKind::semester ? 2 : 1;
    if (next.index > last) next = {period.kind, period.year + 1, 1};
    return period_label(ReportPeriod{scoring::period_key(next), scoring::range_of(next), next}, catalog);
}

Table follow_up_table(const ReportData& data, const formats::Catalog& catalog, char decimal_separator) {
    Table t{"follow_up",
            catalog.text("report.table.follow_up"),
            {column(catalog.text("report.col.no"), 0.4, Align::right), column(catalog.text("report.col.unsur"), 1.5),
             column(catalog.text("report.col.problem"), 2.1), column(catalog.text("report.col.action"), 2.6),
             column(catalog.text("report.col.responsible"), 1.2), column(catalog.text("report.col.when"), 1.1)},
            {},
            {},
            46};
    const auto groups = published_saran_groups(data, catalog);
    const std::string when = data.request.period.id ? next_period_label(*data.request.period.id, catalog) : std::string();
    std::size_t rank = 0;
    for (const std::size_t i : data.weakest) {
        ++rank;
        const auto& unsur = data.overall.pooled.unsur[i];
        std::string problem = catalog.format("report.rtl.problem", {{"nrr", number_text(unsur.nrr, decimal_separator)},
                                                                    {"rank", rank_text(rank)}});
        for (const auto& group : groups) {
            if (group.unsur == i) {
                problem += " " + catalog.format("report.rtl.problem_saran", {{"count", std::to_string(group.saran.size())}});
            }
        }
        const std::string plan_key = "report.rtl.plan." + data.questionnaire.unsur[i].code;
        const std::string plan = catalog.has(plan_key) ? catalog.text(plan_key) : catalog.text("report.rtl.plan_default");
        t.rows.push_back(Row{{Cell::of(static_cast<std::uint64_t>(rank)), Cell::of(unsur_name(data.questionnaire, i, catalog)),
                              Cell::of(problem), Cell::of(plan), Cell::of(std::string()), Cell::of(when)},
                             false});
    }
    t.notes.push_back(catalog.text("report.note.follow_up"));
    return t;
}

Table heat_map_table(const ReportData& data, const formats::Catalog& catalog, char decimal_separator) {
    Table t{"heat_map", catalog.text("report.table.heat_map"), {column(catalog.text("report.col.hour"), 0.8)}, {}, {}, 0};
    for (int w = 0; w < scoring::kWeekdays; ++w) t.columns.push_back(column(weekday_label(w, catalog), 1, Align::center));
    const auto& map = data.heat_map;
    for (int h = map.first_hour; h <= map.last_hour; ++h) {
        Row r{{Cell::of(hour_label(h, catalog))}, false};
        for (int w = 0; w < scoring::kWeekdays; ++w) {
            const auto& cell = map.at(w, h);
            std::string text;
            if (cell.respondents > 0) {
                text = "n=" + std::to_string(cell.respondents);
                if (cell.ikm) text = cell.ikm->str(decimal_separator) + "\n" + text;
            }
            r.cells.push_back(Cell::of(std::move(text)));
        }
        t.rows.push_back(std::move(r));
    }
    return t;
}

Table questionnaire_table(const ReportData& data, const formats::Catalog& catalog) {
    Table t = per_unsur_table("questionnaire", "report.table.questionnaire", "report.col.question", 3.4, 1.05, Align::left, catalog);
    const auto& q = data.questionnaire;
    for (std::size_t i = 0; i < q.unsur.size(); ++i) {
        const auto& u = q.unsur[i];
        auto pick = [&](const auto& map) -> const auto* {
            if (auto it = map.find(catalog.lang()); it != map.end()) return &it->second;
            if (auto it = map.find("id"); it != map.end()) return &it->second;
            return static_cast<decltype(&map.begin()->second)>(nullptr);
        };
        const std::string* question = pick(u.question);
        Row r{{Cell::of(static_cast<std::uint64_t>(i + 1)),
               Cell::of(unsur_name(q, i, catalog) + (question ? "\n" + *question : std::string()))},
              false};
        const auto* answers = pick(u.answers);
        for (std::size_t a = 0; a < 4; ++a) r.cells.push_back(Cell::of(answers ? (*answers)[a] : std::string()));
        t.rows.push_back(std::move(r));
    }
    t.notes.push_back(catalog.text("report.note.questionnaire"));
    return t;
}

Table tabulation_table(const ReportData& data, const formats::Catalog& catalog) {
    Table t = per_unsur_table("tabulation", "report.table.tabulation", "report.col.unsur", 2.4, 0.75, Align::right, catalog);
    t.columns.push_back(column(catalog.text("report.col.unanswered"), 0.9, Align::right));
    t.columns.push_back(column(catalog.text("report.col.answered"), 0.85, Align::right));
    t.columns.push_back(column(catalog.text("report.col.sum"), 0.95, Align::right));
    const auto& tally = data.chapters.tally;
    for (std::size_t i = 0; i < tally.unsur_count(); ++i) {
        const auto& u = tally.unsur(i);
        Row r{{Cell::of(static_cast<std::uint64_t>(i + 1)), Cell::of(unsur_name(data.questionnaire, i, catalog))}, false};
        for (std::size_t value = 1; value <= 4; ++value) r.cells.push_back(Cell::of(u.count[value]));
        r.cells.push_back(Cell::of(u.count[0]));
        r.cells.push_back(Cell::of(u.answered()));
        r.cells.push_back(Cell::of(u.sum()));
        t.rows.push_back(std::move(r));
    }
    t.notes.push_back(catalog.text("report.note.tabulation"));
    return t;
}

std::string nip_text(const std::string& nip) {
    if (nip.size() != 18) return nip;
    return nip.substr(0, 8) + " " + nip.substr(8, 6) + " " + nip.substr(14, 1) + " " + nip.substr(15, 3);
}

}  // namespace skm::reports
