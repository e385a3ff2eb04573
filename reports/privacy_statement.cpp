#include "reports/privacy_statement.hpp"

namespace skm::reports {

std::string privacy_statement(std::uint64_t min_n, const formats::Catalog& catalog) {
    return catalog.format("report.privacy_statement", {{"min_n", std::to_string(min_n)}});
}

}  // namespace skm::reports
