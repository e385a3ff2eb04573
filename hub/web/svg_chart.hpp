// Charts as inline SVG drawn on the server: no script, no library, readable
// on a phone (the SVG scales to the screen's width). Colours and sizes are
// presentation attributes, since the page's CSP allows no inline style.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace skm::hub::web {

struct ChartPoint {
    std::string label;            // under the x axis ("Jan", "03")
    std::optional<double> value;  // nothing: a gap (too few respondents)
};

// A line of values on a 0–100 scale (IKM), with an optional target line.
std::string line_chart(const std::vector<ChartPoint>& points, std::optional<double> target, const std::string& title);

// Horizontal bars on a 1–4 scale (NRR per unsur), the weakest in red.
std::string bar_chart(const std::vector<ChartPoint>& bars, const std::string& title);

// A thin progress bar, 0–100 %.
std::string progress_bar(double percent);

}  // namespace skm::hub::web
