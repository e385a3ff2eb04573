#include "hub/link_answers_api.hpp"

#include "sync/link_answers_protocol.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace skm::hub {
namespace {

// A whole number in [low, high], or nothing.
std::optional<std::int64_t> number(const std::string& text, std::int64_t low, std::int64_t high) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) return std::nullopt;
    return value;
}

}  // namespace

ApiReply link_answers_reply(HubStore& store, const Device& device, const std::optional<std::string>& after,
                            const std::optional<std::string>& limit, const sync::Limits& limits) {
    std::int64_t after_seq = 0;
    if (after) {
        const auto value = number(*after, 0, INT64_MAX);
        if (!value) return error_reply(400, "hub.bad_parameter", "after");
        after_seq = *value;
    }
    std::size_t page_size = std::min(sync::kLinkAnswersPage, limits.max_items);
    if (limit) {
        const auto value = number(*limit, 1, static_cast<std::int64_t>(limits.max_items));
        if (!value) return error_reply(400, "hub.bad_parameter", "limit");
        page_size = static_cast<std::size_t>(*value);
    }
    // One more than asked tells whether a next page holds anything.
    auto answers = store.undelivered_link_answers(device, after_seq, page_size + 1);
    sync::LinkAnswersPage page;
    page.more = answers.size() > page_size;
    if (page.more) answers.pop_back();
    page.cursor = answers.empty() ? after_seq : answers.back().seq;
    for (auto& answer : answers) page.responses.push_back(std::move(answer.submission));
    return {200, sync::encode_link_answers(page, store.scheme())};
}

ApiReply link_ack_reply(HubStore& store, const Device& device, std::string_view body, std::string_view now,
                        const sync::Limits& limits) {
    const auto decoded = sync::decode_link_ack(body, limits);
    if (const auto* refused = std::get_if<sync::ProtocolError>(&decoded)) {
        return error_reply(400, refused->key, refused->where);
    }
    const auto marked = store.mark_link_answers_delivered(device, std::get<std::vector<std::string>>(decoded), now);
    return {200, sync::encode_link_ack_reply(marked)};
}

}  // namespace skm::hub
