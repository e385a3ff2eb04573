#include "tools/skm/score_table.hpp"

#include "tools/skm/context.hpp"

#include "formats/utf8.hpp"

#include <fmt/format.h>

namespace skm::tools {
namespace {

std::string pad(std::string_view text, std::size_t columns) {
    std::string out(text);
    if (formats::utf8_width(text) < columns) out.append(columns - formats::utf8_width(text), ' ');
    return out;
}

std::string rpad(std::string_view text, std::size_t columns) {
    std::string out;
    if (formats::utf8_width(text) < columns) out.append(columns - formats::utf8_width(text), ' ');
    return out + std::string(text);
}

class Writer {
public:
    Writer(const formats::Catalog& catalog) : catalog_(catalog), sep_(catalog.decimal_separator()) {}

    std::string num(const std::optional<scoring::Decimal>& value) const {
        return value ? value->str(sep_) : std::string("—");
    }
    std::string mutu(const scoring::IkmSummary& s) const {
        if (!s.mutu) return "—";
        const char letter = scoring::mutu_letter(*s.mutu);
        return fmt::format("{} ({})", letter, catalog_.text(std::string("kinerja.") + letter));
    }
    std::string interval(const scoring::IkmSummary& s) const {
        if (!s.ci95) return "—";
        return s.ci95->low.str(sep_) + " – " + s.ci95->high.str(sep_);
    }
    const formats::Catalog& catalog() const { return catalog_; }
    char sep() const { return sep_; }

private:
    const formats::Catalog& catalog_;
    char sep_;
};

void write_summary(std::string& out, const scoring::IkmSummary& s, const formats::Questionnaire& q,
                   const ScoreTableInput& input, const Writer& w) {
    const auto& c = w.catalog();
    const std::string lang = c.lang();
    out += fmt::format("{}: {}\n\n", c.text("score.respondents"), s.respondents);
    out += fmt::format("{}{}{}\n", pad(c.text("score.unsur"), 44), rpad(c.text("score.nrr"), 8),
                       rpad(c.text("score.answered"), 10));
    for (std::size_t i = 0; i < s.unsur.size(); ++i) {
        const auto& u = s.unsur[i];
        const auto& names = q.unsur[i].name;
        const auto it = names.find(lang);
        const std::string name = it != names.end() ? it->second : names.at("id");
        out += fmt::format("{}{}{}\n", pad(name, 44), rpad(w.num(u.nrr), 8), rpad(std::to_string(u.answered), 10));
    }
    out += "\n";
    const std::size_t label = 38;
    out += pad(c.text("score.ikm_unit"), label) + w.num(s.ikm_unit) + "\n";
    out += pad(c.text("score.ikm"), label) + w.num(s.ikm) + "\n";
    out += pad(c.text("score.mutu"), label) + w.mutu(s) + "\n";
    out += pad(c.text("score.ci95"), label) + w.interval(s) + "\n";
    if (input.legacy_weight && s.ikm_legacy && s.ikm) {
        const scoring::Decimal difference = scoring::round_half_up(s.ikm_legacy->value() - s.ikm->value(), 2);
        const auto bobot = scoring::parse_decimal(*input.legacy_weight);
        out += pad(c.format("score.legacy", {{"bobot", bobot ? bobot->str(w.sep()) : *input.legacy_weight}}), label) + w.num(s.ikm_legacy) + "  " +
               c.format("score.legacy_difference", {{"difference", difference.str(w.sep())}}) + "\n";
    }
    if (!s.unsur_without_answers.empty()) {
        std::string codes;
        for (const auto& code : s.unsur_without_answers) codes += (codes.empty() ? "" : ", ") + code;
        out += c.format("score.note_unsur_without_answers", {{"unsur", codes}}) + "\n";
    }
}

std::string group_heading_key(scoring::GroupBy by) {
    switch (by) {
        case scoring::GroupBy::layanan: return "score.by_layanan";
        case scoring::GroupBy::month: return "score.by_month";
        case scoring::GroupBy::triwulan: return "score.by_triwulan";
        case scoring::GroupBy::semester: return "score.by_semester";
        case scoring::GroupBy::year: return "score.by_year";
        case scoring::GroupBy::none: break;
    }
    return "score.by_layanan";
}

void write_groups(std::string& out, const ScoreTableInput& input, const Writer& w) {
    const auto& c = w.catalog();
    std::size_t key_width = formats::utf8_width(c.text("score.group"));
    for (const auto& g : *input.groups) key_width = std::max(key_width, formats::utf8_width(g.key));
    key_width += 2;
    const bool year = input.by == scoring::GroupBy::year;
    out += '\n';
    out += c.text(group_heading_key(input.by));
    out += '\n';
    std::string header = pad(c.text("score.group"), key_width) + rpad(c.text("score.respondents"), 10) +
                         rpad(c.text("score.ikm_short"), 9) + "   " + pad(c.text("score.mutu_short"), 22) +
                         c.text("score.ci95_short");
    if (year) header += "   " + c.text("score.mean_of_semesters");
    out += header + "\n";
    for (const auto& g : *input.groups) {
        std::string line = pad(g.key, key_width) + rpad(std::to_string(g.summary.respondents), 10) +
                           rpad(w.num(g.summary.ikm), 9) + "   " + pad(w.mutu(g.summary), 22) + w.interval(g.summary);
        if (year) line = pad(line, header.size() - formats::utf8_width(c.text("score.mean_of_semesters"))) + w.num(g.ikm_mean_of_semesters);
        out += line + "\n";
    }
    if (year) out += c.text("score.annual_note") + "\n";
    for (const auto& g : *input.groups) {
        if (!g.summary.unsur_without_answers.empty()) {
            std::string codes;
            for (const auto& code : g.summary.unsur_without_answers) codes += (codes.empty() ? "" : ", ") + code;
            out += g.key + ": " + c.format("score.note_unsur_without_answers", {{"unsur", codes}}) + "\n";
        }
    }
}

}  // namespace

std::string score_table(const ScoreTableInput& input, const formats::Questionnaire& questionnaire,
                        const formats::Catalog& catalog) {
    Writer w(catalog);
    std::string out = catalog.format("score.title", {{"source", input.source}}) + "\n";
    if (input.excluded_flagged) {
        out += catalog.format("score.flagged_excluded", {{"count", std::to_string(input.flagged_excluded)}}) + "\n";
    }
    write_summary(out, *input.total, questionnaire, input, w);
    if (input.groups) write_groups(out, input, w);
    return out;
}

}  // namespace skm::tools
