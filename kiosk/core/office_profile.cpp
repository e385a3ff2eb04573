#include "kiosk/core/office_profile.hpp"

#include "reports/poster_render.hpp"

namespace skm::kiosk {

std::string profile_logo(const std::filesystem::path& logo) {
    if (logo.empty()) return "";
    return reports::small_logo_png(logo, sync::kMaxProfileLogoBytes);
}

sync::OfficeProfile office_profile(const store::Outbox& outbox, const formats::KioskConfig& config, const std::string& logo_png) {
    auto setting = [&](const formats::SettingSpec& spec, const std::string& fallback) {
        return outbox.setting(spec.stored).value_or(fallback);
    };
    sync::OfficeProfile profile;
    profile.office = setting(formats::setting::kOffice, config.office);
    profile.contact = setting(formats::setting::kOfficeContact, formats::default_text(formats::setting::kOfficeContact));
    profile.follow_up = setting(formats::setting::kFollowUp, formats::default_text(formats::setting::kFollowUp));
    profile.complaint_channel =
        setting(formats::setting::kComplaintChannel, formats::default_text(formats::setting::kComplaintChannel));
    profile.logo_png = logo_png;
    return profile;
}

}  // namespace skm::kiosk
