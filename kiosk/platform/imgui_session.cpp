#include "kiosk/platform/imgui_session.hpp"

#include <imgui.h>

namespace skm::kiosk::platform {

ImGuiSession::ImGuiSession() : context_(ImGui::CreateContext()) {
    ImGui::GetIO().IniFilename = nullptr;  // a kiosk writes no layout file
}

ImGuiSession::~ImGuiSession() { ImGui::DestroyContext(context_); }

Styled style_for_window(Window& window, const std::filesystem::path& font_dir) {
    const ImVec2 display(static_cast<float>(window.framebuffer_width()), static_cast<float>(window.framebuffer_height()));
    Styled styled;
    styled.scale = ui::layout_scale(display);  // pixels already carry the monitor's DPI
    styled.fonts = ui::load_fonts(ImGui::GetIO(), font_dir, styled.scale);
    window.reload_fonts();
    ui::apply_theme(styled.scale);
    return styled;
}

void attach_logo(ui::ViewContext& view, const Texture& logo) {
    if (!logo.loaded()) return;
    view.logo = logo.imgui_id();
    view.logo_size = ImVec2(static_cast<float>(logo.width()), static_cast<float>(logo.height()));
}

}  // namespace skm::kiosk::platform
