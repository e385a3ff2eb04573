// Why a body from the wire was refused whole: a "protocol.*" message key
// (assets/i18n) and where, as the decoders name a field ("responses[2].saran").
#pragma once

#include <string>

namespace skm::sync {

struct ProtocolError {
    std::string key;
    std::string where;
};

}  // namespace skm::sync
