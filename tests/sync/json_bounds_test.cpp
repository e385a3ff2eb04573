// Bounded JSON: every document from the network is refused, before it is
// built, once it holds more values, nests deeper or carries a longer text
// than its protocol allows; just under each bound passes, just over does not,
// and the refusal says where. The largest real batch, reply and config pass.
#include "formats/settings_table.hpp"
#include "sync/config_protocol.hpp"
#include "sync/gzip.hpp"
#include "sync/json_bounds.hpp"
#include "sync/protocol.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace skm::sync {
namespace {

std::string verdict(std::string_view body, const JsonBounds& bounds) {
    const auto refusal = check_json_bounds(body, bounds);
    return refusal ? refusal->key + " @ " + refusal->where : "within";
}

// {"k0":0,"k1":0,…}: 1 + n values.
std::string object_of(std::size_t n) {
    std::string out = "{";
    for (std::size_t i = 0; i < n; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    return out + "}";
}

// `count` copies of `item`, comma-separated.
std::string repeated(const std::string& item, std::size_t count) {
    std::string out;
    out.reserve(count * (item.size() + 1));
    for (std::size_t i = 0; i < count; ++i) out += (i ? "," : "") + item;
    return out;
}

const JsonBounds kSmall{/*max_values=*/5, /*max_depth=*/3, /*max_string_bytes=*/4};

TEST(JsonBounds, ValuesJustUnderPassJustOverAreRefusedSayingWhich) {
    EXPECT_EQ(verdict(object_of(4), kSmall), "within");  // the object and 4 numbers
    EXPECT_EQ(verdict(object_of(5), kSmall), "protocol.too_complex @ k4");
    EXPECT_EQ(verdict(R"({"a":[1,2,3]})", kSmall), "within");
    EXPECT_EQ(verdict(R"({"a":[1,2,3,4]})", kSmall), "protocol.too_complex @ a[3]");
    EXPECT_EQ(verdict(R"({"a":[[],{}],"b":null})", kSmall), "within");
    EXPECT_EQ(verdict(R"({"a":[[],{}],"b":null,"c":true})", kSmall), "protocol.too_complex @ c");
}

TEST(JsonBounds, DepthJustUnderPassesJustOverIsRefused) {
    const JsonBounds deep{100, 3, 4};
    EXPECT_EQ(verdict(R"({"a":{"b":[1]}})", deep), "within");
    EXPECT_EQ(verdict(R"({"a":{"b":[[1]]}})", deep), "protocol.too_complex @ a.b[0]");
    EXPECT_EQ(verdict(R"({"a":[{"b":{}}]})", deep), "protocol.too_complex @ a[0].b");
    // 100,000 levels: refused at the fourth, nothing built.
    EXPECT_EQ(verdict("{\"a\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}", deep),
              "protocol.too_complex @ a[0][0]");
}

TEST(JsonBounds, TextsAndKeysJustUnderPassJustOverAreRefused) {
    EXPECT_EQ(verdict(R"({"abcd":"wxyz"})", kSmall), "within");
    EXPECT_EQ(verdict(R"({"a":"vwxyz"})", kSmall), "protocol.too_complex @ a");
    EXPECT_EQ(verdict(R"({"a":[{"abcde":1}]})", kSmall), "protocol.too_complex @ a[0]");
    // Counted unescaped: four escapes are four bytes, "é" two.
    EXPECT_EQ(verdict(R"({"a":"\u0001\u0002\u0003\u0004"})", kSmall), "within");
    EXPECT_EQ(verdict(R"({"a":"\u0001\u0002\u0003\u0004\u0005"})", kSmall), "protocol.too_complex @ a");
    EXPECT_EQ(verdict(R"({"a":"éé"})", kSmall), "within");
    EXPECT_EQ(verdict(R"({"a":"ééé"})", kSmall), "protocol.too_complex @ a");
    EXPECT_EQ(verdict(R"({"a":"a\"\\b"})", kSmall), "within");  // a " \ b
}

TEST(JsonBounds, AHugeTokenIsCutOffWhileItIsRead) {
    // A text too long to be within bounds even with every byte escaped: cut
    // off unfinished, where it is, never read whole.
    const JsonBounds bounds{100, 5, 2000};
    EXPECT_EQ(verdict(R"({"a":[1,")" + std::string(8u << 20, 'x') + "\"]}", bounds), "protocol.too_complex @ a[1]");
    EXPECT_EQ(verdict(R"({"a":{"b":)" + std::string(8u << 20, '7') + "}}", bounds), "protocol.too_complex @ a.b");
    EXPECT_EQ(verdict("{\"" + std::string(8u << 20, 'k') + "\":1}", bounds), "protocol.too_complex @ ");
    // The longest token within bounds (2000 bytes, each as \u0001) is not cut.
    std::string escaped;
    for (int i = 0; i < 2000; ++i) escaped += "\\u0001";
    EXPECT_EQ(verdict(R"({"a":")" + escaped + "\"}", bounds), "within");
    EXPECT_EQ(verdict(R"({"a":")" + escaped + "\\u0001\"}", bounds), "protocol.too_complex @ a");
    // Whitespace between tokens is not held: it counts for nothing.
    EXPECT_EQ(verdict("{\"a\":" + std::string(8u << 20, ' ') + "1}", bounds), "within");
}

