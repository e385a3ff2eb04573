#include "store/startup_work.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <exception>

namespace skm::store {
namespace {

Problem problem_of(const std::exception& error, const std::string& path) {
    if (const auto* skm_error = dynamic_cast<const Error*>(&error)) return skm_error->problem();
    return Problem{"store.failed", {{"file", path}, {"detail", error.what()}, {"code", "0"}}};
}

std::string detail_of(const Problem& problem) {
    for (const auto& [name, value] : problem.args) {
        if (name == "detail") return value;
    }
    return problem.key;
}

}  // namespace

StartupWork::StartupWork(std::string path, const char* vfs, scoring::ScoringScheme scheme, StartupHooks hooks)
    : path_(std::move(path)), vfs_(vfs), scheme_(std::move(scheme)), hooks_(std::move(hooks)) {}

StartupWork::~StartupWork() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

void StartupWork::start() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        status_.state = IntegrityStatus::State::running;
    }
    thread_ = std::thread([this] { run(); });
}

int StartupWork::progress(void* self) { return static_cast<StartupWork*>(self)->stopping_ ? 1 : 0; }

void StartupWork::run() {
    // The screen comes first: this thread only gets the CPU the kiosk leaves
    // (Linux: a thread's own nice value). Failing to lower it changes nothing else.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    std::unique_ptr<Connection> reader;
    try {
        // Opened read-write although it only reads: on a read-only connection
        // SQLite's quick_check skips the CHECK constraints (8x faster, but not
        // the check startup used to run). It never writes, and it closes
        // before the kiosk's own connection, so it never checkpoints either.
        reader = std::make_unique<Connection>(path_, SQLITE_OPEN_READWRITE, vfs_);
        sqlite3_progress_handler(reader->handle(), 1000, &StartupWork::progress, this);
    } catch (const std::exception& error) {
        // Nothing can be read this way: the owner counts on its own connection.
        std::lock_guard lock(mutex_);
        tallies_ = Tallies{std::nullopt, problem_of(error, path_)};
        tallies_done_ = true;
        status_.state = IntegrityStatus::State::not_run;
        status_.problem = problem_of(error, path_);
        check_done_ = true;
        changed_.notify_all();
        return;
    }
    count(*reader);
    check(*reader);
}

void StartupWork::count(const Connection& reader) {
    Tallies result;
    try {
        if (hooks_.before_tally_snapshot) hooks_.before_tally_snapshot();
        result.counted = count_tallies(reader, scheme_, hooks_.after_tally_snapshot);
    } catch (const std::exception& error) {
        result.problem = problem_of(error, path_);
    }
    std::lock_guard lock(mutex_);
    count_problem_ = result.problem;
    tallies_ = std::move(result);
    tallies_done_ = true;
    changed_.notify_all();
}

void StartupWork::check(const Connection& reader) {
    const auto started = std::chrono::steady_clock::now();
    IntegrityStatus result;
    try {
        Statement quick_check(reader, "PRAGMA quick_check");
        while (quick_check.step()) result.findings.emplace_back(quick_check.text(0));
        result.state = result.findings == std::vector<std::string>{"ok"} ? IntegrityStatus::State::ok
                                                                         : IntegrityStatus::State::damaged;
    } catch (const std::exception& error) {
        const Problem problem = problem_of(error, path_);
        if (problem.key == "store.corrupt") {
            result.state = IntegrityStatus::State::damaged;
            result.findings = {detail_of(problem)};
        } else {
            result.state = IntegrityStatus::State::not_run;
            result.problem = problem;
        }
    }
    result.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::lock_guard lock(mutex_);
    // Rows the count could not read are damage even if quick_check passed them.
    if (result.state != IntegrityStatus::State::damaged && count_problem_ && count_problem_->key == "store.corrupt") {
        result.state = IntegrityStatus::State::damaged;
        result.findings = {detail_of(*count_problem_)};
        result.problem.reset();
    }
    status_ = std::move(result);
    check_done_ = true;
    changed_.notify_all();
}

StartupWork::Tallies StartupWork::wait_for_tallies() {
    start();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return tallies_done_; });
    Tallies taken = tallies_ ? std::move(*tallies_) : Tallies{};
    tallies_.reset();
    return taken;
}

bool StartupWork::tallies_done() const {
    std::lock_guard lock(mutex_);
    return tallies_done_;
}

IntegrityStatus StartupWork::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void StartupWork::wait_until_checked() {
    start();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return check_done_; });
}

}  // namespace skm::store
