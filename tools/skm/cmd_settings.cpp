// `skm settings list [--json] | get KEY | set KEY VALUE  --db DB`
// The device database's settings, by the keys of formats/settings_table
// (docs/reference/settings.md). Populations are kept per year and layanan
// (--layanan "" = the whole office):
// `skm settings set population 1200 --year 2026 --layanan "KTP"` and
// `skm settings get population --year 2026 --layanan "KTP"`; a semester,
// triwulan or month's own figure with --period 2026-S1 instead of --year
// (docs/reference/settings.md#per-period-populations). A value the
// table refuses is an input error (exit 3) and nothing is written; each change
// is written to the audit log with the actor "cli".
#include "formats/settings_table.hpp"
#include "scoring/period.hpp"
#include "store/office_data.hpp"
#include "store/settings.hpp"
#include "tools/skm/store_access.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace skm::tools {
namespace {

using formats::SettingSpec;
using formats::SettingType;

// ---- what was asked ---------------------------------------------------------

struct SettingsOptions {
    std::vector<std::string> arguments;  // the action and its key and value
    DatabaseOptions database;
    std::optional<std::string> year, period, layanan;
    bool json = false;
};

struct SettingsRequest {
    std::string action;  // list, get, set
    const SettingSpec* spec = nullptr;
    std::string value;  // set
    int year = 0;        // population
    std::string period;  // population of a semester, triwulan or month ("2026-S1"); empty: the year's
    std::string layanan;
    bool json = false;
};

[[noreturn]] void usage(std::string key, std::vector<std::pair<std::string, std::string>> args = {}) {
    throw Error(ErrorKind::usage, Problem{std::move(key), std::move(args)});
}

// A key of the table that the device database keeps.
const SettingSpec& database_setting(const std::string& key) {
    const SettingSpec* spec = formats::find_setting(key);
    if (!spec) usage("usage.unknown_setting", {{"key", key}});
    if (!spec->per_year_layanan && *spec->stored == '\0') usage("usage.setting_in_config_file", {{"key", key}});
    return *spec;
}

SettingsRequest parse_request(const SettingsOptions& args) {
    SettingsRequest request;
    const auto& words = args.arguments;
    if (words.empty()) usage("usage.settings_needs_action");
    request.action = words[0];
    const std::size_t expected = request.action == "list" ? 1 : request.action == "get" ? 2 : request.action == "set" ? 3 : 0;
    if (expected == 0) usage("usage.settings_needs_action", {{"value", request.action}});
    if (words.size() != expected) usage("usage.settings_needs_action");
    request.json = args.json;
    if (request.json && request.action != "list") usage("usage.unknown_option", {{"option", "--json"}});
    if (expected >= 2) request.spec = &database_setting(words[1]);
    if (expected == 3) request.value = words[2];
    const bool per_year = request.spec && request.spec->per_year_layanan;
    if (!per_year && (args.year || args.period || args.layanan)) {
        usage("usage.unknown_option", {{"option", args.year ? "--year" : args.period ? "--period" : "--layanan"}});
    }
    if (per_year && args.period) {
        if (args.year) usage("usage.unknown_option", {{"option", "--year"}});
        if (!args.layanan) usage("usage.settings_needs_year_layanan", {{"key", request.spec->key}});
        const auto id = scoring::parse_period_key(*args.period);
        if (!id || id->kind == scoring::PeriodKind::year || id->year < 2000 || id->year > 2100) {
            usage("usage.bad_population_period", {{"value", *args.period}});
        }
        request.period = scoring::period_key(*id);
        request.layanan = *args.layanan;
    } else if (per_year) {
        const auto& year = args.year;
        const auto& layanan = args.layanan;
        if (!year || !layanan) usage("usage.settings_needs_year_layanan", {{"key", request.spec->key}});
        auto [end, error] = std::from_chars(year->data(), year->data() + year->size(), request.year);
        if (error != std::errc() || end != year->data() + year->size() || request.year < 2000 || request.year > 2100) {
            usage("usage.bad_year", {{"value", *year}});
        }
        request.layanan = *layanan;
    }
    return request;
}

// ---- the answers ------------------------------------------------------------

// What a setting holds now: the stored value the table accepts, else the default.
struct Current {
    std::string value;
    bool is_default = true;
};

Current current(const store::ResponseStore& db, const SettingSpec& spec) {
    const auto stored = store::stored_setting(db, spec);
    if (stored && !formats::check_setting(spec, *stored)) return {*stored, false};
    return {formats::default_text(spec), true};
}

nlohmann::ordered_json typed(const SettingSpec& spec, const std::string& value) {
    if (spec.type == SettingType::integer) return *formats::integer_value(spec, value);
    if (spec.type == SettingType::boolean) return value == "true";
    return value;
}

std::string shown(const Context& context, const SettingSpec& spec, const Current& now) {
    if (spec.secret) return context.catalog.text(now.is_default ? "settings.secret_unset" : "settings.secret_set");
    return now.value;
}

int list(Context& context, const store::ResponseStore& db, bool json) {
    const auto populations = store::populations(db.connection());
    if (json) {
        nlohmann::ordered_json settings = nlohmann::ordered_json::array();
        for (const SettingSpec* spec : formats::kSettingsTable) {
            if (*spec->stored == '\0') continue;
            const Current now = current(db, *spec);
            nlohmann::ordered_json entry = {{"key", spec->key}};
            if (spec->secret) {
                entry["is_set"] = !now.is_default;
            } else {
                entry["value"] = typed(*spec, now.value);
                entry["default"] = typed(*spec, formats::default_text(*spec));
                entry["is_default"] = now.is_default;
            }
            settings.push_back(entry);
        }
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& p : populations) rows.push_back({{"year", p.year}, {"layanan", p.layanan}, {"population", p.population}});
        context.out << nlohmann::ordered_json{{"settings", settings}, {"populations", rows}}.dump() << "\n";
        return 0;
    }
    for (const SettingSpec* spec : formats::kSettingsTable) {
        if (*spec->stored == '\0') continue;
        const Current now = current(db, *spec);
        context.out << context.catalog.format(now.is_default ? "settings.line_default" : "settings.line",
                                              {{"key", spec->key}, {"value", shown(context, *spec, now)},
                                               {"label", context.catalog.text(spec->label)}})
                    << "\n";
    }
    for (const auto& p : populations) {
        context.out << context.catalog.format("settings.line_population", {{"year", std::to_string(p.year)},
                                                                           {"layanan", p.layanan},
                                                                           {"value", std::to_string(p.population)}})
                    << "\n";
    }
    return 0;
}

