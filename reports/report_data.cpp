#include "reports/report_data.hpp"

#include "reports/report_analysis.hpp"
#include "formats/profile_detail.hpp"
#include "formats/response.hpp"
#include "formats/settings_table.hpp"
#include "reports/profile_counter.hpp"
#include "reports/report_privacy.hpp"
#include "scoring/ikm.hpp"
#include "scoring/period.hpp"
#include "store/office_data.hpp"
#include "store/settings.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <span>

namespace skm::reports {
namespace {

using scoring::LocalDate;
using scoring::Tally;

// ---- tallies ---------------------------------------------------------------

// One group's answers, in total and per semester of the year, so that an
// annual report can give both the pooled and the mean-of-semesters IKM.
class GroupTally {
public:
    explicit GroupTally(std::size_t unsur_count) : all_(unsur_count), first_(unsur_count), second_(unsur_count) {}

    void add(const LocalDate& date, std::span<const std::uint8_t> answers) {
        all_.add(answers);
        (date.month <= 6 ? first_ : second_).add(answers);
    }

    IkmFigures figures(const scoring::ScoringScheme& scheme, bool annual, const scoring::ScoreOptions& options) const {
        IkmFigures figures{scoring::summarize(all_, scheme, options), std::nullopt, {first_.respondents(), second_.respondents()}, false};
        if (annual) figures.mean_of_semesters = scoring::mean_of_semesters({first_, second_}, scheme);
        return figures;
    }

