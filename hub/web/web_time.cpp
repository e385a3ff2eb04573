#include "hub/web/web_time.hpp"

namespace skm::hub::web {

std::int64_t epoch_seconds(const scoring::Timestamp& ts) { return scoring::unix_seconds(ts); }

}  // namespace skm::hub::web