int get(Context& context, const store::ResponseStore& db, const SettingsRequest& request) {
    if (request.spec->per_year_layanan) {
        const bool own_period = !request.period.empty();
        const auto population = own_period ? store::period_population(db.connection(), request.period, request.layanan)
                                           : store::population(db.connection(), request.year, request.layanan);
        if (!population) {
            const std::string when = own_period ? request.period : std::to_string(request.year);
            throw Error(ErrorKind::input, Problem{"settings.population_unset", {{"year", when}, {"layanan", request.layanan}}});
        }
        context.out << *population << "\n";
        return 0;
    }
    context.out << shown(context, *request.spec, current(db, *request.spec)) << "\n";
    return 0;
}

int set(Context& context, store::ResponseStore& db, const SettingsRequest& request) {
    const SettingSpec& spec = *request.spec;
    if (!(spec.changed_by & formats::changed_by::kCli)) usage("usage.setting_not_changeable", {{"key", spec.key}});
    if (spec.per_year_layanan) {
        if (!request.layanan.empty() && !store::layanan_known(db.connection(), request.layanan)) {
            throw Error(ErrorKind::input, Problem{"office.layanan_unknown", {{"name", request.layanan}}});
        }
        const auto value = formats::integer_value(spec, request.value);
        if (!value) throw Error(ErrorKind::input, *formats::check_setting(spec, request.value));
        const bool own_period = !request.period.empty();
        const auto population = static_cast<std::uint64_t>(*value);
        auto refused = own_period ? store::set_period_population(db.connection(), request.period, request.layanan, population)
                                  : store::set_population(db.connection(), request.year, request.layanan, population);
        if (refused) throw Error(ErrorKind::input, std::move(*refused));
        const std::string when = own_period ? request.period : std::to_string(request.year);
        db.audit("cli", "population", when + " " + request.layanan + " = " + std::to_string(*value));
    } else {
        // A secret never reaches the terminal or the audit log, not even in a refusal.
        if (auto refused = store::change_setting(db, spec, request.value)) {
            throw Error(ErrorKind::input, spec.secret ? Problem{refused->key, {}} : std::move(*refused));
        }
        db.audit("cli", spec.stored, spec.secret ? "set" : *store::stored_setting(db, spec));
    }
    context.out << context.catalog.format("settings.saved", {{"key", spec.key}}) << "\n";
    return 0;
}

int run_settings(Context& context, const SettingsOptions& args) {
    const SettingsRequest request = parse_request(args);
    auto opened = open_store(context, args.database);
    store::ResponseStore& db = *opened->store;
    if (request.action == "list") return list(context, db, request.json);
    if (request.action == "get") return get(context, db, request);
    return set(context, db, request);
}

void declare_settings(CLI::App& command, SettingsOptions& options) {
    cli::add_arguments(command, options.arguments);
    add_database_options(command, options.database);
    cli::add_texts(command, {{"--year", &options.year}, {"--period", &options.period}, {"--layanan", &options.layanan}});
    cli::add_flag(command, "--json", options.json);
}

}  // namespace

void add_settings(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("settings", context, run_settings, declare_settings);
}

}  // namespace skm::tools
