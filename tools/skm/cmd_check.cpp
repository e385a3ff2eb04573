// `skm check REPORT.json [--json]`: audits the figures of a published report.
#include "formats/file_content.hpp"
#include "scoring/audit.hpp"
#include "scoring/scheme.hpp"
#include "tools/skm/context.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace skm::tools {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& file, const std::string& key, const std::string& field, const std::string& value) {
    throw Error(ErrorKind::input, Problem{key, {{"file", file}, {"field", field}, {"value", value}}});
}

// Printed figures arrive as strings ("86,30" too) or as JSON numbers.
scoring::Decimal decimal_field(const json& value, const std::string& file, const std::string& field) {
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    auto parsed = (value.is_string() || value.is_number()) ? scoring::parse_decimal(text) : std::nullopt;
    if (!parsed) bad(file, "check.bad_value", field, text);
    return *parsed;
}

scoring::PublishedReport parse_report(const json& root, const std::string& file) {
    if (!root.is_object()) bad(file, "check.bad_json", "/", "");
    static const std::set<std::string> kKnown = {"unsur", "ikm", "ikm_unit", "mutu", "bobot", "target", "capaian_percent"};
    scoring::PublishedReport report;
    for (const auto& [key, value] : root.items()) {
        if (!kKnown.count(key)) bad(file, "check.unknown_field", key, "");
    }
    if (root.contains("unsur")) {
        if (!root["unsur"].is_object()) bad(file, "check.bad_value", "unsur", root["unsur"].dump());
        for (const auto& [code, value] : root["unsur"].items()) {
            bool known = false;
            for (auto standard : scoring::kPermenpan2017Codes) known = known || code == standard;
            if (!known) bad(file, "check.unknown_unsur", "unsur." + code, code);
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
    optional_decimal("capaian_percent", report.capaian_percent);
    if (root.contains("mutu")) {
        const json& mutu = root["mutu"];
        const std::string text = mutu.is_string() ? mutu.get<std::string>() : mutu.dump();
        const char letter = text.empty() ? '?' : static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        if (letter < 'A' || letter > 'D' || (text.size() > 1 && text[1] != ' ' && text[1] != '(')) {
            bad(file, "check.bad_value", "mutu", text);
        }
        report.mutu = letter;
    }
    return report;
}

// Figures in the reader's own notation: "99,90" in Indonesian.
Problem localized(Problem finding, char separator) {
    for (auto& [name, value] : finding.args) {
        if (auto number = scoring::parse_decimal(value)) value = number->str(separator);
    }
    return finding;
}

int run_check(Context& context, const ArgumentsAndJson& args) {
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
    const auto findings = scoring::audit_report(parse_report(root, file));

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
        output = context.catalog.format("check.header", {{"file", file}, {"count", std::to_string(findings.size())}}) + "\n";
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
    command_line.add_command("check", context, run_check, declare_arguments_and_json);
}

}  // namespace skm::tools
