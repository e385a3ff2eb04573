// Touches between frames, applied one transition per frame. ImGui 1.86
// registers no click when a press and its release reach the same NewFrame,
// and the GLFW backend rewrites io.MouseDown every frame; so the platform
// pushes raw press/release events here and apply() runs after the backend's
// NewFrame and before ImGui::NewFrame: a tap shorter than a frame still
// becomes exactly one click, and two quick taps become two.
#pragma once

#include <imgui.h>

#include <deque>

namespace skm::kiosk::ui {

struct TouchEvent {
    float x = 0;
    float y = 0;
    bool down = false;
};

class TouchQueue {
public:
    void push(const TouchEvent& event) { events_.push_back(event); }
    // Sets io.MousePos and io.MouseDown[0] for this frame; at most one
    // press/release transition is consumed. Returns true while events remain
    // (the loop must render another frame).
    bool apply(ImGuiIO& io);
    bool pending() const { return !events_.empty(); }

private:
    std::deque<TouchEvent> events_;
    TouchEvent current_{-1, -1, false};
    bool active_ = false;  // some event was ever applied
};

}  // namespace skm::kiosk::ui
