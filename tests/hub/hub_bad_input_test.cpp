// Whatever arrives at POST /api/v1/batches that is not a good batch from an
// enrolled device is refused whole, with a clear 4xx and {"error", "where"},
// and nothing is stored: no or unknown token, malformed JSON, wrong types,
// values out of range, unknown unsur, a response id outside the allowed form,
// a body not gzip'd or damaged, a huge body (with a length or chunked), a
// gzip bomb, a JSON amplification body. The hub keeps serving.
#include "tests/hub/hub_test_support.hpp"

#include "store/ids.hpp"
#include "sync/gzip.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <functional>

namespace skm::hub::testing {
namespace {

using nlohmann::json;

struct Answer {
    int status = 0;  // 0: no HTTP answer at all
    std::string error;
    std::string where;
};

class Poster {
public:
    explicit Poster(const TestHub& hub) : client_("127.0.0.1", hub.port()) {
        client_.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
        client_.enable_server_certificate_verification(true);
        client_.set_read_timeout(10, 0);
    }

    Answer post(const std::string& body, const std::string& token, bool chunked = false) {
        httplib::Headers headers = {{"Content-Encoding", "gzip"}};
        if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
        httplib::Result result =
            chunked ? client_.Post("/api/v1/batches", headers,
                                   [&](std::size_t offset, httplib::DataSink& sink) {
                                       if (offset >= body.size()) {
                                           sink.done();
                                       } else {
                                           sink.write(body.data() + offset, std::min<std::size_t>(64 * 1024, body.size() - offset));
                                       }
                                       return true;
                                   },
                                   "application/json")
                    : client_.Post("/api/v1/batches", headers, body, "application/json");
        if (!result) return {};
        Answer answer{result->status, "", ""};
        const json reply = json::parse(result->body, nullptr, false);
        if (reply.is_object() && reply.contains("error")) {
            answer.error = reply.value("error", "");
            answer.where = reply.value("where", "");
        }
        return answer;
    }

private:
    httplib::SSLClient client_;
};

json good_batch(std::size_t n = 3) {
    sync::Batch batch{"kiosk-01", "b-1", make_responses("r", n)};
    return json::parse(sync::encode_batch(batch, scheme()));
}

std::string gz(const json& j) { return sync::gzip_compress(j.dump()); }

// A good batch of three, followed by whitespace (which JSON allows, and which
// costs the hub nothing to read) to exactly `bytes` of JSON.
std::string padded_to(std::size_t bytes) {
    std::string text = good_batch().dump();
    return text.append(bytes - text.size(), ' ');
}

// The JSON amplification attack: {"protocol":1,…,"responses":[{},{},…]}, 8 MiB
// unpacked from some 8 KiB gzip'd, which once cost the hub ~270 MB to parse.
std::string amplification_body() {
    std::string body = R"({"protocol":1,"device_id":"kiosk-01","batch_id":"b-1","responses":[{})";
    body.reserve(8u << 20);
    while (body.size() + 5 <= (8u << 20)) body += ",{}";
    return body + "]}";
}

struct Case {
    const char* name;
    std::string body;
    int status;
    std::string error;
    std::string where;
    bool chunked = false;
};

std::vector<Case> bad_bodies() {
    std::vector<Case> cases;
    cases.push_back({"malformed JSON", sync::gzip_compress(R"({"protocol": 1, "responses": [)"), 400, "protocol.not_json", ""});
    cases.push_back({"not an object", sync::gzip_compress("[1, 2, 3]"), 400, "protocol.not_json", ""});
    {
        json j = good_batch();
        j["protocol"] = 2;
        cases.push_back({"another protocol version", gz(j), 400, "protocol.version", "protocol"});
    }
    {
        json j = good_batch();
        j["responses"] = json::object();
        cases.push_back({"responses not a list", gz(j), 400, "protocol.wrong_type", "responses"});
    }
    {
        json j = good_batch();
        j["responses"][1]["layanan"] = 7;
        cases.push_back({"a number for a text", gz(j), 400, "protocol.wrong_type", "responses[1].layanan"});
    }
    {
        json j = good_batch();
        j["responses"][2]["answers"]["waktu"] = "4";
        cases.push_back({"an answer as text", gz(j), 400, "protocol.bad_value", "responses[2].answers.waktu"});
    }
    {
        json j = good_batch();
        j["responses"][0]["answers"]["persyaratan"] = 5;
        cases.push_back({"an answer out of range", gz(j), 400, "protocol.bad_value", "responses[0].answers.persyaratan"});
    }
    {
        json j = good_batch();
        j["responses"][0]["answers"]["persyaratan"] = 0;
        cases.push_back({"an answer of zero", gz(j), 400, "protocol.bad_value", "responses[0].answers.persyaratan"});
    }
    {
        // Valid JSON ("\u0000") that no text column of PostgreSQL can hold: refused
        // as bad input on every backend, not a storage error the kiosk retries forever.
        json j = good_batch();
        j["responses"][2]["saran"] = std::string("antre\0lama", 10);
        cases.push_back({"a NUL character in a text", gz(j), 400, "protocol.bad_value", "responses[2].saran"});
    }
    {
        json j = good_batch();
        j["responses"][1]["answers"]["kebersihan"] = 3;
        cases.push_back({"an unknown unsur", gz(j), 400, "protocol.unknown_unsur", "responses[1].answers.kebersihan"});
    }
    {
        json j = good_batch();
        j["responses"][0]["submitted_at"] = "kemarin sore";
        cases.push_back({"a time that is not one", gz(j), 400, "protocol.bad_value", "responses[0].submitted_at"});
    }
    {
        json j = good_batch();
        j["responses"][0]["jenis_kelamin"] = "X";
        cases.push_back({"outside the vocabulary", gz(j), 400, "protocol.bad_value", "responses[0].jenis_kelamin"});
    }
    {
        json j = good_batch();
        j["responses"][0].erase("answers");
        cases.push_back({"a missing field", gz(j), 400, "protocol.missing_field", "responses[0].answers"});
    }
    {
        json j = good_batch();
        j["responses"][2]["id"] = j["responses"][0]["id"];
        cases.push_back({"one id twice in a batch", gz(j), 400, "protocol.duplicate_id", "responses[2].id"});
    }
    cases.push_back({"too many items", gz(good_batch(501)), 400, "protocol.too_large", "responses"});
    cases.push_back({"not gzip'd", good_batch().dump(), 400, "hub.not_gzip", "body"});
    {
        std::string damaged = gz(good_batch(50));
        for (std::size_t i = 20; i < 60; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
        cases.push_back({"damaged gzip", damaged, 400, "hub.bad_gzip", "body"});
    }
    {
        const std::string whole = gz(good_batch(50));
        cases.push_back({"gzip cut short", whole.substr(0, whole.size() / 2), 400, "hub.bad_gzip", "body"});
    }
    // 16 MiB of spaces packs into about 16 KiB: a bomb. Unpacking stops at 8 MiB.
    const std::string bomb = sync::gzip_compress(std::string(16u << 20, ' '));
    cases.push_back({"gzip bomb", bomb, 400, "hub.bad_gzip", "body"});
    // Just over the limit is refused; just under it (see below) is not.
    cases.push_back({"one byte over 8 MiB unpacked", sync::gzip_compress(padded_to((8u << 20) + 1)), 400, "hub.bad_gzip", "body"});
    // Refused at the first value more than 500 of the largest items can hold
    // (sync::batch_json_bounds: 29,543; the body and its 4 fields are 5 of them).
    cases.push_back({"JSON amplification", sync::gzip_compress(amplification_body()), 400, "protocol.too_complex", "responses[29538]"});
    {
        json j = good_batch();
        j["responses"][2]["saran"] = std::string((8u << 20) - 2000, 'x');
        cases.push_back({"one text of nearly 8 MiB", gz(j), 400, "protocol.too_complex", "responses[2].saran"});
    }
    // Response ids: 1-64 letters, digits, '-' or '_' (formats/response_id).
    for (const std::string& id : {std::string("\"not-a-uuid\""), std::string("id dengan spasi"), std::string(65, 'a'), std::string(),
                                  std::string("jawaban-\u00e9"), std::string("<script>")}) {
        json j = good_batch();
        j["responses"][1]["id"] = id;
        cases.push_back({"a response id outside the allowed form", gz(j), 400, "protocol.bad_response_id", "responses[1].id"});
    }
    std::string huge(5u << 20, '\0');
    for (std::size_t i = 0; i < huge.size(); ++i) huge[i] = static_cast<char>((i * 2654435761u) >> 13);
    cases.push_back({"huge body", huge, 413, "hub.too_large", "body"});
    cases.push_back({"huge body, chunked", huge, 413, "hub.too_large", "body", true});
    return cases;
}

class HubBadInput : public ::testing::TestWithParam<Backend> {};
INSTANTIATE_TEST_SUITE_P(Backends, HubBadInput, SKM_ALL_HUB_BACKENDS);

TEST_P(HubBadInput, EveryBadBodyIsRefusedClearlyAndNothingIsStored) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-01", "Sukamaju");
    for (const Case& c : bad_bodies()) {
        SCOPED_TRACE(c.name);
        Poster poster(hub);  // a fresh connection: a refused one is closed by the hub
        const Answer answer = poster.post(c.body, token, c.chunked);
        EXPECT_EQ(answer.status, c.status);
        EXPECT_EQ(answer.error, c.error);
        EXPECT_EQ(answer.where, c.where);
        EXPECT_EQ(hub.count(), 0);
    }
    // And the hub still takes a good batch, even one of exactly 8 MiB unpacked.
    Poster poster(hub);
    EXPECT_EQ(poster.post(sync::gzip_compress(padded_to(8u << 20)), token).status, 200);
    EXPECT_EQ(hub.count(), 3);
    EXPECT_TRUE(hub.log().empty());
}

TEST_P(HubBadInput, KioskUuidsAndIdsOfTheAllowedFormAreStoredAsSent) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-01", "Sukamaju");
    store::RandomUuidSource uuids;
    std::multiset<std::string> sent;
    sync::Batch batch{"kiosk-01", "b-uuid", {}};
    for (int i = 0; i < 20; ++i) batch.responses.push_back(make_response(uuids.next_id()));
    batch.responses.push_back(make_response(std::string(64, 'Z')));
    batch.responses.push_back(make_response("impor_2025-01"));
    for (const auto& s : batch.responses) sent.insert(s.response.response_id);
    Poster poster(hub);
    EXPECT_EQ(poster.post(sync::gzip_compress(sync::encode_batch(batch, scheme())), token).status, 200);
    EXPECT_EQ(hub.stored_ids(), sent);
}

TEST_P(HubBadInput, NoOrUnknownTokenIs401AndNothingIsStored) {
    TestHub hub(GetParam());
    hub.enroll("kiosk-01", "Sukamaju");
    for (const std::string& token : {std::string(), new_token(), std::string("kiosk-01")}) {
        Poster poster(hub);
        const Answer answer = poster.post(gz(good_batch()), token);
        EXPECT_EQ(answer.status, 401);
        EXPECT_EQ(answer.error, "hub.unauthorized");
    }
    // Another scheme than Bearer.
    httplib::SSLClient client("127.0.0.1", hub.port());
    client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
    client.enable_server_certificate_verification(true);
    client.set_basic_auth("kiosk-01", "password");
    const auto result = client.Post("/api/v1/batches", gz(good_batch()), "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401);
    EXPECT_EQ(hub.count(), 0);
}

TEST_P(HubBadInput, UnknownPathsAndMethodsAreJsonErrors) {
    TestHub hub(GetParam());
    httplib::SSLClient client("127.0.0.1", hub.port());
    client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
    client.enable_server_certificate_verification(true);
    const auto missing = client.Get("/api/v2/batches");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(json::parse(missing->body).value("error", ""), "hub.not_found");
    const auto get = client.Get("/api/v1/batches");
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 404);
}

}  // namespace
}  // namespace skm::hub::testing
