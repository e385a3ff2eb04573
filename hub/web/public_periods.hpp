// Making a period public (/public) or taking it back: one rule for the
// dashboard's form and `skm-hub public add|remove`. A period that overlaps
// one already public is refused: a year beside its semesters would give
// back, by subtraction, a group the min-n rule hides in one of them
// (docs/reference/skm-rules.md#privacy). Each change is audited.
#pragma once

#include "hub/web/web_store.hpp"
#include "scoring/period.hpp"

#include <string>

namespace skm::hub::web {

struct PublicChange {
    enum class Outcome { added, already, overlap, removed, not_public } outcome;
    std::string period;  // the key as written everywhere ("2025-S1")
    std::string other;   // overlap: the public period it overlaps
};

// `now` and `actor` go to the audit log (action public_add / public_remove).
PublicChange add_public(WebStore& store, const scoring::PeriodId& period, const std::string& now, const std::string& actor);
PublicChange remove_public(WebStore& store, const scoring::PeriodId& period, const std::string& now, const std::string& actor);

// The catalog key that tells a person the outcome ({period}, {other}).
const char* public_change_key(PublicChange::Outcome outcome);

}  // namespace skm::hub::web
