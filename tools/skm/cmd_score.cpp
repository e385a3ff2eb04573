// `skm score (FILE.csv | --db PATH) [--by …] [--legacy W] [--exclude-flagged] [--json]`
#include "formats/file_content.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/summary.hpp"
#include "tools/skm/context.hpp"
#include "tools/skm/score_json.hpp"
#include "tools/skm/score_table.hpp"

#include <charconv>

namespace skm::tools {
namespace {

scoring::GroupBy parse_group_by(const std::optional<std::string>& by) {
    if (!by) return scoring::GroupBy::none;
    if (*by == "layanan") return scoring::GroupBy::layanan;
    if (*by == "month") return scoring::GroupBy::month;
    if (*by == "triwulan") return scoring::GroupBy::triwulan;
    if (*by == "semester") return scoring::GroupBy::semester;
    if (*by == "year") return scoring::GroupBy::year;
    throw Error(ErrorKind::usage, Problem{"usage.bad_by", {{"value", *by}}});
}

std::optional<mpq_class> parse_legacy(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    auto weight = scoring::parse_decimal(*text);
    if (!weight || sgn(weight->value()) <= 0 || weight->value() > 1) {
        throw Error(ErrorKind::usage, Problem{"usage.bad_legacy", {{"value", *text}}});
    }
    return weight->value();
}

std::optional<std::uint64_t> parse_population(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value == 0) {
        throw Error(ErrorKind::usage, Problem{"usage.bad_population", {{"value", *text}}});
    }
    return value;
}

}  // namespace

int run_score(Context& context) {
    const OptionSpec spec{{"by", "legacy", "db", "questionnaire", "population"}, {"json", "exclude-flagged"}};
    const ParsedArgs args = parse_args(context.args, spec);
    if (args.value("db")) throw Error(ErrorKind::usage, Problem{"usage.db_not_available", {}});
    if (args.positional.size() != 1) throw Error(ErrorKind::usage, Problem{"usage.score_needs_input", {}});
    const scoring::GroupBy by = parse_group_by(args.value("by"));
    scoring::ScoreOptions options{parse_legacy(args.value("legacy")), parse_population(args.value("population"))};
    const bool exclude_flagged = args.flag("exclude-flagged");

    const auto questionnaire = formats::load_questionnaire(
        args.value("questionnaire").value_or((context.assets / "questionnaire" / "permenpan-14-2017.json").string()));
    const std::string& file = args.positional[0];
    const formats::FileContent content(file);
    scoring::GroupedTally grouped(questionnaire.scheme.size(), by);
    std::size_t flagged = 0;
    formats::read_response_csv(content.view(), file, questionnaire.codes(), [&](const formats::ResponseRow& row) {
        if (exclude_flagged && !row.flags.empty()) {
            ++flagged;
            return;
        }
        grouped.add(row.layanan, row.timestamp.date, row.answers);
    });

    const auto total = scoring::summarize(grouped.total(), questionnaire.scheme, options);
    std::vector<scoring::GroupSummary> groups;
    if (by != scoring::GroupBy::none) groups = scoring::summarize_groups(grouped, questionnaire.scheme, options);
    const auto* group_list = by != scoring::GroupBy::none ? &groups : nullptr;

    // Built completely before anything is written: nothing is half-printed.
    std::string output;
    if (args.flag("json")) {
        output = score_json(total, group_list, options.legacy_weight.has_value(), context.catalog).dump(1) + "\n";
    } else {
        ScoreTableInput input{file, &total, group_list, by, args.value("legacy"), exclude_flagged, flagged};
        output = score_table(input, questionnaire, context.catalog);
    }
    context.out << output << std::flush;
    return 0;
}

}  // namespace skm::tools
