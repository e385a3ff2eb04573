// A user-facing problem as data: a message key from assets/i18n plus named
// arguments. The library never words messages itself; the programs translate.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace skm {

struct Problem {
    std::string key;
    std::vector<std::pair<std::string, std::string>> args;

    Problem& with(std::string name, std::string value) {
        args.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

// Which exit code family an error belongs to (docs/reference/commands.md#exit-codes).
// internal: not a person's mistake but a defect (an exception that is no skm::Error).
enum class ErrorKind { usage, input, storage, network, internal };

// The exit status docs/reference/commands.md#exit-codes gives each kind, for `skm`, `skm-hub` and `skm-kiosk` alike.
// 70 for an internal error is sysexits.h's EX_SOFTWARE, which service managers know.
inline int exit_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage: return 2;
        case ErrorKind::input: return 3;
        case ErrorKind::storage: return 4;
        case ErrorKind::network: return 5;
        case ErrorKind::internal: return 70;
    }
    return 70;
}

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, Problem problem)
        : std::runtime_error(problem.key), kind_(kind), problem_(std::move(problem)) {}
    ErrorKind kind() const { return kind_; }
    const Problem& problem() const { return problem_; }

private:
    ErrorKind kind_;
    Problem problem_;
};

// What a program's main says about an exception it caught, and how it exits:
// an skm::Error keeps its problem and kind; anything else (std::bad_alloc, a
// std::exception from a library) is an internal error with its what() as detail.
struct Failure {
    Problem problem;
    ErrorKind kind = ErrorKind::internal;
    int exit_code() const { return skm::exit_code(kind); }
};

inline Failure failure_of(std::exception_ptr caught) {
    try {
        std::rethrow_exception(caught);
    } catch (const Error& error) {
        return {error.problem(), error.kind()};
    } catch (const std::exception& error) {
        return {Problem{"error.internal", {{"detail", error.what()}}}, ErrorKind::internal};
    } catch (...) {
        return {Problem{"error.internal", {{"detail", "unknown exception"}}}, ErrorKind::internal};
    }
}

}  // namespace skm
