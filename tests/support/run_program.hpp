// Runs a whole program as a user would, capturing stdout, stderr and the exit
// code (tests/tools and tests/e2e).
#pragma once

#include <string>
#include <vector>

namespace skm::testing {

struct ProgramResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// argv[0] is the program path; env entries are "NAME=value" added to ours.
ProgramResult run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

std::string skm_binary();
// A fresh empty directory under the system temp dir, unique per call.
std::string make_temp_dir();
void write_file(const std::string& path, const std::string& content);

}  // namespace skm::testing
