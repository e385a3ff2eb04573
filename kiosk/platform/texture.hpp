// An image file (PNG, JPEG) uploaded as an OpenGL texture for ImGui: the
// office's logo on the welcome screen.
#pragma once

#include <filesystem>
#include <string>

namespace skm::kiosk::platform {

class Texture {
public:
    // An empty texture when the file is missing or unreadable (the kiosk runs
    // without a logo rather than not at all); error() says why.
    explicit Texture(const std::filesystem::path& file);
    ~Texture();
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    bool loaded() const { return id_ != 0; }
    void* imgui_id() const;  // ImTextureID
    int width() const { return width_; }
    int height() const { return height_; }
    const std::string& error() const { return error_; }

private:
    unsigned int id_ = 0;
    int width_ = 0;
    int height_ = 0;
    std::string error_;
};

}  // namespace skm::kiosk::platform
