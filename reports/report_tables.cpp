#include "reports/report_tables.hpp"

#include "reports/report_chapter_tables.hpp"
#include "reports/report_labels.hpp"
#include "reports/privacy_statement.hpp"
#include "reports/report_privacy.hpp"
#include "reports/report_sample.hpp"
#include "scoring/capaian.hpp"
#include "scoring/shares.hpp"

namespace skm::reports {
namespace {

using scoring::Decimal;

Column left(std::string header, double width) { return Column{std::move(header), width, Align::left}; }
Column right(std::string header, double width) { return Column{std::move(header), width, Align::right}; }
Column center(std::string header, double width) { return Column{std::move(header), width, Align::center}; }

Row row(std::vector<Cell> cells, bool strong = false) { return Row{std::move(cells), strong}; }

std::string year_text(const std::optional<int>& year) { return year ? std::to_string(*year) : std::string(); }

// A table with a "—" in it gets the note saying what "—" means.
bool has_dash(const Table& t) {
    for (const auto& r : t.rows) {
        for (const auto& c : r.cells) {
            if (c.kind == Cell::Kind::text && c.text == "—") return true;
        }
    }
    return false;
}

class Builder {
public:
    Builder(const ReportData& data, const formats::Catalog& catalog, char separator)
        : d_(data), c_(catalog), sep_(separator), annual_(data.annual), method_(data.request.annual) {}

    ReportTables build() const {
        ReportTables t;
        t.summary = summary();
        t.unsur = unsur();
        t.layanan = layanan();
        t.sample = sample();
        t.months = months();
        for (const auto& profile : d_.profile) t.profile.push_back(profile_table(profile));
        t.saran = saran();
        t.follow_up = follow_up_table(d_, c_, sep_);
        t.lkjip = lkjip();
        t.saran_by_unsur = saran_groups_table(d_, c_);
        t.questionnaire = questionnaire_table(d_, c_);
        t.tabulation = tabulation_table(d_, c_);
        t.heat_map = heat_map_table(d_, c_, sep_);
        for (Table* table : {&t.summary, &t.unsur, &t.layanan, &t.months, &t.lkjip}) {
            if (has_dash(*table)) table->notes.push_back(text("report.note.dash"));
        }
        if (t.sample && has_dash(*t.sample)) t.sample->notes.push_back(text("report.note.dash"));
        return t;
    }

private:
    std::string text(const char* key) const { return c_.text(key); }

    // An IKM figure, or "belum cukup data" for a group the min-n rule hides.
    Cell ikm_cell(const IkmFigures& figures, const std::optional<Decimal>& value) const {
        return figures.hidden ? Cell::of(text("report.not_enough")) : Cell::of(value);
    }

    // The column header of the "other" annual figure.
    std::string other_header() const {
        return text(method_ == AnnualMethod::pooled ? "report.col.ikm_semesters" : "report.col.ikm_pooled");
    }

    Table summary() const {
        Table t{"summary", text("report.table.summary"), {left(text("report.col.item"), 3), left(text("report.col.value"), 2)}, {}, {}, 0};
        auto add = [&](std::string label, Cell value, bool strong = false) {
            t.rows.push_back(row({Cell::of(std::move(label)), std::move(value)}, strong));
        };
        const Headline h = d_.headline();
        const auto& pooled = d_.overall.pooled;
        const std::string year = year_text(d_.year);
        add(text("report.row.office"), Cell::of(d_.office.empty() ? text("report.office_unknown") : d_.office));
        if (!d_.request.region.empty()) add(text("report.row.region"), Cell::of(d_.request.region));
        add(text("report.row.period"), Cell::of(period_label(d_.request.period, c_)));
        add(text("report.row.dates"), Cell::of(range_label(d_.request.period.range, c_)));
        add(text("report.row.respondents"), Cell::of(d_.respondents()));
        if (d_.period_population) {
            add(text("report.row.period_population"), Cell::of(d_.period_population->population));
            add(text("report.row.population_basis"), Cell::of(population_basis_text(*d_.period_population, c_, d_.year.value_or(0))));
            add(text("report.row.sample_needed"), Cell::of(d_.sample->needed));
            add(text("report.row.representative"),
                Cell::of(d_.sample->reached() ? text("report.sample.representative") : shortfall_text(d_.sample, c_)), true);
        }
        if (annual_) add(text("report.row.annual_method"), Cell::of(method_label(method_, c_)));
        add(text("report.row.ikm_unit"), ikm_cell(d_.overall, h.ikm_unit), true);
        add(text("report.row.ikm"), ikm_cell(d_.overall, h.ikm), true);
        add(text("report.row.mutu"), Cell::of(mutu_text(h.mutu)), true);
        add(text("report.row.kinerja"), Cell::of(kinerja_text(h.mutu, c_)), true);
        if (annual_) {
            add(text("report.row.ikm_pooled"), Cell::of(pooled.ikm));
            add(text("report.row.ikm_semesters"),
                Cell::of(d_.overall.mean_of_semesters ? std::optional<Decimal>(scoring::round_half_up(*d_.overall.mean_of_semesters, 2))
                                                      : std::nullopt));
        }
        const char* ci_low = annual_ && method_ == AnnualMethod::semesters ? "report.row.ci_low_pooled" : "report.row.ci_low";
        const char* ci_high = annual_ && method_ == AnnualMethod::semesters ? "report.row.ci_high_pooled" : "report.row.ci_high";
        add(text(ci_low), Cell::of(pooled.ci95 ? std::optional<Decimal>(pooled.ci95->low) : std::nullopt));
        add(text(ci_high), Cell::of(pooled.ci95 ? std::optional<Decimal>(pooled.ci95->high) : std::nullopt));
        add(text("report.row.margin"), Cell::of(pooled.ci95 ? std::optional<Decimal>(margin_of_error(*pooled.ci95)) : std::nullopt));
        add(text("report.row.flagged"), Cell::of(d_.flagged));
        add(text("report.row.ikm_unflagged"), Cell::of(headline(d_.unflagged, method_, annual_).ikm));
        add(c_.format("report.row.legacy", {{"bobot", scoring::round_half_up(d_.request.legacy_weight, 3).str(sep_)}}),
            Cell::of(d_.legacy));
        if (d_.year) {
            add(c_.format("report.row.target", {{"year", year}}), Cell::of(d_.target));
            add(text("report.row.capaian"), Cell::of(capaian(h.ikm, d_.target)));
        }
        t.notes.push_back(privacy_statement(d_.min_n, c_));
        return t;
    }

