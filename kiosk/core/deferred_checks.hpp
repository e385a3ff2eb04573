// The store's deferred startup work as the kiosk runs it (store/startup_work):
// started once the first frame is on screen; its result written once to
// stderr (the journal under systemd) and shown on the Status tab; damage it
// finds is moved aside exactly as startup would, but only between surveys
// (welcome screen, staff view closed) and with every other connection on the
// file closed first.
#pragma once

#include "store/response_store.hpp"

#include <functional>
#include <string>

namespace skm::kiosk {

struct DeferredCheckHooks {
    // Close every other connection on the database file (the sync worker's
    // Outbox): its closing after the rename would delete the new file's WAL.
    std::function<void()> close_other_connections;
    // After the move (moved: false when the rename failed and the old file
    // stays in use): the new database needs its layanan and PIN; sync restarts.
    std::function<void(bool moved)> after_move_aside;
    std::function<void(const std::string& line)> log;  // one line, no newline
};

class DeferredChecks {
public:
    DeferredChecks(store::ResponseStore& db, DeferredCheckHooks hooks) : db_(db), hooks_(std::move(hooks)) {}

    void first_frame_drawn();
    // Once a second. `between_surveys`: no citizen mid-survey, staff view closed.
    // True when the damaged file was moved aside just now.
    bool tick(bool between_surveys);

private:
    store::ResponseStore& db_;
    DeferredCheckHooks hooks_;
    bool logged_ = false;
};

}  // namespace skm::kiosk
