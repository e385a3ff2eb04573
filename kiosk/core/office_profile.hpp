// What the kiosk tells the hub about its office (sync/protocol's
// office_profile) so the hub's posters of its kecamatan carry the office's
// own name, contact, follow-up, complaint channel and logo. The sync engine
// asks for it on its own thread, from the outbox's own connection, and sends
// it only when it changed or once a day (sync/engine).
#pragma once

#include "formats/kiosk_config.hpp"
#include "store/outbox.hpp"
#include "sync/protocol.hpp"

#include <filesystem>
#include <string>

namespace skm::kiosk {

// The configured logo made small enough for the profile (reports::small_logo_png
// within sync::kMaxProfileLogoBytes); "" when there is none or it cannot be read.
// Once at start: it reads and scales the file.
std::string profile_logo(const std::filesystem::path& logo);

// The settings as staff set them (formats/settings_table: kOffice, falling
// back to the configuration file's office, kOfficeContact, kFollowUp,
// kComplaintChannel with its default), and the logo from profile_logo.
sync::OfficeProfile office_profile(const store::Outbox& outbox, const formats::KioskConfig& config, const std::string& logo_png);

}  // namespace skm::kiosk
