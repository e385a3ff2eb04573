#include "kiosk/platform/screenshots.hpp"

#include "formats/file_content.hpp"
#include "formats/response_csv_reader.hpp"
#include "kiosk/core/screen_tour.hpp"
#include "kiosk/core/first_run.hpp"
#include "kiosk/core/staff_service.hpp"
#include "kiosk/core/speaker.hpp"
#include "kiosk/platform/imgui_session.hpp"
#include "kiosk/platform/png_writer.hpp"
#include "kiosk/platform/texture.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/setup_screen.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/theme.hpp"
#include "store/office_data.hpp"
#include "store/stored_row.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace skm::kiosk::platform {

namespace {

// Renders `draw` (two frames: ImGui settles item positions on the second),
// writes the PNG and records the view's buttons in the index.
void capture(Window& window, ui::ViewContext& view, int width, int height, const std::function<void()>& draw,
             const std::filesystem::path& file, nlohmann::ordered_json& entry) {
    ImGuiIO& io = ImGui::GetIO();
    for (int frame = 0; frame < 2; ++frame) {
        window.poll_events();
        window.begin_frame();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        if (frame == 1) window.capture_next_frame();
        window.end_frame();
    }
    int w = 0;
    int h = 0;
    const auto pixels = window.read_pixels(w, h);
    if (pixels.empty() || !write_png(file.string(), w, h, pixels)) throw std::runtime_error("cannot write " + file.string());
    nlohmann::ordered_json buttons = nlohmann::ordered_json::array();
    for (const auto& b : view.buttons) {
        buttons.push_back({{"id", b.id}, {"label", b.label}, {"x", b.min.x}, {"y", b.min.y}, {"w", b.max.x - b.min.x},
                           {"h", b.max.y - b.min.y}});
    }
    entry["overflows"] = view.overflows.size();
    entry["buttons"] = buttons;
}

// The PIN pad, the staff view's tabs and the first-run setup, in every
// language, on a throwaway database holding the demo year.
// A USB stick for the Flashdisk tab's shots, in the throwaway folder: a
// mount-table line and a sysfs disk with removable = 1, read as the kernel's
// (kiosk/core/usb_export), so the tab shows its buttons, not "no stick".
MediaSources demo_stick(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    const fs::path disk = dir / "sys" / "devices" / "usb1" / "block" / "sdb";
    fs::create_directories(disk / "sdb1");
    fs::create_directories(dir / "sys" / "class" / "block");
    fs::create_directories(dir / "media" / "FLASHDISK");
    std::ofstream(disk / "removable") << "1\n";
    std::ofstream(disk / "sdb1" / "partition") << "1\n";
    fs::create_directory_symlink(fs::relative(disk / "sdb1", dir / "sys" / "class" / "block"), dir / "sys" / "class" / "block" / "sdb1");
    std::ofstream(dir / "mounts") << "/dev/sdb1 " << (dir / "media" / "FLASHDISK").string() << " vfat rw 0 0\n";
    return {dir / "mounts", dir / "sys"};
}

void staff_screens(Window& window, const ScreenshotJob& job, const formats::KioskConfig& config,
                   const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                   const ui::UiTexts& texts, const ui::Fonts& fonts, float scale, int width, int height,
                   nlohmann::ordered_json& index, std::vector<std::string>& written) {
    const auto dir = job.out_dir / ".staff-demo";
    std::filesystem::remove_all(dir);
    store::ManualClock clock(scoring::Timestamp{{2025, 12, 20}, 10, 0, 0, 420});
    store::StoreOptions options;
    options.path = dir / "demo.db";
    {
        store::ResponseStore db(options, questionnaire.scheme, clock);
        const formats::FileContent demo(job.demo_responses);
        std::vector<store::Submission> rows;
        formats::read_response_csv(demo.view(), job.demo_responses.string(), questionnaire.codes(),
                                   [&](const formats::ResponseRow& row) { rows.push_back(store::submission_from_row(row, questionnaire)); });
        // A bad day at the KTP-el counter the day before, so the dashboard shows the
        // live-alert banner (issue #20): the saran of the last 30 KTP-el rows with
        // low answers and "waktu" at 1.
        std::vector<store::Submission> bad_day;
        for (auto it = rows.rbegin(); it != rows.rend() && bad_day.size() < 30; ++it) {
            if (it->response.layanan != "KTP-el") continue;
            store::Submission s = *it;
            const int n = static_cast<int>(bad_day.size());
            s.response.response_id = "bad-day-" + std::to_string(n);
            s.response.submitted_at = scoring::iso8601(scoring::Timestamp{{2025, 12, 19}, 8 + n / 4, (n % 4) * 15, 0, 420});
            std::fill(s.response.answers.begin(), s.response.answers.end(), std::uint8_t{2});
            if (s.response.answers.size() > 2) s.response.answers[2] = 1;
            s.response.flags.clear();
            bad_day.push_back(std::move(s));
        }
        rows.insert(rows.end(), bad_day.begin(), bad_day.end());
        db.import(rows);
        store::seed_layanan(db.connection(), layanan);
        store::set_population(db.connection(), 2025, "KTP-el", 1899);
        store::set_target(db.connection(), 2025, "", "80.00");
        StaffLock lock(StaffLock::hash_pin("2468"), clock);
        StaffService service(db, lock, config);
        class NoSink final : public ResponseSink {
            std::optional<Problem> submit(const store::Submission&) override { return std::nullopt; }
        } sink;
        class NoIds final : public store::IdSource {
            std::string next_id() override { return ""; }
        } ids;
        SurveyFlow flow(questionnaire, layanan, FlowSettings{}, store::DeviceIdentity{"screenshots", &questionnaire}, clock,
                        ids, sink);
        SilentSpeaker speaker;
        ui::StaffView staff(service, clock, demo_stick(dir), questionnaire.codes(), "screenshots");
        staff.period = DashboardPeriod::year;
        for (auto lang : formats::kLanguages) {
            flow.set_language(std::string(lang));
            service.set_default_language(std::string(lang));  // Settings shows the language of the shot chosen
            int number = kStaffFirstNumber;
            auto shoot = [&](std::string_view name, ui::SetupScreen* setup_screen, const std::function<void(ui::ViewContext&)>& draw) {
                ui::ViewContext view{flow, texts, speaker, config, fonts, scale, nullptr};
                view.setup = setup_screen;
                const std::string file = screenshot_file(width, height, lang, number++, name);
                nlohmann::ordered_json entry = {{"screen", name}, {"language", lang}};
                capture(window, view, width, height, [&] { draw(view); }, job.out_dir / file, entry);
                index[file] = entry;
                written.push_back(file);
            };
            ui::StaffGate gate(lock, clock);
            gate.show_pin_pad();
            shoot(kStaffStops[0], nullptr, [&](ui::ViewContext& view) {
                ui::draw_full_screen(view, [&](float w, float h) { gate.draw(view, w, h); });
            });
            const ui::StaffTab tabs[] = {ui::StaffTab::dashboard, ui::StaffTab::saran, ui::StaffTab::status,
                                         ui::StaffTab::settings, ui::StaffTab::export_usb};
            for (std::size_t i = 0; i < std::size(tabs); ++i) {
                staff.show(tabs[i]);
                shoot(kStaffStops[i + 1], nullptr, [&](ui::ViewContext& view) {
                    ui::draw_full_screen(view, [&](float w, float h) { staff.draw(view, w, h); });
                });
            }
            // The dashboard's hour × weekday heat map.
            staff.show(ui::StaffTab::dashboard);
            staff.heat_map = true;
            shoot(kStaffStops[std::size(tabs) + 1], nullptr, [&](ui::ViewContext& view) {
                ui::draw_full_screen(view, [&](float w, float h) { staff.draw(view, w, h); });
            });
            staff.heat_map = false;
            // The first-run setup, step by step (it writes to this throwaway database).
            FirstRunSetup setup(service);
            ui::SetupScreen setup_screen(setup);
            const std::function<void()> steps[] = {
                [] {},
                [&] { setup.choose_language(std::string(lang)); },
                [&] { setup.set_office("Kantor Kecamatan Sukamaju"); },
                [&] { setup.confirm_layanan(); },
                [&] { setup.skip_hub(); },
            };
            static_assert(std::size(steps) == kSetupStops.size());
            for (std::size_t i = 0; i < std::size(steps); ++i) {
                steps[i]();
                shoot(kSetupStops[i], &setup_screen, [&](ui::ViewContext& view) { ui::draw_kiosk(view); });
            }
        }
    }
    std::filesystem::remove_all(dir);
}

}  // namespace

