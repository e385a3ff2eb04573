#include "kiosk/core/first_run.hpp"

#include "formats/settings_table.hpp"

namespace skm::kiosk {

std::optional<Problem> FirstRunSetup::advance_if(std::optional<Problem> problem, SetupStep next) {
    if (!problem) step_ = next;
    return problem;
}

void FirstRunSetup::back() {
    switch (step_) {
        case SetupStep::office: step_ = SetupStep::language; break;
        case SetupStep::layanan: step_ = SetupStep::office; break;
        case SetupStep::hub: step_ = SetupStep::layanan; break;
        case SetupStep::pin: step_ = SetupStep::hub; break;
        case SetupStep::language:
        case SetupStep::done: break;  // finished is finished: staff change things in the staff view
    }
}

std::optional<Problem> FirstRunSetup::choose_language(const std::string& language) {
    if (step_ != SetupStep::language) return Problem{"office.setup_wrong_step", {}};
    return advance_if(service_.set_default_language(language), SetupStep::office);
}

std::optional<Problem> FirstRunSetup::set_office(const std::string& name) {
    if (step_ != SetupStep::office) return Problem{"office.setup_wrong_step", {}};
    return advance_if(service_.set_office_name(name), SetupStep::layanan);
}

std::optional<Problem> FirstRunSetup::toggle_layanan(const std::string& name) {
    if (step_ != SetupStep::layanan) return Problem{"office.setup_wrong_step", {}};
    for (const auto& entry : service_.layanan()) {
        if (entry.name == name) return service_.set_layanan_active(name, !entry.active);
    }
    return Problem{"office.layanan_unknown", {{"name", name}}};
}

std::optional<Problem> FirstRunSetup::add_layanan(const std::string& name) {
    if (step_ != SetupStep::layanan) return Problem{"office.setup_wrong_step", {}};
    return service_.add_layanan(name);
}

std::optional<Problem> FirstRunSetup::confirm_layanan() {
    if (step_ != SetupStep::layanan) return Problem{"office.setup_wrong_step", {}};
    if (service_.active_layanan().empty()) return Problem{"office.setup_no_layanan", {}};
    step_ = SetupStep::hub;
    return std::nullopt;
}

std::optional<Problem> FirstRunSetup::set_hub(const std::string& url, const std::string& token) {
    if (step_ != SetupStep::hub) return Problem{"office.setup_wrong_step", {}};
    // The address is checked before the token is stored, so a bad one leaves nothing behind.
    // Here an address is required (skip_hub is the way without one).
    if (url.empty()) return Problem{"office.hub_url_invalid", {{"value", url}}};
    if (auto refused = formats::check_setting(formats::setting::kHubUrl, url)) return refused;
    if (auto problem = service_.set_device_token(token)) return problem;
    return advance_if(service_.set_hub_url(url), SetupStep::pin);
}

void FirstRunSetup::skip_hub() {
    if (step_ == SetupStep::hub) step_ = SetupStep::pin;
}

std::optional<Problem> FirstRunSetup::set_pin(const std::string& pin, const std::string& repeated) {
    if (step_ != SetupStep::pin) return Problem{"office.setup_wrong_step", {}};
    if (auto problem = service_.change_pin(pin, repeated)) return problem;
    service_.mark_setup_complete();
    step_ = SetupStep::done;
    return std::nullopt;
}

}  // namespace skm::kiosk
