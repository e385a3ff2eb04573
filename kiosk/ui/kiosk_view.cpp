#include "kiosk/ui/kiosk_view.hpp"

#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/setup_screen.hpp"
#include "kiosk/ui/staff_gate.hpp"
#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>  // ErrorCheckEndFrameRecover

#include <string>

namespace skm::kiosk::ui {
namespace {
void draw_screen(ViewContext& ctx);

// Names the screen about to be drawn; any change of name is a new screen for
// TouchSettle (a new question counts, a new language on the same screen does not).
std::string screen_name(const ViewContext& ctx) {
    if (ctx.setup && ctx.setup->active()) return "setup:" + ctx.setup->screen_name();
    if (ctx.staff && ctx.staff->open()) return "staff:" + ctx.staff->screen_name();
    const SurveyFlow& flow = ctx.flow;
    if (flow.screen() == Screen::welcome && ctx.phone_link && ctx.phone_link->showing()) return "flow:phone_link";
    return "flow:" + std::to_string(static_cast<int>(flow.screen())) + ":" + std::to_string(flow.profile_step()) + ":" +
           std::to_string(flow.unsur_index());
}
}  // namespace

void draw_full_screen(ViewContext& ctx, const std::function<void(float width, float height)>& content) {
    ctx.buttons.clear();
    ctx.texts_drawn.clear();
    const TextRecording recording(ctx);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("kiosk", nullptr, flags);
    // A database that refuses a read or write mid-frame (locked, damaged)
    // must not close the kiosk: the frame ends where it was, the problem goes
    // to Status (ViewContext::frame_problem) and the next frame tries again.
    std::optional<Problem> failure;
    try {
        content(display.x, display.y);
    } catch (...) {
        failure = failure_of(std::current_exception()).problem;
    }
    if (failure) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);  // closes what the interrupted view left open, and "kiosk"
        ctx.frame_problem = std::move(failure);
        return;
    }
    ImGui::End();
}

void draw_kiosk(ViewContext& ctx) {
    const bool ignore = ctx.touch_settle.ignore_input(screen_name(ctx), ImGui::GetTime(), ImGui::GetIO().MouseDown[0],
                                                      ctx.flow.touch_settle_ms());
    draw_full_screen(ctx, [&](float, float) {
        // Disabled items start no click and drop a press begun elsewhere; drawn
        // at full strength, so the settle time is invisible.
        ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
        ImGui::BeginDisabled(ignore);
        draw_screen(ctx);
        ImGui::EndDisabled();
        ImGui::PopStyleVar();
    });
}

namespace {
void draw_screen(ViewContext& ctx) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Area area{display, 32 * ctx.scale, 16 * ctx.scale};
    if (ImGui::GetIO().MouseDown[0]) ctx.flow.touched();
    if (ctx.setup && ctx.setup->active()) {
        ctx.setup->draw(ctx, display.x, display.y);
        return;
    }
    const bool staff_open = ctx.staff && ctx.staff->draw(ctx, display.x, display.y);
    if (!staff_open) {
        // "Huruf besar": the citizen's screens with the large fonts, this frame only.
        const Fonts normal = ctx.fonts;
        if (ctx.flow.large_text()) ctx.fonts = normal.enlarged();
        struct Restore {
            ViewContext& ctx;
            Fonts fonts;
            ~Restore() { ctx.fonts = fonts; }
        } restore{ctx, normal};
        switch (ctx.flow.screen()) {
            case Screen::welcome:
                if (ctx.phone_link && ctx.phone_link->showing()) draw_phone_link(ctx, area);
                else draw_welcome(ctx, area);
                break;
            case Screen::layanan: draw_layanan(ctx, area); break;
            case Screen::profile: draw_profile(ctx, area); break;
            case Screen::unsur: draw_unsur(ctx, area); break;
            case Screen::saran: draw_saran(ctx, area); break;
            case Screen::thanks: draw_thanks(ctx, area); break;
            case Screen::store_failed: draw_store_failed(ctx, area); break;
            case Screen::still_there: draw_still_there(ctx, area); break;
        }
    }
}

}  // namespace

}  // namespace skm::kiosk::ui
