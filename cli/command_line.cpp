#include "cli/command_line.hpp"

#include "formats/assets_dir.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>

namespace skm::cli {
namespace {

// --lang and --assets are read before anything else: every other message needs the texts they choose.
struct EarlyOptions {
    std::string lang = "id";
    std::optional<std::filesystem::path> assets;
};

EarlyOptions early_options(int argc, const char* const* argv) {
    EarlyOptions early;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto take = [&](const std::string& name) -> std::optional<std::string> {
            if (arg == name && i + 1 < argc) return argv[++i];
            if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
            return std::nullopt;
        };
        if (const auto lang = take("--lang")) {
            early.lang = *lang;
        } else if (const auto assets = take("--assets")) {
            early.assets = *assets;
        }
    }
    return early;
}

// What is left of CLI11's own checks once every option takes its value as text:
// an option without its value, or a flag given one.
Error usage_error(const CLI::ParseError& error) {
    const std::string what = error.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
        // CLI11 starts these messages with the option's name: "--kecamatan: 1 required TEXT missing",
        // "json was given a disallowed flag override".
        std::string name = what.substr(0, what.find_first_of(": "));
        if (name.rfind('-', 0) != 0) name = "--" + name;
        if (what.find("required") != std::string::npos && what.find("missing") != std::string::npos) {
            return Error(ErrorKind::usage, Problem{"usage.missing_value", {{"option", name}}});
        }
        if (what.find("flag override") != std::string::npos) {
            return Error(ErrorKind::usage, Problem{"usage.flag_with_value", {{"option", name}}});
        }
    }
    return Error(ErrorKind::usage, Problem{"usage.bad_argument", {{"detail", what}}});
}

// The same settings for the program and each subcommand: a typo is an error
// (we read CLI11's leftovers ourselves to word it), the program's options count
// anywhere, and an option given twice keeps its last value.
void configure(CLI::App& app) {
    app.allow_extras();
    app.fallthrough();
    app.set_help_flag();
    app.require_subcommand(0, 1);
}

}  // namespace

CommandLine::CommandLine(const ProgramContext& context, Program program)
    : context_(context), program_(std::move(program)), app_(std::make_unique<CLI::App>(std::string(), program_.name)) {
    configure(*app_);
    app_->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app_->add_flag("-h,--help", help_);
    // Read by early_options already; declared so that CLI11 accepts them anywhere.
    app_->add_option_function<std::string>("--lang", [](const std::string&) {});
    app_->add_option_function<std::string>("--assets", [](const std::string&) {});
}

CommandLine::~CommandLine() = default;

CLI::App& CommandLine::add_command(const std::string& name, std::function<int()> run) {
    CLI::App* command = app_->add_subcommand(name);
    configure(*command);
    runs_[command] = std::move(run);
    return *command;
}

void CommandLine::add_help_command() {
    help_command_ = &add_command("help", [] { return 0; });
}

int CommandLine::parse_and_run(int argc, const char* const* argv) {
    try {
        app_->parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        throw usage_error(error);
    }
    const CLI::App* chosen = app_.get();
    while (!chosen->get_subcommands().empty()) chosen = chosen->get_subcommands().front();
    if (help_ || chosen == help_command_) {
        context_.out << context_.catalog.text(program_.usage_key) << "\n";
        return 0;
    }
    const auto left_over = app_->remaining(true);
    if (!left_over.empty()) {
        const std::string& first = left_over.front();
        if (chosen == app_.get() && first.rfind('-', 0) != 0 && !runs_.count(app_.get())) {
            throw Error(ErrorKind::usage, Problem{"usage.unknown_command", {{"command", first}}});
        }
        if (first.rfind('-', 0) == 0) throw Error(ErrorKind::usage, Problem{"usage.unknown_option", {{"option", first}}});
        throw Error(ErrorKind::usage, Problem{"usage.unexpected_argument", {{"argument", first}}});
    }
    const auto run = runs_.find(chosen);
    if (run == runs_.end()) {
        // No command at all: how to use the program, as a usage error.
        context_.err << context_.catalog.text(program_.usage_key) << "\n";
        return exit_code(ErrorKind::usage);
    }
    return run->second();
}

int run_program(const Program& program, int argc, char** argv,
                const std::function<void(CommandLine&, ProgramContext&)>& declare) {
    const EarlyOptions early = early_options(argc, argv);
    ProgramContext context{std::cout, std::cerr, {}, {}};
    try {
        context.assets = formats::find_assets(early.assets, std::getenv("SKM_ASSETS"), formats::current_executable(argv[0]));
        context.catalog = formats::Catalog::load(context.assets / "i18n", early.lang);
    } catch (...) {
        // No texts to word it with: the key and its values.
        const Failure failure = failure_of(std::current_exception());
        std::cerr << program.name << ": " << formats::Catalog().format(failure.problem) << "\n";
        return failure.exit_code();
    }
    try {
        CommandLine command_line(context, program);
        declare(command_line, context);
        return command_line.parse_and_run(argc, argv);
    } catch (...) {
        // skm::Error in plain words; anything else as an internal error, never std::terminate.
        const Failure failure = failure_of(std::current_exception());
        const auto& catalog = context.catalog;
        std::cerr << catalog.text("error.prefix") << ": " << catalog.format(failure.problem) << "\n";
        if (failure.kind == ErrorKind::usage) std::cerr << catalog.format("usage.hint", {{"program", program.name}}) << "\n";
        return failure.exit_code();
    }
}

}  // namespace skm::cli
