#include "hub/web/device_report.hpp"

#include "scoring/period.hpp"
#include "store/clock.hpp"

namespace skm::hub::web {

DeviceReport device_report(const DeviceReportIn& in) {
    DeviceReport report{in.device_id, in.app_version, in.pending, in.sent_at, store::iso8601(in.received), std::nullopt};
    if (in.sent_at) {
        if (const auto sent = scoring::parse_timestamp(*in.sent_at)) {
            report.clock_skew_s = scoring::unix_seconds(*sent) - scoring::unix_seconds(in.received);
        }
    }
    return report;
}

}  // namespace skm::hub::web
