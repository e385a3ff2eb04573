// How a finished survey becomes a stored response: the one path the kiosk and
// `skm simulate` share. Stamps a fresh id, the wall-clock time with the
// device's UTC offset and the monotonic duration, and sets quality flags
// (flag, never delete: flagged answers are kept and can be excluded later).
// Records origin=kiosk, channel=kiosk: the citizen answered on this device.
#pragma once

#include "formats/questionnaire.hpp"
#include "formats/settings_table.hpp"
#include "store/clock.hpp"
#include "store/ids.hpp"
#include "store/response_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace skm::store {

// What the citizen chose on the screens.
struct SurveyAnswers {
    std::string layanan;
    std::string jenis_kelamin;
    std::string umur;  // band, docs/reference/file-formats.md#response-csv
    std::string pendidikan;
    std::string pekerjaan;
    std::string profile_detail;  // the office's sub-option behind a code (formats/profile_detail.hpp), or empty
    std::vector<std::uint8_t> answers;  // questionnaire order; 0 = unanswered
    std::string saran;
    std::int64_t started_ms = 0;  // Clock::monotonic_ms() when the survey began
};

struct QualityRules {
    // Faster than this for the whole survey cannot have been read: flag it.
    std::int64_t min_duration_ms = formats::default_ms(formats::setting::kMinDurationSeconds);
};

struct DeviceIdentity {
    std::string device_id;
    const formats::Questionnaire* questionnaire = nullptr;
};

// "too_fast", "straight_line" (every unsur answered, all the same value).
std::vector<std::string> quality_flags(const SurveyAnswers& answers, std::int64_t duration_ms, const QualityRules& rules);

Submission new_submission(const SurveyAnswers& answers, const DeviceIdentity& device, Clock& clock, IdSource& ids,
                          const QualityRules& rules = {});

}  // namespace skm::store
