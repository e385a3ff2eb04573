// GLFW window + OpenGL 3 context + Dear ImGui's GLFW/OpenGL3 backends.
//
// Index: [errors] [context] [read-back] [Window]
#include "kiosk/platform/window.hpp"

#include <GLFW/glfw3.h>  // also brings <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <utility>

namespace skm::kiosk::platform {
namespace {

// ---- [errors] ----------------------------------------------------------------
// GLFW reports errors through one process-wide callback. While a Window is
// being built the last message goes into the exception; once it runs, errors
// are printed (they would otherwise vanish).

std::mutex g_error_mutex;
std::string g_last_error;
std::atomic<bool> g_print_errors{false};

void on_glfw_error(int code, const char* description) {
    const std::string message = description != nullptr ? description : "unknown GLFW error";
    {
        const std::lock_guard lock(g_error_mutex);
        g_last_error = message;
    }
    if (g_print_errors.load()) std::fprintf(stderr, "skm-kiosk: GLFW error 0x%x: %s\n", code, message.c_str());
}

std::string take_last_error() {
    const std::lock_guard lock(g_error_mutex);
    std::string message = std::exchange(g_last_error, std::string());
    return message.empty() ? "GLFW gave no reason" : message;
}

// wake() may run on any thread while the UI thread destroys the Window:
// glfwPostEmptyEvent must not overlap glfwTerminate, so both take this lock.
std::mutex g_wake_mutex;
bool g_glfw_running = false;  // guarded by g_wake_mutex
bool g_window_exists = false;  // UI thread only

// ---- [context] ---------------------------------------------------------------
// Mesa's llvmpipe (Xvfb) and every desktop driver give 3.3 core; some older
// drivers give only 3.0 (compatibility). GLSL 150 is the core-profile dialect
// ImGui's backend expects for 3.2+; 130 goes with 3.0.

struct ContextRequest {
    int major;
    int minor;
    bool core;
    const char* glsl;
    const char* name;
};

constexpr ContextRequest kContextRequests[] = {
    {3, 3, true, "#version 150", "3.3 core"},
    {3, 0, false, "#version 130", "3.0"},
};

void set_context_hints(const ContextRequest& request) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, request.major);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, request.minor);
    glfwWindowHint(GLFW_OPENGL_PROFILE, request.core ? GLFW_OPENGL_CORE_PROFILE : GLFW_OPENGL_ANY_PROFILE);
}

// ---- [read-back] -------------------------------------------------------------

// RGBA of the back buffer, top row first, opaque.
std::vector<std::uint8_t> read_back_buffer(int width, int height) {
    if (width <= 0 || height <= 0) return {};
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));

    GLint previous_read_buffer = 0;
    GLint previous_alignment = 0;
    glGetIntegerv(GL_READ_BUFFER, &previous_read_buffer);
    glGetIntegerv(GL_PACK_ALIGNMENT, &previous_alignment);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glPixelStorei(GL_PACK_ALIGNMENT, previous_alignment);
    glReadBuffer(static_cast<GLenum>(previous_read_buffer));

    // OpenGL's first row is the bottom one.
    for (std::size_t top = 0, bottom = static_cast<std::size_t>(height) - 1; top < bottom; ++top, --bottom) {
        std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(top * row),
                         pixels.begin() + static_cast<std::ptrdiff_t>((top + 1) * row),
                         pixels.begin() + static_cast<std::ptrdiff_t>(bottom * row));
    }
    // A screenshot is opaque whatever alpha the visual keeps.
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    return pixels;
}

}  // namespace

// ---- [Window] ----------------------------------------------------------------

