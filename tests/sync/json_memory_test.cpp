// What refusing a hostile body costs in memory, measured (peak resident set,
// /proc/self/status VmHWM, reset through /proc/self/clear_refs before each
// measurement): the 8 MiB of `{},{},…` an 8 KiB gzip'd body unpacks to, and
// one 8 MiB text, each cost the decoder less than 1 MiB, where
// building the document first costs hundreds of MB (the control below shows
// the measurement sees that). Optimised build only (label no_sanitizer).
#include "sync/protocol.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>

namespace skm::sync {
namespace {

constexpr long kMiB = 1024;  // in KiB, as /proc reports

void reset_peak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.close();
    ASSERT_TRUE(clear) << "cannot reset the peak resident set";
}

long peak_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    ADD_FAILURE() << "no VmHWM in /proc/self/status";
    return 0;
}

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

std::string amplification_body() {
    std::string body = R"({"protocol":1,"device_id":"kiosk-01","batch_id":"b-1","responses":[{})";
    body.reserve(8u << 20);
    while (body.size() + 5 <= (8u << 20)) body += ",{}";
    return body + "]}";
}

std::string one_long_text() {
    std::string body = R"({"protocol":1,"device_id":"kiosk-01","batch_id":"b-1","responses":[],"x":")";
    body.reserve(8u << 20);
    body.append((8u << 20) - body.size() - 2, 'x');
    return body + "\"}";
}

// Growth of the peak resident set over what it is now, while `work` runs.
template <typename Work>
long peak_growth_kib(Work work) {
    reset_peak();
    const long before = peak_kib();
    work();
    return peak_kib() - before;
}

struct Refusal {
    std::string key;    // the decoder's refusal, "" if it accepted the body
    std::string where;
    long growth_kib = 0;  // of the peak resident set while refusing
};

// Decodes `body` once (bringing in the code it runs, as a hub has long done
// before an attacker sends anything), then measures decoding it again.
Refusal measured_refusal(const std::string& body) {
    Refusal refusal;
    const auto refuse = [&] {
        const auto decoded = decode_batch(body, scheme());
        if (const auto* e = std::get_if<ProtocolError>(&decoded)) {
            refusal.key = e->key;
            refusal.where = e->where;
        }
    };
    refuse();
    refusal.growth_kib = peak_growth_kib(refuse);
    return refusal;
}

TEST(JsonMemory, RefusingAnAmplificationBodyCostsUnderOneMiB) {
    const std::string body = amplification_body();
    ASSERT_GT(body.size(), (8u << 20) - 8);
    const Refusal refusal = measured_refusal(body);
    EXPECT_EQ(refusal.key, "protocol.too_complex");
    EXPECT_LT(refusal.growth_kib, 1 * kMiB);
    std::printf("[ figures  ] decode_batch of 8 MiB of {}: peak grew %ld KiB\n", refusal.growth_kib);
}

TEST(JsonMemory, RefusingOneHugeTextCostsUnderOneMiB) {
    const Refusal refusal = measured_refusal(one_long_text());
    EXPECT_EQ(refusal.key + " @ " + refusal.where, "protocol.too_complex @ x");
    EXPECT_LT(refusal.growth_kib, 1 * kMiB);
    std::printf("[ figures  ] decode_batch of one 8 MiB text: peak grew %ld KiB\n", refusal.growth_kib);
}

TEST(JsonMemory, TheMeasurementSeesWhatBuildingTheDocumentFirstWouldCost) {
    const std::string body = amplification_body();
    std::size_t items = 0;
    const long growth = peak_growth_kib([&] { items = nlohmann::json::parse(body)["responses"].size(); });
    EXPECT_GT(items, 2'000'000u);
    EXPECT_GT(growth, 100 * kMiB);
    std::printf("[ figures  ] nlohmann::json::parse of the same body: peak grew %ld KiB\n", growth);
}

}  // namespace
}  // namespace skm::sync
