// Dashboard users from the command line (the first admin comes from here):
//   skm-hub user add --db PATH|URI --username NAME [--role admin|viewer]   password on standard input
//   skm-hub user list --db PATH|URI
#include "hub/hub_context.hpp"
#include "hub/web/password.hpp"
#include "hub/web/open_web_store.hpp"
#include "store/clock.hpp"

#include <iostream>

namespace skm::hub {
namespace {

struct UserOptions {
    std::vector<std::string> arguments;  // the action
    DatabaseOptions database;
    std::optional<std::string> username, role;
};

int run_user(HubContext& context, const UserOptions& args) {
    if (args.arguments.size() != 1 || (args.arguments[0] != "add" && args.arguments[0] != "list")) {
        throw Error(ErrorKind::usage, Problem{"web.user_usage", {}});
    }
    const std::string& action = args.arguments[0];
    auto hub = open_hub_store(context, args.database);  // creates or upgrades the schema
    const auto web_store = web::open_web_store(required(args.database.db, "--db"));
    web::WebStore& store = *web_store;
    if (action == "list") {
        for (const auto& user : store.users()) {
            context.out << user.username << "\t" << web::role_name(user.role) << "\t" << user.created_at << "\n";
        }
        return 0;
    }
    const std::string username = required(args.username, "--username");
    bool ok = username.size() <= 64;
    for (const char c : username) ok = ok && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
    if (!ok) throw Error(ErrorKind::usage, Problem{"hub.bad_name", {{"option", "--username"}, {"value", username}}});
    const auto role = web::parse_role(args.role.value_or("viewer"));
    if (!role) throw Error(ErrorKind::usage, Problem{"web.bad_role", {{"value", args.role.value_or("")}}});
    // One line from standard input, so the password is neither in the shell's history nor in `ps`.
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    web::check_new_password(password);
    store::SystemClock clock;
    store.add_user({username, web::hash_password(password), *role, store::iso8601(clock.wall_now())});
    store.audit({store::iso8601(clock.wall_now()), "(skm-hub user add)", "user_add",
                 username + " (" + std::string(web::role_name(*role)) + ")"});
    context.err << context.catalog.format("web.user_added", {{"username", username}, {"role", std::string(web::role_name(*role))}})
                << "\n";
    return 0;
}

void declare_user(CLI::App& command, UserOptions& options) {
    cli::add_arguments(command, options.arguments);
    cli::add_database_options(command, options.database);
    cli::add_texts(command, {{"--username", &options.username}, {"--role", &options.role}});
}

}  // namespace

void add_user(cli::CommandLine& command_line, HubContext& context) {
    command_line.add_command("user", context, run_user, declare_user);
}

}  // namespace skm::hub
