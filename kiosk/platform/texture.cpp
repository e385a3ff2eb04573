#include "kiosk/platform/texture.hpp"

#include <GLFW/glfw3.h>  // also brings <GL/gl.h>
#include <stb_image.h>

#include <cstdint>

namespace skm::kiosk::platform {

Texture::Texture(const std::filesystem::path& file) {
    if (file.empty()) return;
    int channels = 0;
    unsigned char* pixels = stbi_load(file.c_str(), &width_, &height_, &channels, 4);
    if (pixels == nullptr) {
        error_ = file.string() + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "unreadable");
        width_ = height_ = 0;
        return;
    }
    glGenTextures(1, &id_);
    glBindTexture(GL_TEXTURE_2D, id_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
}

Texture::~Texture() {
    if (id_ != 0) glDeleteTextures(1, &id_);
}

void* Texture::imgui_id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(id_)); }

}  // namespace skm::kiosk::platform
