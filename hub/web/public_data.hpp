// What the public page and the open data hold (/public, /public/data.csv,
// /public/data.json): for each period an admin made public, the kabupaten,
// every kecamatan and each kecamatan's layanan, with the figures of the
// dashboard and of GET /api/v1/ikm (TallyCache, scoring::summarize). What the
// min-n rule hides is absent, not marked: scoring::hidden_in_hierarchy, which
// also withholds a total or a second group wherever subtraction would give a
// hidden one back. No saran, no unpublished period.
#pragma once

#include "hub/web/dashboard_data.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::hub::web {

struct PublicKecamatan {
    std::string kecamatan;
    Figures figures;                   // always with its summary
    std::vector<LayananRow> layanan;   // those shown, by name
};

struct PublicPeriodData {
    WebPeriod period;
    std::string published_at;
    std::optional<Figures> kabupaten;  // absent under min_n
    std::vector<PublicKecamatan> kecamatan;  // those shown, by name
};

// The public periods, oldest first (the order of the trend).
std::vector<PublicPeriodData> build_public(DashboardInputs inputs);

}  // namespace skm::hub::web
