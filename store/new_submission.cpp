#include "store/new_submission.hpp"

#include <algorithm>

namespace skm::store {

std::vector<std::string> quality_flags(const SurveyAnswers& answers, std::int64_t duration_ms, const QualityRules& rules) {
    std::vector<std::string> flags;
    const auto& a = answers.answers;
    const bool all_answered = !a.empty() && std::none_of(a.begin(), a.end(), [](std::uint8_t v) { return v == 0; });
    if (all_answered && a.size() > 1 && std::all_of(a.begin(), a.end(), [&](std::uint8_t v) { return v == a.front(); })) {
        flags.emplace_back("straight_line");
    }
    if (duration_ms < rules.min_duration_ms) flags.emplace_back("too_fast");
    return flags;
}

Submission new_submission(const SurveyAnswers& answers, const DeviceIdentity& device, Clock& clock, IdSource& ids,
                          const QualityRules& rules) {
    Submission s;
    const std::int64_t duration = std::max<std::int64_t>(0, clock.monotonic_ms() - answers.started_ms);
    formats::Response& r = s.response;
    r.response_id = ids.next_id();
    r.submitted_at = iso8601(clock.wall_now());
    r.layanan = answers.layanan;
    r.jenis_kelamin = answers.jenis_kelamin;
    r.umur = answers.umur;
    r.pendidikan = answers.pendidikan;
    r.pekerjaan = answers.pekerjaan;
    r.answers = answers.answers;
    r.saran = answers.saran;
    r.flags = quality_flags(answers, duration, rules);
    r.device_id = device.device_id;
    r.profile_detail = answers.profile_detail;
    // Typed on this device's own screen.
    r.origin = "kiosk";
    r.channel = "kiosk";
    if (device.questionnaire) {
        r.questionnaire_version = std::to_string(device.questionnaire->version);
        s.questionnaire_id = device.questionnaire->id;
    }
    s.duration_ms = duration;
    return s;
}

}  // namespace skm::store
