#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

namespace skm::kiosk::ui {
namespace {

float text_width(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.c_str()).x;
}

thread_local ViewContext* recording = nullptr;

// Each problem once: the kiosk keeps one ViewContext for years and draws the
// same overflowing text every frame, so repeats would grow without end.
void report(ViewContext& ctx, Overflow overflow) {
    for (const auto& seen : ctx.overflows) {
        if (seen.id == overflow.id && seen.label == overflow.label) return;
    }
    ctx.overflows.push_back(std::move(overflow));
}

// Draws one line and records it; a line wider than `room` is an overflow.
void draw_line(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float room, const std::string& button) {
    const float w = text_width(font, text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, color, text.c_str());
    if (!recording) return;
    recording->text_log.push_back(
        {text, font, font->FontSize, pos, ImVec2(pos.x + w, pos.y + font->FontSize), room, button});
    if (button.empty() && w > room + 0.5f) report(*recording, {"text", text, w, room});
    // A character the font lacks is drawn as "?": as wrong as a cut-off word.
    if (!missing_glyphs(font, text).empty()) report(*recording, {"missing_glyph", text, 0, 0});
}

// Wraps and draws `label` centred in the rectangle; records an overflow when
// a line is still wider than the room.
void draw_label(ViewContext& ctx, const std::string& id, const std::string& label, ImFont* font, ImVec2 min, ImVec2 max,
                ImU32 color) {
    const float pad = 12.0f * ctx.scale;
    const float room = max.x - min.x - 2 * pad;
    const auto lines = wrap_lines(font, label, room);
    const float line_height = font->FontSize * 1.1f;
    const float total = line_height * static_cast<float>(lines.size());
    float y = min.y + ((max.y - min.y) - total) / 2;
    float widest = 0;
    for (const auto& line : lines) {
        const float w = text_width(font, line);
        widest = std::max(widest, w);
        draw_line(font, ImVec2(min.x + ((max.x - min.x) - w) / 2, y), color, line, room, id);
        y += line_height;
    }
    if (widest > room + 0.5f || total > (max.y - min.y) + 0.5f) {
        report(ctx, {id, label, std::max(widest, total), std::min(room, max.y - min.y)});
    }
}

}  // namespace

std::string missing_glyphs(ImFont* font, const std::string& text) {
    std::string missing;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
            missing += std::string(p, static_cast<std::size_t>(n));
        }
        p += n;
    }
    return missing;
}

std::vector<std::string> wrap_lines(ImFont* font, const std::string& text, float width) {
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string line;
    for (std::string word; words >> word;) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && text_width(font, candidate) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

bool big_button(ViewContext& ctx, const std::string& id, const std::string& label, ImVec2 size, ButtonStyle style) {
    ImFont* font = style.font ? style.font : ctx.fonts.body;
    const ImVec2 hit_min = ImGui::GetCursorScreenPos();
    const ImVec2 hit_max(hit_min.x + size.x, hit_min.y + size.y);
    const ImVec2 min(hit_min.x + style.inset, hit_min.y + style.inset);
    const ImVec2 max(hit_max.x - style.inset, hit_max.y - style.inset);
    const bool clicked = ImGui::InvisibleButton(id.c_str(), size);
    const bool held = ImGui::IsItemActive();
    auto* draw = ImGui::GetWindowDrawList();
    const float rounding = 16.0f * ctx.scale;
    // Pressed: a visible darkening, since there is no hover on a touchscreen.
    ImU32 fill = style.fill;
    if (held) fill = IM_COL32((fill & 0xFF) * 3 / 4, ((fill >> 8) & 0xFF) * 3 / 4, ((fill >> 16) & 0xFF) * 3 / 4, 255);
    draw->AddRectFilled(min, max, fill, rounding);
    if (style.outline) draw->AddRect(min, max, palette::kText, rounding, 0, 4.0f * ctx.scale);
    draw_label(ctx, id, label, font, min, max, style.text);
    ctx.buttons.push_back({id, label, hit_min, hit_max});
    return clicked;
}

bool face_button(ViewContext& ctx, const std::string& id, int value, const std::string& label, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const bool clicked = ImGui::InvisibleButton(id.c_str(), size);
    const bool held = ImGui::IsItemActive();
    auto* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = palette::kAnswer[std::clamp(value, 1, 4) - 1];
    draw->AddRectFilled(min, max, fill, 18.0f * ctx.scale);
    if (held) draw->AddRect(min, max, palette::kText, 18.0f * ctx.scale, 0, 6.0f * ctx.scale);

    // The face: in the upper part, sized by the button's narrow side, and
    // smaller when a long label (large text, Javanese) needs more lines below it.
    const float label_h = ctx.fonts.body->FontSize * 1.1f *
                          static_cast<float>(wrap_lines(ctx.fonts.body, label, size.x - 24.0f * ctx.scale).size());
    const float face_room = std::max(0.0f, std::min({size.x, size.y * 0.55f, size.y - label_h - 16 * ctx.scale}));
    const float r = face_room * 0.38f;
    const ImVec2 c(min.x + size.x / 2, min.y + face_room * 0.5f + 8 * ctx.scale);
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const float stroke = std::max(2.0f, r * 0.1f);
    draw->AddCircleFilled(c, r, IM_COL32(255, 236, 179, 255), 48);
    draw->AddCircle(c, r, IM_COL32(40, 40, 40, 255), 48, stroke * 0.6f);
    const ImU32 ink = IM_COL32(40, 40, 40, 255);
    draw->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.25f), r * 0.11f, ink);
    draw->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.25f), r * 0.11f, ink);
    // Mouth: a parabola whose bend goes from frown (1) to wide smile (4).
    const float bend[4] = {-0.28f, -0.12f, 0.12f, 0.30f};
    const float k = bend[std::clamp(value, 1, 4) - 1] * r;
    const float mouth_y = c.y + r * 0.38f;
    ImVec2 points[17];
    for (int i = 0; i <= 16; ++i) {
        const float t = -1.0f + 2.0f * static_cast<float>(i) / 16.0f;
        points[i] = ImVec2(c.x + t * r * 0.5f, mouth_y + k * (1.0f - t * t) - (k < 0 ? k : 0) * 0.0f);
    }
    draw->AddPolyline(points, 17, ink, 0, stroke);
    draw_label(ctx, id, label, ctx.fonts.body, ImVec2(min.x, min.y + face_room + 8 * ctx.scale), max, white);
    ctx.buttons.push_back({id, label, min, max});
    return clicked;
}

void text_line(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float room) {
    draw_line(font, pos, color, text, room, "");
}

TextRecording::TextRecording(ViewContext& ctx) : previous_(recording) {
    ctx.text_log.clear();
    recording = &ctx;
}

TextRecording::~TextRecording() { recording = previous_; }

float line_height(ImFont* font) { return font->FontSize * 1.15f; }

float centered_text(ImFont* font, const std::string& text, float x, float y, float width, ImU32 color) {
    const auto lines = wrap_lines(font, text, width);
    const float step = line_height(font);
    for (const auto& line : lines) {
        const float w = text_width(font, line);
        draw_line(font, ImVec2(x + (width - w) / 2, y), color, line, width, "");
        y += step;
    }
    return step * static_cast<float>(lines.size());
}

}  // namespace skm::kiosk::ui
