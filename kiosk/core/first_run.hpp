// The first-run setup of a kiosk that has no configuration of its own: the
// staff's language, the office name, which layanan the office offers, the
// kabupaten hub (optional) and the staff PIN, one step at a time. Each step
// is stored through StaffService (validated, audited) as it is confirmed, so
// a setup cut short by a power cut resumes with what was entered; the kiosk
// opens to citizens only after the last step marks the setup complete.
#pragma once

#include "kiosk/core/staff_service.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::kiosk {

enum class SetupStep { language, office, layanan, hub, pin, done };

class FirstRunSetup {
public:
    explicit FirstRunSetup(StaffService& service) : service_(service) {
        if (service_.setup_complete()) step_ = SetupStep::done;
    }

    // A device without a configuration file of its own (or with the package's
    // template, first_run_setup) that never finished setup.
    static bool needed(const StaffService& service, bool has_own_config) {
        return !has_own_config && !service.setup_complete();
    }

    SetupStep step() const { return step_; }
    int number() const { return static_cast<int>(step_) + 1; }  // 1..5 while not done
    static constexpr int kSteps = 5;
    bool done() const { return step_ == SetupStep::done; }
    // One step back (nothing on the first).
    void back();

    // id, en or jv: the staff's language, also the kiosk's starting language.
    std::optional<Problem> choose_language(const std::string& language);
    std::optional<Problem> set_office(const std::string& name);
    std::vector<store::LayananEntry> layanan() const { return service_.layanan(); }
    std::optional<Problem> toggle_layanan(const std::string& name);
    std::optional<Problem> add_layanan(const std::string& name);
    // At least one layanan must be offered.
    std::optional<Problem> confirm_layanan();
    // Both the address and the device token, or skip_hub().
    std::optional<Problem> set_hub(const std::string& url, const std::string& token);
    void skip_hub();
    // The last step: the PIN twice; then the setup is complete.
    std::optional<Problem> set_pin(const std::string& pin, const std::string& repeated);

private:
    std::optional<Problem> advance_if(std::optional<Problem> problem, SetupStep next);

    StaffService& service_;
    SetupStep step_ = SetupStep::language;
};

}  // namespace skm::kiosk
