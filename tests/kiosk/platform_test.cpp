// kiosk/platform: PNG screenshots, espeak-ng read-aloud, and the GL window.
// Window tests need an X display: without DISPLAY they are skipped (CTest
// also runs this whole program under xvfb-run: kiosk_platform_under_xvfb).
//
// Index: [helpers] [png] [speaker] [window]
#include "kiosk/platform/espeak_speaker.hpp"
#include "kiosk/platform/png_writer.hpp"
#include "kiosk/platform/window.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <stb_image.h>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace skm::kiosk::platform {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// ---- [helpers] ---------------------------------------------------------------

class TempDir {
public:
    TempDir() : path_(fs::temp_directory_path() / ("skm-platform-test-" + std::to_string(getpid()) + "-" +
                                                    std::to_string(counter_++))) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    static inline int counter_ = 0;
    fs::path path_;
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Polls `done` every few ms until it is true or `limit` passes.
bool eventually(const std::function<bool()>& done, milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (!done()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(milliseconds(5));
    }
    return true;
}

bool process_gone(pid_t pid) { return kill(pid, 0) == -1 && errno == ESRCH; }

std::string long_text() {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "Terima kasih atas partisipasi Anda dalam survei kepuasan masyarakat ini. ";
    return text;
}

// ---- [png] -------------------------------------------------------------------

TEST(PngWriter, RoundTripsAGradientThroughStbImage) {
    TempDir dir;
    const int width = 37;  // odd sizes: no row padding hides a stride bug
    const int height = 23;
    std::vector<std::uint8_t> rgba;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            rgba.push_back(static_cast<std::uint8_t>(x * 255 / (width - 1)));
            rgba.push_back(static_cast<std::uint8_t>(y * 255 / (height - 1)));
            rgba.push_back(static_cast<std::uint8_t>((x + y) % 256));
            rgba.push_back(static_cast<std::uint8_t>(255 - x * 3));
        }
    }
    const auto file = (dir.path() / "gradient.png").string();
    ASSERT_TRUE(write_png(file, width, height, rgba));

    int w = 0;
    int h = 0;
    int channels = 0;
    unsigned char* loaded = stbi_load(file.c_str(), &w, &h, &channels, 4);
    ASSERT_NE(loaded, nullptr) << stbi_failure_reason();
    const std::vector<std::uint8_t> back(loaded, loaded + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    stbi_image_free(loaded);
    EXPECT_EQ(w, width);
    EXPECT_EQ(h, height);
    EXPECT_EQ(channels, 4);
    EXPECT_EQ(back, rgba);
}

TEST(PngWriter, RefusesWrongSizesAndUnwritablePaths) {
    TempDir dir;
    const std::vector<std::uint8_t> two_pixels(8, 128);
    const auto file = (dir.path() / "x.png").string();
    EXPECT_FALSE(write_png(file, 3, 1, two_pixels));
    EXPECT_FALSE(write_png(file, 0, 0, {}));
    EXPECT_FALSE(write_png(file, -2, -1, two_pixels));
    EXPECT_FALSE(fs::exists(file));
    EXPECT_FALSE(write_png((dir.path() / "no-such-dir" / "x.png").string(), 2, 1, two_pixels));
    EXPECT_TRUE(write_png(file, 2, 1, two_pixels));
}

// ---- [speaker] ---------------------------------------------------------------

TEST(EspeakSpeaker, VoiceForEachKioskLanguage) {
    EXPECT_EQ(EspeakSpeaker::voice_for("id"), "id");
    EXPECT_EQ(EspeakSpeaker::voice_for("en"), "en");
    EXPECT_EQ(EspeakSpeaker::voice_for("jv"), "id");  // espeak-ng has no Javanese voice
    EXPECT_EQ(EspeakSpeaker::voice_for(""), "id");
}

TEST(EspeakSpeaker, WithoutTheProgramSpeaksNothing) {
    EspeakSpeaker speaker("skm-no-such-speech-program");
    EXPECT_FALSE(speaker.available());
    speaker.say("Selamat pagi", "id");
    EXPECT_EQ(speaker.current_pid(), -1);
    EXPECT_FALSE(speaker.speaking());
    speaker.stop();

    TempDir dir;
    const auto plain_file = dir.path() / "espeak-ng";
    std::ofstream(plain_file) << "#!/bin/sh\n";
    fs::permissions(plain_file, fs::perms::owner_read | fs::perms::owner_write);
    EspeakSpeaker not_executable(plain_file.string());
    EXPECT_FALSE(not_executable.available());
    EspeakSpeaker a_directory(dir.path().string());
    EXPECT_FALSE(a_directory.available());
}

