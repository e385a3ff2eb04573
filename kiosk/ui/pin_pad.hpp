// The number pad for PINs: 1–9, a delete key, 0 and (optionally) OK, in a
// 3 × 4 grid of square keys. One pad for the staff gate and the first-run
// setup, so a PIN is always typed the same way and never on letters.
#pragma once

#include "kiosk/ui/view_context.hpp"

#include <string>

namespace skm::kiosk::ui {

struct PinPadLayout {
    float key = 0;  // side of a square key
    float gap = 0;
    float width() const { return 3 * key + 2 * gap; }
    float height() const { return 4 * key + 3 * gap; }
};

// The biggest pad (keys up to 130 layout units) that fits in width × height.
PinPadLayout fit_pin_pad(float scale, float width, float height);

enum class PinPadIds {
    gate,      // pin_0 … pin_11 by position (the gate's tests and the end-to-end run tap these)
    keyboard,  // key_0 … key_9 and key_delete, as the letter keyboard names its keys
};

// Draws the pad with its top-left corner at `origin`; digits are appended to
// `entered` (at most 12) and the delete key removes the last one. Without
// `ok_label` the last cell stays empty. Returns true when OK was tapped.
bool draw_pin_pad(ViewContext& ctx, std::string& entered, ImVec2 origin, const PinPadLayout& pad, PinPadIds ids,
                  const std::string& ok_label = "");

}  // namespace skm::kiosk::ui
