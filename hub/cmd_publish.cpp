// Publishing a config to the kiosks (they fetch it on their next sync and
// apply it between surveys):
//   skm-hub publish --db DB --file CONFIG.json [--kecamatan NAME]
// CONFIG.json: {"layanan": [...], "questionnaire": {"id": …, "version": …},
// "targets": [{"year": 2026, "layanan": "", "target": "85.00"}, ...]},
// checked exactly as a kiosk checks it before anything is stored.
#include "formats/file_content.hpp"
#include "hub/hub_context.hpp"
#include "store/clock.hpp"
#include "sync/config_protocol.hpp"

#include <nlohmann/json.hpp>

namespace skm::hub {
namespace {

store::PublishedConfig read_config_file(const std::string& file, const std::string& now) {
    const std::string text = formats::read_text_file(file);
    auto refuse = [&](const std::string& detail) {
        return Error(ErrorKind::input, Problem{"hub.bad_config_file", {{"file", file}, {"detail", detail}}});
    };
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw refuse("protocol.not_json");
    for (const char* own : {"protocol", "config_version", "published_at"}) doc.erase(own);  // the hub sets these
    doc["protocol"] = sync::kProtocolVersion;
    doc["config_version"] = 1;
    doc["published_at"] = now;
    auto decoded = sync::decode_config(doc.dump());
    if (const auto* error = std::get_if<sync::ProtocolError>(&decoded)) throw refuse(error->key + " " + error->where);
    return std::get<store::PublishedConfig>(decoded);
}

struct PublishOptions {
    DatabaseOptions database;
    std::optional<std::string> file, kecamatan;
};

int run_publish(HubContext& context, const PublishOptions& args) {
    const std::string kecamatan = args.kecamatan.value_or("");
    if (kecamatan.size() > 200) {
        throw Error(ErrorKind::usage, Problem{"hub.bad_name", {{"option", "--kecamatan"}, {"value", kecamatan}}});
    }
    store::SystemClock clock;
    const std::string now = store::iso8601(clock.wall_now());
    const store::PublishedConfig config = read_config_file(required(args.file, "--file"), now);
    auto store = open_hub_store(context, args.database);
    const std::int64_t version = store->publish_config(config, kecamatan, now);
    context.out << context.catalog.format("hub.published", {{"version", std::to_string(version)},
                                                            {"kecamatan", kecamatan.empty() ? "*" : kecamatan},
                                                            {"layanan", std::to_string(config.layanan.size())}})
                << "\n";
    return 0;
}

void declare_publish(CLI::App& command, PublishOptions& options) {
    cli::add_database_options(command, options.database);
    cli::add_texts(command, {{"--file", &options.file}, {"--kecamatan", &options.kecamatan}});
}

}  // namespace

void add_publish(cli::CommandLine& command_line, HubContext& context) {
    command_line.add_command("publish", context, run_publish, declare_publish);
}

}  // namespace skm::hub
