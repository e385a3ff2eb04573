// Read-aloud with espeak-ng: every say() starts a child process and returns at
// once; the next say() or stop() terminates the one still speaking. Without
// espeak-ng on PATH it speaks nothing (available() tells the UI). Children are
// reaped without blocking (waitpid WNOHANG) on every call; no SIGCHLD handler.
// Not thread-safe: use it from the UI thread.
#pragma once

#include "kiosk/core/speaker.hpp"

#include <sys/types.h>

#include <string>
#include <vector>

namespace skm::kiosk::platform {

class EspeakSpeaker final : public Speaker {
public:
    // `program` is looked up on PATH unless it contains a '/'. `extra_args`
    // go after the voice and speed options, before the text: tests pass
    // {"-w", "out.wav"} to write a WAV file instead of playing.
    // The child runs as: program -v VOICE -s 150 EXTRA... -- TEXT
    explicit EspeakSpeaker(std::string program = "espeak-ng", std::vector<std::string> extra_args = {});
    ~EspeakSpeaker() override;  // terminates and reaps every child
    EspeakSpeaker(const EspeakSpeaker&) = delete;
    EspeakSpeaker& operator=(const EspeakSpeaker&) = delete;

    void say(const std::string& text, const std::string& language) override;
    void stop() override;

    // Whether the program was found (checked once, at construction).
    bool available() const { return available_; }
    // Whether the latest say() is still speaking; reaps finished children.
    bool speaking();
    // The speaking child's pid, or -1.
    pid_t current_pid() const { return current_; }

    // espeak-ng voice for a kiosk language: "en" → "en"; "id", "jv" and
    // anything else → "id" (espeak-ng has no Javanese voice).
    static std::string voice_for(const std::string& language);

private:
    void terminate_current();
    void reap_finished();

    std::string program_;
    std::vector<std::string> extra_args_;
    bool available_ = false;
    pid_t current_ = -1;
    std::vector<pid_t> terminated_;  // signalled, not yet reaped
};

}  // namespace skm::kiosk::platform
