#include "kiosk/ui/pin_pad.hpp"

#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace skm::kiosk::ui {

PinPadLayout fit_pin_pad(float scale, float width, float height) {
    const float gap = 14 * scale;
    const float key = std::min({130 * scale, (width - 2 * gap) / 3, (height - 3 * gap) / 4});
    return {std::max(key, 0.0f), gap};
}

bool draw_pin_pad(ViewContext& ctx, std::string& entered, ImVec2 origin, const PinPadLayout& pad, PinPadIds ids,
                  const std::string& ok_label) {
    constexpr int kDelete = 9;
    constexpr int kOk = 11;
    const char* digits[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    const ButtonStyle digit{palette::kNeutral, palette::kText, ctx.fonts.title, true};
    bool ok = false;
    for (int i = 0; i < 12; ++i) {
        if (i == kOk && ok_label.empty()) continue;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(i % 3) * (pad.key + pad.gap),
                                         origin.y + static_cast<float>(i / 3) * (pad.key + pad.gap)));
        const std::string label = i == kOk ? ok_label : i == kDelete ? ctx.t("kiosk.keyboard.delete") : digits[i];
        ButtonStyle style = i == kOk ? ButtonStyle{} : digit;
        if (i == kDelete) style.font = ctx.fonts.body;  // a word, not a digit
        const std::string id = ids == PinPadIds::gate ? "pin_" + std::to_string(i)
                               : i == kDelete         ? std::string("key_delete")
                               : i == kOk             ? std::string("key_ok")
                                                      : std::string("key_") + digits[i];
        if (!big_button(ctx, id, label, ImVec2(pad.key, pad.key), style)) continue;
        if (i == kDelete) {
            if (!entered.empty()) entered.pop_back();
        } else if (i == kOk) {
            ok = true;
        } else if (entered.size() < 12) {
            entered += digits[i];
        }
    }
    return ok;
}

}  // namespace skm::kiosk::ui
