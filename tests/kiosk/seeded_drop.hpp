// A layanan's 90 good days (30 responses a day) and then a real drop, as
// stored submissions: the kiosk's alert and heat-map tests seed their
// database with it. Answers come from bench/alert_simulation.hpp, the same
// streams the false-alarm benchmark measures.
#pragma once

#include "bench/alert_simulation.hpp"
#include "scoring/period.hpp"
#include "store/stored_row.hpp"
#include "tests/support/minimal_submission.hpp"

#include <vector>

namespace skm::test {

inline constexpr int kDropOffsetMinutes = 420;  // WIB
// Day 0 of the stream: 2026-03-01 (a Sunday).
inline std::int64_t drop_stream_start() { return scoring::days_since_epoch({2026, 3, 1}) * 86'400 - kDropOffsetMinutes * 60; }

inline std::vector<store::Submission> seeded_drop(const std::string& layanan, std::size_t dropped,
                                                  const std::string& saran_of_dropped) {
    bench::StreamMaker maker(20260301);
    std::vector<scoring::AlertResponse> stream;
    maker.append(stream, 90 * 30, bench::kStableMix);
    const std::size_t shift = stream.size();
    maker.append(stream, dropped, bench::kDroppedMix);
    std::vector<store::Submission> out;
    for (std::size_t i = 0; i < stream.size(); ++i) {
        store::Submission s = minimal_submission(layanan + "-" + stream[i].id, layanan);
        s.response.submitted_at = scoring::iso8601(scoring::timestamp_at(drop_stream_start() + stream[i].at, kDropOffsetMinutes));
        s.response.answers = stream[i].answers;
        if (i >= shift) s.response.saran = saran_of_dropped;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace skm::test
