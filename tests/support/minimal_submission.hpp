// The least a stored response needs: an id, a time, a layanan and the nine
// answers, no profile or saran. For tests that move many rows around (sync
// batches, outboxes) and look only at which ids arrive.
#pragma once

#include "store/stored_row.hpp"

#include <string>
#include <utility>

namespace skm::test {

inline store::Submission minimal_submission(std::string response_id, std::string layanan = "KTP-el") {
    store::Submission s;
    s.response.response_id = std::move(response_id);
    s.response.submitted_at = "2025-03-04T09:00:00+07:00";
    s.response.layanan = std::move(layanan);
    s.response.answers = {4, 3, 3, 2, 4, 4, 3, 1, 2};
    s.response.questionnaire_version = "1";
    s.questionnaire_id = "permenpan-14-2017";
    return s;
}

}  // namespace skm::test
