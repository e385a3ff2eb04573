// hub/client_address: whose address a request is counted on, behind the proxy and not.
#include "hub/client_address.hpp"

#include <gtest/gtest.h>

namespace {

using skm::hub::client_address;
using skm::hub::is_loopback_host;

const std::optional<std::string> kProxy = "127.0.0.1";

TEST(ClientAddress, ProxyNamesTheClient) {
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7", kProxy), "203.0.113.7");
    EXPECT_EQ(client_address("127.0.0.1", " 2001:db8::1 ", kProxy), "2001:db8::1");
    // Written in another form, still the proxy.
    EXPECT_EQ(client_address("127.0.0.1", "2001:0db8:0000::0001", std::optional<std::string>("127.000.0.1")),
              "127.0.0.1");
}

TEST(ClientAddress, HeaderIgnoredFromAnyoneButTheProxy) {
    EXPECT_EQ(client_address("198.51.100.4", "203.0.113.7", kProxy), "198.51.100.4");
    EXPECT_EQ(client_address("127.0.0.2", "203.0.113.7", kProxy), "127.0.0.2");
    EXPECT_EQ(client_address("198.51.100.4", "203.0.113.7", std::nullopt), "198.51.100.4");
}

TEST(ClientAddress, HeaderThatIsNotOneAddressIsIgnored) {
    EXPECT_EQ(client_address("127.0.0.1", "", kProxy), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7, 10.0.0.1", kProxy), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", "unknown", kProxy), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7:443", kProxy), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", std::string(200, '1'), kProxy), "127.0.0.1");
}

TEST(ClientAddress, LoopbackHosts) {
    for (const char* host : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "localhost"}) {
        EXPECT_TRUE(is_loopback_host(host)) << host;
    }
    for (const char* host : {"0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "::ffff:10.0.0.1", "example.org", ""}) {
        EXPECT_FALSE(is_loopback_host(host)) << host;
    }
}

}  // namespace
