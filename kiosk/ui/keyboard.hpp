// The on-screen keyboard (tablets may have none): digits, QWERTY letters,
// a few punctuation keys, capitals, space and delete. Used for the citizen's
// saran and for the staff's text settings.
#pragma once

#include "kiosk/ui/view_context.hpp"

#include <string>

namespace skm::kiosk::ui {

// text: punctuation for sentences; address: ':' and '/' for a web address.
enum class KeyboardLayout { text, address };

// Draws the keyboard in [x, x + width) from y, five rows of key_height.
// Returns the edited text when a key was tapped, or nothing.
std::optional<std::string> draw_keyboard(ViewContext& ctx, const std::string& text, float x, float y, float width,
                                         float key_height, float gap, KeyboardLayout layout = KeyboardLayout::text);

}  // namespace skm::kiosk::ui
