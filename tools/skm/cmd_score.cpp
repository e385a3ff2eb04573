// `skm score (FILE.csv | --db PATH) [--by …] [--legacy W] [--exclude-flagged] [--json]`
#include "formats/file_content.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/summary.hpp"
#include "tools/skm/context.hpp"
#include "tools/skm/score_json.hpp"
#include "tools/skm/score_table.hpp"
#include "tools/skm/store_access.hpp"

#include <cstdint>

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

struct ScoreCommandOptions {
    std::vector<std::string> arguments;
    DatabaseOptions database;
    std::optional<std::string> by, legacy;
    std::optional<std::uint64_t> population;
    bool exclude_flagged = false;
    bool json = false;
};

int run_score(Context& context, const ScoreCommandOptions& args) {
    const bool from_db = args.database.db.has_value();
    if (args.arguments.size() != (from_db ? 0u : 1u)) throw Error(ErrorKind::usage, Problem{"usage.score_needs_input", {}});
    const scoring::GroupBy by = parse_group_by(args.by);
    scoring::ScoreOptions options{parse_legacy(args.legacy), args.population};
    const bool exclude_flagged = args.exclude_flagged;

    std::unique_ptr<OpenedStore> opened;
    std::optional<formats::Questionnaire> file_questionnaire;
    if (from_db) {
        opened = open_store(context, args.database, MissingDatabase::refuse);
    } else {
        file_questionnaire = cli::load_questionnaire(context, args.database);
    }
    const formats::Questionnaire& questionnaire = from_db ? opened->questionnaire : *file_questionnaire;
    const std::string source = from_db ? *args.database.db : args.arguments[0];
    scoring::GroupedTally grouped(questionnaire.scheme.size(), by);
    std::size_t flagged = 0;
    if (from_db) {
        // The same rows `skm export` writes, so both paths score alike.
        opened->store->for_each({}, [&](const store::StoredRow& row) {
            const auto& r = row.submission.response;
            if (exclude_flagged && !r.flags.empty()) {
                ++flagged;
                return;
            }
            grouped.add(r.layanan, scoring::parse_timestamp(r.submitted_at)->date, r.answers);
        });
    } else {
        const formats::FileContent content(source);
        formats::read_response_csv(content.view(), source, questionnaire.codes(), [&](const formats::ResponseRow& row) {
            if (exclude_flagged && !row.flags.empty()) {
                ++flagged;
                return;
            }
            grouped.add(row.layanan, row.timestamp.date, row.answers);
        });
    }

    const auto total = scoring::summarize(grouped.total(), questionnaire.scheme, options);
    std::vector<scoring::GroupSummary> groups;
    if (by != scoring::GroupBy::none) groups = scoring::summarize_groups(grouped, questionnaire.scheme, options);
    const auto* group_list = by != scoring::GroupBy::none ? &groups : nullptr;

    // Built completely before anything is written: nothing is half-printed.
    std::string output;
    if (args.json) {
        output = score_json(total, group_list, options.legacy_weight.has_value(), context.catalog).dump(1) + "\n";
    } else {
        ScoreTableInput input{source, &total, group_list, by, args.legacy, exclude_flagged, flagged};
        output = score_table(input, questionnaire, context.catalog);
    }
    context.out << output << std::flush;
    return 0;
}

void declare_score(CLI::App& command, ScoreCommandOptions& options) {
    cli::add_arguments(command, options.arguments);
    add_database_options(command, options.database);
    cli::add_texts(command, {{"--by", &options.by}, {"--legacy", &options.legacy}});
    cli::add_whole_number(command, "--population", options.population, {1, UINT64_MAX, "usage.bad_population"});
    cli::add_flag(command, "--exclude-flagged", options.exclude_flagged);
    cli::add_flag(command, "--json", options.json);
}

}  // namespace

void add_score(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("score", context, run_score, declare_score);
}

}  // namespace skm::tools
