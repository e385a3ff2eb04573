// The staff view behind the PIN: tabs for the dashboard, saran, status,
// settings and USB export, and an editor (on-screen keyboard) for any
// setting, which shows the refusal in plain words when a value is invalid.
#pragma once

#include "kiosk/core/staff_service.hpp"
#include "kiosk/core/usb_export.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/view_context.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace skm::kiosk::ui {

enum class StaffTab { dashboard, saran, status, settings, export_usb };

struct StaffEdit {
    std::string title;  // what is being edited, already translated
    std::string text;
    std::function<std::optional<Problem>(const std::string&)> apply;
    std::function<void()> then;  // after a successful apply (e.g. the PIN's second entry)
    KeyboardLayout layout = KeyboardLayout::text;
    bool pin = false;  // typed on the number pad, shown as dots
};

class StaffView {
public:
    StaffView(StaffService& service, store::Clock& clock, MediaSources media, std::vector<std::string> unsur_codes,
              std::string device_id)
        : service_(service),
          clock_(clock),
          media_(std::move(media)),
          unsur_codes_(std::move(unsur_codes)),
          device_id_(std::move(device_id)) {}

    // Draws the whole screen. Returns false when staff left the view.
    bool draw(ViewContext& ctx, float width, float height);
    bool exit_requested() const { return exit_requested_; }
    void reset() {
        tab_ = StaffTab::dashboard;
        edit_.reset();
        message_.clear();
        confirm_exit_ = false;
    }
    // The screen showing, for TouchSettle: the tab, the editor, the exit question.
    std::string screen_name() const;
    void show(StaffTab tab) { tab_ = tab; }

    // For the screens (one file each).
    StaffService& service() { return service_; }
    store::Clock& clock() { return clock_; }
    DashboardPeriod period = DashboardPeriod::month;
    bool heat_map = false;  // the dashboard shows the hour × weekday heat map instead of its figures
    void begin_edit(const std::string& title, const std::string& text,
                    std::function<std::optional<Problem>(const std::string&)> apply, std::function<void()> then = {},
                    KeyboardLayout layout = KeyboardLayout::text);
    // A PIN: the gate's number pad instead of the keyboard, the digits hidden.
    void begin_pin_edit(const std::string& title, std::function<std::optional<Problem>(const std::string&)> apply,
                        std::function<void()> then = {});
    std::string message_;  // the last refusal or confirmation, shown under the tabs
    const MediaSources& media() const { return media_; }
    const std::vector<std::string>& unsur_codes() const { return unsur_codes_; }
    const std::string& device_id() const { return device_id_; }
    // The words of printed reports (Indonesian); without it the report buttons say so.
    void set_report_catalog(const formats::Catalog* catalog) { report_catalog_ = catalog; }
    const formats::Catalog* report_catalog() const { return report_catalog_; }
    // Where the dashboard's trend chart drew its plot last frame (screen
    // pixels) and where its label gutter starts: tests read the gridlines and
    // labels from a screenshot there.
    struct TrendPlot {
        ImVec2 min{0, 0};
        ImVec2 max{0, 0};
        float gutter_x = 0;
    } trend_plot;

private:
    void draw_editor(ViewContext& ctx, float width, float height);

    StaffService& service_;
    store::Clock& clock_;
    MediaSources media_;
    std::vector<std::string> unsur_codes_;
    std::string device_id_;
    StaffTab tab_ = StaffTab::dashboard;
    std::optional<StaffEdit> edit_;
    bool exit_requested_ = false;
    bool confirm_exit_ = false;  // "Tutup aplikasi kios?" is asked
    const formats::Catalog* report_catalog_ = nullptr;
};

// One function per staff screen, drawn below the tab bar from y.
void draw_staff_dashboard(ViewContext& ctx, StaffView& view, float width, float height, float y);
void draw_staff_saran(ViewContext& ctx, StaffView& view, float width, float height, float y);
void draw_staff_status(ViewContext& ctx, StaffView& view, float width, float height, float y);
void draw_staff_settings(ViewContext& ctx, StaffView& view, float width, float height, float y);
void draw_staff_export(ViewContext& ctx, StaffView& view, float width, float height, float y);
// Inside the dashboard, for its period (staff_heat_map_screen.cpp).
void draw_staff_heat_map(ViewContext& ctx, StaffView& view, float width, float height, float y);

// Text at the cursor, wrapped at the edge of its column or child window, in
// `font` and `color`; recorded for tests (ctx.texts_drawn).
void staff_label(ViewContext& ctx, ImFont* font, ImU32 color, const std::string& text);

// centered_text that also records the text for tests (ctx.texts_drawn).
float staff_text(ViewContext& ctx, ImFont* font, const std::string& text, float x, float y, float width, ImU32 color);

// The red band above every staff tab while answers cannot be stored; returns its height.
float draw_storage_banner(ViewContext& ctx, const Problem& trouble, float width, float y);

// The oldest unacknowledged live alert with its "Sudah ditangani" button
// (staff_alerts_banner.cpp); returns its height, 0 when there is none.
float draw_alert_banner(ViewContext& ctx, StaffView& view, float width, float y);

// The one number format of the staff screens: a decimal with the separator of
// the staff's language (formats::decimal_separator: "89,72" in id and jv,
// "89.72" in en). Every staff screen writes decimals through these.
std::string shown(const ViewContext& ctx, const scoring::Decimal& value);
// A stored decimal ("80.00", as the database keeps targets) in that format;
// text that is not a decimal is shown as it is.
std::string shown(const ViewContext& ctx, const std::string& stored);

}  // namespace skm::kiosk::ui
