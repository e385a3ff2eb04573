// The first-run setup on the touchscreen (kiosk/core/first_run drives it):
// one step per screen with a title, a short explanation, the on-screen
// keyboard where something is typed, and Back / Next. A refusal is shown in
// plain words under the field and the step stays open to fix it.
#pragma once

#include "kiosk/core/first_run.hpp"
#include "kiosk/ui/view_context.hpp"

#include <string>

namespace skm::kiosk::ui {

class SetupScreen {
public:
    explicit SetupScreen(FirstRunSetup& setup) : setup_(setup) {}

    bool active() const { return !setup_.done(); }
    // The step and the field being typed, for TouchSettle.
    std::string screen_name() const {
        return std::to_string(static_cast<int>(setup_.step())) + ":" + std::to_string(static_cast<int>(field_));
    }
    void draw(ViewContext& ctx, float width, float height);

private:
    // A field being typed in: which one, and its text so far.
    enum class Field { none, office, new_layanan, hub_url, token, pin, pin_again };

    float header(ViewContext& ctx, float width, const std::string& title_key, const std::string& help_key);
    void draw_language(ViewContext& ctx, float width, float height, float y);
    void draw_layanan(ViewContext& ctx, float width, float height, float y);
    void draw_typing(ViewContext& ctx, float width, float height, float y);
    void start(Field field, std::string text);
    void next(ViewContext& ctx);
    void back();
    void refused(ViewContext& ctx, const std::optional<Problem>& problem);

    FirstRunSetup& setup_;
    Field field_ = Field::none;
    SetupStep field_step_ = SetupStep::done;  // the step field_ belongs to
    std::string text_;
    std::string hub_url_;  // kept while the token is typed
    std::string pin_;      // the first entry, while it is repeated
    std::string message_;
};

}  // namespace skm::kiosk::ui
