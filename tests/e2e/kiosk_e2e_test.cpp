// The real skm-kiosk binary on an X server (CTest runs this under xvfb-run),
// driven by synthetic pointer input from xdotool like a citizen's finger:
// it completes a survey and the response is in SQLite with the right answers;
// a citizen double-tapping every face stores exactly those answers and no saran.
// Button positions come from `skm-kiosk --screenshots`, whose PNGs and
// buttons.json are kept as test artifacts under the build tree.
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace skm::testing {
namespace {

const std::string kKiosk = std::string(SKM_BINARY_DIR) + "/kiosk/skm-kiosk";
const std::string kArtifacts = std::string(SKM_BINARY_DIR) + "/test-artifacts/kiosk-screenshots";

std::string sh(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

struct Point {
    int x = 0;
    int y = 0;
};

// The centre of button `id` on the screenshot of `screen` (1280x800, Indonesian).
Point button_on(const nlohmann::json& index, const std::string& screen, const std::string& id) {
    for (const auto& [file, shot] : index.items()) {
        if (file.rfind("1280x800-id-", 0) != 0 || shot["screen"] != screen) continue;
        for (const auto& b : shot["buttons"]) {
            if (b["id"] == id) {
                return {static_cast<int>(b["x"].get<double>() + b["w"].get<double>() / 2),
                        static_cast<int>(b["y"].get<double>() + b["h"].get<double>() / 2)};
            }
        }
    }
    throw std::runtime_error("no button " + id + " on " + screen);
}

// Every screen as PNG and where its buttons are, made once per run by
// `skm-kiosk --screenshots` (and checked: nothing overflows, nothing is blank).
const nlohmann::json& screenshot_index() {
    static const nlohmann::json index = [] {
        std::filesystem::remove_all(kArtifacts);
        const auto shots = run_program({kKiosk, "--screenshots", kArtifacts});
        EXPECT_EQ(shots.exit_code, 0) << shots.err;
        std::ifstream in(kArtifacts + "/buttons.json");
        return nlohmann::json::parse(in);
    }();
    return index;
}

// The kiosk on a fresh database at 1280x800, tapped by xdotool.
class RunningKiosk {
public:
    RunningKiosk() : db_(make_temp_dir() + "/skm.db") {
        pid_ = fork();
        if (pid_ == 0) {
            execl(kKiosk.c_str(), kKiosk.c_str(), "--db", db_.c_str(), "--size", "1280x800", static_cast<char*>(nullptr));
            _exit(127);
        }
        window_ = sh("xdotool search --sync --onlyvisible --name 'SKM' | head -1");
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
    }
    ~RunningKiosk() { stop(); }
    bool started() const { return pid_ > 0 && !window_.empty(); }
    // `clicks` taps on the button, `gap_ms` apart (2, 120: a hurried double tap), then time to read.
    void tap(const std::string& screen, const std::string& id, int clicks = 1, int gap_ms = 120) {
        const Point p = button_on(screenshot_index(), screen, id);
        const std::string command = "xdotool mousemove --window " + window_ + " " + std::to_string(p.x) + " " +
                                    std::to_string(p.y) + " click --repeat " + std::to_string(clicks) + " --delay " +
                                    std::to_string(gap_ms) + " 1";
        ASSERT_EQ(std::system(command.c_str()), 0);
        // A citizen reads each screen; also past the settle time of the new one.
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    }
    void stop() {
        if (pid_ <= 0) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
    }
    const std::string& db() const { return db_; }

private:
    std::string db_;
    pid_t pid_ = -1;
    std::string window_;
};

// The stored responses' columns, one row each.
std::vector<std::vector<std::string>> stored_rows(const std::string& db) {
    std::vector<std::vector<std::string>> rows;
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(handle,
                                 "SELECT layanan, jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, device_id "
                                 "FROM responses",
                                 -1, &stmt, nullptr),
              SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < 8; ++i) {
            const auto* text = sqlite3_column_text(stmt, i);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "<NULL>");
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return rows;
}

TEST(KioskEndToEnd, ACitizenCompletesASurveyAndTheRowIsInSqlite) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    ASSERT_EQ(std::system("command -v xdotool >/dev/null"), 0) << "xdotool is missing (scripts/install-deps)";

    // 1. Every screen as PNG, and where its buttons are.
    const auto& index = screenshot_index();
    ASSERT_GE(index.size(), 2u * 3u * 18u);
    for (const auto& [file, shot] : index.items()) {
        EXPECT_EQ(shot["overflows"], 0) << file;
        EXPECT_GT(std::filesystem::file_size(kArtifacts + "/" + file), 5000u) << file;
    }

    // 2. The kiosk itself, on a fresh database.
    RunningKiosk kiosk;
    ASSERT_TRUE(kiosk.started());
    kiosk.tap("welcome", "start");
    kiosk.tap("layanan", "layanan_2");
    kiosk.tap("profile-1", "profile_0");  // Laki-laki
    kiosk.tap("profile-2", "profile_2");  // 30-39
    kiosk.tap("profile-3", "profile_4");  // S1
    kiosk.tap("profile-4", "profile_3");  // Swasta
    const int answers[9] = {4, 3, 4, 4, 3, 2, 4, 1, 3};
    for (int i = 0; i < 9; ++i) kiosk.tap("unsur-" + std::to_string(i + 1), "answer_" + std::to_string(answers[i]));
    kiosk.tap("saran", "key_o");
    kiosk.tap("saran", "key_k");
    kiosk.tap("saran", "submit");
    kiosk.stop();

    // Exactly one response, with these columns.
    const std::vector<std::vector<std::string>> expected = {{"Akta/Surat Keterangan", "L", "30-39", "S1", "Swasta",
                                                             "persyaratan=4;prosedur=3;waktu=4;biaya=4;produk=3;kompetensi=2;perilaku=4;pengaduan=1;sarana=3",
                                                             "ok", "kiosk-sukamaju-01"}};
    EXPECT_EQ(stored_rows(kiosk.db()), expected);
}

// A hurried citizen double-taps (120 ms apart) every face, the last one too:
// each second tap lands on the next screen — a face of the next question, or
// the saran keyboard — and must do nothing there. Stored: exactly the
// answers tapped, and no saran ("Lewati" stayed "Lewati").
TEST(KioskEndToEnd, DoubleTappingEveryFaceStoresExactlyTheAnswersAndNoSaran) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    ASSERT_EQ(std::system("command -v xdotool >/dev/null"), 0) << "xdotool is missing (scripts/install-deps)";
    RunningKiosk kiosk;
    ASSERT_TRUE(kiosk.started());
    kiosk.tap("welcome", "start", 2);
    kiosk.tap("layanan", "layanan_0", 2);
    kiosk.tap("profile-1", "profile_1", 2);  // Perempuan
    kiosk.tap("profile-2", "profile_0", 2);  // <20
    kiosk.tap("profile-3", "profile_2", 2);  // SMA
    kiosk.tap("profile-4", "profile_0", 2);  // PNS
    const int answers[9] = {1, 2, 3, 4, 4, 3, 2, 1, 4};  // every face, twice over, ending on one over the keyboard
    for (int i = 0; i < 9; ++i) kiosk.tap("unsur-" + std::to_string(i + 1), "answer_" + std::to_string(answers[i]), 2);
    kiosk.tap("saran", "submit");  // "Lewati": it must still say so
    kiosk.stop();

    // Exactly one response, with these columns.
    const std::vector<std::vector<std::string>> expected = {{"KTP-el", "P", "<20", "SMA", "PNS",
                                                             "persyaratan=1;prosedur=2;waktu=3;biaya=4;produk=4;kompetensi=3;perilaku=2;pengaduan=1;sarana=4",
                                                             "", "kiosk-sukamaju-01"}};
    EXPECT_EQ(stored_rows(kiosk.db()), expected);
}

}  // namespace
}  // namespace skm::testing
