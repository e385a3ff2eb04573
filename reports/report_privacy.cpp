#include "reports/report_privacy.hpp"

#include "scoring/privacy.hpp"

#include <algorithm>

namespace skm::reports {
namespace {

// What is left of a group whose figures are withheld: how many took part.
void withhold(IkmFigures& figures) {
    const auto respondents = figures.pooled.respondents;
    const auto semesters = figures.semester_respondents;
    figures = IkmFigures{};
    figures.pooled.respondents = respondents;
    figures.semester_respondents = semesters;
    figures.hidden = true;
}

// A mean of two semesters, one of them a handful of people, gives that
// handful's answers away next to the pooled IKM (and says little).
void withhold_thin_semester(IkmFigures& figures, std::uint64_t min_n) {
    for (const auto n : figures.semester_respondents) {
        if (n > 0 && !scoring::enough_for_figures(n, min_n)) figures.mean_of_semesters.reset();
    }
}

}  // namespace

void apply_privacy(ReportData& data) {
    const std::uint64_t min_n = data.min_n;
    if (!scoring::enough_for_figures(data.respondents(), min_n)) {
        withhold(data.overall);
        data.legacy.reset();
        data.weakest.clear();
        // The sums per unsur and the tabulation are those few people's answers too.
        data.chapters.tally = scoring::Tally{0};
    }
    if (!scoring::enough_for_figures(data.unflagged.pooled.respondents, min_n)) withhold(data.unflagged);
    if (data.annual) {
        withhold_thin_semester(data.overall, min_n);
        withhold_thin_semester(data.unflagged, min_n);
    }

    std::vector<std::uint64_t> counts;
    for (const auto& l : data.layanan) counts.push_back(l.figures.pooled.respondents);
    const auto hidden_layanan = scoring::hidden_groups(counts, min_n);
    for (std::size_t i = 0; i < data.layanan.size(); ++i) {
        auto& figures = data.layanan[i].figures;
        if (hidden_layanan[i]) withhold(figures);
        if (data.annual) withhold_thin_semester(figures, min_n);
    }

    counts.clear();
    for (const auto& m : data.months) counts.push_back(m.summary.respondents);
    const auto hidden_months = scoring::hidden_groups(counts, min_n);
    for (std::size_t i = 0; i < data.months.size(); ++i) {
        if (!hidden_months[i]) continue;
        const auto respondents = data.months[i].summary.respondents;
        data.months[i].summary = scoring::IkmSummary{};
        data.months[i].summary.respondents = respondents;
        data.months[i].hidden = true;
    }

    for (auto& y : data.previous_years) {
        if (!scoring::enough_for_figures(y.figures.pooled.respondents, min_n)) withhold(y.figures);
    }

    for (auto& table : data.profile) {
        for (auto& count : table.counts) count.details = publishable_details(count.details, min_n);
    }

    std::erase_if(data.saran, [&](const SaranItem& s) { return !saran_publishable(data, s.layanan); });
}

std::vector<ProfileDetailCount> publishable_details(const std::vector<ProfileDetailCount>& details, std::uint64_t min_n) {
    std::vector<std::uint64_t> counts;  // the sub-options, without those who picked none
    std::vector<const ProfileDetailCount*> options;
    std::uint64_t remainder = 0;
    for (const auto& d : details) {
        if (d.option.empty()) {
            remainder += d.count;
        } else {
            counts.push_back(d.count);
            options.push_back(&d);
        }
    }
    // Those who picked no sub-option already hide any withheld one beside them in
    // the remainder; without them, one withheld sub-option alone would be the remainder.
    std::vector<bool> hidden(counts.size());
    if (remainder > 0) {
        for (std::size_t i = 0; i < counts.size(); ++i) hidden[i] = !scoring::enough_for_figures(counts[i], min_n);
    } else {
        hidden = scoring::hidden_groups(counts, min_n);
    }
    std::vector<ProfileDetailCount> out;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (hidden[i]) {
            remainder += counts[i];
        } else if (counts[i] > 0) {
            out.push_back(*options[i]);
        }
    }
    if (out.empty()) return out;
    if (remainder > 0) out.push_back({"", remainder});
    return out;
}

bool saran_publishable(const ReportData& data, const std::string& layanan) {
    if (!scoring::enough_for_figures(data.respondents(), data.min_n)) return false;
    const auto it = std::find_if(data.layanan.begin(), data.layanan.end(), [&](const LayananFigures& l) { return l.layanan == layanan; });
    return it != data.layanan.end() && scoring::enough_for_figures(it->figures.pooled.respondents, data.min_n);
}

}  // namespace skm::reports