    // "—" when the counts are not known (the hub's kecamatan PDF is built from summaries only).
    Cell sum_cell(std::size_t i) const {
        const auto& tally = d_.chapters.tally;
        return i < tally.unsur_count() ? Cell::of(tally.unsur(i).sum()) : Cell::of(std::string("\u2014"));
    }

    Table unsur() const {
        Table t{"unsur",
                text("report.table.unsur"),
                {right(text("report.col.no"), 0.45), left(text("report.col.unsur"), 3.75), right(text("report.col.answered"), 0.85),
                 right(text("report.col.sum"), 0.9), right(text("report.col.nrr"), 0.8), center(text("report.col.weight"), 0.7),
                 right(text("report.col.nrr_weighted"), 1.05)},
                {},
                {},
                0};
        const auto& q = d_.questionnaire;
        const auto& pooled = d_.overall.pooled;
        for (std::size_t i = 0; i < pooled.unsur.size(); ++i) {
            const auto& u = pooled.unsur[i];
            std::optional<Decimal> weighted;
            if (u.nrr_exact) {
                if (auto nrr = scoring::parse_fraction(*u.nrr_exact)) weighted = scoring::round_half_up(*nrr * q.scheme.weight(i), 4);
            }
            // The sum of answer values beside n, so NRR = sum / n can be checked on paper.
            t.rows.push_back(row({Cell::of(static_cast<std::uint64_t>(i + 1)), Cell::of(unsur_name(q, i, c_)), Cell::of(u.answered),
                                  sum_cell(i), Cell::of(u.nrr), Cell::of(q.unsur[i].weight_text), Cell::of(weighted)}));
        }
        t.rows.push_back(row({Cell::of(std::string()), Cell::of(text("report.row.sum_weighted")), Cell::of(std::string()),
                              Cell::of(std::string()), Cell::of(std::string()), Cell::of(std::string()), Cell::of(pooled.ikm_unit)},
                             true));
        t.rows.push_back(row({Cell::of(std::string()), Cell::of(text("report.row.konversi")), Cell::of(std::string()),
                              Cell::of(std::string()), Cell::of(std::string()), Cell::of(std::string()), Cell::of(pooled.ikm)},
                             true));
        t.notes.push_back(text("report.note.rounding"));
        if (annual_ && method_ == AnnualMethod::semesters) t.notes.push_back(text("report.note.unsur_pooled"));
        if (!pooled.unsur_without_answers.empty()) {
            std::string codes;
            for (const auto& code : pooled.unsur_without_answers) codes += (codes.empty() ? "" : ", ") + code;
            t.notes.push_back(c_.format("report.note.unsur_without_answers", {{"unsur", codes}}));
        }
        return t;
    }

    bool any_layanan_target() const {
        for (const auto& l : d_.layanan) {
            if (l.target) return true;
        }
        return d_.target.has_value();
    }

