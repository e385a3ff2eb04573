// espeak-ng as a child process: posix_spawnp, never wait on the UI thread.
//
// Index: [lookup] [spawn] [EspeakSpeaker]
#include "kiosk/platform/espeak_speaker.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <utility>

namespace skm::kiosk::platform {
namespace {

// ---- [lookup] ----------------------------------------------------------------

bool is_executable_file(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(path.c_str(), X_OK) == 0;
}

// The same search posix_spawnp does: PATH entries in order ("" is the current directory).
bool found_on_path(const std::string& program) {
    if (program.empty()) return false;
    if (program.find('/') != std::string::npos) return is_executable_file(program);
    const char* path = std::getenv("PATH");
    const std::string dirs = path != nullptr && *path != '\0' ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        if (is_executable_file((dir.empty() ? "." : dir) + "/" + program)) return true;
        start = end + 1;
    }
    return false;
}

// ---- [spawn] -----------------------------------------------------------------

// Starts argv[0] in a process group of its own (so a wrapper script and its
// children are stopped together), stdin from /dev/null, default signal
// handling and no blocked signals whatever this process uses. -1 on failure.
pid_t spawn(std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    sigset_t none;
    sigset_t defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int signal_number : {SIGTERM, SIGINT, SIGPIPE, SIGCHLD}) sigaddset(&defaults, signal_number);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = -1;
    const int failed = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return failed == 0 ? pid : -1;
}

// SIGTERM/SIGKILL to the child's process group (and to the child itself, in
// case it left the group).
void signal_child(pid_t pid, int signal_number) {
    kill(-pid, signal_number);
    kill(pid, signal_number);
}

// true when `pid` is gone: reaped now, or not our child any more.
bool reaped(pid_t pid, int options) {
    for (;;) {
        const pid_t result = waitpid(pid, nullptr, options);
        if (result == pid) return true;
        if (result == 0) return false;                // still running (WNOHANG)
        if (result == -1 && errno == EINTR) continue;  // interrupted: ask again
        return true;                                   // ECHILD: SIGCHLD ignored or already reaped
    }
}

}  // namespace

// ---- [EspeakSpeaker] ---------------------------------------------------------

EspeakSpeaker::EspeakSpeaker(std::string program, std::vector<std::string> extra_args)
    : program_(std::move(program)), extra_args_(std::move(extra_args)), available_(found_on_path(program_)) {}

EspeakSpeaker::~EspeakSpeaker() {
    terminate_current();
    // espeak-ng dies at once on SIGTERM; give anything slower half a second.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    while (!terminated_.empty() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        reap_finished();
    }
    for (pid_t pid : terminated_) {
        signal_child(pid, SIGKILL);
        reaped(pid, 0);
    }
}

std::string EspeakSpeaker::voice_for(const std::string& language) { return language == "en" ? "en" : "id"; }

void EspeakSpeaker::say(const std::string& text, const std::string& language) {
    terminate_current();
    if (!available_ || text.empty()) return;
    std::vector<std::string> args{program_, "-v", voice_for(language), "-s", "150"};
    args.insert(args.end(), extra_args_.begin(), extra_args_.end());
    args.emplace_back("--");  // a text starting with '-' is still text
    args.push_back(text);
    current_ = spawn(args);  // a failed start speaks nothing, as documented
}

void EspeakSpeaker::stop() { terminate_current(); }

bool EspeakSpeaker::speaking() {
    reap_finished();
    return current_ > 0;
}

void EspeakSpeaker::terminate_current() {
    reap_finished();
    if (current_ > 0) {
        signal_child(current_, SIGTERM);
        terminated_.push_back(std::exchange(current_, -1));
    }
    reap_finished();
}

void EspeakSpeaker::reap_finished() {
    if (current_ > 0 && reaped(current_, WNOHANG)) current_ = -1;
    std::erase_if(terminated_, [](pid_t pid) { return reaped(pid, WNOHANG); });
}

}  // namespace skm::kiosk::platform
