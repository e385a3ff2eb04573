// Live tallies for a dashboard: one Tally per (layanan, local day, flagged) cell.
// Adding a response touches one cell; any layanan × period view is a merge of
// cells (a few thousand a year at most), never a rescan of responses; day
// cells keep any date range exact.
#pragma once

#include "scoring/period.hpp"
#include "scoring/tally.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace skm::scoring {

struct CubeKey {
    std::string layanan;
    LocalDate date;
    bool flagged = false;
    auto operator<=>(const CubeKey&) const = default;
};

struct CubeFilter {
    std::optional<std::string> layanan;   // all layanan when empty
    std::optional<DateRange> period;
    bool include_flagged = true;
};

class TallyCube {
public:
    explicit TallyCube(std::size_t unsur_count) : unsur_count_(unsur_count) {}

    void add(const std::string& layanan, const LocalDate& date, bool flagged, std::span<const std::uint8_t> answers);
    void remove(const std::string& layanan, const LocalDate& date, bool flagged, std::span<const std::uint8_t> answers);

    Tally total(const CubeFilter& filter = {}) const;
    std::vector<std::string> layanan() const;
    std::size_t unsur_count() const { return unsur_count_; }
    const std::map<CubeKey, Tally>& cells() const { return cells_; }
    bool operator==(const TallyCube& other) const { return cells_ == other.cells_; }

private:
    std::size_t unsur_count_;
    std::map<CubeKey, Tally> cells_;
};

}  // namespace skm::scoring
