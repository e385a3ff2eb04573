// The citizen's survey as a state machine: which screen is showing, what has
// been chosen, and what each touch does. No ImGui, no GLFW: kiosk/ui draws
// this state and calls the event methods; tests drive it directly. Time comes
// from the injected clock; storing goes through an injected sink, so "Terima
// kasih" is shown only after the sink said the answer is durable.
//
// Index: [settings] [sink] [SurveyFlow]
#pragma once

#include "formats/kiosk_config.hpp"
#include "formats/profile_options.hpp"
#include "formats/questionnaire.hpp"
#include "scoring/problem.hpp"
#include "store/clock.hpp"
#include "store/ids.hpp"
#include "store/new_submission.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace skm::kiosk {

// ---- [settings] ------------------------------------------------------------

enum class Screen { welcome, layanan, profile, unsur, saran, thanks, store_failed, still_there };

enum class ProfileField { jenis_kelamin, umur, pendidikan, pekerjaan };

struct FlowSettings {
    // Defaults: formats/settings_table.
    // No touch mid-survey → "Masih di sana?"; no answer to that → discard,
    // back to welcome; the "Terima kasih" countdown.
    std::int64_t idle_prompt_ms = formats::default_ms(formats::setting::kIdlePromptSeconds);
    std::int64_t idle_reset_ms = formats::default_ms(formats::setting::kIdleResetSeconds);
    std::int64_t thanks_ms = formats::default_ms(formats::setting::kThanksSeconds);
    std::int64_t failed_ms = 30'000;       // the storage-failure apology stays this long
    // A touch this soon after the screen changed belongs to the previous
    // screen (a double tap): ignored, so it never answers the next question.
    // The views ignore all input for as long (kiosk/ui/touch_settle); the
    // flow refuses its events too, for callers other than the views.
    std::int64_t touch_settle_ms = formats::default_ms(formats::setting::kTouchSettleMs);
    // Submissions closer together than this are flagged "soon_after_previous".
    std::int64_t min_interval_ms = formats::default_ms(formats::setting::kMinIntervalSeconds);
    store::QualityRules quality;
    // The welcome screen's language for each new citizen.
    std::string default_language = formats::setting::kDefaultLanguage.fallback_text;
};

// ---- [sink] ----------------------------------------------------------------

// Where a finished survey goes: returns nothing once it is durable, or the
// problem (store.disk_full …) when it is not.
class ResponseSink {
public:
    virtual ~ResponseSink() = default;
    virtual std::optional<Problem> submit(const store::Submission& submission) = 0;
    // False while answers cannot be stored (kiosk/core/storage_watch): the
    // welcome screen then invites nobody.
    virtual bool accepting() const { return true; }
    // The citizen left the apology screen: this answer is not known to be
    // stored, and is counted so staff see it.
    virtual void dropped(const store::Submission&) {}
};

// ---- [SurveyFlow] ----------------------------------------------------------

class SurveyFlow {
public:
    SurveyFlow(const formats::Questionnaire& questionnaire, std::vector<std::string> layanan, FlowSettings settings,
               store::DeviceIdentity device, store::Clock& clock, store::IdSource& ids, ResponseSink& sink,
               formats::ProfileOptions profile_options = {});

