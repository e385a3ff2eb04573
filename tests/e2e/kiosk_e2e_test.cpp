// The real skm-kiosk binary on an X server (CTest runs this under xvfb-run),
// driven by synthetic pointer input from xdotool like a citizen's finger:
// it completes a survey and the response is in SQLite with the right answers.
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

TEST(KioskEndToEnd, ACitizenCompletesASurveyAndTheRowIsInSqlite) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    ASSERT_EQ(std::system("command -v xdotool >/dev/null"), 0) << "xdotool is missing (scripts/install-deps)";

    // 1. Every screen as PNG, and where its buttons are.
    std::filesystem::remove_all(kArtifacts);
    const auto shots = run_program({kKiosk, "--screenshots", kArtifacts});
    ASSERT_EQ(shots.exit_code, 0) << shots.err;
    std::ifstream in(kArtifacts + "/buttons.json");
    const auto index = nlohmann::json::parse(in);
    ASSERT_GE(index.size(), 2u * 3u * 18u);
    for (const auto& [file, shot] : index.items()) {
        EXPECT_EQ(shot["overflows"], 0) << file;
        EXPECT_GT(std::filesystem::file_size(kArtifacts + "/" + file), 5000u) << file;
    }

    // 2. The kiosk itself, on a fresh database.
    const std::string db = make_temp_dir() + "/skm.db";
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        execl(kKiosk.c_str(), kKiosk.c_str(), "--db", db.c_str(), "--size", "1280x800", static_cast<char*>(nullptr));
        _exit(127);
    }
    const std::string window = sh("xdotool search --sync --onlyvisible --name 'SKM' | head -1");
    ASSERT_FALSE(window.empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    auto tap = [&](const std::string& screen, const std::string& id) {
        const Point p = button_on(index, screen, id);
        const std::string command = "xdotool mousemove --window " + window + " " + std::to_string(p.x) + " " +
                                    std::to_string(p.y) + " click 1";
        ASSERT_EQ(std::system(command.c_str()), 0);
        // A citizen reads each screen; also past the double-tap guard.
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    };
    tap("welcome", "start");
    tap("layanan", "layanan_2");
    tap("profile-1", "profile_0");  // Laki-laki
    tap("profile-2", "profile_2");  // 30-39
    tap("profile-3", "profile_4");  // S1
    tap("profile-4", "profile_3");  // Swasta
    const int answers[9] = {4, 3, 4, 4, 3, 2, 4, 1, 3};
    for (int i = 0; i < 9; ++i) tap("unsur-" + std::to_string(i + 1), "answer_" + std::to_string(answers[i]));
    tap("saran", "key_o");
    tap("saran", "key_k");
    tap("saran", "submit");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);

    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(handle,
                                 "SELECT layanan, jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, device_id "
                                 "FROM responses",
                                 -1, &stmt, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW) << "no response was stored";
    auto col = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i))); };
    EXPECT_EQ(col(0), "Akta/Surat Keterangan");
    EXPECT_EQ(col(1), "L");
    EXPECT_EQ(col(2), "30-39");
    EXPECT_EQ(col(3), "S1");
    EXPECT_EQ(col(4), "Swasta");
    EXPECT_EQ(col(5), "persyaratan=4;prosedur=3;waktu=4;biaya=4;produk=3;kompetensi=2;perilaku=4;pengaduan=1;sarana=3");
    EXPECT_EQ(col(6), "ok");
    EXPECT_EQ(col(7), "kiosk-sukamaju-01");
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE) << "exactly one response";
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
}

}  // namespace
}  // namespace skm::testing
