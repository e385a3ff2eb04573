// Helpers shared by the formats tests: Problem argument lookup, catching an
// skm::Error as data, the standard response CSV header, temporary folders.
#pragma once

#include "scoring/problem.hpp"
#include "scoring/scheme.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace skm::test {

inline std::map<std::string, std::string> args_of(const Problem& problem) {
    std::map<std::string, std::string> args;
    for (const auto& [name, value] : problem.args) args[name] = value;
    return args;
}

// The value of a named argument, or "<absent>" so that comparisons fail visibly.
inline std::string arg(const Problem& problem, std::string_view name) {
    for (const auto& [arg_name, value] : problem.args) {
        if (arg_name == name) return value;
    }
    return "<absent>";
}

struct Caught {
    ErrorKind kind = ErrorKind::usage;
    Problem problem;
};

// Runs the action and returns the skm::Error it threw; nothing if it did not throw.
inline std::optional<Caught> caught(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return Caught{error.kind(), error.problem()};
    }
    return std::nullopt;
}

inline std::vector<std::string> permenpan_codes() {
    return {scoring::kPermenpan2017Codes.begin(), scoring::kPermenpan2017Codes.end()};
}

// The column order of docs/reference/file-formats.md#response-csv, joined with the separator.
inline std::string standard_header(char separator = ',') {
    std::vector<std::string> names = {"response_id", "submitted_at", "layanan", "jenis_kelamin",
                                      "umur",        "pendidikan",   "pekerjaan"};
    for (const auto& code : permenpan_codes()) names.push_back(code);
    for (const char* name : {"saran", "flags", "device_id", "questionnaire_version"}) names.emplace_back(name);
    std::string header;
    for (const auto& name : names) header += (header.empty() ? "" : std::string(1, separator)) + name;
    return header;
}

// The header the writer writes: the columns above, then the optional
// profile_detail, origin and channel (files written before them lack them).
inline std::string written_header(char separator = ',') {
    std::string header = standard_header(separator);
    for (const char* name : {"profile_detail", "origin", "channel"}) header += separator + std::string(name);
    return header;
}

}  // namespace skm::test
