// The on-screen keyboard (tablets may have none): digits, letters, a few
// punctuation keys, capitals, space and delete. Used for the citizen's
// saran and for the staff's text settings.
#pragma once

#include "kiosk/ui/view_context.hpp"

#include <string>

namespace skm::kiosk::ui {

// text: punctuation for sentences; address: ':' and '/' for a web address.
enum class KeyboardLayout { text, address };

// The smallest key of the citizen's keyboard, in layout units: a finger
// that trembles still hits it (the saran screen).
inline constexpr float kCitizenKeyPx = 90.0f;

// How many rows of keys draw_keyboard draws at `width`: QWERTY in five rows
// when ten keys fit a row; with `big_keys` and a narrower screen, seven keys
// a row in alphabetical order (seven rows), so no key is under kCitizenKeyPx wide.
int keyboard_rows(const ViewContext& ctx, float width, float gap, bool big_keys);

// Draws the keyboard in [x, x + width) from y, keyboard_rows() rows of key_height.
// Returns the edited text when a key was tapped, or nothing.
std::optional<std::string> draw_keyboard(ViewContext& ctx, const std::string& text, float x, float y, float width,
                                         float key_height, float gap, KeyboardLayout layout = KeyboardLayout::text,
                                         bool big_keys = false);

}  // namespace skm::kiosk::ui
