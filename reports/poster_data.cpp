#include "reports/poster_data.hpp"

#include <algorithm>

namespace skm::reports {
namespace {

// One layanan's row in a period's report data, or nullptr.
const LayananFigures* row_of(const ReportData& data, const std::string& layanan) {
    const auto it = std::find_if(data.layanan.begin(), data.layanan.end(),
                                 [&](const LayananFigures& row) { return row.layanan == layanan; });
    return it == data.layanan.end() ? nullptr : &*it;
}

// The group the poster is about in one period's report data: the office, or one layanan.
const IkmFigures* group_of(const ReportData& data, const std::optional<std::string>& layanan) {
    if (!layanan) return &data.overall;
    const LayananFigures* row = row_of(data, *layanan);
    return row ? &row->figures : nullptr;
}

}  // namespace

PosterData gather_poster(const store::ResponseStore& store, const formats::Questionnaire& questionnaire,
                         PosterRequest request) {
    // The poster prints one IKM: over all respondents (the report's default method).
    request.report.annual = AnnualMethod::pooled;
    request.report.previous_years = 0;
    // The report's privacy rule (reports/report_privacy) decides, with the poster's min-n.
    request.report.min_n = request.min_n;
    const ReportData data = gather_report(store, questionnaire, request.report);
    std::optional<ReportData> previous;
    if (const auto& id = data.request.period.id) {
        const scoring::PeriodId before_id = scoring::previous_period(*id);
        ReportRequest before = request.report;
        before.period = ReportPeriod{scoring::period_key(before_id), scoring::range_of(before_id), before_id};
        previous.emplace(gather_report(store, questionnaire, std::move(before)));
    }
    return poster_from_report(data, previous ? &*previous : nullptr, std::move(request));
}

PosterData poster_from_report(const ReportData& data, const ReportData* previous, PosterRequest request) {
    const IkmFigures* group = group_of(data, request.layanan);
    if (!group) throw Error(ErrorKind::usage, Problem{"poster.unknown_layanan", {{"layanan", *request.layanan}}});

    PosterData poster(data.questionnaire);
    poster.period = data.request.period;
    poster.generated_on = data.request.generated_on;
    poster.office = data.office;
    poster.region = data.request.region;
    poster.layanan = request.layanan.value_or("");
    poster.min_n = data.min_n;
    poster.follow_up = std::move(request.follow_up);
    poster.contact = std::move(request.contact);
    poster.complaint_channel = std::move(request.complaint_channel);
    poster.logo = std::move(request.logo);
    poster.logo_png = std::move(request.logo_png);
    poster.respondents = group->pooled.respondents;
    // Hidden by the report's rule: under min-n, or withheld so a smaller group cannot be worked out.
    poster.enough = !group->hidden;
    if (!poster.enough) return poster;  // no figure of a group this small leaves this function

    poster.headline = headline(*group, AnnualMethod::pooled, data.annual);
    const auto weakest = weakest_unsur(group->pooled);
    for (std::size_t i = 0; i < group->pooled.unsur.size(); ++i) {
        poster.bars.push_back({i, group->pooled.unsur[i].nrr, !weakest.empty() && weakest.front() == i});
    }

    // The sample the report's own period needs (a semester: its own population, else half the year's).
    poster.sample = request.layanan ? row_of(data, *request.layanan)->sample : data.sample;

    if (const auto& id = data.request.period.id) {
        poster.previous = scoring::previous_period(*id);
        const IkmFigures* then = previous ? group_of(*previous, request.layanan) : nullptr;
        // The previous figure obeys the same rule: too few respondents then, no comparison now.
        if (then && !then->hidden && then->pooled.konversi_exact) {
            poster.previous_ikm = then->pooled.ikm;
            if (poster.headline.konversi) {
                poster.change = scoring::round_half_up(*poster.headline.konversi - *then->pooled.konversi_exact, 2);
            }
        }
    }
    return poster;
}

}  // namespace skm::reports