    Table layanan() const {
        const bool targets = any_layanan_target();
        bool samples = d_.sample.has_value();
        for (const auto& l : d_.layanan) samples = samples || l.sample.has_value();
        Table t{"layanan", text("report.table.layanan"), {}, {}, {}, 0};
        // The IKM column is wide enough for "belum cukup data" on one line.
        t.columns = {left(text("report.col.layanan"), 2.2), right(text("report.col.respondents"), 1.1),
                     right(text("report.col.ikm"), 1.45), center(text("report.col.mutu"), 0.7),
                     left(text("report.col.kinerja"), 1.3)};
        if (annual_) t.columns.push_back(right(other_header(), 1.2));
        if (targets) {
            t.columns.push_back(right(text("report.col.target"), 0.9));
            t.columns.push_back(right(text("report.col.capaian"), 1.1));
        }
        if (samples) t.columns.push_back(left(text("report.col.representative"), 2.0));
        auto add = [&](std::string name, std::uint64_t respondents, const IkmFigures& figures,
                       const std::optional<Decimal>& target, bool strong, const std::optional<scoring::SampleProgress>& sample) {
            const Headline h = headline(figures, method_, annual_);
            Row r = row({Cell::of(std::move(name)), Cell::of(respondents), ikm_cell(figures, h.ikm),
                         Cell::of(figures.hidden ? std::string() : mutu_text(h.mutu)),
                         Cell::of(figures.hidden ? std::string() : kinerja_text(h.mutu, c_))},
                        strong);
            if (annual_) r.cells.push_back(Cell::of(other_headline(figures, method_).ikm));
            if (targets) {
                r.cells.push_back(Cell::of(target));
                r.cells.push_back(Cell::of(capaian(h.ikm, target)));
            }
            // Beside an IKM that stands on too few respondents, in plain words.
            if (samples) r.cells.push_back(Cell::of(figures.hidden ? std::string() : shortfall_text(sample, c_)));
            t.rows.push_back(std::move(r));
        };
        for (const auto& l : d_.layanan) add(l.layanan, l.figures.pooled.respondents, l.figures, l.target, false, l.sample);
        add(text("report.row.all_layanan"), d_.respondents(), d_.overall, d_.target, true, d_.sample);
        if (annual_) t.notes.push_back(c_.format("report.note.method", {{"method", method_label(method_, c_)}}));
        return t;
    }

    std::optional<Table> sample() const {
        bool any = d_.period_population.has_value();
        for (const auto& l : d_.layanan) any = any || l.period_population.has_value();
        if (!any) return std::nullopt;
        Table t{"sample",
                c_.format("report.table.sample", {{"period", period_label(d_.request.period, c_)}}),
                {left(text("report.col.layanan"), 2.6), right(text("report.col.population"), 1.1),
                 right(text("report.col.sample_needed"), 1.2), right(text("report.col.respondents"), 1.1),
                 left(text("report.col.sample_status"), 1.8)},
                {},
                {},
                0};
        for (const auto& l : d_.layanan) {
            if (!l.period_population) continue;
            const auto& p = *l.sample;
            const std::uint64_t population = l.period_population->population;
            t.rows.push_back(row({Cell::of(l.layanan), Cell::of(population), Cell::of(p.needed), Cell::of(p.collected),
                                  Cell::of(sample_status_text(p, population, c_))}));
        }
        if (d_.sample) {
            const std::uint64_t population = d_.period_population->population;
            t.rows.push_back(row({Cell::of(text("report.row.all_layanan")), Cell::of(population), Cell::of(d_.sample->needed),
                                  Cell::of(d_.sample->collected), Cell::of(sample_status_text(*d_.sample, population, c_))},
                                 true));
            t.notes.push_back(population_basis_text(*d_.period_population, c_, d_.year.value_or(0)));
        }
        t.notes.push_back(text("report.note.sample"));
        return t;
    }

    Table months() const {
        Table t{"months",
                text("report.table.months"),
                {left(text("report.col.month"), 2), right(text("report.col.respondents"), 1.1), right(text("report.col.ikm"), 1),
                 center(text("report.col.mutu"), 0.8), left(text("report.col.kinerja"), 1.4)},
                {},
                {},
                0};
        for (const auto& m : d_.months) {
            t.rows.push_back(row({Cell::of(month_label(m.month, c_)), Cell::of(m.summary.respondents),
                                  m.hidden ? Cell::of(text("report.not_enough")) : Cell::of(m.summary.ikm),
                                  Cell::of(m.hidden ? std::string() : mutu_text(m.summary.mutu)),
                                  Cell::of(m.hidden ? std::string() : kinerja_text(m.summary.mutu, c_))}));
        }
        return t;
    }

