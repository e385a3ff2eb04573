// `skm-kiosk --screenshots DIR`: every screen, in every language, landscape
// and portrait, rendered through the real window and written as PNG, with
// DIR/buttons.json listing each screenshot's buttons (id, label, rectangle)
// so tests and docs can find them.
#pragma once

#include "formats/kiosk_config.hpp"
#include "formats/profile_options.hpp"
#include "formats/questionnaire.hpp"
#include "kiosk/core/screen_tour.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/ui_texts.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace skm::kiosk::platform {

struct ScreenshotJob {
    std::filesystem::path out_dir;
    std::filesystem::path font_dir;
    std::vector<std::pair<int, int>> sizes{kScreenshotSizes.begin(), kScreenshotSizes.end()};
    std::filesystem::path demo_responses;  // when set: the staff view too, on a throwaway database of these
    formats::ProfileOptions profile_options;  // the sub-options the profile screens show
};

// Returns the number of PNG files written; throws std::runtime_error when one cannot be written.
int write_screenshots(Window& window, const ScreenshotJob& job, const formats::KioskConfig& config,
                      const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                      const ui::UiTexts& texts);

}  // namespace skm::kiosk::platform