int write_screenshots(Window& window, const ScreenshotJob& job, const formats::KioskConfig& config,
                      const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                      const ui::UiTexts& texts) {
    std::filesystem::create_directories(job.out_dir);
    nlohmann::ordered_json index = nlohmann::ordered_json::object();
    SilentSpeaker speaker;
    const Texture logo(config.logo);
    std::vector<std::string> written;
    for (const auto& [width, height] : job.sizes) {
        window.resize(width, height);
        const float scale = ui::layout_scale(ImVec2(static_cast<float>(width), static_cast<float>(height)));
        const ui::Fonts fonts = ui::load_fonts(ImGui::GetIO(), job.font_dir, scale);
        window.reload_fonts();
        ui::apply_theme(scale);
        for (auto lang : formats::kLanguages) {
            int number = 0;
            // "Isi lewat HP" shown, as on a kiosk with a hub; its code at the full 60 seconds.
            store::ManualClock link_clock(scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420});
            PhoneLink phone_link(tour_link_maker(), link_clock);
            tour_every_screen(questionnaire, layanan, std::string(lang), [&](const std::string& name, SurveyFlow& flow) {
                ui::ViewContext view{flow, texts, speaker, config, fonts, scale, nullptr};
                view.phone_link = &phone_link;
                attach_logo(view, logo);
                const std::string file = screenshot_file(width, height, lang, ++number, name);
                nlohmann::ordered_json entry = {{"screen", name}, {"language", lang}};
                capture(window, view, width, height, [&] { ui::draw_kiosk(view); }, job.out_dir / file, entry);
                index[file] = entry;
                written.push_back(file);
            }, job.profile_options, &phone_link);
        }
        if (!job.demo_responses.empty()) {
            staff_screens(window, job, config, questionnaire, layanan, texts, fonts, scale, width, height, index, written);
        }
    }
    std::ofstream(job.out_dir / "buttons.json") << index.dump(1) << "\n";
    // The docs list what screenshot_files() names (tests/kiosk/screenshot_list_test): the run must write exactly that.
    if (written != screenshot_files(questionnaire, layanan, job.sizes, !job.demo_responses.empty())) {
        throw std::logic_error("the screenshot run wrote other files than screenshot_files() names");
    }
    return static_cast<int>(written.size());
}

}  // namespace skm::kiosk::platform
