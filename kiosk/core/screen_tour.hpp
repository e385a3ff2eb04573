// A walk through every screen of the flow, in order, driven by events on a
// manual clock: for `skm-kiosk --screenshots` and the docs. It uses its own
// flow and sink, so no real database is touched.
#pragma once

#include "kiosk/core/phone_link.hpp"
#include "kiosk/core/survey_flow.hpp"

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::kiosk {

// Calls at_stop(name, flow) on each screen: welcome, layanan, profile-1..4,
// unsur-1..N, saran, thanks, still-there, store-failed, then with "Huruf
// besar" on: welcome-large, profile-4-large, unsur-1-large, saran-large, and
// last phone-link (the welcome screen with `phone_link` showing its code).
// `profile_options`: the office's sub-options the profile screens show.
void tour_every_screen(const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                       const std::string& language,
                       const std::function<void(const std::string& name, SurveyFlow& flow)>& at_stop,
                       const formats::ProfileOptions& profile_options = {}, PhoneLink* phone_link = nullptr);

// The screenshots' link maker: URLs of the length and shape of a real
// signed link (sync/link_token: ~190 characters, a QR code of 57 modules),
// different at each call, so the pictures show the code a citizen would scan.
LinkMaker tour_link_maker();

// The staff side of `skm-kiosk --screenshots`, after the survey's stops, in
// every language: the PIN pad, each staff tab, then each first-run setup step
// (its last one is the PIN on the number pad). Numbered from kStaffFirstNumber.
inline constexpr std::array<std::string_view, 7> kStaffStops = {"staff-pin-pad",  "staff-dashboard", "staff-saran",
                                                                "staff-status",   "staff-settings",  "staff-export",
                                                                "staff-heat-map"};
inline constexpr std::array<std::string_view, 5> kSetupStops = {"setup-language", "setup-office", "setup-layanan",
                                                                "setup-hub", "setup-pin-pad"};
inline constexpr int kStaffFirstNumber = 31;
// The screen sizes of the screenshot run: a 10-inch tablet, landscape and portrait.
inline constexpr std::array<std::pair<int, int>, 2> kScreenshotSizes = {{{1280, 800}, {800, 1280}}};

// "1280x800-id-05-profile-4.png"
std::string screenshot_file(int width, int height, std::string_view language, int number, std::string_view name);

// Every file the screenshot run writes, in the order it writes them (the
// docs' list, docs/reference/kiosk-screenshots.md, is checked against it).
std::vector<std::string> screenshot_files(const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                                          const std::vector<std::pair<int, int>>& sizes, bool with_staff);

}  // namespace skm::kiosk