// A stand-in for espeak-ng: records its arguments, then "speaks" until
// SIGTERM, noting in `terminated` which pid was stopped.
fs::path write_fake_speaker(const fs::path& dir) {
    const auto script = dir / "fake-espeak";
    std::ofstream out(script);
    out << "#!/bin/sh\n"
        << "d='" << dir.string() << "'\n"
        << "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$d/args.$$\"\n"
        << "trap 'echo $$ >> \"$d/terminated\"; exit 0' TERM\n"
        << "touch \"$d/started.$$\"\n"
        << "while :; do sleep 0.02; done 2>/dev/null\n";  // no "Terminated" from sh for its sleep
    out.close();
    fs::permissions(script, fs::perms::owner_all);
    return script;
}

TEST(EspeakSpeaker, PassesVoiceSpeedExtraArgumentsAndTextAsArgv) {
    TempDir dir;
    EspeakSpeaker speaker(write_fake_speaker(dir.path()).string(), {"-a", "120"});
    ASSERT_TRUE(speaker.available());

    speaker.say("-Sugeng rawuh; $(rm -rf /) \"kutip\"", "jv");
    const pid_t pid = speaker.current_pid();
    ASSERT_GT(pid, 0);
    const auto started = dir.path() / ("started." + std::to_string(pid));
    ASSERT_TRUE(eventually([&] { return fs::exists(started); }, milliseconds(5000)));
    EXPECT_EQ(read_text(dir.path() / ("args." + std::to_string(pid))),
              "-v\nid\n-s\n150\n-a\n120\n--\n-Sugeng rawuh; $(rm -rf /) \"kutip\"\n");

    speaker.say("Good morning", "en");
    const pid_t english = speaker.current_pid();
    ASSERT_TRUE(eventually([&] { return fs::exists(dir.path() / ("started." + std::to_string(english))); },
                           milliseconds(5000)));
    EXPECT_EQ(read_text(dir.path() / ("args." + std::to_string(english))), "-v\nen\n-s\n150\n-a\n120\n--\nGood morning\n");
}

TEST(EspeakSpeaker, SecondSayTerminatesTheFirstAndTheDestructorReapsAll) {
    TempDir dir;
    pid_t first = -1;
    pid_t second = -1;
    {
        EspeakSpeaker speaker(write_fake_speaker(dir.path()).string());
        speaker.say("satu", "id");
        first = speaker.current_pid();
        ASSERT_GT(first, 0);
        // Wait for the trap to be in place, or SIGTERM kills the shell before it can note it.
        ASSERT_TRUE(eventually([&] { return fs::exists(dir.path() / ("started." + std::to_string(first))); },
                               milliseconds(5000)));
        EXPECT_TRUE(speaker.speaking());

        speaker.say("dua", "id");
        second = speaker.current_pid();
        ASSERT_GT(second, 0);
        EXPECT_NE(second, first);
        ASSERT_TRUE(eventually([&] { return fs::exists(dir.path() / ("started." + std::to_string(second))); },
                               milliseconds(5000)));
        EXPECT_TRUE(eventually([&] { return read_text(dir.path() / "terminated") == std::to_string(first) + "\n"; },
                               milliseconds(5000)));
        EXPECT_TRUE(eventually([&] { return speaker.speaking() && process_gone(first); }, milliseconds(5000)))
            << "the first child was not reaped";

        speaker.stop();
        EXPECT_FALSE(speaker.speaking());
        speaker.say("tiga", "id");
        EXPECT_TRUE(speaker.speaking());
    }  // the destructor stops "tiga" and reaps it
    EXPECT_NE(read_text(dir.path() / "terminated").find(std::to_string(second) + "\n"), std::string::npos);
    EXPECT_TRUE(process_gone(first));
    EXPECT_TRUE(process_gone(second));
}

TEST(EspeakSpeaker, SayReturnsAtOnceAndEspeakWritesTheWav) {
    TempDir dir;
    const auto wav = dir.path() / "long.wav";
    EspeakSpeaker speaker("espeak-ng", {"-w", wav.string()});
    if (!speaker.available()) GTEST_SKIP() << "espeak-ng is not installed (scripts/install-deps installs it)";

    const auto before = Clock::now();
    speaker.say(long_text(), "id");  // about a second of synthesis, ten minutes of speech
    const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - before);
    EXPECT_LT(took.count(), 50) << "say() must not wait for espeak-ng";
    EXPECT_TRUE(speaker.speaking());

    ASSERT_TRUE(eventually([&] { return !speaker.speaking(); }, milliseconds(30000)));
    ASSERT_TRUE(fs::exists(wav));
    EXPECT_GT(fs::file_size(wav), 1000U);
    EXPECT_EQ(read_text(wav).substr(0, 4), "RIFF");
}