    // -- state, for the views
    Screen screen() const { return screen_; }
    const std::string& language() const { return language_; }
    const std::vector<std::string>& layanan() const { return layanan_; }
    const formats::Questionnaire& questionnaire() const { return questionnaire_; }
    const store::SurveyAnswers& answers() const { return answers_; }
    std::size_t unsur_index() const { return unsur_index_; }  // on Screen::unsur
    std::size_t unsur_count() const { return answers_.answers.size(); }
    std::string profile_value(ProfileField field) const;
    // The profile is asked one question per screen, in this order.
    std::size_t profile_step() const { return profile_step_; }  // 0..3 on Screen::profile
    ProfileField profile_field() const;
    // The office's sub-options of a profile question (formats/profile_options),
    // and the one chosen for it ("" = none: the official code itself).
    const std::vector<formats::ProfileOption>& profile_options(ProfileField field) const;
    const std::string& profile_detail(ProfileField field) const;
    // Every field's sub-options (the report labels its detail rows with them).
    const formats::ProfileOptions& all_profile_options() const { return profile_options_; }
    // One progress for the whole survey: the four profile questions, every
    // unsur, then the saran. Step 1-based; 0 off those screens.
    std::size_t survey_step() const;
    std::size_t survey_steps() const { return 4 + answers_.answers.size() + 1; }
    // "Huruf besar": larger text for this citizen, chosen on the welcome
    // screen; back to normal for the next one (every return to welcome).
    bool large_text() const { return large_text_; }
    // Seconds left on the thanks or still-there countdown, rounded up.
    int countdown_seconds() const;
    const std::optional<Problem>& store_problem() const { return store_problem_; }
    std::size_t submitted_count() const { return submitted_; }
    const std::string& last_response_id() const { return last_response_id_; }
    std::int64_t touch_settle_ms() const { return settings_.touch_settle_ms; }
    // The welcome screen asks no one to start while the sink cannot store answers.
    bool invitation_paused() const { return !sink_.accepting(); }

    // -- events. Each returns false when it does not apply to the current
    // screen (or falls inside the double-tap guard) and then changes nothing.
    bool set_language(const std::string& language);  // welcome only: id, en, jv
    bool start();                                     // welcome → layanan (not while invitation_paused)
    bool toggle_large_text();                         // welcome only
    bool choose_layanan(std::size_t index);           // → profile
    // The answer to the current profile question ("" = prefers not to say);
    // after the fourth → first unsur. `detail`: the key of one of the
    // question's sub-options whose code is `value` (stored in profile_detail).
    bool choose_profile(std::string value, std::string detail = "");
    bool answer(std::uint8_t value);                  // 1..4 → next unsur, after the last → saran
    bool back();                                      // one screen back; on welcome nothing
    bool set_saran(std::string text);                 // valid UTF-8, cut at kMaxSaranBytes on a character
    bool submit();                                    // saran → thanks (stored) or store_failed
    bool still_here();                                // still_there → the screen it interrupted
    bool cancel();                                    // citizen gives up: discard, welcome
    // New layanan tiles and timings from the staff settings: taken only
    // between surveys (on the welcome screen), never mid-survey.
    bool reconfigure(std::vector<std::string> layanan, const FlowSettings& settings);
    // Any touch anywhere: keeps the idle timer from firing.
    void touched();
    // Time passing: idle prompt, idle reset, countdowns.
    void tick();

private:
    void go(Screen next);
    void to_welcome();
    bool guarded() const;
    void reset_survey();
    void drop_unstored();
    std::int64_t now() const { return clock_.monotonic_ms(); }

    const formats::Questionnaire& questionnaire_;
    std::vector<std::string> layanan_;
    formats::ProfileOptions profile_options_;
    FlowSettings settings_;
    store::DeviceIdentity device_;
    store::Clock& clock_;
    store::IdSource& ids_;
    ResponseSink& sink_;

    Screen screen_ = Screen::welcome;
    Screen interrupted_ = Screen::welcome;  // what still_there covers
    std::string language_ = "id";
    store::SurveyAnswers answers_;
    std::size_t profile_step_ = 0;
    std::string details_[4];  // per ProfileField: the sub-option key, or ""
    bool large_text_ = false;
    std::size_t unsur_index_ = 0;
    std::int64_t screen_since_ = 0;
    std::int64_t last_touch_ = 0;
    std::optional<std::int64_t> last_submit_at_;
    std::optional<Problem> store_problem_;
    // The submission that failed, kept whole (same id and time) for a retry:
    // a store that reported failure may still hold it (a failed fsync can
    // leave the row in the WAL), so a retry must never make a second row.
    std::optional<store::Submission> pending_;
    std::size_t submitted_ = 0;
    std::string last_response_id_;
};

}  // namespace skm::kiosk
