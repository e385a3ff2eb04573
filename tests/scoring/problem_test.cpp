// The one rule every main (skm, skm-hub, skm-kiosk) uses for what it caught:
// skm::Error keeps its problem and its exit code (docs/reference/commands.md#exit-codes); any other exception
// is an internal error (exit 70, sysexits.h EX_SOFTWARE) with its what() as
// the detail, never std::terminate. Expected codes: that table.
#include "scoring/problem.hpp"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>

namespace skm {
namespace {

template <typename Throw>
Failure caught(Throw throw_it) {
    try {
        throw_it();
    } catch (...) {
        return failure_of(std::current_exception());
    }
    ADD_FAILURE() << "nothing was thrown";
    return {};
}

TEST(ExitCode, EachKindHasTheCodeOfTheErrorReference) {
    EXPECT_EQ(exit_code(ErrorKind::usage), 2);
    EXPECT_EQ(exit_code(ErrorKind::input), 3);
    EXPECT_EQ(exit_code(ErrorKind::storage), 4);
    EXPECT_EQ(exit_code(ErrorKind::network), 5);
    EXPECT_EQ(exit_code(ErrorKind::internal), 70);
}

TEST(ExitCode, AnSkmErrorKeepsItsProblemAndKind) {
    // A network error exits 5 (skm-kiosk used to map every kind but storage to 3).
    const Failure network = caught([] { throw Error(ErrorKind::network, Problem{"sync.unreachable", {{"detail", "refused"}}}); });
    EXPECT_EQ(network.kind, ErrorKind::network);
    EXPECT_EQ(network.exit_code(), 5);
    EXPECT_EQ(network.problem.key, "sync.unreachable");
    ASSERT_EQ(network.problem.args.size(), 1u);
    EXPECT_EQ(network.problem.args[0].second, "refused");
    EXPECT_EQ(caught([] { throw Error(ErrorKind::storage, Problem{"store.disk_full", {}}); }).exit_code(), 4);
}

TEST(ExitCode, AnyOtherStdExceptionIsAnInternalErrorWithItsMessage) {
    const Failure failure = caught([] { throw std::out_of_range("map::at"); });
    EXPECT_EQ(failure.kind, ErrorKind::internal);
    EXPECT_EQ(failure.exit_code(), 70);
    EXPECT_EQ(failure.problem.key, "error.internal");
    ASSERT_EQ(failure.problem.args.size(), 1u);
    EXPECT_EQ(failure.problem.args[0].first, "detail");
    EXPECT_EQ(failure.problem.args[0].second, "map::at");
    EXPECT_EQ(caught([] { throw std::bad_alloc(); }).exit_code(), 70);
}

TEST(ExitCode, EvenANonExceptionIsAnInternalError) {
    const Failure failure = caught([] { throw 42; });
    EXPECT_EQ(failure.exit_code(), 70);
    EXPECT_EQ(failure.problem.key, "error.internal");
    EXPECT_EQ(failure.problem.args.at(0).second, "unknown exception");
}

}  // namespace
}  // namespace skm