TEST(EspeakSpeaker, ASecondSayInterruptsARealEspeak) {
    TempDir dir;
    const auto wav = dir.path() / "out.wav";
    EspeakSpeaker speaker("espeak-ng", {"-w", wav.string()});
    if (!speaker.available()) GTEST_SKIP() << "espeak-ng is not installed (scripts/install-deps installs it)";

    speaker.say(long_text(), "id");
    const pid_t first = speaker.current_pid();
    ASSERT_GT(first, 0);
    std::this_thread::sleep_for(milliseconds(50));  // let it start writing
    speaker.say("Selamat pagi.", "en");
    EXPECT_NE(speaker.current_pid(), first);

    // Reaped (terminated by say), long before its ~1 s of synthesis would end.
    EXPECT_TRUE(eventually(
        [&] {
            speaker.speaking();  // reaps
            return process_gone(first);
        },
        milliseconds(500)));
    ASSERT_TRUE(eventually([&] { return !speaker.speaking(); }, milliseconds(10000)));
    // The file is the short greeting's (tens of kB), not the long text's (about 50 MB).
    ASSERT_TRUE(fs::exists(wav));
    EXPECT_GT(fs::file_size(wav), 1000U);
    EXPECT_LT(fs::file_size(wav), 1'000'000U);
}

// ---- [window] ----------------------------------------------------------------

bool have_display() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

class ImGuiContextScope {
public:
    ImGuiContextScope() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
    }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

WindowOptions small_window() {
    WindowOptions options;
    options.windowed = true;
    options.width = 640;
    options.height = 400;
    options.title = "skm platform test";
    return options;
}

constexpr int kButtonRed = 200;
constexpr int kButtonGreen = 40;
constexpr int kButtonBlue = 150;

// One frame: a full-window ImGui window with a 200×100 button at (100, 40).
void draw_frame(Window& window, bool capture) {
    window.poll_events();
    window.begin_frame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    const ImVec4 colour = ImColor(kButtonRed, kButtonGreen, kButtonBlue);
    ImGui::PushStyleColor(ImGuiCol_Button, colour);  // same colour hovered or not: the pointer is wherever
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour);
    ImGui::SetCursorScreenPos(ImVec2(100, 40));
    ImGui::Button("Setuju", ImVec2(200, 100));
    ImGui::PopStyleColor(3);
    ImGui::End();
    ImGui::Render();
    if (capture) window.capture_next_frame();
    window.end_frame();
}

struct Rgba {
    int r;
    int g;
    int b;
};

Rgba pixel(const std::vector<std::uint8_t>& rgba, int width, int x, int y) {
    const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    return Rgba{rgba[at], rgba[at + 1], rgba[at + 2]};
}

bool is_button_colour(Rgba p) {
    return std::abs(p.r - kButtonRed) <= 2 && std::abs(p.g - kButtonGreen) <= 2 && std::abs(p.b - kButtonBlue) <= 2;
}

void expect_button_frame(const std::vector<std::uint8_t>& rgba, int width, int height) {
    ASSERT_EQ(width, 640);
    ASSERT_EQ(height, 400);
    ASSERT_EQ(rgba.size(), 640U * 400U * 4U);
    bool all_same = true;
    for (std::size_t i = 4; i < rgba.size() && all_same; i += 4) {
        all_same = rgba[i] == rgba[0] && rgba[i + 1] == rgba[1] && rgba[i + 2] == rgba[2];
    }
    EXPECT_FALSE(all_same) << "the frame is one colour";
    // Top row first: the button is near the top, and its mirror image is not.
    for (const auto& [x, y] : {std::pair{110, 50}, std::pair{200, 60}, std::pair{290, 130}}) {
        const Rgba p = pixel(rgba, width, x, y);
        EXPECT_TRUE(is_button_colour(p)) << "(" << x << ", " << y << ") is " << p.r << "," << p.g << "," << p.b;
    }
    EXPECT_FALSE(is_button_colour(pixel(rgba, width, 200, height - 1 - 90)));
    EXPECT_FALSE(is_button_colour(pixel(rgba, width, 500, 90)));
    EXPECT_EQ(rgba[3], 255);  // opaque
}

TEST(Window, NeedsAnImGuiContextFirst) {
    EXPECT_THROW(Window window(small_window()), std::logic_error);
}

TEST(Window, WithoutADisplayThrowsNoDisplay) {
    if (have_display()) GTEST_SKIP() << "DISPLAY is set";
    ImGuiContextScope imgui;
    try {
        Window window(small_window());
        FAIL() << "a window without a display";
    } catch (const NoDisplay& e) {
        EXPECT_EQ(std::string(e.what()).rfind("no display: ", 0), 0U) << e.what();
    }
    // Nothing half-built is left behind: wake() is harmless, and a retry fails the same way.
    Window::wake();
    EXPECT_THROW(Window window(small_window()), std::runtime_error);
}

