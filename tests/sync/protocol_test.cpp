// The wire format: what the kiosk encodes the hub decodes field for field;
// every malformed, mistyped, out-of-range or oversized body is refused whole
// with a reason and where; gzip round-trips and refuses bombs and truncation.
#include "formats/response_id.hpp"
#include "store/ids.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace skm::sync {
namespace {

const scoring::ScoringScheme& scheme() {
    static const auto s = scoring::ScoringScheme::permenpan_2017();
    return s;
}

store::Submission response(const std::string& id) {
    store::Submission s;
    auto& r = s.response;
    r.response_id = id;
    r.submitted_at = "2025-03-04T09:15:00+07:00";
    r.layanan = "KTP-el";
    r.jenis_kelamin = "P";
    r.umur = "60+";
    r.pendidikan = "SMA";
    r.pekerjaan = "";
    r.answers = {4, 3, 0, 4, 3, 2, 4, 1, 3};
    r.saran = "Antrean \"pagi\" panjang,\nmohon ditambah loket.";
    r.flags = {"too_fast"};
    r.device_id = "";
    r.questionnaire_version = "1";
    s.questionnaire_id = "permenpan-14-2017";
    s.duration_ms = 61'000;
    return s;
}

Batch batch_of(std::vector<store::Submission> items) { return Batch{"kiosk-01", "batch-1", std::move(items)}; }

// `body` with the first `from` replaced by `to` (a failed expectation when there is none).
std::string replaced(std::string body, const std::string& from, const std::string& to) {
    const auto at = body.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? body : body.replace(at, from.size(), to);
}

std::string refusal(std::string_view body) {
    const auto decoded = decode_batch(body, scheme());
    if (!std::holds_alternative<ProtocolError>(decoded)) return "accepted";
    const auto& e = std::get<ProtocolError>(decoded);
    return e.key + " @ " + e.where;
}

TEST(SyncProtocol, ABatchRoundTripsFieldForField) {
    const Batch sent = batch_of({response("a"), response("b")});
    const auto decoded = decode_batch(encode_batch(sent, scheme()), scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << std::get<ProtocolError>(decoded).key;
    const Batch& got = std::get<Batch>(decoded);
    EXPECT_EQ(got.device_id, "kiosk-01");
    EXPECT_EQ(got.batch_id, "batch-1");
    ASSERT_EQ(got.responses.size(), 2u);
    EXPECT_EQ(got.responses[0].response, sent.responses[0].response);
    EXPECT_EQ(got.responses[0].questionnaire_id, "permenpan-14-2017");
    EXPECT_EQ(got.responses[0].duration_ms, 61'000);
}

TEST(SyncProtocol, AnswersTravelByUnsurCodeNotPosition) {
    const std::string body = encode_batch(batch_of({response("a")}), scheme());
    EXPECT_NE(body.find(R"("answers":{"biaya":4,"kompetensi":2)"), std::string::npos) << body;
    EXPECT_EQ(body.find("\"waktu\""), std::string::npos);  // unanswered: left out
}

TEST(SyncProtocol, EveryBadBodyIsRefusedWholeWithWhere) {
    const std::string good = encode_batch(batch_of({response("a")}), scheme());
    auto with = [&](const std::string& from, const std::string& to) { return replaced(good, from, to); };
    EXPECT_EQ(refusal(good), "accepted");
    EXPECT_EQ(refusal("{not json"), "protocol.not_json @ ");
    EXPECT_EQ(refusal("[1,2]"), "protocol.not_json @ ");
    EXPECT_EQ(refusal(with(R"("protocol":1)", R"("protocol":2)")), "protocol.version @ protocol");
    EXPECT_EQ(refusal(with(R"("biaya":4)", R"("biaya":5)")), "protocol.bad_value @ responses[0].answers.biaya");
    EXPECT_EQ(refusal(with(R"("biaya":4)", R"("biaya":"4")")), "protocol.bad_value @ responses[0].answers.biaya");
    EXPECT_EQ(refusal(with(R"("biaya":4)", R"("maklumat":4)")), "protocol.unknown_unsur @ responses[0].answers.maklumat");
    EXPECT_EQ(refusal(with(R"("umur":"60+")", R"("umur":"61")")), "protocol.bad_value @ responses[0].umur");
    EXPECT_EQ(refusal(with(R"("layanan":"KTP-el")", R"("layanan":7)")), "protocol.wrong_type @ responses[0].layanan");
    EXPECT_EQ(refusal(with(R"("layanan":"KTP-el")", R"("layanan":"")")), "protocol.bad_value @ responses[0].layanan");
    EXPECT_EQ(refusal(with("2025-03-04T09:15:00+07:00", "2025-02-30T09:15:00+07:00")),
              "protocol.bad_value @ responses[0].submitted_at");
    EXPECT_EQ(refusal(with(R"("flags":["too_fast"])", R"("flags":["DROP TABLE"])")), "protocol.bad_value @ responses[0].flags");
    EXPECT_EQ(refusal(with(R"("version":1)", R"("version":0)")), "protocol.bad_value @ responses[0].questionnaire.version");
    EXPECT_EQ(refusal(with(R"("duration_ms":61000)", R"("duration_ms":-1)")), "protocol.bad_value @ responses[0].duration_ms");
    EXPECT_EQ(refusal(with(R"("saran":)", R"("sran":)")), "protocol.missing_field @ responses[0].saran");
    // The same id twice in one batch.
    EXPECT_EQ(refusal(encode_batch(batch_of({response("a"), response("a")}), scheme())), "protocol.duplicate_id @ responses[1].id");
    // Sizes: saran over 2000 bytes, too many items, too large a body.
    auto long_saran = response("a");
    long_saran.response.saran = std::string(2001, 'x');
    // (longer than any text of a batch: refused before the body is built, sync/json_bounds)
    EXPECT_EQ(refusal(encode_batch(batch_of({long_saran}), scheme())), "protocol.too_complex @ responses[0].saran");
    std::vector<store::Submission> many;
    for (int i = 0; i < 501; ++i) many.push_back(response("r" + std::to_string(i)));
    EXPECT_EQ(refusal(encode_batch(batch_of(many), scheme())), "protocol.too_large @ responses");
    Limits small;
    small.max_body_bytes = 100;
    const auto decoded = decode_batch(good, scheme(), small);
    ASSERT_TRUE(std::holds_alternative<ProtocolError>(decoded));
    EXPECT_EQ(std::get<ProtocolError>(decoded).key, "protocol.too_large");
}

// ---- the recorded members: profile_detail, origin, channel ----------------------

TEST(SyncProtocol, ABatchFromAKioskBuiltBeforeTheRecordedMembersDecodesWithThemEmpty) {
    // Written out as such a kiosk sends it: no profile_detail, origin or channel.
    const std::string body =
        R"({"protocol":1,"device_id":"kiosk-lama","batch_id":"b-7","responses":[{"id":"r-1",)"
        R"("submitted_at":"2024-01-02T08:00:00+07:00","layanan":"KTP-el","jenis_kelamin":"L","umur":"30-39",)"
        R"("pendidikan":"S1","pekerjaan":"Lainnya","answers":{"persyaratan":4},"saran":"","flags":[],)"
        R"("questionnaire":{"id":"permenpan-14-2017","version":1},"duration_ms":null}]})";
    const auto decoded = decode_batch(body, scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << std::get<ProtocolError>(decoded).where;
    const formats::Response& r = std::get<Batch>(decoded).responses.at(0).response;
    EXPECT_EQ(r.pekerjaan, "Lainnya");
    EXPECT_EQ(r.profile_detail, "");
    EXPECT_EQ(r.origin, "");
    EXPECT_EQ(r.channel, "");
}

// A tiny real PNG (1×1, from `convert -size 1x1 xc:red png:-`, written out by hand).
std::string one_pixel_png() {
    static const unsigned char bytes[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49,
        0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

TEST(SyncProtocol, TheOfficeProfileRoundTripsWithItsLogoInPieces) {
    Batch sent = batch_of({response("a")});
    // A logo of 5000 bytes: 6668 base64 characters, 4 pieces of at most 1800.
    std::string logo = one_pixel_png();
    logo.resize(5000, 'x');
    sent.office_profile = OfficeProfile{"Kecamatan Sukamaju", "Jl. Merdeka 1, (0265) 123", "Loket ditambah \"pagi\"",
                                        "SP4N-LAPOR! — www.lapor.go.id", logo};
    const std::string body = encode_batch(sent, scheme());
    const auto decoded = decode_batch(body, scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << std::get<ProtocolError>(decoded).key;
    const Batch& got = std::get<Batch>(decoded);
    ASSERT_TRUE(got.office_profile.has_value());
    EXPECT_EQ(got.office_profile->office, "Kecamatan Sukamaju");
    EXPECT_EQ(got.office_profile->contact, "Jl. Merdeka 1, (0265) 123");
    EXPECT_EQ(got.office_profile->follow_up, "Loket ditambah \"pagi\"");
    EXPECT_EQ(got.office_profile->complaint_channel, "SP4N-LAPOR! — www.lapor.go.id");
    EXPECT_EQ(got.office_profile->logo_png, logo);
    EXPECT_EQ(got.responses.at(0).response, sent.responses[0].response);
    // ceil(ceil(5000 / 3) * 4 / 1800) = 4 pieces, none longer than an older hub's 2000-byte text bound.
    const auto at = body.find(R"("logo_png":[")");
    ASSERT_NE(at, std::string::npos);
    const std::string pieces = body.substr(at, body.find(']', at) - at);
    EXPECT_EQ(std::count(pieces.begin(), pieces.end(), ','), 3) << pieces.substr(0, 80);
}

TEST(SyncProtocol, ABatchWithoutTheOfficeProfileIsAcceptedWithoutOne) {
    // Written out as a kiosk built before the profile sends it.
    const std::string body =
        R"({"protocol":1,"device_id":"kiosk-lama","batch_id":"b-8","app_version":"0.1.0","pending":3,"responses":[{"id":"r-1",)"
        R"("submitted_at":"2024-01-02T08:00:00+07:00","layanan":"KTP-el","jenis_kelamin":"L","umur":"30-39",)"
        R"("pendidikan":"S1","pekerjaan":"Lainnya","answers":{"persyaratan":4},"saran":"","flags":[],)"
        R"("questionnaire":{"id":"permenpan-14-2017","version":1},"duration_ms":null}]})";
    const auto decoded = decode_batch(body, scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << std::get<ProtocolError>(decoded).where;
    EXPECT_FALSE(std::get<Batch>(decoded).office_profile.has_value());
    EXPECT_EQ(std::get<Batch>(decoded).responses.size(), 1u);
    // Without a profile the batch is written without the member.
    EXPECT_EQ(encode_batch(batch_of({response("a")}), scheme()).find("office_profile"), std::string::npos);
}

TEST(SyncProtocol, ABadOfficeProfileIsDroppedNeverTheResponses) {
    const std::string good = encode_batch(batch_of({response("a")}), scheme());
    auto with = [&](const std::string& profile) {
        return replaced(good, R"("protocol":1,)", R"("protocol":1,"office_profile":)" + profile + ",");
    };
    for (const std::string& bad : {std::string(R"("Kantor")"), std::string(R"({"office":1,"contact":"","follow_up":"","complaint_channel":""})"),
                                   std::string(R"({"office":"K","contact":""})"),
                                   R"({"office":")" + std::string(1001, 'o') + R"(","contact":"","follow_up":"","complaint_channel":""})"}) {
        const auto decoded = decode_batch(with(bad), scheme());
        ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << bad.substr(0, 60);
        EXPECT_FALSE(std::get<Batch>(decoded).office_profile.has_value()) << bad.substr(0, 60);
        EXPECT_EQ(std::get<Batch>(decoded).responses.size(), 1u);
    }
    // A logo that is not a PNG leaves the texts.
    const auto decoded = decode_batch(
        with(R"({"office":"K","contact":"","follow_up":"","complaint_channel":"L","logo_png":["R0lGODlhAQABAAAAACw="]})"), scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded));
    ASSERT_TRUE(std::get<Batch>(decoded).office_profile.has_value());
    EXPECT_EQ(std::get<Batch>(decoded).office_profile->office, "K");
    EXPECT_EQ(std::get<Batch>(decoded).office_profile->logo_png, "");
}

TEST(SyncProtocol, TheRecordedMembersGoOutOnlyWhenRecorded) {
    const std::string unrecorded = encode_batch(batch_of({response("a")}), scheme());
    for (const char* member : {"\"profile_detail\"", "\"origin\"", "\"channel\""}) {
        EXPECT_EQ(unrecorded.find(member), std::string::npos) << member << " in " << unrecorded;
    }
    auto recorded = response("b");
    recorded.response.origin = "kiosk";
    const std::string body = encode_batch(batch_of({recorded}), scheme());
    EXPECT_NE(body.find(R"("origin":"kiosk")"), std::string::npos) << body;
    EXPECT_EQ(body.find("\"channel\""), std::string::npos) << body;
}

TEST(SyncProtocol, TheRecordedMembersRoundTrip) {
    auto petani = response("a");
    petani.response.pekerjaan = "Lainnya";
    petani.response.profile_detail = "pendidikan=tidak_sekolah;pekerjaan=petani";
    petani.response.origin = "hub";
    petani.response.channel = "link";
    auto imported = response("b");
    imported.response.origin = "import";
    imported.response.channel = "form";
    auto paper = response("c");
    paper.response.channel = "paper";  // origin not recorded
    const Batch sent = batch_of({petani, imported, paper});
    const auto decoded = decode_batch(encode_batch(sent, scheme()), scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << std::get<ProtocolError>(decoded).where;
    const Batch& got = std::get<Batch>(decoded);
    ASSERT_EQ(got.responses.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(got.responses[i].response, sent.responses[i].response) << i;
    EXPECT_EQ(got.responses[0].response.profile_detail, "pendidikan=tidak_sekolah;pekerjaan=petani");
    EXPECT_EQ(got.responses[0].response.channel, "link");
    EXPECT_EQ(got.responses[2].response.origin, "");
}

TEST(SyncProtocol, AnInvalidRecordedMemberRefusesTheBodyNamingTheField) {
    auto recorded = response("a");
    recorded.response.profile_detail = "pekerjaan=petani";
    recorded.response.origin = "kiosk";
    recorded.response.channel = "kiosk";
    const std::string good = encode_batch(batch_of({response("z"), recorded}), scheme());
    auto with = [&](const std::string& from, const std::string& to) { return replaced(good, from, to); };
    EXPECT_EQ(refusal(good), "accepted");
    EXPECT_EQ(refusal(with(R"("origin":"kiosk")", R"("origin":"impor")")), "protocol.bad_value @ responses[1].origin");
    EXPECT_EQ(refusal(with(R"("origin":"kiosk")", R"("origin":"Kiosk")")), "protocol.bad_value @ responses[1].origin");
    EXPECT_EQ(refusal(with(R"("origin":"kiosk")", R"("origin":null)")), "protocol.wrong_type @ responses[1].origin");
    EXPECT_EQ(refusal(with(R"("channel":"kiosk")", R"("channel":"kertas")")), "protocol.bad_value @ responses[1].channel");
    EXPECT_EQ(refusal(with(R"("channel":"kiosk")", R"("channel":2)")), "protocol.wrong_type @ responses[1].channel");
    EXPECT_EQ(refusal(with(R"("pekerjaan=petani")", R"("pekerjaan=Petani")")),
              "protocol.bad_value @ responses[1].profile_detail");
    EXPECT_EQ(refusal(with(R"("pekerjaan=petani")", R"("alamat=rumah")")), "protocol.bad_value @ responses[1].profile_detail");
    EXPECT_EQ(refusal(with(R"("pekerjaan=petani")", R"("umur=a;umur=b")")), "protocol.bad_value @ responses[1].profile_detail");
    EXPECT_EQ(refusal(with(R"("pekerjaan=petani")", "\"" + std::string(201, 'x') + "\"")),
              "protocol.bad_value @ responses[1].profile_detail");
    EXPECT_EQ(refusal(with(R"("pekerjaan=petani")", R"(["pekerjaan=petani"])")),
              "protocol.wrong_type @ responses[1].profile_detail");
    // Empty is "not recorded", as absent.
    EXPECT_EQ(refusal(with(R"("origin":"kiosk")", R"("origin":"")")), "accepted");
}

TEST(SyncProtocol, KioskUuidsAreAcceptedAsResponseIds) {
    store::RandomUuidSource uuids;
    std::vector<store::Submission> items;
    for (int i = 0; i < 500; ++i) {
        items.push_back(response(uuids.next_id()));
        ASSERT_TRUE(store::is_uuid_v4(items.back().response.response_id));
        ASSERT_TRUE(formats::is_valid_response_id(items.back().response.response_id)) << items.back().response.response_id;
    }
    const auto decoded = decode_batch(encode_batch(batch_of(items), scheme()), scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded)) << std::get<ProtocolError>(decoded).key;
    EXPECT_EQ(std::get<Batch>(decoded).responses[499].response.response_id, items[499].response.response_id);
    // As long as the rule allows, of every allowed character.
    const std::string longest = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz_0123456789";
    ASSERT_EQ(longest.size(), formats::kMaxResponseIdBytes);
    EXPECT_EQ(refusal(encode_batch(batch_of({response("a"), response(longest)}), scheme())), "accepted");
}

TEST(SyncProtocol, AResponseIdOutsideTheSafeFormRefusesTheBodyNamingIt) {
    for (const std::string& id : {std::string("\"not-a-uuid\""), std::string("a b"), std::string(65, 'a'), std::string(),
                                  std::string("caf\u00e9"), std::string("a\x01" "b"), std::string("a/b"), std::string("a.b"),
                                  std::string("<b>"), std::string("a'b"), std::string("a\nb")}) {
        EXPECT_EQ(refusal(encode_batch(batch_of({response("a"), response(id)}), scheme())),
                  "protocol.bad_response_id @ responses[1].id")
            << id;
    }
    const std::string good = encode_batch(batch_of({response("a")}), scheme());
    std::string numeric = good;
    numeric.replace(numeric.find(R"("id":"a")"), 8, R"("id":7)");
    EXPECT_EQ(refusal(numeric), "protocol.wrong_type @ responses[0].id");
}

TEST(SyncProtocol, RepliesRoundTripAndBadRepliesAreRefused) {
    const Reply sent{"batch-1",
                     {{"a", ItemStatus::accepted, ""}, {"b", ItemStatus::duplicate, ""}, {"c", ItemStatus::rejected, "protocol.unknown_layanan"}},
                     "2025-03-04T09:00:02+07:00"};
    const auto decoded = decode_reply(encode_reply(sent));
    ASSERT_TRUE(std::holds_alternative<Reply>(decoded));
    const Reply& got = std::get<Reply>(decoded);
    ASSERT_EQ(got.results.size(), 3u);
    EXPECT_EQ(got.results[1].status, ItemStatus::duplicate);
    EXPECT_EQ(got.results[2].reason, "protocol.unknown_layanan");
    EXPECT_EQ(got.hub_time, "2025-03-04T09:00:02+07:00");
    // The hub's time is optional (older hubs), but when present it must be a time.
    const auto without = decode_reply(R"({"protocol":1,"batch_id":"x","results":[]})");
    ASSERT_TRUE(std::holds_alternative<Reply>(without));
    EXPECT_FALSE(std::get<Reply>(without).hub_time.has_value());
    EXPECT_TRUE(std::holds_alternative<ProtocolError>(decode_reply(R"({"protocol":1,"batch_id":"x","results":[],"hub_time":"noon"})")));
    EXPECT_TRUE(std::holds_alternative<ProtocolError>(decode_reply(R"({"protocol":1,"batch_id":"x","results":[{"id":"a","status":"maybe"}]})")));
    EXPECT_TRUE(std::holds_alternative<ProtocolError>(decode_reply("<html>502 Bad Gateway</html>")));
}

TEST(SyncGzip, RoundTripsShrinksAndRefusesBombsAndTruncation) {
    std::vector<store::Submission> items;
    for (int i = 0; i < 200; ++i) items.push_back(response("id-" + std::to_string(i)));
    const std::string json = encode_batch(batch_of(items), scheme());
    const std::string packed = gzip_compress(json);
    EXPECT_LT(packed.size() * 5, json.size());  // repetitive JSON packs well
    EXPECT_EQ(gzip_decompress(packed, json.size()), json);
    EXPECT_FALSE(gzip_decompress(packed, json.size() - 1));        // over the limit: refused
    EXPECT_FALSE(gzip_decompress(packed.substr(0, packed.size() / 2), json.size()));  // truncated
    EXPECT_FALSE(gzip_decompress("plain text, not gzip", 1000));
    const std::string bomb = gzip_compress(std::string(50u << 20, '\0'));  // 50 MiB of zeros
    EXPECT_LT(bomb.size(), 100'000u);
    EXPECT_FALSE(gzip_decompress(bomb, 8u << 20));
}

}  // namespace
}  // namespace skm::sync