    std::uint64_t respondents() const { return all_.respondents(); }
    const Tally& all() const { return all_; }

private:
    Tally all_;
    Tally first_;
    Tally second_;
};

// ---- dates -----------------------------------------------------------------

// Minutes since the epoch, to order saran by instant across UTC offsets
// (within a minute, by the order they were stored).
std::int64_t utc_minutes(const scoring::Timestamp& ts) { return (scoring::unix_seconds(ts) - ts.second) / 60; }

int month_index(const LocalDate& first, const LocalDate& date) {
    return (date.year - first.year) * 12 + (date.month - first.month);
}

std::optional<scoring::Decimal> target_of(const store::Connection& db, int year, const std::string& layanan) {
    const auto text = store::target(db, year, layanan);
    if (!text) return std::nullopt;
    return scoring::parse_decimal(*text);
}

// The population the report's own period is measured against (reports/report_sample):
// the figure staff entered for a semester, triwulan or month itself, else the
// period's share of the year's.
std::optional<PeriodPopulation> population_for(const store::Connection& db, const ReportPeriod& period, bool annual,
                                               const std::string& layanan, std::optional<std::uint64_t> year_population) {
    std::optional<std::uint64_t> own;
    if (!annual && period.id && period.id->kind != scoring::PeriodKind::year) {
        own = store::period_population(db, scoring::period_key(*period.id), layanan);
    }
    return period_population(period.range, period.id, annual, year_population, own);
}

}  // namespace

// ---- period ------------------------------------------------------------------

bool ReportPeriod::annual() const {
    return range.first == LocalDate{range.first.year, 1, 1} && range.last == LocalDate{range.first.year, 12, 31};
}

std::optional<int> ReportPeriod::year() const {
    if (range.first.year != range.last.year) return std::nullopt;
    return range.first.year;
}

std::vector<std::size_t> weakest_unsur(const scoring::IkmSummary& summary) {
    std::vector<std::size_t> out = unsur_by_nrr(summary, NrrOrder::lowest_first);
    if (out.size() > 3) out.resize(3);
    return out;
}

ReportPeriod parse_report_period(std::string_view text) {
    const auto range = scoring::parse_period(text);
    if (!range) throw Error(ErrorKind::usage, Problem{"report.bad_period", {{"value", std::string(text)}}});
    return ReportPeriod{std::string(text), *range, scoring::parse_period_key(text)};
}

AnnualMethod parse_annual_method(std::string_view text) {
    if (text == "pooled") return AnnualMethod::pooled;
    if (text == "semesters") return AnnualMethod::semesters;
    throw Error(ErrorKind::usage, Problem{"report.bad_annual", {{"value", std::string(text)}}});
}

// ---- headline ----------------------------------------------------------------

namespace {

Headline from_pooled(const scoring::IkmSummary& s) {
    return Headline{s.konversi_exact, s.ikm, s.ikm_unit, s.mutu};
}

Headline from_exact(const std::optional<mpq_class>& konversi) {
    if (!konversi) return {};
    return Headline{konversi, scoring::round_half_up(*konversi, 2), scoring::round_half_up(*konversi / 25, 4),
                    scoring::mutu_2017(*konversi)};
}

}  // namespace

Headline headline(const IkmFigures& figures, AnnualMethod method, bool annual) {
    if (annual && method == AnnualMethod::semesters) return from_exact(figures.mean_of_semesters);
    return from_pooled(figures.pooled);
}

Headline other_headline(const IkmFigures& figures, AnnualMethod method) {
    if (method == AnnualMethod::semesters) return from_pooled(figures.pooled);
    return from_exact(figures.mean_of_semesters);
}

// ---- gather ------------------------------------------------------------------

ReportData gather_report(const store::ResponseStore& store, const formats::Questionnaire& questionnaire,
                         ReportRequest request) {
    const auto& scheme = questionnaire.scheme;
    const std::size_t unsur_count = scheme.size();
    const ReportPeriod& period = request.period;
    const bool annual = period.annual();
    const auto year = period.year();
    const auto& db = store.connection();

    GroupTally all(unsur_count);
    GroupTally unflagged(unsur_count);
    std::uint64_t flagged = 0;
    std::map<std::string, GroupTally> by_layanan;
    const int month_count = month_index(period.range.first, period.range.last) + 1;
    std::vector<Tally> by_month(static_cast<std::size_t>(month_count), Tally(unsur_count));
    auto jenis_kelamin = ProfileCounter::for_field("jenis_kelamin");
    auto umur = ProfileCounter::for_field("umur");
    auto pendidikan = ProfileCounter::for_field("pendidikan");
    auto pekerjaan = ProfileCounter::for_field("pekerjaan");
    // How each respondent answered: at the kiosk, or through a phone link (downloaded from the hub).
    ProfileCounter channel("channel", std::vector<std::string>(formats::kChannels.begin(), formats::kChannels.end()));
    struct SaranRow {
        std::int64_t instant;
        std::int64_t seq;
        SaranItem item;
    };
    std::vector<SaranRow> saran;
    scoring::HeatGrid heat(unsur_count);

    store.for_each({period.range.first, period.range.last, std::nullopt}, [&](const store::StoredRow& row) {
        const auto& r = row.submission.response;
        const auto ts = scoring::parse_timestamp(r.submitted_at);
        if (!ts) return;  // the store only keeps valid timestamps; a damaged one is db check's business
        all.add(ts->date, r.answers);
        if (r.flags.empty()) {
            unflagged.add(ts->date, r.answers);
        } else {
            ++flagged;
        }
        by_layanan.try_emplace(r.layanan, unsur_count).first->second.add(ts->date, r.answers);
        // The store filters on its local_date column; a row whose timestamp disagrees is db check's business.
        const int month = month_index(period.range.first, ts->date);
        if (month >= 0 && month < month_count) by_month[static_cast<std::size_t>(month)].add(r.answers);
        // The store accepts only well-formed details; a damaged one counts as none.
        const auto detail = formats::parse_profile_detail(r.profile_detail).value_or(std::vector<formats::ProfileDetailEntry>{});
        jenis_kelamin.add(r.jenis_kelamin, jenis_kelamin.option_in(detail));
        umur.add(r.umur, umur.option_in(detail));
        pendidikan.add(r.pendidikan, pendidikan.option_in(detail));
        pekerjaan.add(r.pekerjaan, pekerjaan.option_in(detail));
        heat.add(*ts, r.answers);
        channel.add(r.channel);
        if (!r.saran.empty()) saran.push_back({utc_minutes(*ts), row.seq, {r.saran, r.layanan, ts->date}});
    });
    // Layanan the office offers but nobody rated in the period are still listed.
    for (const auto& name : store::active_layanan(db)) by_layanan.try_emplace(name, unsur_count);

    ReportData data(std::move(request), questionnaire);
    data.annual = annual;
    data.year = year;
    data.flagged = flagged;
    data.min_n = data.request.min_n.value_or(static_cast<std::uint64_t>(store::integer_setting(store, formats::setting::kMinN)));
    const ReportRequest& req = data.request;
    data.office = !req.office.empty() ? req.office : store.setting(formats::setting::kOffice.stored).value_or("");

    scoring::ScoreOptions with_legacy;
    with_legacy.legacy_weight = req.legacy_weight;
    data.overall = all.figures(scheme, annual, with_legacy);
    data.legacy = data.overall.pooled.ikm_legacy;
    data.unflagged = unflagged.figures(scheme, annual, {});

    ProfileCounter layanan_counter("layanan", {});
    for (const auto& [name, tally] : by_layanan) {
        LayananFigures row{name, tally.figures(scheme, annual, {}), std::nullopt, std::nullopt, std::nullopt, std::nullopt};
        if (year) {
            row.target = target_of(db, *year, name);
            row.population = store::population(db, *year, name);
            row.period_population = population_for(db, period, annual, name, row.population);
            if (row.period_population) row.sample = scoring::sample_progress(row.period_population->population, tally.respondents());
        }
        layanan_counter.add(name, "", tally.respondents());
        data.layanan.push_back(std::move(row));
    }

    for (int i = 0; i < month_count; ++i) {
        const int absolute = period.range.first.month - 1 + i;
        const scoring::PeriodId month{scoring::PeriodKind::month, period.range.first.year + absolute / 12, absolute % 12 + 1};
        data.months.push_back({month, scoring::summarize(by_month[static_cast<std::size_t>(i)], scheme, {}), false});
    }

    data.profile = {jenis_kelamin.table(), umur.table(), pendidikan.table(), pekerjaan.table(), layanan_counter.table(),
                    channel.table()};
    data.weakest = weakest_unsur(data.overall.pooled);

    std::sort(saran.begin(), saran.end(), [](const SaranRow& a, const SaranRow& b) {
        return a.instant != b.instant ? a.instant > b.instant : a.seq > b.seq;
    });
    for (auto& s : saran) data.saran.push_back(std::move(s.item));

    if (year) {
        data.target = target_of(db, *year, "");
        data.population = store::population(db, *year, "");
        if (!data.population) {
            // No office-wide figure: the layanan's populations add up to the office's.
            std::uint64_t sum = 0;
            for (const auto& row : data.layanan) sum += row.population.value_or(0);
            if (sum > 0) data.population = sum;
        }
        data.period_population = population_for(db, period, annual, "", data.population);
        if (data.period_population) data.sample = scoring::sample_progress(data.period_population->population, data.respondents());
        if (annual) {
            for (int s = 0; s < 2; ++s) {
                const auto semester = scoring::PeriodId{scoring::PeriodKind::semester, *year, s + 1};
                const auto pop = population_for(db, ReportPeriod{scoring::period_key(semester), scoring::range_of(semester), semester},
                                                false, "", data.population);
                if (pop) data.semester_samples[static_cast<std::size_t>(s)] =
                    scoring::sample_progress(pop->population, data.overall.semester_respondents[static_cast<std::size_t>(s)]);
            }
        }

        if (req.previous_years > 0) {
            const int first_year = *year - req.previous_years;
            std::map<int, GroupTally> by_year;
            store.for_each({LocalDate{first_year, 1, 1}, LocalDate{*year - 1, 12, 31}, std::nullopt},
                           [&](const store::StoredRow& row) {
                               const auto ts = scoring::parse_timestamp(row.submission.response.submitted_at);
                               if (!ts) return;
                               by_year.try_emplace(ts->date.year, unsur_count).first->second.add(ts->date,
                                                                                                 row.submission.response.answers);
                           });
            for (int y = first_year; y < *year; ++y) {
                const auto it = by_year.find(y);
                YearFigures row{y, {}, target_of(db, y, "")};
                if (it != by_year.end()) row.figures = it->second.figures(scheme, true, {});
                if (it != by_year.end() || row.target) data.previous_years.push_back(std::move(row));
            }
        }
    }
    data.chapters = gather_chapter_data(store, scheme, period.id, all.all());
    data.heat_map = heat.map(scheme, data.min_n);
    apply_privacy(data);
    return data;
}

}  // namespace skm::reports
