// Touch widgets drawn with ImGui's draw list: big buttons whose label wraps
// to fit (and is reported when it cannot), the four answer faces, and
// centred wrapped text.
#pragma once

#include "kiosk/ui/view_context.hpp"

#include <string>

namespace skm::kiosk::ui {

struct ButtonStyle {
    ImU32 fill = palette::kPrimary;
    ImU32 text = IM_COL32(255, 255, 255, 255);
    ImFont* font = nullptr;  // default: body
    bool outline = false;    // a dark border (selected state, secondary buttons)
    float inset = 0;         // the key drawn this much inside its touch area (keys without dead gaps between them)
};

// A button at the cursor. Returns true on a tap (press and release on it).
bool big_button(ViewContext& ctx, const std::string& id, const std::string& label, ImVec2 size, ButtonStyle style = {});

// Answer `value` (1..4): a drawn face from sad to happy on its colour, and the label.
bool face_button(ViewContext& ctx, const std::string& id, int value, const std::string& label, ImVec2 size);

// The characters of `text` that `font` has no glyph for (drawn as "?"); empty when all are there.
std::string missing_glyphs(ImFont* font, const std::string& text);

// One line of text at `pos`, recorded like every text the helpers draw;
// `room` is the width it may take (wider is recorded as an overflow).
void text_line(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float room);

// While one lives, the text helpers record into ctx.text_log (and
// ctx.overflows for a line wider than its room): draw_full_screen keeps one
// for each frame, so every screen's text is checked without passing ctx down.
class TextRecording {
public:
    explicit TextRecording(ViewContext& ctx);
    ~TextRecording();
    TextRecording(const TextRecording&) = delete;
    TextRecording& operator=(const TextRecording&) = delete;

private:
    ViewContext* previous_;
};

// The distance between wrapped lines of centered_text.
float line_height(ImFont* font);

// Text centred in [x, x + width) starting at y, wrapped; returns the height used.
float centered_text(ImFont* font, const std::string& text, float x, float y, float width, ImU32 color);

// The lines `text` wraps into at `width` with `font`; words longer than the
// width stay whole (the caller reports the overflow).
std::vector<std::string> wrap_lines(ImFont* font, const std::string& text, float width);

}  // namespace skm::kiosk::ui