Window::Window(const WindowOptions& options) {
    if (ImGui::GetCurrentContext() == nullptr) {
        throw std::logic_error("Window: create the ImGui context (ImGui::CreateContext) first");
    }
    if (g_window_exists) throw std::logic_error("Window: only one window at a time");

    glfwSetErrorCallback(on_glfw_error);
    take_last_error();  // forget messages from an earlier window
    if (glfwInit() == GLFW_FALSE) throw NoDisplay("no display: " + take_last_error());
    g_window_exists = true;
    {
        const std::lock_guard lock(g_wake_mutex);
        g_glfw_running = true;
    }

    try {
        GLFWmonitor* monitor = nullptr;
        const GLFWvidmode* mode = nullptr;
        if (!options.windowed) {
            monitor = glfwGetPrimaryMonitor();
            mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
            if (mode == nullptr) throw NoDisplay("no display: no monitor found (" + take_last_error() + ")");
        }

        const ContextRequest* chosen = nullptr;
        std::string failures;
        for (const auto& request : kContextRequests) {
            glfwDefaultWindowHints();
            set_context_hints(request);
            glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // a kiosk never minimises on focus loss
            if (mode != nullptr) {
                glfwWindowHint(GLFW_RED_BITS, mode->redBits);
                glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
                glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
                glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
            }
            const int width = mode != nullptr ? mode->width : options.width;
            const int height = mode != nullptr ? mode->height : options.height;
            window_ = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
            if (window_ != nullptr) {
                chosen = &request;
                break;
            }
            failures += std::string(failures.empty() ? "" : "; ") + request.name + ": " + take_last_error();
        }
        if (chosen == nullptr) throw NoDisplay("no OpenGL 3 context: " + failures);

        glfwMakeContextCurrent(window_);
        glfwSwapInterval(1);  // vsync
        const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        gl_version_ = std::string(chosen->name) + ": " + (version != nullptr ? version : "?");

        if (options.hide_cursor) {
            glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
            // ImGui's GLFW backend sets GLFW_CURSOR_NORMAL on every NewFrame
            // (ImGui_ImplGlfw_UpdateMouseCursor) unless told not to touch the cursor.
            ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
        }

        if (!ImGui_ImplGlfw_InitForOpenGL(window_, true)) throw NoDisplay("no display: ImGui's GLFW backend failed");
        platform_backend_ = true;
        // Ours replace the backend's callbacks and forward to them, so every
        // press and release also reaches the kiosk's touch queue.
        glfwSetWindowUserPointer(window_, this);
        glfwSetMouseButtonCallback(window_, on_mouse_button);
        glfwSetKeyCallback(window_, on_key);
        glfwSetWindowRefreshCallback(window_, on_refresh);
        if (!ImGui_ImplOpenGL3_Init(chosen->glsl)) {
            throw NoDisplay("no OpenGL 3 context: ImGui's OpenGL loader found no libGL functions");
        }
        renderer_backend_ = true;
    } catch (...) {
        destroy();
        throw;
    }
    g_print_errors = true;
}

Window::~Window() { destroy(); }

void Window::destroy() noexcept {
    g_print_errors = false;
    if (renderer_backend_) ImGui_ImplOpenGL3_Shutdown();  // needs the context still current
    if (platform_backend_) ImGui_ImplGlfw_Shutdown();
    renderer_backend_ = platform_backend_ = false;
    if (window_ != nullptr) glfwDestroyWindow(window_);
    window_ = nullptr;
    {
        const std::lock_guard lock(g_wake_mutex);
        g_glfw_running = false;
    }
    glfwTerminate();
    g_window_exists = false;
}

bool Window::close_requested() const { return glfwWindowShouldClose(window_) == GLFW_TRUE; }

void Window::clear_close_request() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }

void Window::wait_events(double timeout_seconds) {
    // glfwWaitEventsTimeout wants a positive timeout.
    if (timeout_seconds > 0.0) {
        glfwWaitEventsTimeout(timeout_seconds);
    } else {
        glfwPollEvents();
    }
}

void Window::poll_events() { glfwPollEvents(); }

void Window::wake() {
    const std::lock_guard lock(g_wake_mutex);
    if (g_glfw_running) glfwPostEmptyEvent();
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void Window::end_frame() {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.0F, 0.0F, 0.0F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    if (ImDrawData* data = ImGui::GetDrawData(); data != nullptr) ImGui_ImplOpenGL3_RenderDrawData(data);

    last_frame_captured_ = capture_requested_;
    if (capture_requested_) {
        captured_ = read_back_buffer(width, height);  // before the swap: afterwards it is undefined
        captured_width_ = captured_.empty() ? 0 : width;
        captured_height_ = captured_.empty() ? 0 : height;
        capture_requested_ = false;
    }
    glfwSwapBuffers(window_);
}

int Window::framebuffer_width() const {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return width;
}

int Window::framebuffer_height() const {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return height;
}

float Window::content_scale() const {
    float x = 1.0F;
    float y = 1.0F;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.0F ? x : 1.0F;
}

void Window::capture_next_frame() { capture_requested_ = true; }

std::vector<std::uint8_t> Window::read_pixels(int& width, int& height) const {
    width = last_frame_captured_ ? captured_width_ : 0;
    height = last_frame_captured_ ? captured_height_ : 0;
    return last_frame_captured_ ? captured_ : std::vector<std::uint8_t>();
}

void Window::on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
    if (self == nullptr) return;
    ++self->event_count_;
    if (button != GLFW_MOUSE_BUTTON_LEFT || !self->pointer_listener_) return;
    double x = 0;
    double y = 0;
    glfwGetCursorPos(window, &x, &y);
    self->pointer_listener_(static_cast<float>(x), static_cast<float>(y), action == GLFW_PRESS);
}

void Window::on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) ++self->event_count_;
}

void Window::on_refresh(GLFWwindow* window) {
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) ++self->event_count_;
}

void Window::resize(int width, int height) {
    glfwSetWindowSize(window_, width, height);
    // The X server answers asynchronously: wait (briefly) for the new size.
    for (int i = 0; i < 100 && (framebuffer_width() != width || framebuffer_height() != height); ++i) {
        glfwWaitEventsTimeout(0.01);
    }
}

void Window::reload_fonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool Window::cursor_hidden() const { return glfwGetInputMode(window_, GLFW_CURSOR) == GLFW_CURSOR_HIDDEN; }

}  // namespace skm::kiosk::platform
