// The kiosk's real sink: the device database. submit() returns only after
// the response is durable (ResponseStore::submit, WAL + synchronous=FULL).
// Every outcome also goes to the StorageWatch, which pauses the invitation
// while storage is in trouble and counts the answers dropped on the apology.
#pragma once

#include "kiosk/core/storage_watch.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "store/response_store.hpp"

namespace skm::kiosk {

class StoreSink final : public ResponseSink {
public:
    StoreSink(store::ResponseStore& store, StorageWatch& watch) : store_(store), watch_(watch) {}
    std::optional<Problem> submit(const store::Submission& submission) override {
        auto problem = store_.submit(submission);
        if (problem) {
            watch_.write_failed(*problem);
        } else {
            watch_.write_succeeded();
        }
        return problem;
    }
    bool accepting() const override { return !watch_.troubled(); }
    void dropped(const store::Submission&) override { watch_.count_dropped(); }

private:
    store::ResponseStore& store_;
    StorageWatch& watch_;
};

}  // namespace skm::kiosk
