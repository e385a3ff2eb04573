#include "reports/profile_counter.hpp"

#include "formats/response.hpp"

#include <algorithm>

namespace skm::reports {
namespace {

template <std::size_t N>
std::vector<std::string> words(const std::array<std::string_view, N>& list) {
    return {list.begin(), list.end()};
}

}  // namespace

ProfileCounter::ProfileCounter(std::string field, std::vector<std::string> vocabulary)
    : field_(std::move(field)), vocabulary_(std::move(vocabulary)) {}

ProfileCounter ProfileCounter::for_field(const std::string& field) {
    if (field == "jenis_kelamin") return {field, words(formats::kJenisKelamin)};
    if (field == "umur") return {field, words(formats::kUmurBands)};
    if (field == "pendidikan") return {field, words(formats::kPendidikan)};
    if (field == "pekerjaan") return {field, words(formats::kPekerjaan)};
    return {field, {}};
}

void ProfileCounter::add(const std::string& value, const std::string& option, std::uint64_t n) {
    counts_[value] += n;
    if (!option.empty()) details_[value][option] += n;
}

const std::string& ProfileCounter::option_in(const std::vector<formats::ProfileDetailEntry>& entries) const {
    static const std::string kNone;
    for (const auto& entry : entries) {
        if (entry.field == field_) return entry.option;
    }
    return kNone;
}

ProfileTable ProfileCounter::table() const {
    ProfileTable table{field_, {}, 0};
    auto take = [&](const std::string& value, bool keep_zero) {
        const auto it = counts_.find(value);
        const std::uint64_t n = it == counts_.end() ? 0 : it->second;
        if (n > 0 || keep_zero) table.counts.push_back({value, n, details_of(value, n)});
        table.total += n;
    };
    for (const auto& value : vocabulary_) take(value, true);
    // Values outside the vocabulary (a store from an older questionnaire) are still counted.
    for (const auto& [value, n] : counts_) {
        if (!value.empty() && std::find(vocabulary_.begin(), vocabulary_.end(), value) == vocabulary_.end()) {
            take(value, false);
        }
    }
    take("", false);  // not answered, last
    return table;
}

std::vector<ProfileDetailCount> ProfileCounter::details_of(const std::string& value, std::uint64_t n) const {
    std::vector<ProfileDetailCount> out;
    const auto it = details_.find(value);
    if (it == details_.end()) return out;
    std::uint64_t with_option = 0;
    for (const auto& [option, count] : it->second) {
        out.push_back({option, count});
        with_option += count;
    }
    if (n > with_option) out.push_back({"", n - with_option});
    return out;
}

}  // namespace skm::reports
