// A user-facing problem as data: a message key from assets/i18n plus named
// arguments. The library never words messages itself; the programs translate.
#pragma once

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

// Which exit code family an error belongs to (tools/ maps these to cli.md codes).
enum class ErrorKind { usage, input, storage, network };

// The exit status cli.md gives each kind, for `skm` and `skm-hub` alike.
inline int exit_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage: return 2;
        case ErrorKind::input: return 3;
        case ErrorKind::storage: return 4;
        case ErrorKind::network: return 5;
    }
    return 3;
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

}  // namespace skm
