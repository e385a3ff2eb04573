// The monthly trend chart of the PDF report: IKM konversi per month as a
// line with its value printed at each point, the mutu limits of Permenpan
// 14/2017 as dashed lines, and the target when there is one. Positions use
// floating point (drawing only); every printed number comes formatted.
#pragma once

#include "reports/pdf_canvas.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skm::reports {

struct TrendPoint {
    std::string label;             // "Jan"
    std::string sublabel;          // "n=221"
    std::optional<double> value;   // none: no respondents that month
    std::string value_text;        // "89,72"
};

struct TrendChart {
    std::vector<TrendPoint> points;
    std::optional<double> target;
    std::vector<std::pair<double, std::string>> limits;  // lower limit of each mutu: {88.31, "A"}…
    // The legend above the plot (kept out of the plot, where it would cover points).
    std::string legend_ikm;     // "IKM per bulan"
    std::string legend_target;  // "Target 85,50"
    std::string legend_limits;  // "Batas mutu"
};

// Draws at the canvas cursor, full width, `height` points tall; moves the cursor below it.
void draw_trend_chart(PdfCanvas& canvas, const TrendChart& chart, double height);

}  // namespace skm::reports
