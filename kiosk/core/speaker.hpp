// Read-aloud, as the views see it: say a text, never wait for it. The
// platform implements it with espeak-ng (kiosk/platform); tests record calls.
#pragma once

#include <string>

namespace skm::kiosk {

class Speaker {
public:
    virtual ~Speaker() = default;
    // Starts speaking `text` (UTF-8) in `language` ("id", "en", "jv") and
    // returns at once; a new call interrupts the previous one.
    virtual void say(const std::string& text, const std::string& language) = 0;
    virtual void stop() = 0;
};

// For headless runs and tests: speaks nothing.
class SilentSpeaker final : public Speaker {
public:
    void say(const std::string&, const std::string&) override {}
    void stop() override {}
};

}  // namespace skm::kiosk
