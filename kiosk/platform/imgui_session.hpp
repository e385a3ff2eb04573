// The Dear ImGui context for a program's lifetime, set up for a kiosk (no
// layout file written), and the fonts and theme for a window's size.
#pragma once

#include "kiosk/platform/texture.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/view_context.hpp"
#include "kiosk/ui/theme.hpp"

#include <filesystem>

struct ImGuiContext;

namespace skm::kiosk::platform {

class ImGuiSession {
public:
    ImGuiSession();
    ~ImGuiSession();
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

private:
    ImGuiContext* context_ = nullptr;
};

struct Styled {
    ui::Fonts fonts;
    float scale = 1.0f;
};

// Fonts baked for the window's framebuffer, uploaded, and the theme applied.
Styled style_for_window(Window& window, const std::filesystem::path& font_dir);

// Shows `logo` on the welcome screen when it loaded.
void attach_logo(ui::ViewContext& view, const Texture& logo);

}  // namespace skm::kiosk::platform
