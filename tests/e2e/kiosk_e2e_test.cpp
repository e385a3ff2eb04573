// The real skm-kiosk binary on an X server (CTest runs this under xvfb-run),
// driven by synthetic pointer input from xdotool like a citizen's finger:
// it completes a survey and the response is in SQLite with the right answers;
// a citizen double-tapping every face stores exactly those answers and no saran;
// a farmer who never went to school, in landscape and in portrait, is stored
// as SD / Lainnya with the detail beside, and the semester report counts
// both under Lainnya.
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
#include <sstream>
#include <thread>
#include <vector>

namespace skm::testing {
namespace {

const std::string kKiosk = std::string(SKM_BINARY_DIR) + "/kiosk/skm-kiosk";
const std::string kArtifacts = std::string(SKM_BINARY_DIR) + "/test-artifacts/kiosk-screenshots";
const std::string kSkm = std::string(SKM_BINARY_DIR) + "/tools/skm";

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

// The centre of button `id` on the screenshot of `screen` (Indonesian, at `size`).
Point button_on(const nlohmann::json& index, const std::string& screen, const std::string& id,
                const std::string& size = "1280x800") {
    for (const auto& [file, shot] : index.items()) {
        if (file.rfind(size + "-id-", 0) != 0 || shot["screen"] != screen) continue;
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

// The kiosk on a database (a fresh one unless given) at `size`, tapped by xdotool.
class RunningKiosk {
public:
    explicit RunningKiosk(std::string size = "1280x800", std::string db = "")
        : db_(db.empty() ? make_temp_dir() + "/skm.db" : std::move(db)), size_(std::move(size)) {
        pid_ = fork();
        if (pid_ == 0) {
            execl(kKiosk.c_str(), kKiosk.c_str(), "--db", db_.c_str(), "--size", size_.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        window_ = sh("xdotool search --sync --onlyvisible --name 'SKM' | head -1");
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
    }
    ~RunningKiosk() { stop(); }
    bool started() const { return pid_ > 0 && !window_.empty(); }
    // `clicks` taps on the button, `gap_ms` apart (2, 120: a hurried double tap), then time to read.
    void tap(const std::string& screen, const std::string& id, int clicks = 1, int gap_ms = 120) {
        const Point p = button_on(screenshot_index(), screen, id, size_);
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
    std::string size_;
    pid_t pid_ = -1;
    std::string window_;
};

// The stored responses' columns (those `select` names), one row each.
std::vector<std::vector<std::string>> stored_rows(
    const std::string& db,
    const char* select = "SELECT layanan, jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, device_id FROM responses") {
    std::vector<std::vector<std::string>> rows;
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(handle, select, -1, &stmt, nullptr), SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
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
    kiosk.tap("profile-3", "profile_5");  // S1 (after Tidak sekolah, SD, SMP, SMA, D1-D3)
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
    kiosk.tap("profile-3", "profile_3", 2);  // SMA (after Tidak sekolah, SD, SMP)
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

// The profile screens' sub-options, tapped in both orientations on one
// database: "Tidak sekolah" and "Petani / Nelayan" are stored as their
// official codes SD and Lainnya with the detail beside them, and the
// semester report's pekerjaan table counts both under Lainnya.
TEST(KioskEndToEnd, ASubOccupationIsStoredWithItsCodeAndReportedUnderIt) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    ASSERT_EQ(std::system("command -v xdotool >/dev/null"), 0) << "xdotool is missing (scripts/install-deps)";
    const std::string db = make_temp_dir() + "/skm.db";
    for (const std::string size : {"1280x800", "800x1280"}) {
        SCOPED_TRACE(size);
        RunningKiosk kiosk(size, db);
        ASSERT_TRUE(kiosk.started());
        kiosk.tap("welcome", "start");
        kiosk.tap("layanan", "layanan_0");
        kiosk.tap("profile-1", "profile_1");  // Perempuan
        kiosk.tap("profile-2", "profile_5");  // 60 ke atas
        kiosk.tap("profile-3", "profile_0");  // Tidak sekolah
        kiosk.tap("profile-4", "profile_5");  // Petani / Nelayan
        for (int i = 0; i < 9; ++i) kiosk.tap("unsur-" + std::to_string(i + 1), "answer_4");
        kiosk.tap("saran", "submit");  // Lewati
        kiosk.stop();
    }
    const std::vector<std::vector<std::string>> expected = {
        {"SD", "Lainnya", "pendidikan=tidak_sekolah;pekerjaan=petani_nelayan"},
        {"SD", "Lainnya", "pendidikan=tidak_sekolah;pekerjaan=petani_nelayan"}};
    ASSERT_EQ(stored_rows(db, "SELECT pendidikan, pekerjaan, profile_detail FROM responses ORDER BY seq"), expected);

    // The semester report (CSV) of this half-year: pekerjaan Lainnya 2.
    const std::string year = sh("date +%Y");
    const std::string semester = year + (std::stoi(sh("date +%-m")) <= 6 ? "-S1" : "-S2");
    const std::string report = std::filesystem::path(db).parent_path() / "laporan.csv";
    const auto run = run_program({kSkm, "report", "--db", db, "--period", semester, "--format", "csv", "-o", report});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::ifstream in(report);
    std::stringstream text;
    text << in.rdbuf();
    // The pekerjaan section: its rows up to the next blank line.
    const std::string all = text.str();
    const auto section = all.find("Pekerjaan");
    ASSERT_NE(section, std::string::npos) << all;
    const std::string pekerjaan = all.substr(section, all.find("\n\n", section) - section);
    EXPECT_NE(pekerjaan.find("Lainnya,2,"), std::string::npos) << pekerjaan;
    EXPECT_EQ(pekerjaan.find("etani"), std::string::npos) << "the detail is not a code of its own:\n" << pekerjaan;
}

}  // namespace
}  // namespace skm::testing
