#include "fuzz/targets.hpp"

#include "formats/kiosk_config.hpp"
#include "formats/layanan_list.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/problem.hpp"
#include "sync/config_protocol.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>

namespace skm::fuzz {
namespace {

void must(bool holds, const char* property) {
    if (holds) return;
    std::fprintf(stderr, "fuzz: property broken: %s\n", property);
    std::abort();
}

// The Permenpan questionnaire, parsed once per process: a fuzzer calls the
// target millions of times and the scheme never changes.
const formats::Questionnaire& questionnaire() {
    static const formats::Questionnaire q =
        formats::load_questionnaire(std::string(SKM_SOURCE_DIR) + "/assets/questionnaire/permenpan-14-2017.json");
    return q;
}

}  // namespace

bool csv_reader(std::string_view input) {
    const auto codes = questionnaire().codes();
    bool accepted = false;
    for (const bool skip : {false, true}) {
        try {
            std::size_t seen = 0;
            const auto summary = formats::read_response_csv(
                input, "fuzz.csv", codes,
                [&](const formats::ResponseRow& row) {
                    ++seen;
                    must(row.answers.size() == codes.size(), "one answer per unsur");
                    for (auto a : row.answers) must(a <= 4, "answers 0-4");
                    must(row.saran.size() <= formats::kMaxSaranBytes, "saran within its limit");
                    must(!row.response_id.empty(), "a row has an id");
                },
                formats::CsvReadOptions{skip});
            must(summary.rows == seen, "rows counted as delivered");
            if (!skip) accepted = true;
        } catch (const Error&) {
            // Refused with a problem naming file, line and column: what bad input must get.
        }
    }
    return accepted;
}

// A message that decodes must encode to bytes that decode again and encode to
// the same bytes: nothing the hub or kiosk accepts is changed by passing through.
template <class Message, class Decode, class Encode>
const Message* decoded_and_stable(const std::variant<Message, sync::ProtocolError>& decoded, Decode decode,
                                  Encode encode) {
    const auto* message = std::get_if<Message>(&decoded);
    if (!message) {
        must(!std::get<sync::ProtocolError>(decoded).key.empty(), "a refusal names its reason");
        return nullptr;
    }
    const std::string once = encode(*message);
    const auto again = decode(once);
    const auto* message_again = std::get_if<Message>(&again);
    must(message_again != nullptr, "an encoded message decodes");
    must(encode(*message_again) == once, "the encoding is stable");
    return message;
}

bool sync_batch(std::string_view input) {
    const auto& scheme = questionnaire().scheme;
    std::string body(input);
    // The hub accepts gzip'd bodies: the bounded inflater sees the same bytes first.
    if (auto inflated = sync::gzip_decompress(input, 1u << 20)) body = std::move(*inflated);
    const auto decode = [&](std::string_view json) { return sync::decode_batch(json, scheme); };
    const auto encode = [&](const sync::Batch& batch) { return sync::encode_batch(batch, scheme); };
    const auto decoded = decode(body);  // outlives the pointer into it
    const auto* batch = decoded_and_stable<sync::Batch>(decoded, decode, encode);
    if (!batch) return false;
    const std::string once = encode(*batch);
    const auto zipped = sync::gzip_decompress(sync::gzip_compress(once), once.size());
    must(zipped && *zipped == once, "gzip round trip");
    return true;
}

bool sync_reply(std::string_view input) {
    const auto decode = [](std::string_view json) { return sync::decode_reply(json); };
    const auto encode = [](const sync::Reply& reply) { return sync::encode_reply(reply); };
    const auto decoded = decode(input);
    return decoded_and_stable<sync::Reply>(decoded, decode, encode) != nullptr;
}

bool sync_config(std::string_view input) {
    const auto decode = [](std::string_view json) { return sync::decode_config(json); };
    const auto encode = [](const store::PublishedConfig& config) { return sync::encode_config(config); };
    const auto decoded = decode(input);
    const auto* config = decoded_and_stable<store::PublishedConfig>(decoded, decode, encode);
    if (!config) return false;
    must(config->layanan.size() <= sync::kMaxPublishedLayanan, "layanan within the limit");
    return true;
}

bool config_files(std::string_view input) {
    if (input.empty()) return false;
    const char kind = input.front();
    const std::string_view text = input.substr(1);
    try {
        switch (kind) {
            case 'k': {
                const auto config = formats::parse_kiosk_config(text, "kiosk.json", SKM_SOURCE_DIR "/assets");
                must(!config.office.empty(), "a kiosk config has an office");
                return true;
            }
            case 'q': {
                const auto q = formats::parse_questionnaire(text, "questionnaire.json");
                must(q.codes().size() == q.scheme.size(), "one code per unsur");
                return true;
            }
            case 'l': {
                const auto list = formats::parse_layanan_list(text, "layanan.json");
                for (const auto& name : list) must(!name.empty(), "no empty layanan");
                return true;
            }
            default: return false;
        }
    } catch (const Error&) {
        return false;
    }
}

}  // namespace skm::fuzz
