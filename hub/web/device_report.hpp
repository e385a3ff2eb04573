// What a kiosk said about itself with a batch (sync/protocol's optional
// fields, handed over by IngestApi) turned into the devices page's row:
// the clock skew is the kiosk's clock at sending minus the hub's at receipt.
#pragma once

#include "hub/ingest_api.hpp"
#include "hub/web/web_store.hpp"

namespace skm::hub::web {

DeviceReport device_report(const DeviceReportIn& in);
// The office profile it carried, as the poster pages keep it; nothing when it carried none.
std::optional<DeviceProfile> device_profile(const DeviceReportIn& in);
// Both kept in `store`: what skm-hub serve does with each report.
void record_device(WebStore& store, const DeviceReportIn& in);

}  // namespace skm::hub::web
