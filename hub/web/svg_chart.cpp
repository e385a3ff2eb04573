#include "hub/web/svg_chart.hpp"

#include "hub/web/html.hpp"

#include <algorithm>
#include <cstdio>

namespace skm::hub::web {
namespace {

std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

}  // namespace

std::string line_chart(const std::vector<ChartPoint>& points, std::optional<double> target, const std::string& title) {
    // A narrow canvas keeps the text legible when a phone shrinks it to its width.
    const double w = 480, h = 240, left = 34, right = 18, top = 14, bottom = 30;
    double low = 100;
    for (const auto& p : points) {
        if (p.value) low = std::min(low, *p.value);
    }
    if (target) low = std::min(low, *target);
    low = std::max(0.0, std::min(60.0, low - 5));
    const double span = 100 - low;
    const auto x = [&](std::size_t i) {
        const double n = points.size() > 1 ? static_cast<double>(points.size() - 1) : 1;
        return left + (w - left - right) * static_cast<double>(i) / n;
    };
    const auto y = [&](double v) { return top + (h - top - bottom) * (100 - v) / span; };

    std::string s = "<svg class=\"chart\" viewBox=\"0 0 480 240\" role=\"img\" aria-label=\"" + esc(title) + "\">";
    s += "<title>" + esc(title) + "</title>";
    for (int step = 0; step <= 4; ++step) {
        const double v = low + span * step / 4;
        s += "<line x1=\"" + num(left) + "\" x2=\"" + num(w - right) + "\" y1=\"" + num(y(v)) + "\" y2=\"" + num(y(v)) +
             "\" stroke=\"#e3e7ec\"/>";
        s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y(v) + 4) +
             "\" font-size=\"13\" text-anchor=\"end\" fill=\"#6c7a89\">" + num(v).substr(0, num(v).size() - 2) + "</text>";
    }
    if (target) {
        s += "<line x1=\"" + num(left) + "\" x2=\"" + num(w - right) + "\" y1=\"" + num(y(*target)) + "\" y2=\"" +
             num(y(*target)) + "\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>";
    }
    // Segments only between neighbours that both have a value: a gap stays a gap.
    std::string path;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].value) continue;
        const bool joined = i > 0 && points[i - 1].value;
        path += (joined ? "L" : "M") + num(x(i)) + " " + num(y(*points[i].value)) + " ";
    }
    if (!path.empty()) s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#0f4c81\" stroke-width=\"2.5\"/>";
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].value) {
            s += "<circle cx=\"" + num(x(i)) + "\" cy=\"" + num(y(*points[i].value)) +
                 "\" r=\"4\" fill=\"#0f4c81\"><title>" + esc(points[i].label) + ": " + num(*points[i].value) +
                 "</title></circle>";
        }
        // The outermost labels lean inwards, so a long one ("2025-S1") is not cut at the edge.
        const char* anchor = points.size() > 1 && i == 0 ? "start" : points.size() > 1 && i + 1 == points.size() ? "end" : "middle";
        s += "<text x=\"" + num(x(i)) + "\" y=\"" + num(h - 12) + "\" font-size=\"13\" text-anchor=\"" + anchor +
             "\" fill=\"#3d4856\">" + esc(points[i].label) + "</text>";
    }
    s += "</svg>";
    return s;
}

std::string bar_chart(const std::vector<ChartPoint>& bars, const std::string& title) {
    // Each unsur's name above its bar, so long names never run off the canvas.
    const double row = 42, w = 480, right = 56;
    const double h = row * static_cast<double>(bars.size()) + 6;
    std::optional<std::size_t> weakest;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        if (bars[i].value && (!weakest || *bars[i].value < *bars[*weakest].value)) weakest = i;
    }
    std::string s = "<svg class=\"chart\" viewBox=\"0 0 480 " + num(h) + "\" role=\"img\" aria-label=\"" + esc(title) +
                    "\"><title>" + esc(title) + "</title>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = 4 + row * static_cast<double>(i);
        s += "<text x=\"0\" y=\"" + num(y + 14) + "\" font-size=\"14\" fill=\"#3d4856\">" + esc(bars[i].label) + "</text>";
        s += "<rect x=\"0\" y=\"" + num(y + 20) + "\" width=\"" + num(w - right) + "\" height=\"16\" rx=\"3\" fill=\"#eef1f4\"/>";
        if (!bars[i].value) continue;
        const double v = std::clamp(*bars[i].value, 0.0, 4.0);
        const double len = (w - right) * v / 4;
        s += "<rect x=\"0\" y=\"" + num(y + 20) + "\" width=\"" + num(len) + "\" height=\"16\" rx=\"3\" fill=\"" +
             (weakest == i ? "#c0392b" : "#2e86c1") + "\"/>";
        char value[16];
        std::snprintf(value, sizeof value, "%.3f", *bars[i].value);
        s += "<text x=\"" + num(w - right + 6) + "\" y=\"" + num(y + 33) + "\" font-size=\"14\" fill=\"#1c2430\">" +
             value + "</text>";
    }
    s += "</svg>";
    return s;
}

std::string progress_bar(double percent) {
    const double p = std::clamp(percent, 0.0, 100.0);
    return "<svg width=\"80\" height=\"10\" viewBox=\"0 0 100 10\" aria-hidden=\"true\"><rect width=\"100\" height=\"10\" "
           "rx=\"3\" fill=\"#e3e7ec\"/><rect width=\"" +
           num(p) + "\" height=\"10\" rx=\"3\" fill=\"" + (p >= 100 ? "#1e8449" : "#d68910") + "\"/></svg>";
}

}  // namespace skm::hub::web
