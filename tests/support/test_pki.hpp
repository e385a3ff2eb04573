// A throwaway PKI made at test time with the openssl command: a CA, a server
// certificate for 127.0.0.1/localhost signed by it, and a second, unrelated
// CA. Nothing secret is checked in, and nothing expires between runs.
#pragma once

#include <filesystem>
#include <string>

namespace skm::testing {

struct TestPki {
    std::filesystem::path dir;
    std::filesystem::path ca;           // ca.pem: the CA kiosks trust
    std::filesystem::path other_ca;     // other.pem: a CA that signed nothing of ours
    std::filesystem::path server_cert;  // server.pem, for 127.0.0.1 and localhost
    std::filesystem::path server_key;   // server.key
    std::string pin;                    // "sha256//…" of the server's public key (curl pinning)
};

// Made once per process (a few openssl runs); throws std::runtime_error if openssl fails.
const TestPki& test_pki();

}  // namespace skm::testing
