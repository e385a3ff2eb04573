// One-time survey link tokens (sync/link_token): the form of the spec built
// by hand here and checked against what make_link_token writes, the signature
// checked with libsodium directly, every single changed character refused, a
// token signed by another key refused, and a table of malformed tokens.
#include "sync/link_token.hpp"
#include "sync/protocol.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <vector>

namespace skm::sync {
namespace {

// A key pair from a fixed seed, so the token is the same in every run.
LinkSecretKey seeded_key(unsigned char seed_byte) {
    EXPECT_GE(sodium_init(), 0);
    std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
    seed.fill(seed_byte);
    LinkPublicKey pk{};
    LinkSecretKey sk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
    return sk;
}

// 16 bytes 00 01 … 0f, base64url (RFC 4648 §5, computed outside this program).
const std::string kLinkId = "AAECAwQFBgcICQoLDA0ODw";

LinkClaims claims(const std::string& layanan = "KTP-el") {
    return LinkClaims{"kios-01", kLinkId, "20251202", 1764900000, layanan};
}

TEST(LinkToken, HasTheSpecsFormAndALibsodiumSignature) {
    const auto key = seeded_key(7);
    const std::string token = make_link_token(claims(), key);
    // "KTP-el" in base64url is S1RQLWVs.
    const std::string signed_part = "1.kios-01." + kLinkId + ".20251202.1764900000.S1RQLWVs";
    ASSERT_EQ(token.substr(0, signed_part.size() + 1), signed_part + ".");
    const std::string signature_text = token.substr(signed_part.size() + 1);
    EXPECT_EQ(signature_text.size(), 86u);  // 64 bytes, base64url without padding
    std::array<unsigned char, 64> signature{};
    std::size_t length = 0;
    ASSERT_EQ(sodium_base642bin(signature.data(), signature.size(), signature_text.data(), signature_text.size(), nullptr,
                                &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
              0);
    ASSERT_EQ(length, 64u);
    const auto pk = public_key_of(key);
    EXPECT_EQ(crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(signed_part.data()),
                                          signed_part.size(), pk.data()),
              0);
    // Ed25519 is deterministic: the same claims and key give the same token.
    EXPECT_EQ(make_link_token(claims(), key), token);
}

TEST(LinkToken, RoundTripsEveryClaim) {
    const auto key = seeded_key(1);
    for (const std::string layanan : {"KTP-el", "", "Akta Kelahiran", "Surat keterangan tidak mampu (SKTM) — ñ"}) {
        const std::string token = make_link_token(claims(layanan), key);
        const auto parsed = parse_link_token(token);
        ASSERT_TRUE(parsed) << token;
        EXPECT_EQ(parsed->device_id, "kios-01");
        EXPECT_EQ(parsed->link_id, kLinkId);
        EXPECT_EQ(parsed->issued_day, "20251202");
        EXPECT_EQ(parsed->expires_at, 1764900000);
        EXPECT_EQ(parsed->layanan, layanan);
        EXPECT_TRUE(verify_link_token(token, public_key_of(key)));
    }
    // No layanan: the part is empty ("…1764900000..<signature>").
    EXPECT_NE(make_link_token(claims(""), key).find(".1764900000.."), std::string::npos);
}

TEST(LinkToken, AnyChangedCharacterIsRefused) {
    const auto key = seeded_key(2);
    const auto pk = public_key_of(key);
    const std::string token = make_link_token(claims("Akta Kelahiran"), key);
    ASSERT_TRUE(verify_link_token(token, pk));
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    int refused = 0;
    for (std::size_t i = 0; i < token.size(); ++i) {
        for (const char replacement : {alphabet[i % alphabet.size()], alphabet[(i * 7 + 3) % alphabet.size()], '.'}) {
            if (replacement == token[i]) continue;
            std::string altered = token;
            altered[i] = replacement;
            EXPECT_FALSE(verify_link_token(altered, pk)) << "position " << i << ": " << altered;
            ++refused;
        }
    }
    EXPECT_GT(refused, static_cast<int>(token.size()));
    // Cut short, or lengthened, it is refused too.
    EXPECT_FALSE(verify_link_token(token.substr(0, token.size() - 1), pk));
    EXPECT_FALSE(verify_link_token(token + "A", pk));
}

TEST(LinkToken, AnotherKeyIsRefused) {
    const std::string token = make_link_token(claims(), seeded_key(3));
    EXPECT_TRUE(verify_link_token(token, public_key_of(seeded_key(3))));
    EXPECT_FALSE(verify_link_token(token, public_key_of(seeded_key(4))));
    EXPECT_FALSE(verify_link_token(token, public_key_of(new_link_secret_key())));
}

TEST(LinkToken, MalformedTokensAreRefused) {
    const auto key = seeded_key(5);
    const std::string good = make_link_token(claims(), key);
    const std::string signature = good.substr(good.rfind('.') + 1);
    const std::string tail = ".20251202.1764900000.S1RQLWVs." + signature;
    const std::vector<std::string> bad = {
        "",
        "1",
        "......",
        "2.kios-01." + kLinkId + tail,                        // another version
        "01.kios-01." + kLinkId + tail,
        "1..kios-01." + kLinkId + tail,                       // eight parts
        "1." + kLinkId + tail,                                // six parts
        "1.kios/01." + kLinkId + tail,                        // device id outside [A-Za-z0-9_-]
        "1.kios 01." + kLinkId + tail,
        "1.." + kLinkId + tail,                               // empty device id
        "1." + std::string(201, 'k') + "." + kLinkId + tail,  // device id too long
        "1.kios-01.AAECAwQFBgcICQoLDA0OD" + tail,             // link id of 15.x bytes
        "1.kios-01.AAECAwQFBgcICQoLDA0ODw==" + tail,          // padded
        "1.kios-01.AAECAwQFBgcICQoLDA0ODx" + tail,            // non-zero unused bits: a second spelling
        "1.kios-01.AAECAwQFBgcICQoLDA0ODwAA" + tail,          // 18 bytes
        "1.kios-01.AAECAwQFBgcICQoLDA0OD+" + tail,            // standard alphabet, not URL-safe
        "1.kios-01." + kLinkId + ".20251302.1764900000.S1RQLWVs." + signature,  // month 13
        "1.kios-01." + kLinkId + ".20250229.1764900000.S1RQLWVs." + signature,  // not a leap year
        "1.kios-01." + kLinkId + ".2025122.1764900000.S1RQLWVs." + signature,   // seven digits
        "1.kios-01." + kLinkId + ".20251202.-1764900000.S1RQLWVs." + signature,
        "1.kios-01." + kLinkId + ".20251202.01764900000.S1RQLWVs." + signature,  // leading zero
        "1.kios-01." + kLinkId + ".20251202.1764900000x.S1RQLWVs." + signature,
        "1.kios-01." + kLinkId + ".20251202.1234567890123456789.S1RQLWVs." + signature,
        "1.kios-01." + kLinkId + ".20251202..S1RQLWVs." + signature,
        "1.kios-01." + kLinkId + ".20251202.1764900000.S1RQLWV." + signature,   // not base64url of whole bytes
        "1.kios-01." + kLinkId + ".20251202.1764900000.__4." + signature,       // bytes ff fe: not UTF-8
        "1.kios-01." + kLinkId + ".20251202.1764900000.AA." + signature,        // a NUL byte
        "1.kios-01." + kLinkId + tail.substr(0, tail.size() - 1),               // 63.x-byte signature
        "1.kios-01." + kLinkId + tail + "AAAA",                                 // 67-byte signature
        "1.kios-01." + kLinkId + ".20251202.1764900000.S1RQLWVs.",             // no signature
        good + ".",
        good + std::string(800, 'A'),
    };
    for (const auto& token : bad) {
        EXPECT_FALSE(parse_link_token(token)) << token;
        EXPECT_FALSE(verify_link_token(token, public_key_of(key))) << token;
    }
}

TEST(LinkToken, MakeRefusesClaimsOutsideTheForm) {
    const auto key = seeded_key(6);
    LinkClaims c = claims();
    c.device_id = "kios.01";
    EXPECT_THROW(make_link_token(c, key), std::invalid_argument);
    c = claims();
    c.link_id = "short";
    EXPECT_THROW(make_link_token(c, key), std::invalid_argument);
    c = claims();
    c.issued_day = "2025-12-02";
    EXPECT_THROW(make_link_token(c, key), std::invalid_argument);
    c = claims(std::string(201, 'x'));
    EXPECT_THROW(make_link_token(c, key), std::invalid_argument);
    c = claims("\xff");
    EXPECT_THROW(make_link_token(c, key), std::invalid_argument);
}

TEST(LinkToken, FreshIdsAndKeysDiffer) {
    const std::string a = new_link_id();
    const std::string b = new_link_id();
    EXPECT_EQ(a.size(), 22u);
    EXPECT_NE(a, b);
    EXPECT_EQ(from_base64url(a)->size(), 16u);
    EXPECT_NE(public_key_of(new_link_secret_key()), public_key_of(new_link_secret_key()));
}

TEST(LinkToken, Base64urlMatchesRfc4648) {
    const auto bytes = [](std::string_view text) { return std::vector<unsigned char>(text.begin(), text.end()); };
    EXPECT_EQ(base64url(bytes("")), "");
    EXPECT_EQ(base64url(bytes("f")), "Zg");
    EXPECT_EQ(base64url(bytes("fo")), "Zm8");
    EXPECT_EQ(base64url(bytes("foo")), "Zm9v");
    EXPECT_EQ(base64url(bytes("foobar")), "Zm9vYmFy");
    EXPECT_EQ(base64url(std::vector<unsigned char>{0xfb, 0xff}), "-_8");
    EXPECT_EQ(from_base64url("-_8"), (std::vector<unsigned char>{0xfb, 0xff}));
    EXPECT_FALSE(from_base64url("-_9"));  // unused bits set
    EXPECT_FALSE(from_base64url("+/8"));
    EXPECT_FALSE(from_base64url("Zg=="));
}

TEST(LinkToken, UrlJoinsTheHubBaseAndTheToken) {
    EXPECT_EQ(link_url("https://skm.example.go.id", "1.a"), "https://skm.example.go.id/l/1.a");
    EXPECT_EQ(link_url("https://skm.example.go.id/", "1.a"), "https://skm.example.go.id/l/1.a");
    EXPECT_EQ(link_url("https://skm.example.go.id/skm//", "1.a"), "https://skm.example.go.id/skm/l/1.a");
}

TEST(LinkToken, PublicKeyTravelsInTheBatchAndTheAckInTheReply) {
    const auto key = public_key_of(seeded_key(8));
    Batch batch{"kios-01", "b1", {}};
    batch.link_public_key = encode_link_public_key(key);
    EXPECT_EQ(batch.link_public_key->size(), 43u);
    const std::string json = encode_batch(batch, test::permenpan_scheme());
    EXPECT_NE(json.find("\"link_public_key\":\"" + *batch.link_public_key + "\""), std::string::npos) << json;
    const auto decoded = decode_batch(json, test::permenpan_scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(decoded));
    EXPECT_EQ(std::get<Batch>(decoded).link_public_key, batch.link_public_key);
    EXPECT_EQ(decode_link_public_key(*std::get<Batch>(decoded).link_public_key), key);
    // Without it, as from older kiosks.
    const auto plain = decode_batch(encode_batch(Batch{"kios-01", "b2", {}}, test::permenpan_scheme()), test::permenpan_scheme());
    ASSERT_TRUE(std::holds_alternative<Batch>(plain));
    EXPECT_FALSE(std::get<Batch>(plain).link_public_key);
    // Present but not a key: the body is refused.
    for (const std::string bad : {R"("")", R"("abc")", "42", "null", R"("AAECAwQFBgcICQoLDA0ODw")"}) {
        const std::string body = R"({"protocol":1,"device_id":"k","batch_id":"b","responses":[],"link_public_key":)" + bad + "}";
        const auto refused = decode_batch(body, test::permenpan_scheme());
        ASSERT_TRUE(std::holds_alternative<ProtocolError>(refused)) << bad;
        EXPECT_EQ(std::get<ProtocolError>(refused).key, "protocol.bad_value") << bad;
        EXPECT_EQ(std::get<ProtocolError>(refused).where, "link_public_key") << bad;
    }
    Reply reply{"b1", {}, std::nullopt};
    reply.link_key_device = "kios-01";
    const auto back = decode_reply(encode_reply(reply));
    ASSERT_TRUE(std::holds_alternative<Reply>(back));
    EXPECT_EQ(std::get<Reply>(back).link_key_device, "kios-01");
    EXPECT_FALSE(std::get<Reply>(decode_reply(encode_reply(Reply{"b1", {}, std::nullopt}))).link_key_device);
}

}  // namespace
}  // namespace skm::sync
