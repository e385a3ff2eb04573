#include "kiosk/core/screen_tour.hpp"

#include <cstdio>

namespace skm::kiosk {
namespace {

class TourSink final : public ResponseSink {
public:
    std::optional<Problem> submit(const store::Submission&) override {
        if (fail) return Problem{"store.disk_full", {}};
        return std::nullopt;
    }
    bool fail = false;
};

class TourIds final : public store::IdSource {
public:
    std::string next_id() override { return "tour-" + std::to_string(++n_); }

private:
    int n_ = 0;
};

}  // namespace

void tour_every_screen(const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                       const std::string& language,
                       const std::function<void(const std::string& name, SurveyFlow& flow)>& at_stop,
                       const formats::ProfileOptions& profile_options, PhoneLink* phone_link) {
    store::ManualClock clock(scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420});
    TourSink sink;
    TourIds ids;
    SurveyFlow flow(questionnaire, layanan, FlowSettings{}, store::DeviceIdentity{"tour", &questionnaire}, clock, ids, sink,
                    profile_options);
    auto step = [&](auto event) {
        clock.advance_ms(1000);
        event();
    };
    flow.set_language(language);
    at_stop("welcome", flow);
    step([&] { flow.start(); });
    at_stop("layanan", flow);
    step([&] { flow.choose_layanan(0); });
    const char* profile[] = {"P", "40-49", "SMA", "Wirausaha"};
    for (int i = 0; i < 4; ++i) {
        at_stop("profile-" + std::to_string(i + 1), flow);
        step([&] { flow.choose_profile(profile[i]); });
    }
    for (std::size_t i = 0; i < questionnaire.unsur.size(); ++i) {
        at_stop("unsur-" + std::to_string(i + 1), flow);
        step([&] { flow.answer(static_cast<std::uint8_t>(3 + i % 2)); });
    }
    step([&] { flow.set_saran("Ruang tunggu nyaman"); });
    at_stop("saran", flow);
    step([&] { flow.submit(); });
    at_stop("thanks", flow);
    clock.advance_ms(10'000);
    flow.tick();
    step([&] { flow.start(); });
    clock.advance_ms(61'000);
    flow.tick();
    at_stop("still-there", flow);
    step([&] { flow.still_here(); });
    step([&] { flow.choose_layanan(1); });
    for (int i = 0; i < 4; ++i) step([&] { flow.choose_profile(""); });
    for (std::size_t i = 0; i < questionnaire.unsur.size(); ++i) step([&] { flow.answer(4); });
    sink.fail = true;
    step([&] { flow.submit(); });
    at_stop("store-failed", flow);

    // "Huruf besar": the screens whose layout changes most with larger text.
    step([&] { flow.cancel(); });
    flow.set_language(language);
    flow.toggle_large_text();
    at_stop("welcome-large", flow);
    step([&] { flow.start(); });
    step([&] { flow.choose_layanan(0); });
    for (int i = 0; i < 3; ++i) step([&] { flow.choose_profile(profile[i]); });
    at_stop("profile-4-large", flow);
    step([&] { flow.choose_profile("Wirausaha"); });
    at_stop("unsur-1-large", flow);
    for (std::size_t i = 0; i < questionnaire.unsur.size(); ++i) step([&] { flow.answer(3); });
    step([&] { flow.set_saran("Ruang tunggu nyaman"); });
    at_stop("saran-large", flow);

    // "Isi lewat HP": the code a press shows, over the welcome screen.
    step([&] { flow.cancel(); });
    flow.set_language(language);
    if (phone_link) phone_link->show();
    at_stop("phone-link", flow);
    if (phone_link) phone_link->hide();
}

LinkMaker tour_link_maker() {
    return [n = 0](const std::optional<std::string>&) mutable {
        // "1.<device>.<link id>.<day>.<expires>.<layanan>.<signature>" under the hub's address,
        // its random parts stood in for by letters of n (base64url alphabet).
        static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        ++n;
        auto random_part = [&](int length, int salt) {
            std::string part;
            unsigned state = static_cast<unsigned>(n * 7919 + salt);
            for (int i = 0; i < length; ++i) {
                state = state * 1103515245u + 12345u;
                part += kAlphabet[(state >> 16) % 64];
            }
            return part;
        };
        return "https://skm.kab-contoh.go.id/l/1.kios-sukamaju-1." + random_part(22, 1) + ".20250304.1741237200.." +
               random_part(86, 2);
    };
}

std::string screenshot_file(int width, int height, std::string_view language, int number, std::string_view name) {
    char prefix[32];
    std::snprintf(prefix, sizeof prefix, "%02d-", number);
    return std::to_string(width) + "x" + std::to_string(height) + "-" + std::string(language) + "-" + prefix +
           std::string(name) + ".png";
}

std::vector<std::string> screenshot_files(const formats::Questionnaire& questionnaire, const std::vector<std::string>& layanan,
                                          const std::vector<std::pair<int, int>>& sizes, bool with_staff) {
    std::vector<std::string> files;
    for (const auto& [width, height] : sizes) {
        for (auto language : formats::kLanguages) {
            int number = 0;
            tour_every_screen(questionnaire, layanan, std::string(language), [&](const std::string& name, SurveyFlow&) {
                files.push_back(screenshot_file(width, height, language, ++number, name));
            });
        }
        if (!with_staff) continue;
        for (auto language : formats::kLanguages) {
            int number = kStaffFirstNumber;
            for (auto name : kStaffStops) files.push_back(screenshot_file(width, height, language, number++, name));
            for (auto name : kSetupStops) files.push_back(screenshot_file(width, height, language, number++, name));
        }
    }
    return files;
}

}  // namespace skm::kiosk