    Table profile_table(const ProfileTable& p) const {
        Table t{"profile_" + p.field,
                profile_field_label(p.field, c_),
                {left(profile_field_label(p.field, c_), 2.2), right(text("report.col.count"), 1), right(text("report.col.percent"), 1.1)},
                {},
                {},
                0};
        // Largest remainder: the rows' percentages add up to the 100,00 printed under them.
        std::vector<std::uint64_t> counts;
        for (const auto& count : p.counts) counts.push_back(count.count);
        const auto shares = scoring::percent_shares(counts, 2);
        for (std::size_t i = 0; i < p.counts.size(); ++i) {
            const auto share = shares.empty() ? std::nullopt : std::optional<Decimal>(shares[i]);
            t.rows.push_back(row({Cell::of(profile_value_label(p.field, p.counts[i].value, c_)), Cell::of(p.counts[i].count),
                                  Cell::of(share)}));
            // The sub-options under the code (only those apply_privacy left, the
            // rest summed in one remainder row); part of the code's count, no share of their own.
            for (const auto& detail : details_in_screen_order(p.field, p.counts[i].details, d_.request.profile_options)) {
                t.rows.push_back(row({Cell::of(profile_detail_label(p.field, detail.option, d_.request.profile_options, c_)),
                                      Cell::of(detail.count), Cell::of(std::string())}));
            }
        }
        const auto whole = p.total == 0 ? std::nullopt : std::optional<Decimal>(Decimal{100 * scoring::pow10(2), 2});
        t.rows.push_back(row({Cell::of(text("report.row.total")), Cell::of(p.total), Cell::of(whole)}, true));
        return t;
    }

    Table saran() const {
        Table t{"saran",
                text("report.table.saran"),
                {right(text("report.col.no"), 0.45), left(text("report.col.month"), 1.75), left(text("report.col.layanan"), 1.9),
                 left(text("report.col.saran"), 4.6)},
                {},
                {},
                0};
        std::uint64_t n = 0;
        // Only saran of layanan at or above min-n (apply_privacy), and only their month.
        for (const auto& s : d_.saran) {
            if (!saran_publishable(d_, s.layanan)) continue;
            t.rows.push_back(row({Cell::of(++n), Cell::of(month_label(scoring::publishable_month(s.date), c_)), Cell::of(s.layanan),
                                  Cell::of(s.saran)}));
        }
        return t;
    }

    Table lkjip() const {
        Table t{"lkjip",
                text("report.table.lkjip"),
                {left(text("report.col.indicator"), 2.4), left(text("report.col.year"), 1.6), right(text("report.col.target"), 1),
                 right(text("report.col.realisasi"), 1), right(text("report.col.capaian"), 1.1)},
                {},
                {},
                0};
        const std::string indicator = text("report.indicator.ikm");
        for (const auto& y : d_.previous_years) {
            const Headline h = headline(y.figures, method_, true);
            t.rows.push_back(row({Cell::of(indicator), Cell::of(std::to_string(y.year)), Cell::of(y.target), ikm_cell(y.figures, h.ikm),
                                  Cell::of(capaian(h.ikm, y.target))}));
        }
        const Headline h = d_.headline();
        const std::string when = annual_ && d_.year ? std::to_string(*d_.year) : period_label(d_.request.period, c_);
        t.rows.push_back(row({Cell::of(indicator), Cell::of(when), Cell::of(d_.target), ikm_cell(d_.overall, h.ikm),
                              Cell::of(capaian(h.ikm, d_.target))},
                             true));
        // A shorter period pools its own respondents, not the year's.
        t.notes.push_back(c_.format("report.note.lkjip", {{"method", annual_ ? method_label(method_, c_) : text("report.method.period")}}));
        return t;
    }

    const ReportData& d_;
    const formats::Catalog& c_;
    char sep_;
    bool annual_;
    AnnualMethod method_;
};

}  // namespace

std::vector<const Table*> ReportTables::all() const {
    std::vector<const Table*> out = {&summary, &unsur, &layanan};
    if (sample) out.push_back(&*sample);
    out.push_back(&months);
    for (const auto& p : profile) out.push_back(&p);
    out.push_back(&saran);
    out.push_back(&saran_by_unsur);
    out.push_back(&follow_up);
    out.push_back(&lkjip);
    out.push_back(&questionnaire);
    out.push_back(&tabulation);
    return out;
}

ReportTables build_tables(const ReportData& data, const formats::Catalog& catalog, char decimal_separator) {
    return Builder(data, catalog, decimal_separator).build();
}

std::optional<scoring::Decimal> capaian(const std::optional<scoring::Decimal>& realisasi,
                                        const std::optional<scoring::Decimal>& target) {
    if (!realisasi || !target) return std::nullopt;
    return scoring::capaian_percent(realisasi->value(), target->value());
}

}  // namespace skm::reports
