// The kiosk's real sink: the device database. submit() returns only after
// the response is durable (ResponseStore::submit, WAL + synchronous=FULL).
#pragma once

#include "kiosk/core/survey_flow.hpp"
#include "store/response_store.hpp"

namespace skm::kiosk {

class StoreSink final : public ResponseSink {
public:
    explicit StoreSink(store::ResponseStore& store) : store_(store) {}
    std::optional<Problem> submit(const store::Submission& submission) override { return store_.submit(submission); }

private:
    store::ResponseStore& store_;
};

}  // namespace skm::kiosk
