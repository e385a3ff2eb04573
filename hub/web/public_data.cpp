#include "hub/web/public_data.hpp"

#include "scoring/privacy.hpp"
#include "scoring/tally.hpp"

#include <algorithm>

namespace skm::hub::web {

std::vector<PublicPeriodData> build_public(DashboardInputs in) {
    const auto& scheme = in.hub.scheme();
    std::vector<PublicPeriodData> out;
    in.tallies.refresh();
    for (const auto& p : in.web.public_periods()) {
        const auto period = parse_web_period(p.period);
        if (!period) continue;  // stored only through parse_period_key: never happens
        PublicPeriodData data{*period, p.published_at, std::nullopt, {}};

        // kecamatan → layanan tallies, and the respondents the rule weighs.
        std::vector<std::string> names;
        std::vector<std::map<std::string, scoring::Tally>> layanan;
        std::vector<std::vector<std::uint64_t>> counts;
        for (const auto& [name, tally] : in.tallies.by_kecamatan(period->range)) {
            names.push_back(name);
            layanan.push_back(in.tallies.by_layanan(period->range, name));
            counts.emplace_back();
            for (const auto& [l, t] : layanan.back()) counts.back().push_back(t.respondents());
        }
        const scoring::HiddenHierarchy hidden = scoring::hidden_in_hierarchy(counts, in.min_n);

        scoring::Tally whole(scheme.size());
        for (std::size_t k = 0; k < names.size(); ++k) {
            scoring::Tally total(scheme.size());
            PublicKecamatan row{names[k], {}, {}};
            std::size_t g = 0;
            for (const auto& [name, tally] : layanan[k]) {
                total.merge(tally);
                if (!hidden.groups[k][g++] && tally.respondents() > 0) row.layanan.push_back({name, figures_of(tally, scheme, in.min_n)});
            }
            whole.merge(total);
            if (hidden.parts[k] || total.respondents() == 0) continue;
            row.figures = figures_of(total, scheme, in.min_n);
            data.kecamatan.push_back(std::move(row));
        }
        if (!hidden.whole) data.kabupaten = figures_of(whole, scheme, in.min_n);
        out.push_back(std::move(data));
    }
    std::stable_sort(out.begin(), out.end(), [](const PublicPeriodData& a, const PublicPeriodData& b) {
        return a.period.range.first < b.period.range.first;
    });
    return out;
}

}  // namespace skm::hub::web