TEST(JsonBounds, OnlyOneWholeObjectIsJson) {
    for (const char* body : {"", "[]", "[{}]", "1", "\"x\"", "null", "{", R"({"a":1)", R"({"a":1}x)", R"({"a":01})", "{} {}"}) {
        EXPECT_EQ(verdict(body, kSmall), "protocol.not_json @ ") << body;
    }
    EXPECT_EQ(verdict("{}", kSmall), "within");
    EXPECT_EQ(verdict(" {} \n", kSmall), "within");
}

// ---- the protocol's own bounds ---------------------------------------------------------

const scoring::ScoringScheme& scheme() {
    static const auto s = scoring::ScoringScheme::permenpan_2017();
    return s;
}

store::Submission largest_response(std::size_t i) {
    store::Submission s;
    auto& r = s.response;
    r.response_id = std::string(64 - std::to_string(i).size(), 'a') + std::to_string(i);
    r.submitted_at = "2025-03-04T09:15:00+07:00";
    r.layanan = std::string(200, 'L');
    r.jenis_kelamin = "P";
    r.umur = "60+";
    r.pendidikan = "D1-D3";
    r.pekerjaan = "Wirausaha";
    r.answers = {4, 3, 2, 4, 3, 2, 4, 1, 3};
    r.saran = std::string(2000, 's');
    for (std::size_t f = 0; f < kMaxFlags; ++f) r.flags.push_back(std::string(64, static_cast<char>('a' + f)));
    r.questionnaire_version = "1000000";
    s.questionnaire_id = std::string(200, 'q');
    s.duration_ms = 61'000;
    // The longest detail there can be (every field, options of 32 bytes) and the longest words.
    r.profile_detail = "jenis_kelamin=" + std::string(32, 'j') + ";umur=" + std::string(32, 'u') + ";pendidikan=" +
                       std::string(32, 'd') + ";pekerjaan=" + std::string(32, 'p');
    r.origin = "import";
    r.channel = "paper";
    return s;
}

Batch largest_batch() {
    Batch b{std::string(200, 'd'), std::string(200, 'b'), {}};
    for (std::size_t i = 0; i < Limits{}.max_items; ++i) b.responses.push_back(largest_response(i));
    b.app_version = "0.1.0";
    b.pending = 123456;
    b.sent_at = "2025-03-04T09:15:00+07:00";
    b.link_public_key = std::string(42, 'A') + "A";  // 32 zero bytes: a well-formed key
    // The largest office profile: every text at its bound, a logo of the most bytes.
    std::string logo = "\x89PNG\r\n\x1a\n";
    logo.resize(kMaxProfileLogoBytes, 'L');
    b.office_profile = OfficeProfile{std::string(200, 'o'), std::string(200, 'c'), std::string(1000, 'f'), std::string(300, 'k'), logo};
    return b;
}

std::string refusal(std::string_view body) {
    const auto decoded = decode_batch(body, scheme());
    if (std::holds_alternative<Batch>(decoded)) return "accepted";
    const auto& e = std::get<ProtocolError>(decoded);
    return e.key + " @ " + e.where;
}

