#include "reports/report_analysis.hpp"

#include <algorithm>
#include <cctype>

namespace skm::reports {
namespace {

std::string lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

bool word_character(char c) {
    // Bytes of multi-byte UTF-8 characters count as letters: "é" continues a word.
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

}  // namespace

std::vector<std::size_t> unsur_by_nrr(const scoring::IkmSummary& summary, NrrOrder order) {
    std::vector<std::pair<mpq_class, std::size_t>> scored;
    for (std::size_t i = 0; i < summary.unsur.size(); ++i) {
        const auto& exact = summary.unsur[i].nrr_exact;
        if (!exact) continue;
        if (auto value = scoring::parse_fraction(*exact)) scored.emplace_back(*value, i);
    }
    // Exact comparison; equal NRR keep the questionnaire's order.
    std::stable_sort(scored.begin(), scored.end(), [order](const auto& a, const auto& b) {
        return order == NrrOrder::highest_first ? a.first > b.first : a.first < b.first;
    });
    std::vector<std::size_t> out;
    for (const auto& s : scored) out.push_back(s.second);
    return out;
}

Significance judge_change(const std::optional<scoring::Interval>& before, const std::optional<scoring::Interval>& now) {
    if (!before || !now) return Significance::unknown;
    if (now->low.value() > before->high.value()) return Significance::rise;
    if (now->high.value() < before->low.value()) return Significance::fall;
    return Significance::not_significant;
}

const char* significance_key(Significance significance) {
    switch (significance) {
        case Significance::rise: return "report.analysis.rise";
        case Significance::fall: return "report.analysis.fall";
        case Significance::not_significant: return "report.analysis.not_significant";
        case Significance::unknown: break;
    }
    return "report.analysis.unknown";
}

std::vector<std::vector<std::string>> unsur_keywords(const formats::Questionnaire& questionnaire,
                                                     const formats::Catalog& catalog) {
    std::vector<std::vector<std::string>> lists;
    for (const auto& unsur : questionnaire.unsur) {
        std::vector<std::string> words;
        const std::string key = "report.keywords." + unsur.code;
        if (catalog.has(key)) {
            const std::string list = catalog.text(key);
            std::size_t start = 0;
            while (start <= list.size()) {
                const auto comma = std::min(list.find(',', start), list.size());
                std::string word = lower_ascii(trimmed(list.substr(start, comma - start)));
                if (!word.empty()) words.push_back(std::move(word));
                start = comma + 1;
            }
        }
        lists.push_back(std::move(words));
    }
    return lists;
}

bool mentions(const std::string& saran, const std::string& keyword) {
    if (keyword.empty()) return false;
    const std::string text = lower_ascii(saran);
    for (auto at = text.find(keyword); at != std::string::npos; at = text.find(keyword, at + 1)) {
        if (at == 0 || !word_character(text[at - 1])) return true;
    }
    return false;
}

std::vector<SaranGroup> group_saran(const std::vector<std::string>& saran,
                                    const std::vector<std::vector<std::string>>& keywords) {
    std::vector<SaranGroup> groups;
    for (std::size_t u = 0; u < keywords.size(); ++u) {
        SaranGroup group{u, {}};
        for (const auto& s : saran) {
            const bool hit = std::any_of(keywords[u].begin(), keywords[u].end(), [&](const std::string& k) { return mentions(s, k); });
            if (hit) group.saran.push_back(s);
        }
        if (!group.saran.empty()) groups.push_back(std::move(group));
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const SaranGroup& a, const SaranGroup& b) { return a.saran.size() > b.saran.size(); });
    return groups;
}

}  // namespace skm::reports
