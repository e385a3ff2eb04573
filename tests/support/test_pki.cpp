#include "tests/support/test_pki.hpp"

#include "tests/support/run_program.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace skm::testing {
namespace {

void sh(const std::string& command) {
    if (std::system(("(" + command + ") >/dev/null 2>&1").c_str()) != 0) throw std::runtime_error("failed: " + command);
}

TestPki make() {
    TestPki p;
    p.dir = make_temp_dir();
    const std::string cd = "cd '" + p.dir.string() + "' && ";
    const std::string ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    sh(cd + "openssl req -x509 " + ec + " -keyout ca.key -out ca.pem -days 2 -subj '/CN=SKM Test CA'");
    sh(cd + "openssl req -x509 " + ec + " -keyout other.key -out other.pem -days 2 -subj '/CN=Other CA'");
    sh(cd + "openssl req " + ec + " -keyout server.key -out server.csr -subj '/CN=127.0.0.1'");
    sh(cd + "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > ext.cnf");
    sh(cd + "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
            "-extfile ext.cnf");
    sh(cd + "openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | "
            "openssl dgst -sha256 -binary | base64 > pin.txt");
    p.ca = p.dir / "ca.pem";
    p.other_ca = p.dir / "other.pem";
    p.server_cert = p.dir / "server.pem";
    p.server_key = p.dir / "server.key";
    std::ifstream in(p.dir / "pin.txt");
    std::getline(in, p.pin);
    p.pin = "sha256//" + p.pin;
    return p;
}

}  // namespace

const TestPki& test_pki() {
    static const TestPki pki = make();
    return pki;
}

}  // namespace skm::testing
