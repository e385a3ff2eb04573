// Index: [steps] [language] [layanan] [typing] [navigation]
#include "kiosk/ui/setup_screen.hpp"

#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/pin_pad.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace skm::kiosk::ui {
namespace {

const ButtonStyle kSecondary{palette::kNeutral, palette::kText, nullptr, true};

// What is typed on each field's screen: title and help keys, masked or not, keyboard.
struct FieldLook {
    const char* title;
    const char* help;
    bool masked;  // a PIN: shown as stars, typed on the number pad
    KeyboardLayout layout;
};

}  // namespace

// ---- [steps] -----------------------------------------------------------------

void SetupScreen::draw(ViewContext& ctx, float width, float height) {
    if (field_step_ != setup_.step()) field_ = Field::none;  // the step moved on (or back)
    if (field_ == Field::none) {
        // Entering a step that types: its field opens with what is stored (or nothing).
        switch (setup_.step()) {
            case SetupStep::office: start(Field::office, ""); break;
            case SetupStep::hub: start(Field::hub_url, "https://"); break;
            case SetupStep::pin: start(Field::pin, ""); break;
            default: break;
        }
    }
    const float s = ctx.scale;
    if (setup_.step() == SetupStep::language) {
        const float y = header(ctx, width, "kiosk.setup.language.title", "kiosk.setup.language.help");
        draw_language(ctx, width, height, y + 16 * s);
    } else if (setup_.step() == SetupStep::layanan && field_ != Field::new_layanan) {
        const float y = header(ctx, width, "kiosk.setup.layanan.title", "kiosk.setup.layanan.help");
        draw_layanan(ctx, width, height, y + 8 * s);
    } else if (!setup_.done()) {
        draw_typing(ctx, width, height, 0);
    }
}

float SetupScreen::header(ViewContext& ctx, float width, const std::string& title_key, const std::string& help_key) {
    const float s = ctx.scale;
    const float margin = 32 * s;
    float y = 16 * s;
    y += staff_text(ctx, ctx.fonts.small,
                    ctx.f("kiosk.setup.step", {{"number", std::to_string(setup_.number())},
                                               {"count", std::to_string(FirstRunSetup::kSteps)}}),
                    margin, y, width - 2 * margin, palette::kMuted);
    y += staff_text(ctx, ctx.fonts.title, ctx.t(title_key), margin, y, width - 2 * margin, palette::kText) + 4 * s;
    y += staff_text(ctx, ctx.fonts.small, ctx.t(help_key), margin, y, width - 2 * margin, palette::kMuted) + 4 * s;
    if (!message_.empty()) y += staff_text(ctx, ctx.fonts.small, message_, margin, y, width - 2 * margin, palette::kAnswer[0]);
    return y;
}

// ---- [language] --------------------------------------------------------------

void SetupScreen::draw_language(ViewContext& ctx, float width, float, float y) {
    const float s = ctx.scale;
    const float w = std::min(640 * s, width - 64 * s);
    const char* languages[] = {"id", "en", "jv"};
    for (const char* language : languages) {
        ImGui::SetCursorScreenPos(ImVec2((width - w) / 2, y));
        const std::string label = ctx.texts.text(language, std::string("kiosk.language.") + language);
        if (big_button(ctx, std::string("setup_lang_") + language, label, ImVec2(w, 110 * s))) {
            ctx.flow.set_language(language);
            refused(ctx, setup_.choose_language(language));
        }
        y += 110 * s + 16 * s;
    }
}

// ---- [layanan] ---------------------------------------------------------------

