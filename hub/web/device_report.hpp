// What a kiosk said about itself with a batch (sync/protocol's optional
// fields, handed over by IngestApi) turned into the devices page's row:
// the clock skew is the kiosk's clock at sending minus the hub's at receipt.
#pragma once

#include "hub/ingest_api.hpp"
#include "hub/web/web_store.hpp"

namespace skm::hub::web {

DeviceReport device_report(const DeviceReportIn& in);

}  // namespace skm::hub::web
