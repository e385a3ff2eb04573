// Who a request came from. Behind the reverse proxy every connection comes
// from the proxy itself, which names the real client in X-Forwarded-For
// (packaging/nginx sets the header to the address it saw, replacing any the
// client sent). The header is believed only on a connection from the trusted
// proxy's address and only when it holds one well-formed IP address; anything
// else falls back to the connection's own peer, so a client talking to the
// hub directly cannot choose the address its login attempts are counted on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace skm::hub {

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::optional<std::string>& trusted_proxy);

// 127.0.0.0/8, ::1 and ::ffff:127.x.y.z, "localhost".
bool is_loopback_host(std::string_view host);

}  // namespace skm::hub
