// The long power-loss sweep (release tier): the sweep of
// tests/store/power_loss_sweep.hpp with 12 submits, on a database of 5 rows
// and one of 200, and 50 images per cut point (random subsets and torn
// sectors with their own seeds): over 20,000 power cuts (about 27,000).
#include "tests/store/power_loss_sweep.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace skm::store {
namespace {

TEST(PowerLossLong, EveryCutLeavesEveryAcknowledgedResponseAndAWholeDatabase) {
    const auto scheme = scoring::ScoringScheme::permenpan_2017();
    int cuts = 0;
    for (int prefilled : {5, 200}) {
        SCOPED_TRACE("prefilled " + std::to_string(prefilled));
        test::PowerLossConfig config;
        config.prefilled = prefilled;
        config.submits = 12;
        config.images_per_cut = 50;
        config.seed = 777 + static_cast<std::uint64_t>(prefilled);
        const auto totals = test::run_power_loss_sweep(config, scheme);
        std::cout << "[ long power-loss sweep, " << prefilled << " rows before ] " << totals.summary() << "\n";
        EXPECT_GT(totals.torn_images, 0);
        EXPECT_GT(totals.refused_checked_absent, 0);
        cuts += totals.cuts;
    }
    EXPECT_GE(cuts, 20'000);
}

}  // namespace
}  // namespace skm::store
