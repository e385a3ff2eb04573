// Settings: office name, kiosk timings, privacy threshold, hub address, PIN,
// and the layanan list with this year's population and target for each.
// Every value goes through StaffService, which validates and audits it.
#include "formats/utf8.hpp"
#include "kiosk/ui/staff_view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <memory>

namespace skm::kiosk::ui {
namespace {

// One table: label | value | button. Labels and values wrap in their
// columns (long Javanese labels take two lines, never run into the value).
struct Rows {
    ViewContext& ctx;
    float height;

    // A text cell, centred vertically in a row of `height` when it is one line.
    void cell(const std::string& text, ImU32 color) {
        ImFont* font = ctx.fonts.small;
        ImGui::PushFont(font);
        const float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
        ImGui::PopFont();
        if (h < height) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - h) / 2);
        staff_label(ctx, font, color, text);
    }
    bool button(const std::string& id, const std::string& label, ButtonStyle style) {
        return big_button(ctx, id, label, ImVec2(ImGui::GetContentRegionAvail().x, height), style);
    }
    // "label: value   [button]" — returns true when the button was tapped.
    bool line(const std::string& id, const std::string& label, const std::string& value, const std::string& button_label,
              ImU32 value_color = palette::kText) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, height);
        ImGui::TableNextColumn();
        cell(label, palette::kText);
        ImGui::TableNextColumn();
        cell(value, value_color);
        ImGui::TableNextColumn();
        return button(id, button_label, ButtonStyle{palette::kNeutral, palette::kText, ctx.fonts.small, true});
    }
};

}  // namespace

