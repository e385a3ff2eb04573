// Settings in the device database: a value the table accepts is stored under
// the entry's stored name and read back; a refused one leaves the row as it
// was; a published config changes only the settings the hub may change, and a
// refused one takes the whole config back.
#include "store/office_data.hpp"
#include "store/published_config.hpp"
#include "store/settings.hpp"
#include "store_test_support.hpp"

#include <gtest/gtest.h>

namespace skm::store {
namespace {

using test::arg;

// A fresh device database per test.
struct StoreSettings : ::testing::Test {
    test::TempDir dir;
    const scoring::ScoringScheme scheme = scoring::ScoringScheme::permenpan_2017();
    ManualClock clock{test::start_time()};
    std::unique_ptr<ResponseStore> db = std::make_unique<ResponseStore>(test::options_for(dir / "skm.db"), scheme, clock);

    // Straight from the table, not through store/settings.
    std::optional<std::string> row(const char* key) {
        Statement q(db->connection(), "SELECT value FROM settings WHERE key = ?1");
        q.bind(1, std::string_view(key));
        if (!q.step()) return std::nullopt;
        return std::string(q.text(0));
    }

    PublishedConfig config(std::int64_t version) {
        PublishedConfig c;
        c.version = version;
        c.published_at = "2026-11-23T10:00:00+07:00";
        c.layanan = {"KTP-el"};
        c.questionnaire_id = "permenpan-14-2017";
        c.questionnaire_version = 1;
        return c;
    }
};

TEST_F(StoreSettings, AnAcceptedValueIsStoredUnderItsStoredNameAndReadBack) {
    const auto& min_n = formats::setting::kMinN;
    EXPECT_EQ(integer_setting(*db, min_n), 5);  // the table's default
    EXPECT_EQ(integer_setting(*db, formats::setting::kIdlePromptSeconds, 45), 45);  // the caller's fallback
    ASSERT_FALSE(change_setting(*db, min_n, "012"));
    EXPECT_EQ(row("staff_min_n"), "12");
    EXPECT_EQ(integer_setting(*db, min_n), 12);
    EXPECT_EQ(stored_setting(*db, min_n), "12");
    EXPECT_EQ(stored_setting(*db, formats::setting::kThanksSeconds), std::nullopt);  // config file only
}

TEST_F(StoreSettings, ARefusedValueLeavesTheStoredOneAlone) {
    ASSERT_FALSE(change_setting(*db, formats::setting::kHubUrl, "https://hub.example/api/v1/batches"));
    const auto refused = change_setting(*db, formats::setting::kHubUrl, "ftp://hub.example");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->key, "office.hub_url_invalid");
    EXPECT_EQ(arg(*refused, "value"), "ftp://hub.example");
    EXPECT_EQ(row("sync_hub_url"), "https://hub.example/api/v1/batches");
}

TEST_F(StoreSettings, AStoredValueOutsideTheRangeReadsAsTheFallback) {
    // Written by an older program or by hand: never used as it is.
    db->set_setting("staff_min_n", "1");
    EXPECT_EQ(integer_setting(*db, formats::setting::kMinN), 5);
}

TEST_F(StoreSettings, PopulationsRefuseWhatTheTableRefuses) {
    EXPECT_FALSE(set_population(db->connection(), 2026, "KTP-el", 100'000'000));
    EXPECT_FALSE(set_population(db->connection(), 2025, "KTP-el", 1));
    const auto refused = set_population(db->connection(), 2026, "KTP-el", 100'000'001);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->key, "office.population_invalid");
    EXPECT_TRUE(set_population(db->connection(), 2026, "KTP-el", 0));
    const auto all = populations(db->connection());
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].year, 2025);
    EXPECT_EQ(all[0].population, 1u);
    EXPECT_EQ(all[1].year, 2026);
    EXPECT_EQ(all[1].layanan, "KTP-el");
    EXPECT_EQ(all[1].population, 100'000'000u);
}

TEST_F(StoreSettings, APublishedConfigSetsWhatTheHubMayChange) {
    auto c = config(1);
    c.settings = {{"min_n", "08"}};
    ASSERT_TRUE(apply_published_config(db->connection(), c, "t"));
    EXPECT_EQ(row("staff_min_n"), "8");
}

TEST_F(StoreSettings, APublishedConfigWithARefusedSettingChangesNothing) {
    ASSERT_FALSE(change_setting(*db, formats::setting::kMinN, "7"));
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"min_n", "1"}, {"idle_prompt_seconds", "30"}, {"hub_url", "https://elsewhere.example"}, {"nope", "1"}}) {
        auto c = config(1);
        c.settings = {{key, value}};
        EXPECT_THROW(apply_published_config(db->connection(), c, "t"), Error) << key;
        EXPECT_EQ(applied_config_version(db->connection()), 0) << key;
    }
    EXPECT_EQ(row("staff_min_n"), "7");
    EXPECT_EQ(row("kiosk_idle_prompt_seconds"), std::nullopt);
    EXPECT_EQ(row("sync_hub_url"), std::nullopt);
    EXPECT_TRUE(active_layanan(db->connection()).empty());
}

}  // namespace
}  // namespace skm::store
