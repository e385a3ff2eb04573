#include "reports/pdf_chart.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace skm::reports {
namespace {

constexpr double kAxisRoom = 30;     // tick labels left of the plot
constexpr double kLimitRoom = 18;    // mutu letters right of the plot
constexpr double kLegendRoom = 16;   // the legend line above the plot
constexpr double kTopRoom = 14;      // value labels above the highest point
constexpr double kBottomRoom = 26;   // month and respondent labels

void set_rgb(cairo_t* cr, double r, double g, double b) { cairo_set_source_rgb(cr, r, g, b); }

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

// The lowest value shown: a little under the lowest figure, on a multiple of
// 5, so month-to-month differences of a few points stay visible.
double axis_floor(const TrendChart& chart) {
    double low = 100;
    bool any = false;
    for (const auto& p : chart.points) {
        if (p.value) {
            low = std::min(low, *p.value);
            any = true;
        }
    }
    if (chart.target) {
        low = std::min(low, *chart.target);
        any = true;
    }
    if (!any) return 25;
    return std::clamp(std::floor((low - 3) / 5) * 5, 25.0, 90.0);
}

// One line of samples and names: IKM (blue line), target (red), mutu limits (dashed).
void draw_legend(PdfCanvas& canvas, const TrendChart& chart, double x, double top) {
    cairo_t* cr = canvas.cr();
    const TextStyle style{7.5, false, false, Align::left, 0.2};
    const double y = top + 6;
    auto item = [&](double r, double g, double b, bool dashed, const std::string& label) {
        cairo_save(cr);
        set_rgb(cr, r, g, b);
        cairo_set_line_width(cr, dashed ? 0.6 : 1.6);
        if (dashed) {
            const double dash[] = {3, 2};
            cairo_set_dash(cr, dash, 2, 0);
        }
        line(cr, x, y, x + 16, y);
        cairo_restore(cr);
        canvas.draw_text(label, style, x + 20, y - 5, 200);
        x += 20 + canvas.text_width(label, style) + 16;
    };
    item(0.1, 0.33, 0.62, false, chart.legend_ikm);
    if (chart.target) item(0.75, 0.15, 0.1, false, chart.legend_target);
    item(0.55, 0.55, 0.55, true, chart.legend_limits);
}

}  // namespace

void draw_trend_chart(PdfCanvas& canvas, const TrendChart& chart, double height) {
    canvas.ensure(height);
    cairo_t* cr = canvas.cr();
    const double top = canvas.y();
    const double x0 = canvas.left() + kAxisRoom;
    const double x1 = canvas.left() + canvas.width() - kLimitRoom;
    const double y0 = top + kLegendRoom + kTopRoom;
    const double y1 = top + height - kBottomRoom;
    const double low = axis_floor(chart);
    const double high = 100;
    auto y_of = [&](double value) { return y1 - (value - low) / (high - low) * (y1 - y0); };

    const double step = high - low <= 40 ? 5 : 10;
    const TextStyle tick{7, false, false, Align::right, 0.3};
    cairo_save(cr);
    cairo_set_line_width(cr, 0.4);
    for (double v = std::ceil(low / step) * step; v <= high + 0.001; v += step) {
        set_rgb(cr, 0.85, 0.85, 0.85);
        line(cr, x0, y_of(v), x1, y_of(v));
        canvas.draw_text(std::to_string(static_cast<int>(v)), tick, canvas.left(), y_of(v) - 5, kAxisRoom - 4);
    }
    // Mutu limits: dashed, the letter in the middle of its band.
    const TextStyle letter{8, true, false, Align::left, 0.35};
    const double dash[] = {3, 2};
    for (std::size_t i = 0; i < chart.limits.size(); ++i) {
        const double from = chart.limits[i].first;
        const double to = i + 1 < chart.limits.size() ? chart.limits[i + 1].first : high;
        if (to <= low) continue;
        if (from > low) {
            cairo_set_dash(cr, dash, 2, 0);
            set_rgb(cr, 0.55, 0.55, 0.55);
            cairo_set_line_width(cr, 0.6);
            line(cr, x0, y_of(from), x1, y_of(from));
            cairo_set_dash(cr, nullptr, 0, 0);
        }
        const double middle = (std::max(from, low) + to) / 2;
        canvas.draw_text(chart.limits[i].second, letter, x1 + 5, y_of(middle) - 6, kLimitRoom);
    }
    set_rgb(cr, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr, 0.8);
    line(cr, x0, y0 - 4, x0, y1);
    line(cr, x0, y1, x1, y1);

    if (chart.target) {
        set_rgb(cr, 0.75, 0.15, 0.1);
        cairo_set_line_width(cr, 0.9);
        line(cr, x0, y_of(*chart.target), x1, y_of(*chart.target));
    }
    draw_legend(canvas, chart, x0, top);

    const std::size_t n = chart.points.size();
    const double slot = n == 0 ? 0 : (x1 - x0) / static_cast<double>(n);
    auto x_of = [&](std::size_t i) { return x0 + (static_cast<double>(i) + 0.5) * slot; };
    set_rgb(cr, 0.1, 0.33, 0.62);
    cairo_set_line_width(cr, 1.6);
    bool drawing = false;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = chart.points[i];
        if (!p.value) {
            drawing = false;  // a month without respondents breaks the line
            continue;
        }
        if (drawing) {
            cairo_line_to(cr, x_of(i), y_of(*p.value));
        } else {
            cairo_move_to(cr, x_of(i), y_of(*p.value));
            drawing = true;
        }
    }
    cairo_stroke(cr);
    // Up to 18 months every point is labelled; a longer range labels every
    // k-th month only, so labels never run into each other.
    const bool crowded = n > 18;
    const std::size_t every = crowded ? (n + 17) / 18 : 1;
    const TextStyle value_style{7, true, false, Align::center, 0.05};
    const TextStyle month_style{crowded ? 6.5 : 7.5, false, false, Align::center, 0.15};
    const TextStyle count_style{6.5, false, false, Align::center, 0.4};
    const double label_width = slot * static_cast<double>(every);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = chart.points[i];
        if (p.value) {
            set_rgb(cr, 0.1, 0.33, 0.62);
            cairo_new_path(cr);  // else the arc is joined to the last text's position
            cairo_arc(cr, x_of(i), y_of(*p.value), crowded ? 1.8 : 2.6, 0, 2 * std::numbers::pi);
            cairo_fill(cr);
            if (!crowded) canvas.draw_text(p.value_text, value_style, x_of(i) - slot / 2, y_of(*p.value) - 13, slot);
        }
        if (i % every != 0) continue;
        canvas.draw_text(p.label, month_style, x_of(i) - label_width / 2, y1 + 3, label_width);
        if (!crowded) canvas.draw_text(p.sublabel, count_style, x_of(i) - slot / 2, y1 + 14, slot);
    }
    cairo_restore(cr);
    canvas.move_down(height);
}

}  // namespace skm::reports
