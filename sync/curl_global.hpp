// libcurl's process-wide start (curl_global_init), once, before the first
// handle of any libcurl user in this library (transport, outbound).
#pragma once

namespace skm::sync {

// Throws std::runtime_error when libcurl cannot start.
void curl_global_init_once();

}  // namespace skm::sync
