// Counting the live tallies from the stored rows: the recount behind
// ResponseStore::check(), and the startup count a kiosk defers until after its
// first frame (store/startup_work). One read transaction, so the count and
// the highest seq it covers describe the same snapshot.
#pragma once

#include "scoring/scheme.hpp"
#include "scoring/tally_cube.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <functional>

namespace skm::store {

struct CountedTallies {
    scoring::TallyCube cube;
    // Every row with seq <= last_seq is in the cube, and no other. Rows are
    // never deleted and seq only grows, so a response stored later has a
    // higher seq: that is how a later submit is counted exactly once.
    std::int64_t last_seq = 0;
};

// `after_snapshot` (tests) runs once the snapshot is fixed, before the rows are read.
CountedTallies count_tallies(const Connection& connection, const scoring::ScoringScheme& scheme,
                             const std::function<void()>& after_snapshot = {});

}  // namespace skm::store
