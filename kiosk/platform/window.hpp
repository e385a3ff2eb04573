// The only place that talks to GLFW and OpenGL: a full-screen (or windowed)
// GL3 window with Dear ImGui's GLFW and OpenGL3 backends, an event-driven
// frame loop, and pixel read-back for screenshots.
//
// One Window at a time per process (Dear ImGui's backends are per context and
// GLFW is process-wide). Without a display, run under Xvfb:
//   xvfb-run -s "-screen 0 1280x800x24" build/release/kiosk/skm-kiosk …
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

struct GLFWwindow;

namespace skm::kiosk::platform {

struct WindowOptions {
    bool windowed = false;  // false: full screen on the primary monitor, no decorations
    int width = 1280;       // windowed size (full screen uses the monitor's mode)
    int height = 800;
    std::string title = "SKM";
    bool hide_cursor = true;
};

// What Window's constructor throws when it cannot show anything. what() starts
// with "no display: " (no X server, or GLFW cannot start) or "no OpenGL 3
// context: " (a display without GL 3), followed by GLFW's own message.
class NoDisplay : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Window {
public:
    // Throws NoDisplay (a std::runtime_error) with a plain message when there
    // is no display or no OpenGL 3 context. Creates the ImGui context's
    // backends; the ImGui context itself must exist before
    // (ImGui::CreateContext()), else std::logic_error — as for a second Window.
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool close_requested() const;  // the window manager asked (the kiosk ignores it without the PIN)
    void clear_close_request();
    // Sleeps until an input event or the timeout (seconds) — near-zero CPU when idle.
    void wait_events(double timeout_seconds);
    void poll_events();
    // Another thread wants a frame (e.g. speech finished): wakes wait_events.
    // Safe from any thread; does nothing while no Window exists.
    static void wake();
    void begin_frame();  // backends' NewFrame; then the caller runs ImGui::NewFrame()
    void end_frame();    // after ImGui::Render(): draw and swap
    int framebuffer_width() const;
    int framebuffer_height() const;
    float content_scale() const;  // monitor DPI scale (1.0 at 96 dpi)

    // Screenshots. The back buffer is undefined after a swap and the front
    // buffer cannot be read back (Mesa under Xvfb returns black), so
    // end_frame() reads the back buffer *before* swapping when asked:
    //   window.capture_next_frame(); <one frame>; window.read_pixels(w, h);
    void capture_next_frame();
    // RGBA (opaque), top row first, of the last drawn frame — if that frame
    // was captured; otherwise empty with width = height = 0.
    std::vector<std::uint8_t> read_pixels(int& width, int& height) const;

    // The context we got: the version asked for, then GL_VERSION as the
    // driver reports it, e.g. "3.3 core: 4.5 (Core Profile) Mesa 22.3.6".
    const std::string& gl_version() const { return gl_version_; }
    // Whether the OS pointer is hidden now (the kiosk hides it for touch use).
    bool cursor_hidden() const;

    // Every press and release of the pointer (touch arrives as the emulated
    // pointer), with the position at that moment, as GLFW reports it between
    // frames: the kiosk queues them (ui::TouchQueue) so no tap is lost or merged.
    using PointerListener = std::function<void(float x, float y, bool down)>;
    void set_pointer_listener(PointerListener listener) { pointer_listener_ = std::move(listener); }
    // Input and expose events seen so far: the loop renders after a change.
    std::int64_t event_count() const { return event_count_; }
    // Windowed size (screenshots in both orientations).
    void resize(int width, int height);
    // Uploads the font atlas again after the fonts were rebuilt.
    void reload_fonts();

private:
    static void on_mouse_button(GLFWwindow* window, int button, int action, int mods);
    static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void on_refresh(GLFWwindow* window);
    void destroy() noexcept;

    GLFWwindow* window_ = nullptr;
    std::string gl_version_;
    bool platform_backend_ = false;
    bool renderer_backend_ = false;
    bool capture_requested_ = false;
    bool last_frame_captured_ = false;
    int captured_width_ = 0;
    int captured_height_ = 0;
    std::vector<std::uint8_t> captured_;  // RGBA, top row first
    PointerListener pointer_listener_;
    std::int64_t event_count_ = 0;
};

}  // namespace skm::kiosk::platform