TEST(Window, DrawsAButtonAndReadsItBack) {
    if (!have_display()) GTEST_SKIP() << "no DISPLAY: run under xvfb-run -a -s \"-screen 0 1280x800x24 -noreset\"";
    ImGuiContextScope imgui;
    Window window(small_window());
    EXPECT_FALSE(window.gl_version().empty());
    std::cout << "[          ] OpenGL " << window.gl_version() << "\n";
    EXPECT_EQ(window.framebuffer_width(), 640);
    EXPECT_EQ(window.framebuffer_height(), 400);
    EXPECT_GT(window.content_scale(), 0.0F);
    EXPECT_FALSE(window.close_requested());

    int width = -1;
    int height = -1;
    EXPECT_TRUE(window.read_pixels(width, height).empty()) << "nothing drawn yet";
    EXPECT_EQ(width, 0);

    for (int frame = 0; frame < 3; ++frame) draw_frame(window, false);
    draw_frame(window, true);
    const auto captured = window.read_pixels(width, height);
    expect_button_frame(captured, width, height);
    // ImGui's GLFW backend would show the pointer again on every frame unless told not to.
    EXPECT_TRUE(window.cursor_hidden());

    // A capture is one frame's: the next frame without a request has none.
    draw_frame(window, false);
    EXPECT_TRUE(window.read_pixels(width, height).empty());
    EXPECT_EQ(width, 0);
    EXPECT_EQ(height, 0);

    // Round trip to a PNG file, as --screenshots does.
    TempDir dir;
    const auto file = (dir.path() / "frame.png").string();
    draw_frame(window, true);
    const auto again = window.read_pixels(width, height);
    ASSERT_TRUE(write_png(file, width, height, again));
    int w = 0;
    int h = 0;
    int channels = 0;
    unsigned char* loaded = stbi_load(file.c_str(), &w, &h, &channels, 4);
    ASSERT_NE(loaded, nullptr);
    const std::vector<std::uint8_t> back(loaded, loaded + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    stbi_image_free(loaded);
    expect_button_frame(back, w, h);
}

TEST(Window, KeepsTheCursorWhenAsked) {
    if (!have_display()) GTEST_SKIP() << "no DISPLAY";
    ImGuiContextScope imgui;
    auto options = small_window();
    options.hide_cursor = false;
    Window window(options);
    draw_frame(window, false);
    EXPECT_FALSE(window.cursor_hidden());
}

TEST(Window, OnlyOneAtATime) {
    if (!have_display()) GTEST_SKIP() << "no DISPLAY";
    ImGuiContextScope imgui;
    Window window(small_window());
    EXPECT_THROW(Window second(small_window()), std::logic_error);
    draw_frame(window, false);  // the first still works
}

TEST(Window, WaitEventsSleepsUntilTimeoutOrWake) {
    if (!have_display()) GTEST_SKIP() << "no DISPLAY";
    ImGuiContextScope imgui;
    Window window(small_window());
    draw_frame(window, false);
    for (int i = 0; i < 5; ++i) window.poll_events();  // map/expose/focus events

    auto before = Clock::now();
    window.wait_events(0.1);
    EXPECT_LT(Clock::now() - before, milliseconds(2000));

    std::thread waker([] {
        std::this_thread::sleep_for(milliseconds(100));
        Window::wake();
    });
    before = Clock::now();
    window.wait_events(30.0);
    const auto waited = Clock::now() - before;
    waker.join();
    EXPECT_LT(waited, milliseconds(5000)) << "wake() did not end wait_events";
}

TEST(Window, FullScreenTakesTheMonitorMode) {
    // Only where the screen size is known and a full-screen window harms no one:
    // the xvfb-run registration sets SKM_TEST_FULLSCREEN=1280x800.
    const char* expected = std::getenv("SKM_TEST_FULLSCREEN");
    if (!have_display() || expected == nullptr) GTEST_SKIP() << "set SKM_TEST_FULLSCREEN=WxH on a throwaway display";
    ImGuiContextScope imgui;
    WindowOptions options;  // full screen, cursor hidden
    Window window(options);
    draw_frame(window, true);
    int width = 0;
    int height = 0;
    const auto rgba = window.read_pixels(width, height);
    EXPECT_EQ(std::to_string(width) + "x" + std::to_string(height), expected);
    EXPECT_EQ(rgba.size(), static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    EXPECT_TRUE(is_button_colour(pixel(rgba, width, 200, 90)));
}

}  // namespace
}  // namespace skm::kiosk::platform
