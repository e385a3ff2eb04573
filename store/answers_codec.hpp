// How answers are stored: keyed by unsur code ("persyaratan=4;prosedur=3"),
// so a questionnaire that reorders or adds unsur never shifts old answers.
#pragma once

#include "scoring/scheme.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::store {

std::string encode_answers(const scoring::ScoringScheme& scheme, const std::vector<std::uint8_t>& answers);
// Into the scheme's order; codes the scheme does not know are left out,
// unsur missing from the text are unanswered. Nothing if the text is malformed.
std::optional<std::vector<std::uint8_t>> decode_answers(const scoring::ScoringScheme& scheme, std::string_view text);

}  // namespace skm::store
