// `skm check REPORT.json [--json] [--missing-unsur CODE,...]`: audits the figures of a published report.
#include "formats/catalog.hpp"
#include "formats/file_content.hpp"
#include "formats/questionnaire.hpp"
#include "scoring/audit.hpp"
#include "scoring/mutu.hpp"
#include "scoring/scheme.hpp"
#include "tools/skm/context.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace skm::tools {
namespace {

using nlohmann::json;

struct CheckOptions {
    std::vector<std::string> arguments;  // REPORT.json
    bool json = false;
    std::set<std::string> missing_unsur;  // codes left out of the report on purpose
};

bool is_unsur_code(const std::string& code) {
    return std::any_of(scoring::kPermenpan2017Codes.begin(), scoring::kPermenpan2017Codes.end(),
                       [&](std::string_view standard) { return code == standard; });
}

std::string joined(const std::set<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return out;
}

// --missing-unsur persyaratan,biaya: every code one of Permenpan 14/2017's.
void take_missing_unsur(const std::string& value, std::set<std::string>& target) {
    std::istringstream list(value);
    for (std::string code; std::getline(list, code, ',');) {
        if (!is_unsur_code(code)) throw Error(ErrorKind::usage, Problem{"usage.bad_missing_unsur", {{"value", code}}});
        target.insert(code);
    }
}

void declare_check(CLI::App& command, CheckOptions& options) {
    cli::add_arguments(command, options.arguments);
    cli::add_flag(command, "--json", options.json);
    cli::add_checked_text(command, "--missing-unsur",
                          [&options](const std::string& value) { take_missing_unsur(value, options.missing_unsur); });
}

[[noreturn]] void bad(const std::string& file, const std::string& key, const std::string& field, const std::string& value) {
    throw Error(ErrorKind::input, Problem{key, {{"file", file}, {"field", field}, {"value", value}}});
}

// Printed figures arrive as strings ("86,30" too) or as JSON numbers; a
// percentage may keep its sign ("99,93%", "99.93 %").
scoring::Decimal decimal_field(const json& value, const std::string& file, const std::string& field,
                               bool percent = false) {
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    std::string number = text;
    if (percent && value.is_string() && !number.empty() && number.back() == '%') {
        number.pop_back();
        while (!number.empty() && number.back() == ' ') number.pop_back();
    }
    auto parsed = (value.is_string() || value.is_number()) ? scoring::parse_decimal(number) : std::nullopt;
    if (!parsed) bad(file, "check.bad_value", field, text);
    return *parsed;
}

std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Mutu as the regulation's word ("Baik", any case) or a catalog's ("Good").
std::optional<char> mutu_from_word(const std::string& text, const formats::Catalogs& catalogs) {
    const std::string word = lowercase(text);
    for (auto mutu : {scoring::Mutu::A, scoring::Mutu::B, scoring::Mutu::C, scoring::Mutu::D}) {
        const char letter = scoring::mutu_letter(mutu);
        bool same = word == lowercase(std::string(scoring::kinerja_official(mutu)));
        for (auto lang : formats::kLanguages) {
            same = same || word == lowercase(catalogs.of(lang).text(std::string("kinerja.") + letter));
        }
        if (same) return letter;
    }
    return std::nullopt;
}

// Mutu as a letter ("B", "B (Baik)") or a word.
char mutu_field(const json& mutu, const std::string& file, const formats::Catalogs& catalogs) {
    const std::string text = mutu.is_string() ? mutu.get<std::string>() : mutu.dump();
    if (mutu.is_string()) {
        if (auto letter = mutu_from_word(text, catalogs)) return *letter;
    }
    const char letter = text.empty() ? '?' : static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    if (letter < 'A' || letter > 'D' || (text.size() > 1 && text[1] != ' ' && text[1] != '(')) {
        bad(file, "check.bad_mutu", "mutu", text);
    }
    return letter;
}

scoring::PublishedReport parse_report(const json& root, const std::string& file, const formats::Catalogs& catalogs) {
    if (!root.is_object()) bad(file, "check.bad_json", "/", "");
    static const std::set<std::string> kKnown = {"unsur", "ikm", "ikm_unit", "mutu", "bobot", "target", "capaian_percent"};
    scoring::PublishedReport report;
    for (const auto& [key, value] : root.items()) {
        if (!kKnown.count(key)) bad(file, "check.unknown_field", key, "");
    }
    if (root.contains("unsur")) {
        if (!root["unsur"].is_object()) bad(file, "check.bad_value", "unsur", root["unsur"].dump());
        for (const auto& [code, value] : root["unsur"].items()) {
            if (!is_unsur_code(code)) bad(file, "check.unknown_unsur", "unsur." + code, code);
            report.unsur.emplace_back(code, decimal_field(value, file, "unsur." + code));
        }
    }
    auto optional_decimal = [&](const char* name, std::optional<scoring::Decimal>& target) {
        if (root.contains(name)) target = decimal_field(root[name], file, name);
    };
    optional_decimal("ikm", report.ikm);
    optional_decimal("ikm_unit", report.ikm_unit);
    optional_decimal("bobot", report.bobot);
    optional_decimal("target", report.target);
    if (root.contains("capaian_percent")) {
        report.capaian_percent = decimal_field(root["capaian_percent"], file, "capaian_percent", true);
    }
    if (root.contains("mutu")) report.mutu = mutu_field(root["mutu"], file, catalogs);
    return report;
}

// A report of 1–8 unsur is audited only when --missing-unsur names exactly
// the ones it leaves out: a forgotten row would otherwise pass unnoticed.
void check_unsur_complete(const scoring::PublishedReport& report, const std::string& file,
                          const std::set<std::string>& declared) {
    if (report.unsur.empty()) return;
    std::set<std::string> missing;
    for (auto standard : scoring::kPermenpan2017Codes) missing.emplace(standard);
    for (const auto& [code, value] : report.unsur) missing.erase(code);
    if (missing == declared) return;
    std::set<std::string> listed;
    for (const auto& code : declared) {
        if (!missing.count(code)) listed.insert(code);
    }
    if (!listed.empty()) {
        throw Error(ErrorKind::input, Problem{"check.missing_unsur_listed", {{"file", file}, {"codes", joined(listed)}}});
    }
    throw Error(ErrorKind::input, Problem{"check.unsur_missing",
                                          {{"file", file},
                                           {"count", std::to_string(report.unsur.size())},
                                           {"missing", joined(missing)}}});
}

// Figures in the reader's own notation: "99,90" in Indonesian.
Problem localized(Problem finding, char separator) {
    for (auto& [name, value] : finding.args) {
        if (auto number = scoring::parse_decimal(value)) value = number->str(separator);
    }
    return finding;
}

int run_check(Context& context, const CheckOptions& args) {
    if (args.arguments.size() != 1) throw Error(ErrorKind::usage, Problem{"usage.check_needs_file", {}});
    const std::string& file = args.arguments[0];
    json root;
    try {
        root = json::parse(formats::read_text_file(file));
    } catch (const json::parse_error& error) {
        bad(file, "check.bad_json", "-", std::to_string(error.byte));
    } catch (const json::exception&) {  // a number too big for any type
        bad(file, "check.bad_json", "-", "-");
    }
    const auto report = parse_report(root, file, formats::Catalogs::load(context.assets / "i18n"));
    check_unsur_complete(report, file, args.missing_unsur);
    const auto findings = scoring::audit_report(report);

    std::string output;
    if (args.json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& finding : findings) {
            nlohmann::ordered_json item = {{"code", finding.key.substr(finding.key.find('.') + 1)},
                                           {"message", context.catalog.format(localized(finding, context.catalog.decimal_separator()))}};
            nlohmann::ordered_json values = nlohmann::ordered_json::object();
            for (const auto& [name, value] : finding.args) values[name] = value;
            item["values"] = std::move(values);
            list.push_back(std::move(item));
        }
        output = nlohmann::ordered_json{{"findings", list}}.dump(1) + "\n";
    } else if (findings.empty()) {
        output = context.catalog.format("check.none", {{"file", file}}) + "\n";
    } else {
        const char* header = findings.size() == 1 ? "check.header_one" : "check.header";
        output = context.catalog.format(header, {{"file", file}, {"count", std::to_string(findings.size())}}) + "\n";
        for (std::size_t i = 0; i < findings.size(); ++i) {
            output += std::to_string(i + 1) + ". " +
                      context.catalog.format(localized(findings[i], context.catalog.decimal_separator())) + "\n";
        }
    }
    context.out << output << std::flush;
    return findings.empty() ? 0 : 1;
}

}  // namespace

void add_check(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("check", context, run_check, declare_check);
}

}  // namespace skm::tools
