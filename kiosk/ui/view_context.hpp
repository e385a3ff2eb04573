// What every screen view gets: the flow to show and drive, the words, the
// speaker, the fonts and the layout scale. Views also record each button they
// drew (tests and the end-to-end run find buttons by id) and every label that
// did not fit its button, so a test can insist there is none.
#pragma once

#include "formats/kiosk_config.hpp"
#include "kiosk/core/phone_link.hpp"
#include "kiosk/core/speaker.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/touch_settle.hpp"
#include "kiosk/ui/ui_texts.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skm::kiosk::ui {

class SetupScreen;
class StaffGate;

struct ButtonRecord {
    std::string id;
    std::string label;
    ImVec2 min;
    ImVec2 max;
    ImVec2 center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

struct Overflow {
    std::string id;
    std::string label;
    float needed = 0;
    float available = 0;
};

// One piece of text drawn this frame (kiosk/ui/widgets records each): what,
// with which font at which size, where, and how wide it could have been.
// Tests walk these: no citizen text under the type scale's floor, none wider
// than its room or outside the screen, none over a button it is not part of.
struct DrawnText {
    std::string text;
    ImFont* font = nullptr;
    float size = 0;
    ImVec2 min;
    ImVec2 max;
    float room = 0;            // the width it had
    std::string button;        // the button it labels; "" for free text
};

struct ViewContext {
    SurveyFlow& flow;
    const UiTexts& texts;
    Speaker& speaker;
    const formats::KioskConfig& config;
    Fonts fonts;
    float scale = 1.0f;
    StaffGate* staff = nullptr;  // null: no staff entry (screenshots)
    SetupScreen* setup = nullptr;  // the first-run setup, shown instead of everything while active
    ImTextureID logo = nullptr;  // the office's logo, uploaded by the platform; null: none
    ImVec2 logo_size{0, 0};
    PhoneLink* phone_link = nullptr;  // "Isi lewat HP" on the welcome screen; null: no button

    // View-only state that the flow does not need to know.
    int layanan_page = 0;
    bool keyboard_shift = false;
    TouchSettle touch_settle{};  // a tap belongs to the screen it began on

    std::vector<ButtonRecord> buttons{};  // this frame's
    std::vector<Overflow> overflows{};    // accumulated, each (id, label) once
    std::vector<std::string> texts_drawn{};  // this frame's free text on staff screens (tests read figures here)
    std::vector<DrawnText> text_log{};       // this frame's every text drawn through kiosk/ui/widgets
    std::optional<Problem> frame_problem{};  // what a frame met and survived; the kiosk's timer takes it to Status

    std::string t(const std::string& key) const { return texts.text(flow.language(), key); }
    std::string f(const std::string& key, const std::vector<std::pair<std::string, std::string>>& args) const {
        return texts.format(flow.language(), key, args);
    }
    const ButtonRecord* button(const std::string& id) const {
        for (const auto& b : buttons) {
            if (b.id == id) return &b;
        }
        return nullptr;
    }
};

}  // namespace skm::kiosk::ui
