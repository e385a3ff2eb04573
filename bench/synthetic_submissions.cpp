#include "bench/synthetic_submissions.hpp"

#include "bench/synthetic.hpp"
#include "formats/response_csv_reader.hpp"
#include "store/new_submission.hpp"

#include <random>

namespace skm::bench {

std::vector<store::Submission> synthetic_submissions(std::size_t count, std::uint64_t seed,
                                                     const formats::Questionnaire& questionnaire) {
    std::mt19937_64 rng(seed);
    const std::string csv = make_response_csv(count, rng);
    std::vector<store::Submission> out;
    out.reserve(count);
    formats::read_response_csv(csv, "synthetic.csv", questionnaire.codes(), [&](const formats::ResponseRow& row) {
        out.push_back(store::submission_from_row(row, questionnaire));
        out.back().duration_ms = 95'000;  // as the kiosk measures it
    });
    return out;
}

}  // namespace skm::bench
