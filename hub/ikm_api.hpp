// GET /api/v1/ikm?period=P[&kecamatan=K][&layanan=L] without the HTTP
// library: IKM, mutu and NRR per unsur over the hub's rows, for the whole
// selection, per kecamatan and per kecamatan × layanan. Computed with
// scoring::summarize over integer tallies, exactly as the kiosk and `skm
// score` compute, so the hub's numbers equal theirs for the same rows.
#pragma once

#include "formats/catalog.hpp"
#include "hub/api_reply.hpp"
#include "hub/hub_store.hpp"

#include <map>
#include <string>

namespace skm::hub {

// P as for `skm report`: 2025, 2025-S1, 2025-TW3, 2025-03 or
// 2025-01-01..2025-06-30. Rows belong to the period of their own local date.
// Unknown parameters are refused (400), so a typo never widens a report.
ApiReply ikm_report(HubStore& store, const std::multimap<std::string, std::string>& params,
                    const formats::Catalog& catalog);

}  // namespace skm::hub
