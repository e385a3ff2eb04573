// Runs one job of a kiosk timer or thread so that nothing it throws can end
// the kiosk: an exception leaving the frame loop or a thread ends the program
// (std::terminate, or main's exit), mid-survey. What it met comes back as a
// Problem for the Status tab instead.
#pragma once

#include "scoring/problem.hpp"

#include <exception>
#include <optional>

namespace skm::kiosk {

template <typename Job>
std::optional<Problem> guarded(Job&& job) noexcept {
    try {
        job();
        return std::nullopt;
    } catch (...) {
        try {
            return failure_of(std::current_exception()).problem;
        } catch (...) {
            return Problem{"error.internal", {}};  // no memory even for the message
        }
    }
}

}  // namespace skm::kiosk