void draw_staff_settings(ViewContext& ctx, StaffView& view, float width, float height, float y) {
    const float s = ctx.scale;
    StaffService& service = view.service();
    const int year = view.clock().wall_now().date.year;
    const std::string change = ctx.t("kiosk.staff.change");

    // A scrolling region inside the window's padding: the list is longer than a tablet screen.
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    ImGui::SetCursorScreenPos(ImVec2(pad.x, y));
    ImGui::BeginChild("settings", ImVec2(width - 2 * pad.x, height - y - pad.y / 2), false, ImGuiWindowFlags_NoBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8 * s, 4 * s));
    if (!ImGui::BeginTable("settings_rows", 3, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::PopStyleVar();
        ImGui::EndChild();
        return;
    }
    ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 200 * s);
    Rows row{ctx, 64 * s};
    const ButtonStyle small{palette::kNeutral, palette::kText, ctx.fonts.small, true};

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
        view.begin_pin_edit(
            ctx.t("kiosk.staff.pin_new"),
            [first](const std::string& pin) -> std::optional<Problem> {
                *first = pin;
                return std::nullopt;
            },
            [&view, &ctx, &service, first] {
                view.begin_pin_edit(ctx.t("kiosk.staff.pin_repeat"),
                                    [&service, first](const std::string& again) { return service.change_pin(*first, again); });
            });
    }
    {  // The welcome screen's language: its label, then three buttons, no typing.
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row.height);
        ImGui::TableNextColumn();
        row.cell(ctx.t(formats::setting::kDefaultLanguage.label), palette::kText);
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row.height);
        for (const auto& language_view : formats::setting::kDefaultLanguage.choices) {
            const std::string language(language_view);
            ImGui::TableNextColumn();
            const bool chosen = service.default_language() == language;
            const ButtonStyle style = chosen ? ButtonStyle{palette::kSelected, palette::kText, ctx.fonts.small, true} : small;
            if (row.button("default_lang_" + language, ctx.texts.text(language, "kiosk.language." + language), style)) {
                service.set_default_language(language);
            }
        }
    }
    // The office's details, the report's signatory and the poster's texts, checked by formats/settings_table.
    const struct {
        const formats::SettingSpec& setting;
        const char* id;
        KeyboardLayout layout;
    } texts[] = {{formats::setting::kOfficeAddress, "set_office_address", KeyboardLayout::text},
                 {formats::setting::kOfficeContact, "set_office_contact", KeyboardLayout::address},
                 {formats::setting::kSignatoryTitle, "set_signatory_title", KeyboardLayout::text},
                 {formats::setting::kSignatoryName, "set_signatory_name", KeyboardLayout::text},
                 {formats::setting::kSignatoryNip, "set_signatory_nip", KeyboardLayout::text},
                 {formats::setting::kSignatoryPlace, "set_signatory_place", KeyboardLayout::text},
                 {formats::setting::kFollowUp, "set_follow_up", KeyboardLayout::text},
                 {formats::setting::kComplaintChannel, "set_complaint_channel", KeyboardLayout::address}};
    for (const auto& t : texts) {
        const std::string value = service.text(t.setting);
        // A follow-up is a few sentences: its start is enough to recognise it on the row.
        const std::string start = value.size() > 40 ? formats::cut_utf8(value, 40) + "…" : value;
        if (row.line(t.id, ctx.t(t.setting.label), value.empty() ? "–" : start, change)) {
            const formats::SettingSpec& setting = t.setting;
            view.begin_edit(ctx.t(setting.label), value,
                            [&service, &setting](const std::string& v) { return service.set_text(setting, v); }, {}, t.layout);
        }
    }
    // Targets are stored as "80.00"; staff read and type them in their language's format.
    const auto stored_office_target = service.target(year, "");
    const std::optional<std::string> office_target =
        stored_office_target ? std::optional<std::string>(shown(ctx, *stored_office_target)) : std::nullopt;
    if (row.line("set_target_office", ctx.f("kiosk.staff.target_office", {{"year", std::to_string(year)}}),
                 office_target.value_or("–"), change)) {
        view.begin_edit(ctx.f("kiosk.staff.target_office", {{"year", std::to_string(year)}}), office_target.value_or(""),
                        [&service, year](const std::string& v) { return service.set_target(year, "", v); });
    }

    ImGui::EndTable();

    ImGui::Dummy(ImVec2(1, 8 * s));
    staff_label(ctx, ctx.fonts.body, palette::kText, ctx.t("kiosk.staff.layanan_list"));
    if (big_button(ctx, "add_layanan", ctx.t("kiosk.staff.add_layanan"), ImVec2(std::min(400 * s, ImGui::GetContentRegionAvail().x), 64 * s),
                   ButtonStyle{palette::kPrimary, IM_COL32(255, 255, 255, 255), ctx.fonts.small, false})) {
        view.begin_edit(ctx.t("kiosk.staff.add_layanan"), "",
                        [&service](const std::string& v) { return service.add_layanan(v); });
    }
    if (!ImGui::BeginTable("layanan_rows", 3, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::PopStyleVar();
        ImGui::EndChild();
        return;
    }
    const auto entries = service.layanan();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const std::string id = std::to_string(i);
        const std::string name = e.name;
        const auto population = service.population(year, name);
        const auto stored_target = service.target(year, name);
        const std::optional<std::string> target =
            stored_target ? std::optional<std::string>(shown(ctx, *stored_target)) : std::nullopt;
        const std::string value = (e.active ? "" : ctx.t("kiosk.staff.retired") + " · ") +
                                  ctx.f("kiosk.staff.population_target", {{"population", population ? std::to_string(*population) : "–"},
                                                                          {"target", target.value_or("–")}});
        if (row.line("rename_" + id, name, value, ctx.t("kiosk.staff.rename"), e.active ? palette::kText : palette::kMuted)) {
            view.begin_edit(ctx.t("kiosk.staff.rename") + ": " + name, name,
                            [&service, name](const std::string& v) { return service.rename_layanan(name, v); });
        }
        // A second row of buttons for this layanan, under its name.
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row.height);
        ImGui::TableNextColumn();
        if (row.button("toggle_" + id, ctx.t(e.active ? "kiosk.staff.retire" : "kiosk.staff.restore"), small)) {
            if (auto problem = service.set_layanan_active(name, !e.active)) {
                view.message_ = ctx.texts.format(ctx.flow.language(), problem->key, problem->args);
            }
        }
        ImGui::TableNextColumn();
        if (row.button("population_" + id, ctx.t("kiosk.staff.population"), small)) {
            view.begin_edit(ctx.f("kiosk.staff.population_of", {{"layanan", name}, {"year", std::to_string(year)}}),
                            population ? std::to_string(*population) : "",
                            [&service, year, name](const std::string& v) { return service.set_population(year, name, v); });
        }
        ImGui::TableNextColumn();
        if (row.button("target_" + id, ctx.t("kiosk.staff.target_short"), small)) {
            view.begin_edit(ctx.f("kiosk.staff.target_of", {{"layanan", name}, {"year", std::to_string(year)}}),
                            target.value_or(""),
                            [&service, year, name](const std::string& v) { return service.set_target(year, name, v); });
        }
        ImGui::TableNextRow(ImGuiTableRowFlags_None, 8 * s);  // a gap before the next layanan
    }
    ImGui::EndTable();
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

}  // namespace skm::kiosk::ui
