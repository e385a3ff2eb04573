// The download direction's wire format (sync/link_answers_protocol): a page
// of link answers round-trips item for item exactly as a batch's items do;
// a page or an acknowledgement that is malformed is refused whole with where;
// the addresses sit beside the batches address.
#include "sync/link_answers_protocol.hpp"

#include <gtest/gtest.h>

namespace skm::sync {
namespace {

const scoring::ScoringScheme& scheme() {
    static const auto s = scoring::ScoringScheme::permenpan_2017();
    return s;
}

store::Submission link_answer(const std::string& id) {
    store::Submission s;
    auto& r = s.response;
    r.response_id = id;
    r.submitted_at = "2025-03-04T09:15:00+07:00";
    r.layanan = "KTP-el";
    r.jenis_kelamin = "L";
    r.umur = "20-29";
    r.answers = {4, 3, 0, 4, 3, 2, 4, 1, 3};
    r.saran = "Cepat, terima kasih.";
    r.flags = {"too_fast"};
    r.questionnaire_version = "1";
    r.origin = "hub";
    r.channel = "link";
    s.questionnaire_id = "permenpan-14-2017";
    s.duration_ms = 61'000;
    return s;
}

TEST(LinkAnswersProtocol, APageRoundTripsItemForItem) {
    LinkAnswersPage page{{link_answer("a1"), link_answer("a2")}, 4711, true};
    const auto decoded = decode_link_answers(encode_link_answers(page, scheme()), scheme());
    ASSERT_TRUE(std::holds_alternative<LinkAnswersPage>(decoded));
    const auto& back = std::get<LinkAnswersPage>(decoded);
    EXPECT_EQ(back.cursor, 4711);
    EXPECT_TRUE(back.more);
    ASSERT_EQ(back.responses.size(), 2u);
    const auto& r = back.responses[1].response;
    EXPECT_EQ(r.response_id, "a2");
    EXPECT_EQ(r.answers, (std::vector<std::uint8_t>{4, 3, 0, 4, 3, 2, 4, 1, 3}));
    EXPECT_EQ(r.saran, "Cepat, terima kasih.");
    EXPECT_EQ(r.flags, std::vector<std::string>{"too_fast"});
    EXPECT_EQ(r.channel, "link");
    EXPECT_EQ(r.origin, "hub");
    EXPECT_EQ(back.responses[1].duration_ms, 61'000);
    // The same item JSON as a batch's: the page's items are the batch's items.
    const std::string batch = encode_batch({"d", "b", {link_answer("a1")}}, scheme());
    const std::string one = encode_link_answers({{link_answer("a1")}, 0, false}, scheme());
    const auto item_of = [](const std::string& body) {
        const auto from = body.find("[{");
        return body.substr(from, body.find("}]", from) - from);
    };
    EXPECT_EQ(item_of(batch), item_of(one));
}

TEST(LinkAnswersProtocol, BadPagesAreRefusedWithWhere) {
    struct Case {
        std::string body, key, where;
    };
    const std::string ok_item = encode_link_answers({{link_answer("a1")}, 1, false}, scheme());
    for (const auto& c : std::vector<Case>{
             {"[]", "protocol.not_json", ""},
             {R"({"protocol": 2, "responses": [], "cursor": "0", "more": false})", "protocol.version", "protocol"},
             {R"({"protocol": 1, "responses": [], "cursor": "-1", "more": false})", "protocol.bad_value", "cursor"},
             {R"({"protocol": 1, "responses": [], "cursor": "99999999999999999999", "more": false})", "protocol.bad_value",
              "cursor"},
             {R"({"protocol": 1, "responses": [], "cursor": "0", "more": "yes"})", "protocol.wrong_type", "more"},
             {R"({"protocol": 1, "responses": {}, "cursor": "0", "more": false})", "protocol.wrong_type", "responses"},
             {R"({"protocol": 1, "responses": [{"id": "a"}], "cursor": "0", "more": false})", "protocol.missing_field",
              "responses[0].submitted_at"},
         }) {
        const auto decoded = decode_link_answers(c.body, scheme());
        ASSERT_TRUE(std::holds_alternative<ProtocolError>(decoded)) << c.body;
        EXPECT_EQ(std::get<ProtocolError>(decoded).key, c.key) << c.body;
        EXPECT_EQ(std::get<ProtocolError>(decoded).where, c.where) << c.body;
    }
    // The same id twice in one page.
    const auto twice = decode_link_answers(encode_link_answers({{link_answer("a1"), link_answer("a1")}, 1, false}, scheme()),
                                           scheme());
    ASSERT_TRUE(std::holds_alternative<ProtocolError>(twice));
    EXPECT_EQ(std::get<ProtocolError>(twice).key, "protocol.duplicate_id");
    // More items than a page may hold.
    Limits small;
    small.max_items = 1;
    const auto many = decode_link_answers(encode_link_answers({{link_answer("a1"), link_answer("a2")}, 1, false}, scheme()),
                                          scheme(), small);
    ASSERT_TRUE(std::holds_alternative<ProtocolError>(many));
    EXPECT_EQ(std::get<ProtocolError>(many).where, "responses");
    EXPECT_TRUE(std::holds_alternative<LinkAnswersPage>(decode_link_answers(ok_item, scheme())));
}

TEST(LinkAnswersProtocol, AcknowledgementsRoundTripAndBadOnesAreRefused) {
    const auto ids = decode_link_ack(encode_link_ack({"a1", "a2"}));
    ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(ids));
    EXPECT_EQ(std::get<std::vector<std::string>>(ids), (std::vector<std::string>{"a1", "a2"}));
    for (const std::string body : {R"({"protocol": 1, "ids": "a1"})", R"({"protocol": 1, "ids": [1]})",
                                   R"({"protocol": 1, "ids": ["no spaces allowed"]})", R"({"protocol": 1})"}) {
        EXPECT_TRUE(std::holds_alternative<ProtocolError>(decode_link_ack(body))) << body;
    }
    Limits small;
    small.max_items = 1;
    EXPECT_TRUE(std::holds_alternative<ProtocolError>(decode_link_ack(encode_link_ack({"a1", "a2"}), small)));
    const auto count = decode_link_ack_reply(encode_link_ack_reply(7));
    ASSERT_TRUE(std::holds_alternative<std::int64_t>(count));
    EXPECT_EQ(std::get<std::int64_t>(count), 7);
    EXPECT_TRUE(std::holds_alternative<ProtocolError>(decode_link_ack_reply(R"({"protocol": 1, "acknowledged": -1})")));
}

TEST(LinkAnswersProtocol, TheAddressesSitBesideTheBatches) {
    EXPECT_EQ(link_answers_url_for("https://hub.example.go.id/api/v1/batches"),
              "https://hub.example.go.id/api/v1/link-answers");
    EXPECT_EQ(link_ack_url_for("https://hub.example.go.id/api/v1/batches/"),
              "https://hub.example.go.id/api/v1/link-answers/ack");
}

}  // namespace
}  // namespace skm::sync
