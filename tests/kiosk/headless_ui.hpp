// Driving kiosk views without a window: an ImGui context with the kiosk's
// fonts and theme, frames on a ManualClock, and taps and typing through the
// kiosk's own touch queue, found by button id as a finger would find them.
#pragma once

#include "kiosk/core/survey_flow.hpp"
#include "kiosk/ui/kiosk_view.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/touch_queue.hpp"
#include "store/clock.hpp"

#include <imgui.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

namespace skm::kiosk::ui::testing {

// A sink that stores nothing and ids that are all the same: for views whose
// tests look at the screen and the database, not at submissions.
class NoSink final : public ResponseSink {
public:
    std::optional<Problem> submit(const store::Submission&) override { return std::nullopt; }
};

// A sink that keeps what it is given, or refuses it all while `failing`
// (the disk is full): for views whose tests look at the submissions.
class KeepingSink final : public ResponseSink {
public:
    std::optional<Problem> submit(const store::Submission& s) override {
        if (failing) return Problem{"store.disk_full", {}};
        stored.push_back(s);
        return std::nullopt;
    }
    std::vector<store::Submission> stored;
    bool failing = false;
};

class Ids final : public store::IdSource {
public:
    std::string next_id() override { return "x"; }
};

// Starts an ImGui frame `ms` after the last one: the clock moves on and the
// queued touches are applied (what every headless kiosk's frame begins with).
inline void begin_frame(store::ManualClock& clock, TouchQueue& queue, std::int64_t ms) {
    clock.advance_ms(ms);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(ms) / 1000.0f;
    queue.apply(io);
    ImGui::NewFrame();
}

class HeadlessUi {
public:
    explicit HeadlessUi(ImVec2 display) : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        scale_ = layout_scale(display);
        fonts_ = load_fonts(io, "/usr/share/fonts/truetype/noto", scale_);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(scale_);
    }
    ~HeadlessUi() { ImGui::DestroyContext(context_); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // The view to draw; set once the caller built it (with fonts() and scale()).
    void attach(ViewContext& ctx) { ctx_ = &ctx; }
    Fonts fonts() const { return fonts_; }
    float scale() const { return scale_; }

    void frame(std::int64_t ms = 16) {
        begin_frame(clock, queue, ms);
        draw_kiosk(*ctx_);
        ImGui::Render();
    }
    void tap(const std::string& id) {
        const ButtonRecord* b = ctx_->button(id);
        if (!b) {
            std::string ids;
            for (const auto& button : ctx_->buttons) ids += " " + button.id;
            throw std::runtime_error("no button " + id + "; there are:" + ids);
        }
        queue.push({b->center().x, b->center().y, true});
        queue.push({b->center().x, b->center().y, false});
        while (queue.pending()) frame();
        frame();
        frame();
        frame(300);
    }
    // Two taps on the spot of `id`, the second `gap_ms` after the first (an
    // impatient finger): the first on `id`, the second on whatever the next
    // screen shows there. Returns the id of the button under the second tap.
    std::string double_tap(const std::string& id, std::int64_t gap_ms = 120) {
        const ButtonRecord* b = ctx_->button(id);
        if (!b) throw std::runtime_error("no button " + id);
        const ImVec2 c = b->center();
        queue.push({c.x, c.y, true});
        queue.push({c.x, c.y, false});
        for (std::int64_t elapsed = 0; queue.pending() || elapsed < gap_ms; elapsed += 16) frame();
        std::string under;
        for (const auto& button : ctx_->buttons) {
            if (c.x >= button.min.x && c.x < button.max.x && c.y >= button.min.y && c.y < button.max.y) under = button.id;
        }
        queue.push({c.x, c.y, true});
        queue.push({c.x, c.y, false});
        while (queue.pending()) frame();
        frame();
        frame();
        frame(300);
        return under;
    }
    void type(const std::string& text) {
        for (char c : text) {
            if (c >= 'A' && c <= 'Z') {
                tap("key_shift");
                c = static_cast<char>(c - 'A' + 'a');
            }
            tap(c == ' ' ? std::string("key_space") : std::string("key_") + c);
        }
    }
    void clear_field() {
        for (int i = 0; i < 40; ++i) tap("key_delete");
    }
    // The 3-second press in the top-left corner: the PIN pad, past its settle time.
    void hold_corner() {
        frame(500);
        queue.push({10, 10, true});
        for (int i = 0; i < 200; ++i) frame();
        queue.push({10, 10, false});
        frame();
        frame();
        frame(300);  // the pad appeared under the finger: its settle time
    }
    // The corner, the PIN 2468 (the test kiosks' own), OK (twice in a hurry when `double_ok`).
    void open_staff(bool double_ok = false) {
        hold_corner();
        for (char d : std::string("2468")) tap("pin_" + std::to_string(d - '1'));
        if (double_ok) {
            double_tap("pin_11");
        } else {
            tap("pin_11");
        }
        if (!has_button("tab_dashboard")) throw std::runtime_error("staff view did not open");
    }
    bool has_button(const std::string& id) const { return ctx_->button(id) != nullptr; }
    bool shows(const std::string& text) const {
        return std::any_of(ctx_->texts_drawn.begin(), ctx_->texts_drawn.end(),
                           [&](const std::string& t) { return t.find(text) != std::string::npos; });
    }
    std::string drawn() const {
        std::string all;
        for (const auto& t : ctx_->texts_drawn) all += t + "\n";
        return all;
    }

    store::ManualClock clock{scoring::Timestamp{{2025, 12, 20}, 10, 0, 0, 420}};
    TouchQueue queue;

private:
    ImGuiContext* context_;
    float scale_ = 1;
    Fonts fonts_;
    ViewContext* ctx_ = nullptr;
};

}  // namespace skm::kiosk::ui::testing
