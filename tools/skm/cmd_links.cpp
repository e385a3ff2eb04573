// `skm links --db DB --count N [--layanan NAME] -o links.pdf`: N one-time
// survey links (issue #21) printed as slips to hand out at the counter, each
// with its QR code, the office's name, the layanan and the day it expires.
// Thin: the links come from the link maker, the drawing from
// reports/link_slips; written under FILE.partial and renamed when whole.
#include "formats/settings_table.hpp"
#include "reports/link_slips.hpp"
#include "sync/link_keys.hpp"
#include "sync/link_token.hpp"
#include "store/office_data.hpp"
#include "store/settings.hpp"
#include "tools/skm/output_file.hpp"
#include "tools/skm/store_access.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>

namespace skm::tools {
namespace {

// At most this many slips at once: 125 A4 pages, a print run, not a typo's million.
constexpr std::uint64_t kMaxLinks = 1000;

struct LinksOptions {
    DatabaseOptions database;
    std::optional<std::uint64_t> count;
    std::optional<std::string> layanan, output;
};

// One link as the maker gives it.
struct IssuedLink {
    std::string url;
    std::int64_t expires_at = 0;  // unix seconds
};
using LinkIssuer = std::function<IssuedLink(const std::optional<std::string>& layanan)>;

// The kiosk's own link maker (sync/link_keys): signed with this device's key,
// valid for the setting link_valid_days; the expiry printed is the token's own.
LinkIssuer kiosk_issuer(store::Connection& db, store::Clock& clock) {
    return [&db, &clock](const std::optional<std::string>& layanan) {
        const std::string url = sync::issue_link_url(db, layanan, scoring::unix_seconds(clock.wall_now()));
        const auto claims = sync::parse_link_token(url.substr(url.rfind('/') + 1));
        if (!claims) throw Error(ErrorKind::internal, Problem{"error.internal", {{"detail", "issued link unreadable"}}});
        return IssuedLink{url, claims->expires_at};
    };
}

int run_links(Context& context, const LinksOptions& args) {
    if (!args.count) throw Error(ErrorKind::usage, Problem{"links.count_required", {}});
    if (!args.output || args.output->empty()) throw Error(ErrorKind::usage, Problem{"links.output_required", {}});
    std::string ending = std::filesystem::path(*args.output).extension().string();
    std::transform(ending.begin(), ending.end(), ending.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ending != ".pdf") throw Error(ErrorKind::usage, Problem{"links.bad_output", {{"file", *args.output}}});
    if (args.layanan && args.layanan->empty()) throw Error(ErrorKind::usage, Problem{"links.layanan_unknown", {{"layanan", ""}, {"known", ""}}});
    const auto& db = args.database.db;
    if (!db || db->empty()) throw Error(ErrorKind::usage, Problem{"usage.db_required", {}});

    auto opened = open_store(context, args.database, MissingDatabase::refuse);
    store::ResponseStore& stored = *opened->store;
    // A layanan the office does not offer would be printed and then refused by no one: a typo.
    const auto offered = store::active_layanan(stored.connection());
    if (args.layanan && !offered.empty() && std::find(offered.begin(), offered.end(), *args.layanan) == offered.end()) {
        std::string known;
        for (const auto& name : offered) known += (known.empty() ? "" : ", ") + name;
        throw Error(ErrorKind::usage, Problem{"links.layanan_unknown", {{"layanan", *args.layanan}, {"known", known}}});
    }
    reports::LinkSlipSheet sheet;
    sheet.office = store::stored_setting(stored, formats::setting::kOffice).value_or("");
    if (sheet.office.empty()) throw Error(ErrorKind::input, Problem{"links.office_unset", {{"file", *db}}});
    const auto hub = store::stored_setting(stored, formats::setting::kHubUrl).value_or("");
    if (hub.empty()) throw Error(ErrorKind::input, Problem{"links.no_hub", {{"file", *db}}});
    sheet.layanan = args.layanan;
    const scoring::Timestamp now = opened->clock.wall_now();
    sheet.made_on = now.date;

    // Before the hub took this kiosk's key, issue_link_url says so (sync.link_not_registered).
    const LinkIssuer issue = kiosk_issuer(stored.connection(), opened->clock);
    for (std::uint64_t i = 0; i < *args.count; ++i) {
        const IssuedLink link = issue(args.layanan);
        sheet.slips.push_back({link.url, scoring::timestamp_at(link.expires_at, now.offset_minutes)});
    }
    write_atomically(*args.output, reports::render_link_slips(sheet, context.catalog));
    const int pages = static_cast<int>((*args.count + reports::kSlipsPerPage - 1) / reports::kSlipsPerPage);
    context.out << context.catalog.format("links.done", {{"file", *args.output},
                                                         {"count", std::to_string(*args.count)},
                                                         {"pages", std::to_string(pages)}})
                << "\n";
    return 0;
}

void declare_links(CLI::App& command, LinksOptions& options) {
    add_database_options(command, options.database);
    cli::add_whole_number(command, "--count", options.count, {1, kMaxLinks, "links.bad_count"});
    cli::add_texts(command, {{"--layanan", &options.layanan}, {"-o,--output", &options.output}});
}

}  // namespace

void add_links(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("links", context, run_links, declare_links);
}

}  // namespace skm::tools
