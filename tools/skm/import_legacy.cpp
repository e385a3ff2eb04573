#include "tools/skm/import_legacy.hpp"

#include "formats/file_content.hpp"
#include "formats/legacy_import.hpp"
#include "scoring/summary.hpp"
#include "store/ids.hpp"
#include "store/settings.hpp"
#include "tools/skm/score_table.hpp"

#include <filesystem>
#include <fstream>

namespace skm::tools {
namespace {

formats::LegacyImportOptions import_options(const LegacyImportArgs& args) {
    formats::LegacyImportOptions options;
    if (args.source == "google-forms") {
        options.source = formats::LegacySource::google_forms;
    } else if (args.source == "spreadsheet") {
        options.source = formats::LegacySource::spreadsheet;
    } else {
        throw Error(ErrorKind::usage, Problem{"usage.bad_import_source", {{"value", args.source}}});
    }
    if (args.date_order) {
        if (*args.date_order == "dmy") options.date_order = formats::DateOrder::dmy;
        else if (*args.date_order == "mdy") options.date_order = formats::DateOrder::mdy;
        else throw Error(ErrorKind::usage, Problem{"usage.bad_date_order", {{"value", *args.date_order}}});
    }
    if (args.period) {
        options.period = scoring::parse_period(*args.period);
        if (!options.period) throw Error(ErrorKind::usage, Problem{"usage.bad_period", {{"value", *args.period}}});
    }
    options.layanan = args.layanan.value_or("");
    if (args.map) {
        options.map = formats::parse_import_map(formats::read_text_file(*args.map), *args.map);
    }
    return options;
}

// Where the template goes: beside the file, so the office finds it.
std::string template_path(const std::string& file) { return file + ".map.json"; }

[[noreturn]] void refuse_unresolved(Context& context, const std::string& file, const formats::LegacyImport& result) {
    for (const auto& u : result.unresolved) {
        if (u.first_row == 0) {
            context.err << context.catalog.format("import.unmapped_column", {{"file", file}, {"column", u.header}, {"number", std::to_string(u.column)}}) << "\n";
        } else {
            context.err << context.catalog.format("import.unmapped_label", {{"file", file}, {"column", u.header}, {"row", std::to_string(u.first_row)},
                                                                             {"rows", std::to_string(u.rows)}}) << "\n";
        }
    }
    const std::string path = template_path(file);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << formats::format_import_map(result.template_map, result.headers);
    out.close();
    if (!out) throw Error(ErrorKind::storage, Problem{"import.map_unwritable", {{"file", path}}});
    throw Error(ErrorKind::input, Problem{"import.unresolved", {{"file", file}, {"count", std::to_string(result.unresolved.size())}, {"map", path}}});
}

std::string mapping_text(Context& context, const formats::LegacyImport& result, const formats::Questionnaire& questionnaire) {
    std::string text = context.catalog.format("import.mapping_title", {}) + "\n";
    for (std::size_t c = 0; c < result.headers.size(); ++c) {
        text += "  " + result.headers[c] + " → " + formats::role_word(result.roles[c], questionnaire) + "\n";
    }
    return text;
}

}  // namespace

int run_legacy_import(Context& context, const LegacyImportArgs& args) {
    auto options = import_options(args);
    const bool have_db = args.database.db && std::filesystem::exists(*args.database.db);
    // A dry run never creates a database; it only reads one that is there.
    std::unique_ptr<OpenedStore> opened;
    if (!args.dry_run || have_db) opened = open_store(context, args.database);
    const formats::Questionnaire questionnaire =
        opened ? opened->questionnaire : cli::load_questionnaire(context, args.database);
    const std::string zone = opened ? store::stored_setting(*opened->store, formats::setting::kTimeZone)
                                          .value_or(formats::default_text(formats::setting::kTimeZone))
                                    : formats::default_text(formats::setting::kTimeZone);
    options.offset_minutes = formats::time_zone_offset_minutes(zone);

    const formats::FileContent content(args.file);
    const auto table = formats::read_import_table(content.view(), args.file);
    const auto result = formats::read_legacy_import(table, questionnaire, options, args.file);
    if (!result.unresolved.empty()) refuse_unresolved(context, args.file, result);

    std::vector<store::Submission> submissions;
    std::size_t present = 0;
    scoring::Tally tally(questionnaire.scheme.size());
    for (const auto& row : result.rows) {
        store::Submission& s = submissions.emplace_back();
        s.response = row.response;
        s.response.response_id = store::derived_uuid("skm-import/1\x1f" + questionnaire.id + "\x1f" + row.identity);
        s.questionnaire_id = questionnaire.id;
        if (opened && opened->store->contains(s.response.response_id)) {
            ++present;
        } else {
            tally.add(s.response.answers);
        }
    }
    const std::vector<std::pair<std::string, std::string>> counts = {
        {"file", args.file},
        {"rows", std::to_string(table.rows.size())},
        {"new", std::to_string(submissions.size() - present)},
        {"present", std::to_string(present)},
        {"outside", std::to_string(result.outside_period)},
        {"personal", std::to_string(result.personal_columns)},
        {"zone", zone}};
    if (args.dry_run) {
        std::string output = mapping_text(context, result, questionnaire);
        output += context.catalog.format("import.dry_run_counts", counts) + "\n";
        const auto summary = scoring::summarize(tally, questionnaire.scheme, {});
        ScoreTableInput input{args.file, &summary, nullptr, scoring::GroupBy::none, std::nullopt, false, 0};
        output += score_table(input, questionnaire, context.catalog);
        context.out << output << std::flush;
        return 0;
    }
    const auto stored = opened->store->import(submissions);
    opened->store->audit("skm", "import", args.file + " (" + args.source + "): " + std::to_string(stored.inserted) + " new");
    const std::vector<std::pair<std::string, std::string>> done = {
        {"file", args.file}, {"inserted", std::to_string(stored.inserted)}, {"present", std::to_string(stored.already_present)}};
    context.out << context.catalog.format(stored.inserted == 0 && stored.already_present > 0 ? "import.nothing_new" : "import.done", done) << "\n";
    context.out << context.catalog.format("import.legacy_counts", counts) << "\n";
    return 0;
}

}  // namespace skm::tools
