#include "reports/report_table.hpp"

#include "scoring/shares.hpp"

namespace skm::reports {

Cell Cell::of(std::string text) {
    Cell cell;
    cell.text = std::move(text);
    return cell;
}

Cell Cell::of(std::uint64_t count) {
    Cell cell;
    cell.kind = Kind::count;
    cell.count = count;
    return cell;
}

Cell Cell::of(const scoring::Decimal& decimal) {
    Cell cell;
    cell.kind = Kind::decimal;
    cell.decimal = decimal;
    return cell;
}

Cell Cell::of(const std::optional<scoring::Decimal>& decimal) { return decimal ? of(*decimal) : of(std::string("—")); }

std::string Cell::display(char decimal_separator, bool group) const {
    switch (kind) {
        case Kind::text: return text;
        case Kind::count: return group ? scoring::group_thousands(count, decimal_separator == ',' ? '.' : ',') : std::to_string(count);
        case Kind::decimal: return decimal.str(decimal_separator);
    }
    return text;
}

}  // namespace skm::reports