void SetupScreen::draw_layanan(ViewContext& ctx, float width, float height, float y) {
    const float s = ctx.scale;
    const float margin = 32 * s;
    const float bottom_h = 88 * s;
    const float list_h = height - y - bottom_h - 40 * s;
    ImGui::SetCursorScreenPos(ImVec2(0, y));
    ImGui::BeginChild("setup_layanan", ImVec2(width, list_h), false, ImGuiWindowFlags_NoBackground);
    const auto entries = setup_.layanan();
    const int columns = width >= 1000 * s ? 3 : 2;
    const float gap = 12 * s;
    const float tile_w = (width - 2 * margin - 24 * s - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float tile_h = 72 * s;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i <= entries.size(); ++i) {
        const auto col = static_cast<float>(static_cast<int>(i) % columns);
        const auto row = static_cast<float>(static_cast<int>(i) / columns);
        ImGui::SetCursorScreenPos(ImVec2(margin + col * (tile_w + gap), origin.y + 4 * s + row * (tile_h + gap)));
        if (i == entries.size()) {
            if (big_button(ctx, "setup_add_layanan", ctx.t("kiosk.setup.layanan.add"), ImVec2(tile_w, tile_h), kSecondary)) {
                start(Field::new_layanan, "");
            }
            break;
        }
        const auto& entry = entries[i];
        // Not by colour alone: an unchosen one also says so in words.
        const std::string label = entry.active ? entry.name : ctx.f("kiosk.setup.layanan.off", {{"name", entry.name}});
        const ButtonStyle style = entry.active ? ButtonStyle{palette::kSelected, palette::kText, nullptr, true}
                                               : ButtonStyle{palette::kNeutral, palette::kMuted, nullptr, false};
        if (big_button(ctx, "setup_layanan_" + std::to_string(i), label, ImVec2(tile_w, tile_h), style)) {
            refused(ctx, setup_.toggle_layanan(entry.name));
        }
    }
    ImGui::Dummy(ImVec2(1, 8 * s));  // the child's content height, for its scrollbar
    ImGui::EndChild();

    const float bw = std::min(400 * s, (width - 2 * margin - 16 * s) / 2);
    const float by = height - bottom_h - 16 * s;
    ImGui::SetCursorScreenPos(ImVec2(margin, by));
    if (big_button(ctx, "setup_back", ctx.t("kiosk.setup.back"), ImVec2(bw, bottom_h), kSecondary)) back();
    ImGui::SetCursorScreenPos(ImVec2(width - margin - bw, by));
    if (big_button(ctx, "setup_next", ctx.t("kiosk.setup.next"), ImVec2(bw, bottom_h))) refused(ctx, setup_.confirm_layanan());
}

// ---- [typing] ----------------------------------------------------------------

