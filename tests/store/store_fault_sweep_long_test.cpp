// The long fault-injection sweep (release tier): a new database and a filled
// one, n = 1..280 over 24 submits (up to ~260 operations), both kinds of
// error, failing once or from then on, disarmed before closing or not. Same
// checks as the default-tier sweep.
#include "tests/store/fault_sweep.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace skm::store {
namespace {

TEST(StoreFaultSweepLong, EverySubmitUnderAnyWriteFaultIsEitherDurableOrReportedAndAbsent) {
    const auto scheme = scoring::ScoringScheme::permenpan_2017();
    for (int prefilled : {0, 200}) {
        SCOPED_TRACE("prefilled " + std::to_string(prefilled));
        test::SweepConfig config;
        config.first_n = 1;
        config.last_n = 280;
        config.persistences = {test::FaultPersistence::once, test::FaultPersistence::sticky};
        config.prefilled = prefilled;
        config.submits = 24;
        config.armed_at_close = {false, true};
        const auto totals = test::run_fault_sweep(config, scheme);
        std::cout << "[ long fault sweep, " << prefilled << " rows before ] " << totals.summary() << "\n";
        EXPECT_EQ(totals.cases, 2240);
        EXPECT_GT(totals.failed_writes, 0);
        EXPECT_GT(totals.failed_syncs, 0);
        EXPECT_GT(totals.submits_ok, 0);
        EXPECT_GT(totals.submits_failed, 0);
        EXPECT_GT(totals.cases_without_fault, 0);
        EXPECT_LE(totals.failed_but_in_crash_image, totals.failed_syncs);
        EXPECT_LE(totals.failed_but_after_reopen, totals.failed_syncs);
    }
}

}  // namespace
}  // namespace skm::store