TEST(BatchJsonBounds, DerivedFromTheProtocolsLimits) {
    // Independently: 500 items × (the item, 15 fields, 9 answers, 16 flags,
    // questionnaire id and version, 16 to spare) + the body, 9 fields, the
    // office profile's 5 and its logo's 12 pieces, 16 to spare.
    const JsonBounds b = batch_json_bounds(scheme());
    EXPECT_EQ(b.max_values, 500u * (1 + 15 + 9 + 16 + 2 + 16) + (1 + 9 + 5 + 12 + 16));
    EXPECT_EQ(b.max_values, 29'543u);
    EXPECT_EQ(b.max_depth, 6u);
    EXPECT_EQ(b.max_string_bytes, 2000u);
    EXPECT_EQ(reply_json_bounds().max_values, 500u * (1 + 3 + 16) + (1 + 5 + 16));
    // The config: 2000 targets × (the target, 3 fields, 16 to spare), 200 layanan,
    // the body with its 7 fields, the questionnaire's 2 and 16 to spare, and a
    // value for each entry of the settings table.
    EXPECT_EQ(config_json_bounds().max_values,
              2000u * (1 + 3 + 16) + 200 + (1 + 7 + 2 + 16) + formats::kSettingsTable.size());
}

TEST(BatchJsonBounds, TheLargestRealBatchPassesAndOneValueMoreDoesNot) {
    const std::string largest = encode_batch(largest_batch(), scheme());
    EXPECT_EQ(refusal(largest), "accepted");
    // Filled to the bound with fields a later kiosk might add (16 values per
    // item and 16 for the body, which the hub ignores): still accepted...
    nlohmann::json filled = nlohmann::json::parse(largest);
    for (auto& item : filled["responses"]) item["later"] = nlohmann::json::array({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    filled["later"] = nlohmann::json::array({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    EXPECT_EQ(refusal(filled.dump()), "accepted");
    // ...and one value more is refused, at the last value read ("sent_at" sorts last).
    filled["later"].push_back(0);
    EXPECT_EQ(refusal(filled.dump()), "protocol.too_complex @ sent_at");
}

// A hub built before profile_detail, origin and channel bounded a batch by
// 12 fields per item (28,024 values): the largest batch carrying all three
// still fits there, in the room every bound keeps for fields added later.
TEST(BatchJsonBounds, TheRecordedMembersFitTheBoundsOfAHubBuiltBeforeThem) {
    const std::string largest = encode_batch(largest_batch(), scheme());
    ASSERT_NE(largest.find(R"("origin":"import")"), std::string::npos);
    const JsonBounds before{28'024, 6, 2000};
    const auto refused = check_json_bounds(largest, before);
    EXPECT_FALSE(refused.has_value()) << refused->key << " @ " << refused->where;
}

// A hub built before the office profile bounded a batch by 29,524 values:
// the largest batch with the largest profile still fits there, its logo
// pieces under that hub's 2000-byte text bound.
TEST(BatchJsonBounds, TheOfficeProfileFitsTheBoundsOfAHubBuiltBeforeIt) {
    const std::string largest = encode_batch(largest_batch(), scheme());
    ASSERT_NE(largest.find(R"("logo_png":[")"), std::string::npos);
    const JsonBounds before{500u * (1 + 15 + 9 + 16 + 2 + 16) + (1 + 7 + 16), 6, 2000};
    const auto refused = check_json_bounds(largest, before);
    EXPECT_FALSE(refused.has_value()) << refused->key << " @ " << refused->where;
}

TEST(BatchJsonBounds, DepthAndTextJustUnderPassJustOverAreRefused) {
    nlohmann::json batch = nlohmann::json::parse(encode_batch(largest_batch(), scheme()));
    batch["responses"][0]["later"] = {{"a", {{"b", nlohmann::json::object()}}}};  // depth 6
    EXPECT_EQ(refusal(batch.dump()), "accepted");
    batch["responses"][0]["later"] = {{"a", {{"b", {{"c", nlohmann::json::object()}}}}}};  // depth 7
    EXPECT_EQ(refusal(batch.dump()), "protocol.too_complex @ responses[0].later.a.b.c");
    batch["responses"][0].erase("later");
    batch["responses"][7]["saran"] = std::string(2001, 's');
    EXPECT_EQ(refusal(batch.dump()), "protocol.too_complex @ responses[7].saran");
}

// {"protocol":1,…,"responses":[{},{},…]} of exactly 8 MiB: the amplification body.
std::string amplification_body() {
    const std::string head = R"({"protocol":1,"device_id":"kiosk-01","batch_id":"b-1","responses":[)";
    const std::size_t count = ((8u << 20) - head.size() - 2 + 1) / 3;  // "{}" and a comma each, less the last comma
    std::string body = head + repeated("{}", count) + "]}";
    body.append((8u << 20) - body.size(), ' ');
    return body;
}

TEST(BatchJsonBounds, TheAmplificationBodyIsRefusedAtTheFirstValueTooMany) {
    const std::string body = amplification_body();
    ASSERT_EQ(body.size(), 8u << 20);
    const std::string packed = gzip_compress(body);
    EXPECT_LT(packed.size(), 9000u);  // what a kiosk has to send for it
    // The body, protocol, device_id, batch_id and responses are 5 values;
    // {} number 29,539 (index 29,538) is value 29,544.
    EXPECT_EQ(refusal(*gzip_decompress(packed, 8u << 20)), "protocol.too_complex @ responses[29538]");
    // The same as a bare list: not even a batch.
    EXPECT_EQ(refusal("[" + repeated("{}", 1u << 20) + "]"), "protocol.not_json @ ");
}

TEST(ReplyJsonBounds, AHostileHubsReplyIsRefusedAndTheLargestRealOnePasses) {
    Reply largest{std::string(200, 'b'), {}, "2025-03-04T09:00:02+07:00"};
    for (std::size_t i = 0; i < Limits{}.max_items; ++i) {
        const std::string number = std::to_string(i);
        largest.results.push_back({std::string(200 - number.size(), 'r') + number, ItemStatus::rejected, std::string(200, 'x')});
    }
    const auto real = decode_reply(encode_reply(largest));
    ASSERT_TRUE(std::holds_alternative<Reply>(real)) << std::get<ProtocolError>(real).key << " @ " << std::get<ProtocolError>(real).where;
    EXPECT_EQ(std::get<Reply>(real).results.size(), 500u);
    const std::string flood = R"({"protocol":1,"batch_id":"b","results":[)" + repeated("{}", 2u << 20) + "]}";
    const auto decoded = decode_reply(flood);
    ASSERT_TRUE(std::holds_alternative<ProtocolError>(decoded));
    EXPECT_EQ(std::get<ProtocolError>(decoded).key, "protocol.too_complex");
    // Body, protocol, batch_id, results: 4 values, so {} index 10,018 is value 10,023.
    EXPECT_EQ(std::get<ProtocolError>(decoded).where, "results[10018]");
}

TEST(ConfigJsonBounds, AHostileHubsConfigIsRefusedAndTheLargestRealOnePasses) {
    store::PublishedConfig largest;
    largest.version = 3;
    largest.published_at = "2026-11-23T10:00:00+07:00";
    for (std::size_t i = 0; i < kMaxPublishedLayanan; ++i) largest.layanan.push_back(std::string(197, 'L') + std::to_string(i + 100));
    largest.questionnaire_id = std::string(200, 'q');
    largest.questionnaire_version = 1;
    for (std::size_t i = 0; i < kMaxPublishedTargets; ++i) largest.targets.push_back({2000 + static_cast<int>(i % 101), largest.layanan[i % 200], "99.99"});
    const auto decoded = decode_config(encode_config(largest));
    ASSERT_TRUE(std::holds_alternative<store::PublishedConfig>(decoded)) << std::get<ProtocolError>(decoded).key << " @ "
                                                                          << std::get<ProtocolError>(decoded).where;
    const auto flood = decode_config(R"({"protocol":1,"layanan":[)" + repeated("[]", 300'000) + "]}");
    ASSERT_TRUE(std::holds_alternative<ProtocolError>(flood));
    EXPECT_EQ(std::get<ProtocolError>(flood).key, "protocol.too_complex");
}

}  // namespace
}  // namespace skm::sync
