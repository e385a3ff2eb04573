#include "store/answers_codec.hpp"

namespace skm::store {

std::string encode_answers(const scoring::ScoringScheme& scheme, const std::vector<std::uint8_t>& answers) {
    std::string text;
    for (std::size_t i = 0; i < answers.size() && i < scheme.size(); ++i) {
        if (answers[i] == 0) continue;
        if (!text.empty()) text.push_back(';');
        text += scheme.code(i);
        text.push_back('=');
        text.push_back(static_cast<char>('0' + answers[i]));
    }
    return text;
}

std::optional<std::vector<std::uint8_t>> decode_answers(const scoring::ScoringScheme& scheme, std::string_view text) {
    std::vector<std::uint8_t> answers(scheme.size(), 0);
    while (!text.empty()) {
        const auto end = text.find(';');
        const std::string_view pair = text.substr(0, end);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq + 2 != pair.size()) return std::nullopt;
        const char value = pair[eq + 1];
        if (value < '1' || value > '4') return std::nullopt;
        if (auto index = scheme.index_of(pair.substr(0, eq))) answers[*index] = static_cast<std::uint8_t>(value - '0');
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return answers;
}

}  // namespace skm::store
