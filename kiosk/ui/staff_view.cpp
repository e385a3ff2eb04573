#include "kiosk/ui/staff_view.hpp"

#include "kiosk/core/guarded.hpp"
#include "kiosk/ui/confirm_dialog.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/pin_pad.hpp"
#include "kiosk/ui/widgets.hpp"
#include "scoring/decimal.hpp"

#include <algorithm>

namespace skm::kiosk::ui {

void staff_label(ViewContext& ctx, ImFont* font, ImU32 color, const std::string& text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);  // the right edge of the column or window
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ctx.texts_drawn.push_back(text);
}

float staff_text(ViewContext& ctx, ImFont* font, const std::string& text, float x, float y, float width, ImU32 color) {
    ctx.texts_drawn.push_back(text);
    return centered_text(font, text, x, y, width, color);
}

float draw_storage_banner(ViewContext& ctx, const Problem& trouble, float width, float y) {
    const float s = ctx.scale;
    const std::string text =
        ctx.f("kiosk.storage.banner", {{"problem", ctx.texts.format(ctx.flow.language(), trouble.key, trouble.args)},
                                       {"seconds", std::to_string(kStorageProbeEveryMs / 1000)}});
    // Measured first, so the red band fits the wrapped text in any language.
    const float pad = 10 * s;
    const float wrap = width - 2 * (16 * s + pad);
    const float text_h = line_height(ctx.fonts.body) * static_cast<float>(wrap_lines(ctx.fonts.body, text, wrap).size());
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(16 * s, y), ImVec2(width - 16 * s, y + text_h + 2 * pad),
                                              palette::kAnswer[0], 8 * s);
    staff_text(ctx, ctx.fonts.body, text, 16 * s + pad, y + pad, wrap, IM_COL32(255, 255, 255, 255));
    return text_h + 2 * pad + 8 * s;
}

std::string shown(const ViewContext& ctx, const scoring::Decimal& value) {
    return value.str(formats::decimal_separator(ctx.flow.language()));
}

std::string shown(const ViewContext& ctx, const std::string& stored) {
    const auto value = scoring::parse_decimal(stored);
    return value ? shown(ctx, *value) : stored;
}

void StaffView::begin_edit(const std::string& title, const std::string& text,
                           std::function<std::optional<Problem>(const std::string&)> apply, std::function<void()> then,
                           KeyboardLayout layout) {
    edit_ = StaffEdit{title, text, std::move(apply), std::move(then), layout};
    message_.clear();
}

void StaffView::begin_pin_edit(const std::string& title, std::function<std::optional<Problem>(const std::string&)> apply,
                               std::function<void()> then) {
    begin_edit(title, "", std::move(apply), std::move(then));
    edit_->pin = true;
}

std::string StaffView::screen_name() const {
    if (confirm_exit_) return "confirm_exit";
    if (edit_) return "edit:" + edit_->title;
    return "tab:" + std::to_string(static_cast<int>(tab_));
}

bool StaffView::draw(ViewContext& ctx, float width, float height) {
    if (confirm_exit_) {
        const ConfirmChoice choice = draw_exit_confirmation(ctx, width, height);
        if (choice == ConfirmChoice::confirm) exit_requested_ = true;
        if (choice != ConfirmChoice::none) confirm_exit_ = false;  // cancel: back on the Status tab
        return true;
    }
    if (edit_) {
        draw_editor(ctx, width, height);
        return true;
    }
    const float s = ctx.scale;
    const float tab_h = 72 * s;
    const float gap = 8 * s;
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    struct Tab {
        StaffTab tab;
        const char* id;
        const char* key;
    };
    const Tab tabs[] = {{StaffTab::dashboard, "tab_dashboard", "kiosk.staff.tab.dashboard"},
                        {StaffTab::saran, "tab_saran", "kiosk.staff.tab.saran"},
                        {StaffTab::status, "tab_status", "kiosk.staff.tab.status"},
                        {StaffTab::settings, "tab_settings", "kiosk.staff.tab.settings"},
                        {StaffTab::export_usb, "tab_export", "kiosk.staff.tab.export"}};
    // Inside the window's padding (ImGui clips half of it): six tabs in one
    // row when every label fits on two lines, else two rows of three.
    const float row_w = width - 2 * pad.x;
    auto labels_fit = [&](int per_row) {
        const float room = (row_w - static_cast<float>(per_row - 1) * gap) / static_cast<float>(per_row) - 24 * s;
        std::vector<std::string> labels;
        for (const Tab& tab : tabs) labels.push_back(ctx.t(tab.key));
        labels.push_back(ctx.t("kiosk.staff.back"));
        return std::all_of(labels.begin(), labels.end(), [&](const std::string& label) {
            const auto lines = wrap_lines(ctx.fonts.small, label, room);
            if (lines.size() > 2) return false;
            return std::all_of(lines.begin(), lines.end(), [&](const std::string& line) {
                return ctx.fonts.small->CalcTextSizeA(ctx.fonts.small->FontSize, 1e9f, 0, line.c_str()).x <= room;
            });
        });
    };
    const int per_row = labels_fit(6) ? 6 : 3;
    ImGui::SetCursorScreenPos(ImVec2(pad.x, pad.y / 2));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(gap / 2, gap / 2));
    bool back = false;
    if (ImGui::BeginTable("staff_tabs", per_row, ImGuiTableFlags_SizingStretchSame, ImVec2(row_w, 0))) {
        for (const Tab& tab : tabs) {
            ImGui::TableNextColumn();
            const bool active = tab_ == tab.tab;
            ButtonStyle style = active ? ButtonStyle{palette::kPrimary, IM_COL32(255, 255, 255, 255), ctx.fonts.small, false}
                                       : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, false};
            if (big_button(ctx, tab.id, ctx.t(tab.key), ImVec2(ImGui::GetContentRegionAvail().x, tab_h), style)) {
                tab_ = tab.tab;
                message_.clear();
            }
        }
        ImGui::TableNextColumn();
        back = big_button(ctx, "staff_back", ctx.t("kiosk.staff.back"), ImVec2(ImGui::GetContentRegionAvail().x, tab_h),
                          ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true});
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (back) {
        reset();
        return false;
    }
    float y = ImGui::GetCursorScreenPos().y + 4 * s;
    if (const auto trouble = service_.storage_trouble()) y += draw_storage_banner(ctx, *trouble, width, y);
    if (!message_.empty()) {
        y += staff_text(ctx, ctx.fonts.small, message_, 0, y, width, palette::kAnswer[0]) + 4 * s;
    }
    switch (tab_) {
        case StaffTab::dashboard: draw_staff_dashboard(ctx, *this, width, height, y); break;
        case StaffTab::saran: draw_staff_saran(ctx, *this, width, height, y); break;
        case StaffTab::status: draw_staff_status(ctx, *this, width, height, y); break;
        case StaffTab::settings: draw_staff_settings(ctx, *this, width, height, y); break;
        case StaffTab::export_usb: draw_staff_export(ctx, *this, width, height, y); break;
    }
    if (tab_ == StaffTab::status) {
        const ImVec2 size(std::min(width - 64 * s, 520 * s), 96 * s);
        ImGui::SetCursorScreenPos(ImVec2((width - size.x) / 2, height - size.y - 24 * s));
        if (big_button(ctx, "staff_exit", ctx.t("kiosk.staff.exit"), size,
                       ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
            confirm_exit_ = true;  // asked once more: closing stops the survey
        }
    }
    return true;
}

