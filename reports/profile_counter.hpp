// Counts of one respondent-profile field for a report's profile table, in the
// vocabulary's order (formats/response.hpp), each official code with the
// office's sub-options picked under it (formats/profile_detail). The device's
// report (reports/report_data) and the hub's kecamatan page and PDF count
// through it; apply_privacy / publishable_details then fold what min-n hides.
#pragma once

#include "formats/profile_detail.hpp"
#include "reports/report_data.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace skm::reports {

class ProfileCounter {
public:
    ProfileCounter(std::string field, std::vector<std::string> vocabulary);
    // jenis_kelamin, umur, pendidikan or pekerjaan with its official vocabulary;
    // any other field (layanan, origin, channel) without one.
    static ProfileCounter for_field(const std::string& field);

    const std::string& field() const { return field_; }
    // n respondents with `value`; option: the sub-option they recorded for this field, "" for none.
    void add(const std::string& value, const std::string& option = "", std::uint64_t n = 1);
    // The sub-option a response's parsed profile_detail records for this field, or "".
    const std::string& option_in(const std::vector<formats::ProfileDetailEntry>& entries) const;

    // Every vocabulary value (zero counts included), then values outside it,
    // then "not answered"; each with every sub-option picked under it (not yet
    // folded by the min-n rule) and those who picked none as option "".
    ProfileTable table() const;

private:
    std::vector<ProfileDetailCount> details_of(const std::string& value, std::uint64_t n) const;

    std::string field_;
    std::vector<std::string> vocabulary_;
    std::map<std::string, std::uint64_t> counts_;
    std::map<std::string, std::map<std::string, std::uint64_t>> details_;  // value → option → respondents
};

}  // namespace skm::reports
