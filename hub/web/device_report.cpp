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

std::optional<DeviceProfile> device_profile(const DeviceReportIn& in) {
    if (!in.office_profile) return std::nullopt;
    const sync::OfficeProfile& p = *in.office_profile;
    return DeviceProfile{in.device_id, in.kecamatan,   p.office, p.contact, p.follow_up, p.complaint_channel,
                         p.logo_png,   store::iso8601(in.received)};
}

void record_device(WebStore& store, const DeviceReportIn& in) {
    store.record_device_report(device_report(in));
    if (const auto profile = device_profile(in)) store.record_device_profile(*profile);
}

}  // namespace skm::hub::web