void StaffView::draw_editor(ViewContext& ctx, float width, float height) {
    const float s = ctx.scale;
    const float margin = 32 * s;
    float y = 16 * s;
    y += staff_text(ctx, ctx.fonts.title, edit_->title, margin, y, width - 2 * margin, palette::kText) + 8 * s;
    auto* draw = ImGui::GetWindowDrawList();
    const float box_h = 80 * s;
    draw->AddRectFilled(ImVec2(margin, y), ImVec2(width - margin, y + box_h), IM_COL32(255, 255, 255, 255), 10 * s);
    draw->AddRect(ImVec2(margin, y), ImVec2(width - margin, y + box_h), palette::kText, 10 * s, 0, 3 * s);
    const std::string typed = edit_->pin ? std::string(edit_->text.size(), '*') : edit_->text;
    draw->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(margin + 16 * s, y + 18 * s), palette::kText,
                  (typed + "|").c_str());
    y += box_h + 8 * s;
    if (!message_.empty()) y += staff_text(ctx, ctx.fonts.small, message_, margin, y, width - 2 * margin, palette::kAnswer[0]);
    y += 8 * s;
    const float bottom_h = 88 * s;
    if (edit_->pin) {
        const PinPadLayout pad = fit_pin_pad(s, width - 2 * margin, height - y - bottom_h - 40 * s);
        draw_pin_pad(ctx, edit_->text, ImVec2((width - pad.width()) / 2, y), pad, PinPadIds::keyboard);
    } else {
        const float key_h = std::min(80 * s, (height - y - bottom_h - 48 * s) / 5 - 8 * s);
        if (auto edited = draw_keyboard(ctx, edit_->text, margin, y, width - 2 * margin, key_h, 8 * s, edit_->layout)) edit_->text = *edited;
    }
    const float bw = std::min(400 * s, (width - 2 * margin - 16 * s) / 2);
    const float by = height - bottom_h - 16 * s;
    ImGui::SetCursorScreenPos(ImVec2(margin, by));
    if (big_button(ctx, "edit_cancel", ctx.t("kiosk.cancel"), ImVec2(bw, bottom_h),
                   ButtonStyle{palette::kNeutral, palette::kText, nullptr, true})) {
        edit_.reset();
        message_.clear();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(width - margin - bw, by));
    if (big_button(ctx, "edit_save", ctx.t("kiosk.staff.save"), ImVec2(bw, bottom_h))) {
        // A database that refuses the write (full, locked) is a refusal like any other, not the kiosk's end.
        std::optional<Problem> problem;
        if (const auto failure = guarded([&] { problem = edit_->apply(edit_->text); })) problem = failure;
        if (problem) {
            message_ = ctx.texts.format(ctx.flow.language(), problem->key, problem->args);  // stays open to fix it
        } else {
            const auto then = std::move(edit_->then);
            edit_.reset();
            message_ = ctx.t("kiosk.staff.saved");
            if (then) then();
        }
    }
}

}  // namespace skm::kiosk::ui
