// A walk through every screen of the flow, in order, driven by events on a
// manual clock: for `skm-kiosk --screenshots` and the docs. It uses its own
// flow and sink, so no real database is touched.
#pragma once

#include "kiosk/core/survey_flow.hpp"

#include <functional>
#include <string>

namespace skm::kiosk {

// Calls at_stop(name, flow) on each screen: welcome, layanan, profile-1..4,
// unsur-1..N, saran, thanks, still-there, store-failed, then with "Huruf
// besar" on: welcome-large, profile-4-large, unsur-1-large, saran-large.
// `profile_options`: the office's sub-options the profile screens show.
void tour_every_screen(const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                       const std::string& language,
                       const std::function<void(const std::string& name, SurveyFlow& flow)>& at_stop,
                       const formats::ProfileOptions& profile_options = {});

}  // namespace skm::kiosk
