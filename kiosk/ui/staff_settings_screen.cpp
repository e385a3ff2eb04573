// Settings: office name, kiosk timings, privacy threshold, hub address, PIN,
// and the layanan list with this year's population and target for each.
// Every value goes through StaffService, which validates and audits it.
#include "formats/utf8.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <memory>

namespace skm::kiosk::ui {
namespace {

struct Row {
    ViewContext& ctx;
    StaffView& view;
    float x;
    float width;
    float height;
    float& y;

    // "label: value   [button]" — returns true when the button was tapped.
    bool line(const std::string& id, const std::string& label, const std::string& value, const std::string& button,
              ImU32 value_color = palette::kText) {
        auto* draw = ImGui::GetWindowDrawList();
        const float s = ctx.scale;
        const float bw = 200 * s;
        draw->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(x, y + 14 * s), palette::kText, label.c_str());
        draw->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(x + width * 0.42f, y + 14 * s), value_color,
                      value.c_str());
        ImGui::SetCursorScreenPos(ImVec2(x + width - bw, y));
        const bool tapped = big_button(ctx, id, button, ImVec2(bw, height),
                                       ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, true});
        y += height + 8 * s;
        return tapped;
    }
};

}  // namespace

void draw_staff_settings(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    const float margin = 24 * s;
    StaffService& service = view.service();
    const int year = view.clock().wall_now().date.year;
    const std::string change = ctx.t("kiosk.staff.change");

    // A scrolling region: the list is longer than a tablet screen.
    ImGui::SetCursorScreenPos(ImVec2(0, y));
    ImGui::BeginChild("settings", ImVec2(width, height - y), false, ImGuiWindowFlags_NoBackground);
    float ry = ImGui::GetCursorScreenPos().y + 4 * s;
    Row row{ctx, view, margin, width - 2 * margin - 32 * s, 64 * s, ry};

    if (row.line("set_office", ctx.t(formats::setting::kOffice.label), service.office_name(), change)) {
        view.begin_edit(ctx.t(formats::setting::kOffice.label), service.office_name(),
                        [&service](const std::string& v) { return service.set_office_name(v); });
    }
    // The numbers staff may change, labelled and checked by formats/settings_table.
    const struct {
        const formats::SettingSpec& setting;
        const char* id;
    } numbers[] = {{formats::setting::kIdlePromptSeconds, "set_idle_prompt"},
                   {formats::setting::kIdleResetSeconds, "set_idle_reset"},
                   {formats::setting::kMinIntervalSeconds, "set_min_interval"},
                   {formats::setting::kMinN, "set_min_n"},
                   {formats::setting::kStaffLockSeconds, "set_staff_lock"},
                   {formats::setting::kTouchSettleMs, "set_touch_settle"}};
    for (const auto& n : numbers) {
        const std::string value = std::to_string(service.number(n.setting));
        if (row.line(n.id, ctx.t(n.setting.label), value, change)) {
            const formats::SettingSpec& setting = n.setting;
            view.begin_edit(ctx.t(setting.label), value,
                            [&service, &setting](const std::string& v) { return service.set_number(setting, v); });
        }
    }
    const std::string hub = service.hub_url();
    if (row.line("set_hub", ctx.t(formats::setting::kHubUrl.label), hub.empty() ? "–" : hub, change)) {
        view.begin_edit(ctx.t(formats::setting::kHubUrl.label), hub.empty() ? "https://" : hub,
                        [&service](const std::string& v) { return service.set_hub_url(v); }, {},
                        KeyboardLayout::address);
    }
    const bool has_token = !service.device_token().empty();
    const char* token_label = formats::setting::kDeviceToken.label;
    if (row.line("set_token", ctx.t(token_label), has_token ? ctx.t("kiosk.staff.token_set") : "–", change)) {
        view.begin_edit(ctx.t(token_label), "",
                        [&service](const std::string& v) { return service.set_device_token(v); });
    }
    if (row.line("set_pin", ctx.t("kiosk.staff.pin"), "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2", change)) {
        // Two steps: the new PIN, then the same again.
        auto first = std::make_shared<std::string>();
        view.begin_edit(
            ctx.t("kiosk.staff.pin_new"), "",
            [first](const std::string& pin) -> std::optional<Problem> {
                *first = pin;
                return std::nullopt;
            },
            [&view, &ctx, &service, first] {
                view.begin_edit(ctx.t("kiosk.staff.pin_repeat"), "",
                                [&service, first](const std::string& again) { return service.change_pin(*first, again); });
            });
    }
    {  // The welcome screen's language: three buttons, no typing.
        ImGui::GetWindowDrawList()->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(margin, ry + 14 * s),
                                            palette::kText, ctx.t(formats::setting::kDefaultLanguage.label).c_str());
        const float bw = 200 * s;
        const auto& languages = formats::setting::kDefaultLanguage.choices;
        for (std::size_t i = 0; i < languages.size(); ++i) {
            const std::string language(languages[i]);
            const auto from_right = static_cast<float>(languages.size() - i);
            ImGui::SetCursorScreenPos(ImVec2(margin + row.width - from_right * (bw + 8 * s) + 8 * s, ry));
            const bool chosen = service.default_language() == language;
            const ButtonStyle style = chosen ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true}
                                             : ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, true};
            if (big_button(ctx, "default_lang_" + language, ctx.texts.text(language, "kiosk.language." + language),
                           ImVec2(bw, 64 * s), style)) {
                service.set_default_language(language);
            }
        }
        ry += 64 * s + 8 * s;
    }
    const auto office_target = service.target(year, "");
    if (row.line("set_target_office", ctx.f("kiosk.staff.target_office", {{"year", std::to_string(year)}}),
                 office_target.value_or("–"), change)) {
        view.begin_edit(ctx.f("kiosk.staff.target_office", {{"year", std::to_string(year)}}), office_target.value_or(""),
                        [&service, year](const std::string& v) { return service.set_target(year, "", v); });
    }
    // What the SKM poster prints besides the figures.
    const struct {
        const formats::SettingSpec& setting;
        const char* id;
    } texts[] = {{formats::setting::kFollowUp, "set_follow_up"},
                 {formats::setting::kOfficeContact, "set_office_contact"},
                 {formats::setting::kComplaintChannel, "set_complaint_channel"}};
    for (const auto& t : texts) {
        const std::string value = service.text(t.setting);
        // A follow-up is a few sentences: its start is enough to recognise it on the row.
        const std::string shown = value.size() > 40 ? formats::cut_utf8(value, 40) + "…" : value;
        if (row.line(t.id, ctx.t(t.setting.label), value.empty() ? "–" : shown, change)) {
            const formats::SettingSpec& setting = t.setting;
            view.begin_edit(ctx.t(setting.label), value,
                            [&service, &setting](const std::string& v) { return service.set_text(setting, v); });
        }
    }

    ry += 12 * s;
    ImGui::GetWindowDrawList()->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(margin, ry), palette::kText,
                                        ctx.t("kiosk.staff.layanan_list").c_str());
    ry += ctx.fonts.body->FontSize * 1.5f;
    ImGui::SetCursorScreenPos(ImVec2(margin, ry));
    if (big_button(ctx, "add_layanan", ctx.t("kiosk.staff.add_layanan"), ImVec2(400 * s, 64 * s),
                   ButtonStyle{palette::kPrimary, IM_COL32(255, 255, 255, 255), ctx.fonts.small, false})) {
        view.begin_edit(ctx.t("kiosk.staff.add_layanan"), "",
                        [&service](const std::string& v) { return service.add_layanan(v); });
    }
    ry += 80 * s;
    const auto entries = service.layanan();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const std::string id = std::to_string(i);
        const std::string name = e.name;
        const auto population = service.population(year, name);
        const auto target = service.target(year, name);
        const std::string value = (e.active ? "" : ctx.t("kiosk.staff.retired") + " · ") +
                                  ctx.f("kiosk.staff.population_target", {{"population", population ? std::to_string(*population) : "–"},
                                                                          {"target", target.value_or("–")}});
        if (row.line("rename_" + id, name, value, ctx.t("kiosk.staff.rename"), e.active ? palette::kText : palette::kMuted)) {
            view.begin_edit(ctx.t("kiosk.staff.rename") + ": " + name, name,
                            [&service, name](const std::string& v) { return service.rename_layanan(name, v); });
        }
        // A second line of buttons for this layanan, under its name.
        const float bw = 220 * s;
        const ButtonStyle small{palette::kNeutral, palette::kText, ctx.fonts.small, true};
        ImGui::SetCursorScreenPos(ImVec2(margin + 24 * s, ry - 8 * s));
        if (big_button(ctx, "toggle_" + id, ctx.t(e.active ? "kiosk.staff.retire" : "kiosk.staff.restore"), ImVec2(bw, 64 * s),
                       small)) {
            if (auto problem = service.set_layanan_active(name, !e.active)) {
                view.message_ = ctx.texts.format(ctx.flow.language(), problem->key, problem->args);
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(margin + 24 * s + bw + 8 * s, ry - 8 * s));
        if (big_button(ctx, "population_" + id, ctx.t("kiosk.staff.population"), ImVec2(bw, 64 * s), small)) {
            view.begin_edit(ctx.f("kiosk.staff.population_of", {{"layanan", name}, {"year", std::to_string(year)}}),
                            population ? std::to_string(*population) : "",
                            [&service, year, name](const std::string& v) { return service.set_population(year, name, v); });
        }
        ImGui::SetCursorScreenPos(ImVec2(margin + 24 * s + 2 * (bw + 8 * s), ry - 8 * s));
        if (big_button(ctx, "target_" + id, ctx.t("kiosk.staff.target_short"), ImVec2(bw, 64 * s), small)) {
            view.begin_edit(ctx.f("kiosk.staff.target_of", {{"layanan", name}, {"year", std::to_string(year)}}),
                            target.value_or(""),
                            [&service, year, name](const std::string& v) { return service.set_target(year, name, v); });
        }
        ry += 64 * s + 16 * s;
    }
    ImGui::SetCursorScreenPos(ImVec2(margin, ry));
    ImGui::Dummy(ImVec2(1, 1));  // the child's content height, for its scrollbar
    ImGui::EndChild();
}

}  // namespace skm::kiosk::ui