void SetupScreen::draw_typing(ViewContext& ctx, float width, float height, float) {
    FieldLook look{"kiosk.setup.office.title", "kiosk.setup.office.help", false, KeyboardLayout::text};
    switch (field_) {
        case Field::new_layanan: look = {"kiosk.setup.layanan.add", "kiosk.setup.layanan.add_help", false, KeyboardLayout::text}; break;
        case Field::hub_url: look = {"kiosk.setup.hub.title", "kiosk.setup.hub.help", false, KeyboardLayout::address}; break;
        case Field::token: look = {"kiosk.setup.token.title", "kiosk.setup.token.help", false, KeyboardLayout::text}; break;
        case Field::pin: look = {"kiosk.setup.pin.title", "kiosk.setup.pin.help", true, KeyboardLayout::text}; break;
        case Field::pin_again: look = {"kiosk.setup.pin_again.title", "kiosk.setup.pin.help", true, KeyboardLayout::text}; break;
        default: break;
    }
    const float s = ctx.scale;
    const float margin = 32 * s;
    float y = header(ctx, width, look.title, look.help) + 8 * s;
    auto* draw = ImGui::GetWindowDrawList();
    const float box_h = 72 * s;
    draw->AddRectFilled(ImVec2(margin, y), ImVec2(width - margin, y + box_h), IM_COL32(255, 255, 255, 255), 10 * s);
    draw->AddRect(ImVec2(margin, y), ImVec2(width - margin, y + box_h), palette::kText, 10 * s, 0, 3 * s);
    const std::string shown_text = look.masked ? std::string(text_.size(), '*') : text_;
    draw->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(margin + 16 * s, y + 14 * s), palette::kText,
                  (shown_text + "|").c_str());
    y += box_h + 16 * s;

    const float bottom_h = 88 * s;
    if (look.masked) {
        // A PIN is digits: the staff gate's number pad, not the letter keyboard.
        const PinPadLayout pad = fit_pin_pad(s, width - 2 * margin, height - y - bottom_h - 40 * s);
        draw_pin_pad(ctx, text_, ImVec2((width - pad.width()) / 2, y), pad, PinPadIds::keyboard);
    } else {
        const float key_h = std::min(80 * s, (height - y - bottom_h - 48 * s) / 5 - 8 * s);
        if (auto edited = draw_keyboard(ctx, text_, margin, y, width - 2 * margin, key_h, 8 * s, look.layout)) {
            if (edited->size() <= 200) text_ = *edited;
        }
    }
    const bool skippable = field_ == Field::hub_url || field_ == Field::token;
    const int buttons = skippable ? 3 : 2;
    const float bw = std::min(400 * s, (width - 2 * margin - static_cast<float>(buttons - 1) * 16 * s) / static_cast<float>(buttons));
    const float by = height - bottom_h - 16 * s;
    ImGui::SetCursorScreenPos(ImVec2(margin, by));
    if (big_button(ctx, "setup_back", ctx.t("kiosk.setup.back"), ImVec2(bw, bottom_h), kSecondary)) {
        back();
        return;
    }
    if (skippable) {
        ImGui::SetCursorScreenPos(ImVec2((width - bw) / 2, by));
        if (big_button(ctx, "setup_skip", ctx.t("kiosk.setup.hub.skip"), ImVec2(bw, bottom_h), kSecondary)) {
            setup_.skip_hub();
            field_ = Field::none;
            message_.clear();
            return;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(width - margin - bw, by));
    const char* next_key = field_ == Field::pin_again ? "kiosk.setup.finish" : "kiosk.setup.next";
    if (big_button(ctx, "setup_next", ctx.t(next_key), ImVec2(bw, bottom_h))) next(ctx);
}

// ---- [navigation] ------------------------------------------------------------

void SetupScreen::start(Field field, std::string text) {
    field_ = field;
    field_step_ = setup_.step();
    text_ = std::move(text);
}

void SetupScreen::refused(ViewContext& ctx, const std::optional<Problem>& problem) {
    message_ = problem ? ctx.texts.format(ctx.flow.language(), problem->key, problem->args) : "";
    if (!problem) field_ = Field::none;
}

void SetupScreen::next(ViewContext& ctx) {
    switch (field_) {
        case Field::office: refused(ctx, setup_.set_office(text_)); break;
        case Field::new_layanan:
            refused(ctx, setup_.add_layanan(text_));
            break;
        case Field::hub_url:
            hub_url_ = text_;
            start(Field::token, "");
            message_.clear();
            break;
        case Field::token: {
            const auto problem = setup_.set_hub(hub_url_, text_);
            refused(ctx, problem);
            if (problem && problem->key == "office.hub_url_invalid") start(Field::hub_url, hub_url_);
            break;
        }
        case Field::pin:
            pin_ = text_;
            start(Field::pin_again, "");
            message_.clear();
            break;
        case Field::pin_again: {
            const auto problem = setup_.set_pin(pin_, text_);
            refused(ctx, problem);
            if (problem) start(Field::pin, "");  // both entries again
            break;
        }
        case Field::none: break;
    }
}

void SetupScreen::back() {
    message_.clear();
    switch (field_) {
        case Field::new_layanan: field_ = Field::none; return;  // back to the list
        case Field::token: start(Field::hub_url, hub_url_); return;
        case Field::pin_again: start(Field::pin, ""); return;
        default: break;
    }
    setup_.back();
    field_ = Field::none;
}

}  // namespace skm::kiosk::ui
