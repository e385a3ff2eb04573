#include "kiosk/core/deferred_checks.hpp"

namespace skm::kiosk {

void DeferredChecks::first_frame_drawn() { db_.start_deferred_checks(); }

bool DeferredChecks::tick(bool between_surveys) {
    using State = store::IntegrityStatus::State;
    const store::IntegrityStatus status = db_.integrity_status();
    if (!logged_ && (status.state == State::ok || status.state == State::damaged || status.state == State::not_run)) {
        logged_ = true;
        std::string line = "integrity check (quick_check) ";
        if (status.state == State::ok) line += "ok";
        else if (status.state == State::not_run) line += "could not run: " + (status.problem ? status.problem->key : "");
        else {
            line += "found damage:";
            for (const auto& finding : status.findings) line += " " + finding;
        }
        if (hooks_.log) hooks_.log(line + " (" + std::to_string(status.elapsed_ms) + " ms)");
    }
    if (!between_surveys || !db_.damage_found()) return false;
    if (hooks_.close_other_connections) hooks_.close_other_connections();
    const bool moved = db_.move_damaged_aside();
    if (hooks_.after_move_aside) hooks_.after_move_aside(moved);
    return moved;
}

}  // namespace skm::kiosk
