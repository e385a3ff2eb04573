// The Permenpan 14/2017 scoring scheme (nine unsur, equal weights), made once
// for every test in a program that needs it.
#pragma once

#include "scoring/scheme.hpp"

namespace skm::test {

inline const scoring::ScoringScheme& permenpan_scheme() {
    static const auto scheme = scoring::ScoringScheme::permenpan_2017();
    return scheme;
}

}  // namespace skm::test
