#include "kiosk/core/survey_flow.hpp"

#include "formats/profile_detail.hpp"
#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "formats/utf8.hpp"

#include <algorithm>

namespace skm::kiosk {
namespace {

bool valid_profile_value(ProfileField field, const std::string& value) {
    switch (field) {
        case ProfileField::jenis_kelamin: return formats::empty_or_in_vocabulary(value, formats::kJenisKelamin);
        case ProfileField::umur: return formats::empty_or_in_vocabulary(value, formats::kUmurBands);
        case ProfileField::pendidikan: return formats::empty_or_in_vocabulary(value, formats::kPendidikan);
        case ProfileField::pekerjaan: return formats::empty_or_in_vocabulary(value, formats::kPekerjaan);
    }
    return false;
}

template <typename Answers>  // SurveyAnswers or const SurveyAnswers
auto& profile_slot(Answers& answers, ProfileField field) {
    switch (field) {
        case ProfileField::jenis_kelamin: return answers.jenis_kelamin;
        case ProfileField::umur: return answers.umur;
        case ProfileField::pendidikan: return answers.pendidikan;
        case ProfileField::pekerjaan: return answers.pekerjaan;
    }
    return answers.pekerjaan;
}

const char* field_name(ProfileField field) {
    switch (field) {
        case ProfileField::jenis_kelamin: return "jenis_kelamin";
        case ProfileField::umur: return "umur";
        case ProfileField::pendidikan: return "pendidikan";
        case ProfileField::pekerjaan: return "pekerjaan";
    }
    return "";
}

bool is_survey_screen(Screen screen) {
    return screen == Screen::layanan || screen == Screen::profile || screen == Screen::unsur || screen == Screen::saran;
}

}  // namespace

SurveyFlow::SurveyFlow(const formats::Questionnaire& questionnaire, std::vector<std::string> layanan,
                       FlowSettings settings, store::DeviceIdentity device, store::Clock& clock, store::IdSource& ids,
                       ResponseSink& sink, formats::ProfileOptions profile_options)
    : questionnaire_(questionnaire),
      layanan_(std::move(layanan)),
      profile_options_(std::move(profile_options)),
      settings_(settings),
      device_(std::move(device)),
      clock_(clock),
      ids_(ids),
      sink_(sink) {
    language_ = settings_.default_language;
    reset_survey();
    screen_since_ = last_touch_ = now();
}

std::string SurveyFlow::profile_value(ProfileField field) const {
    return profile_slot(answers_, field);
}

constexpr ProfileField kProfileOrder[4] = {ProfileField::jenis_kelamin, ProfileField::umur, ProfileField::pendidikan,
                                           ProfileField::pekerjaan};

ProfileField SurveyFlow::profile_field() const { return kProfileOrder[std::min<std::size_t>(profile_step_, 3)]; }

const std::vector<formats::ProfileOption>& SurveyFlow::profile_options(ProfileField field) const {
    return profile_options_.of(field_name(field));
}

const std::string& SurveyFlow::profile_detail(ProfileField field) const { return details_[static_cast<int>(field)]; }

std::size_t SurveyFlow::survey_step() const {
    switch (screen_) {
        case Screen::profile: return profile_step_ + 1;
        case Screen::unsur: return 4 + unsur_index_ + 1;
        case Screen::saran: return survey_steps();
        default: return 0;
    }
}

int SurveyFlow::countdown_seconds() const {
    std::int64_t total = 0;
    if (screen_ == Screen::thanks) total = settings_.thanks_ms;
    else if (screen_ == Screen::still_there) total = settings_.idle_reset_ms;
    else return 0;
    const std::int64_t left = std::max<std::int64_t>(0, total - (now() - screen_since_));
    return static_cast<int>((left + 999) / 1000);
}

void SurveyFlow::to_welcome() {
    // The next citizen starts in the office's language, not the previous citizen's.
    language_ = settings_.default_language;
    large_text_ = false;
    go(Screen::welcome);
}

void SurveyFlow::go(Screen next) {
    screen_ = next;
    screen_since_ = last_touch_ = now();
}

bool SurveyFlow::guarded() const { return now() - screen_since_ < settings_.touch_settle_ms; }

void SurveyFlow::reset_survey() {
    // Nothing of the previous citizen may remain visible to the next one.
    answers_ = store::SurveyAnswers{};
    answers_.answers.assign(questionnaire_.unsur.size(), 0);
    profile_step_ = 0;
    for (auto& detail : details_) detail.clear();
    unsur_index_ = 0;
    store_problem_.reset();
    pending_.reset();
}

bool SurveyFlow::set_language(const std::string& language) {
    if (screen_ != Screen::welcome) return false;
    if (std::find(formats::kLanguages.begin(), formats::kLanguages.end(), language) == formats::kLanguages.end()) {
        return false;
    }
    language_ = language;
    touched();
    return true;
}

bool SurveyFlow::start() {
    if (screen_ != Screen::welcome || guarded() || invitation_paused()) return false;
    reset_survey();
    answers_.started_ms = now();
    go(Screen::layanan);
    return true;
}

bool SurveyFlow::toggle_large_text() {
    if (screen_ != Screen::welcome) return false;
    large_text_ = !large_text_;
    touched();
    return true;
}

bool SurveyFlow::choose_layanan(std::size_t index) {
    if (screen_ != Screen::layanan || guarded() || index >= layanan_.size()) return false;
    answers_.layanan = layanan_[index];
    go(Screen::profile);
    return true;
}

bool SurveyFlow::choose_profile(std::string value, std::string detail) {
    if (screen_ != Screen::profile || guarded() || !valid_profile_value(profile_field(), value)) return false;
    if (!detail.empty()) {
        const auto* option = profile_options_.find(field_name(profile_field()), detail);
        if (!option || option->code != value) return false;  // a sub-option counts under its own code only
    }
    profile_slot(answers_, profile_field()) = std::move(value);
    details_[static_cast<int>(profile_field())] = std::move(detail);
    std::vector<formats::ProfileDetailEntry> entries;
    for (const ProfileField field : kProfileOrder) {
        if (!details_[static_cast<int>(field)].empty()) entries.push_back({field_name(field), details_[static_cast<int>(field)]});
    }
    answers_.profile_detail = formats::format_profile_detail(entries);
    if (++profile_step_ < 4) {
        go(Screen::profile);
        return true;
    }
    unsur_index_ = 0;
    go(answers_.answers.empty() ? Screen::saran : Screen::unsur);
    return true;
}

bool SurveyFlow::answer(std::uint8_t value) {
    if (screen_ != Screen::unsur || guarded() || value < 1 || value > 4) return false;
    answers_.answers[unsur_index_] = value;
    if (unsur_index_ + 1 < answers_.answers.size()) {
        ++unsur_index_;
        go(Screen::unsur);
    } else {
        go(Screen::saran);
    }
    return true;
}

bool SurveyFlow::back() {
    if (guarded()) return false;
    switch (screen_) {
        case Screen::layanan:
            reset_survey();
            to_welcome();
            return true;
        case Screen::profile:
            if (profile_step_ > 0) {
                --profile_step_;
                go(Screen::profile);
            } else {
                go(Screen::layanan);
            }
            return true;
        case Screen::unsur:
            if (unsur_index_ == 0) {
                profile_step_ = 3;
                go(Screen::profile);
            } else {
                --unsur_index_;
                go(Screen::unsur);
            }
            return true;
        case Screen::saran:
            if (answers_.answers.empty()) {
                profile_step_ = 3;
                go(Screen::profile);
            } else {
                unsur_index_ = answers_.answers.size() - 1;
                go(Screen::unsur);
            }
            return true;
        default: return false;
    }
}

bool SurveyFlow::set_saran(std::string text) {
    // A key under the finger that answered the last question is not the citizen's saran.
    if (screen_ != Screen::saran || guarded() || formats::first_invalid_utf8(text)) return false;
    answers_.saran = formats::cut_utf8(std::move(text), formats::kMaxSaranBytes);
    touched();
    return true;
}

bool SurveyFlow::submit() {
    if ((screen_ != Screen::saran && screen_ != Screen::store_failed) || guarded()) return false;
    const bool retry = screen_ == Screen::store_failed && pending_.has_value();
    if (!retry) {
        pending_ = store::new_submission(answers_, device_, clock_, ids_, settings_.quality);
        if (last_submit_at_ && now() - *last_submit_at_ < settings_.min_interval_ms) {
            pending_->response.flags.emplace_back("soon_after_previous");
        }
    }
    auto problem = sink_.submit(*pending_);
    // On a retry, "already stored" means the first attempt did reach the disk.
    if (problem && !(retry && problem->key == "store.duplicate")) {
        store_problem_ = std::move(problem);
        go(Screen::store_failed);  // never "Terima kasih" for an answer that is not stored
        return true;
    }
    last_submit_at_ = now();
    ++submitted_;
    last_response_id_ = pending_->response.response_id;
    reset_survey();
    go(Screen::thanks);
    return true;
}

bool SurveyFlow::still_here() {
    if (screen_ != Screen::still_there) return false;
    go(interrupted_);
    return true;
}

bool SurveyFlow::cancel() {
    if (!is_survey_screen(screen_) && screen_ != Screen::still_there && screen_ != Screen::store_failed &&
        screen_ != Screen::thanks) {
        return false;
    }
    drop_unstored();
    reset_survey();
    to_welcome();
    return true;
}

void SurveyFlow::drop_unstored() {
    if (screen_ == Screen::store_failed && pending_) sink_.dropped(*pending_);
}

bool SurveyFlow::reconfigure(std::vector<std::string> layanan, const FlowSettings& settings) {
    if (screen_ != Screen::welcome || layanan.empty()) return false;
    layanan_ = std::move(layanan);
    settings_ = settings;
    return true;
}

void SurveyFlow::touched() { last_touch_ = now(); }

void SurveyFlow::tick() {
    const std::int64_t on_screen = now() - screen_since_;
    if (is_survey_screen(screen_) && now() - last_touch_ >= settings_.idle_prompt_ms) {
        interrupted_ = screen_;
        go(Screen::still_there);
    } else if (screen_ == Screen::still_there && on_screen >= settings_.idle_reset_ms) {
        reset_survey();  // the partial answer is discarded, never stored
        to_welcome();
    } else if (screen_ == Screen::thanks && on_screen >= settings_.thanks_ms) {
        to_welcome();
    } else if (screen_ == Screen::store_failed && on_screen >= settings_.failed_ms) {
        drop_unstored();
        reset_survey();
        to_welcome();
    }
}

}  // namespace skm::kiosk
