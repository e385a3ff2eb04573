#include "kiosk/platform/screenshots.hpp"

#include "kiosk/core/screen_tour.hpp"
#include "kiosk/core/speaker.hpp"
#include "kiosk/platform/imgui_session.hpp"
#include "kiosk/platform/png_writer.hpp"
#include "kiosk/platform/texture.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/theme.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace skm::kiosk::platform {

int write_screenshots(Window& window, const ScreenshotJob& job, const formats::KioskConfig& config,
                      const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                      const ui::UiTexts& texts) {
    std::filesystem::create_directories(job.out_dir);
    nlohmann::ordered_json index = nlohmann::ordered_json::object();
    SilentSpeaker speaker;
    const Texture logo(config.logo);
    int written = 0;
    for (const auto& [width, height] : job.sizes) {
        window.resize(width, height);
        ImGuiIO& io = ImGui::GetIO();
        const float scale = ui::layout_scale(ImVec2(static_cast<float>(width), static_cast<float>(height)));
        const ui::Fonts fonts = ui::load_fonts(io, job.font_dir, scale);
        window.reload_fonts();
        ui::apply_theme(scale);
        for (auto lang : formats::kLanguages) {
            int number = 0;
            tour_every_screen(questionnaire, layanan, std::string(lang), [&](const std::string& name, SurveyFlow& flow) {
                ui::ViewContext view{flow, texts, speaker, config, fonts, scale, nullptr};
                attach_logo(view, logo);
                // Two frames: ImGui settles item positions on the second.
                for (int frame = 0; frame < 2; ++frame) {
                    window.poll_events();
                    window.begin_frame();
                    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
                    ImGui::NewFrame();
                    ui::draw_kiosk(view);
                    ImGui::Render();
                    if (frame == 1) window.capture_next_frame();
                    window.end_frame();
                }
                char prefix[32];
                std::snprintf(prefix, sizeof prefix, "%02d-", ++number);
                const std::string file = std::to_string(width) + "x" + std::to_string(height) + "-" + std::string(lang) +
                                         "-" + prefix + name + ".png";
                int w = 0;
                int h = 0;
                const auto pixels = window.read_pixels(w, h);
                if (pixels.empty() || !write_png((job.out_dir / file).string(), w, h, pixels)) {
                    throw std::runtime_error("cannot write " + (job.out_dir / file).string());
                }
                nlohmann::ordered_json buttons = nlohmann::ordered_json::array();
                for (const auto& b : view.buttons) {
                    buttons.push_back({{"id", b.id}, {"label", b.label}, {"x", b.min.x}, {"y", b.min.y},
                                       {"w", b.max.x - b.min.x}, {"h", b.max.y - b.min.y}});
                }
                index[file] = {{"screen", name}, {"language", lang}, {"overflows", view.overflows.size()},
                               {"buttons", buttons}};
                ++written;
            });
        }
    }
    std::ofstream(job.out_dir / "buttons.json") << index.dump(1) << "\n";
    return written;
}

}  // namespace skm::kiosk::platform
