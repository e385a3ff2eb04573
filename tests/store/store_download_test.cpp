// Link answers downloaded from the hub (store::Outbox::store_downloaded, on
// the sync thread's own connection): stored once by id as origin hub,
// channel link and already sent (never in the upload outbox), a refused one
// left out and not acknowledged; and the kiosk's live tallies, kept by the
// ResponseStore on its own connection, count them exactly once, interleaved
// with the kiosk's own submits, with full and with deferred startup.
#include "store/channel_counts.hpp"
#include "store/outbox.hpp"
#include "tests/store/store_test_support.hpp"

namespace skm::store {
namespace {

using test::make_submission;

// The expected tallies from the submissions themselves, not through the store.
scoring::TallyCube expected_cube(const std::vector<Submission>& stored, std::size_t unsur) {
    scoring::TallyCube cube(unsur);
    for (const auto& s : stored) {
        const auto& r = s.response;
        cube.add(r.layanan, scoring::parse_timestamp(r.submitted_at)->date, !r.flags.empty(), r.answers);
    }
    return cube;
}

std::vector<Submission> from_hub(const std::string& prefix, std::size_t n) {
    std::vector<Submission> out;
    for (std::size_t i = 0; i < n; ++i) {
        // What arrives from the hub says what the hub recorded; the kiosk records where it got it.
        Submission s = make_submission(prefix + std::to_string(i), "2024-03-02T10:00:00+07:00", "SKTM",
                                       static_cast<std::uint8_t>(1 + i % 4));
        s.response.origin = "kiosk";
        s.response.channel = "";
        out.push_back(std::move(s));
    }
    return out;
}

class DownloadedAnswers : public test::StoreTest {
protected:
    std::unique_ptr<ResponseStore> open(StartupChecks startup = StartupChecks::full) {
        StoreOptions options = test::options_for(database);
        options.startup = startup;
        return std::make_unique<ResponseStore>(options, scheme, clock);
    }
};

TEST_F(DownloadedAnswers, StoredOnceAsLinkAnswersFromTheHubAndNeverPending) {
    auto store = open();
    ASSERT_EQ(store->submit(make_submission("own-1")), std::nullopt);
    Outbox outbox(database, scheme);
    const auto page = from_hub("link-", 5);
    const DownloadStored first = outbox.store_downloaded(page);
    EXPECT_EQ(first.inserted, 5u);
    EXPECT_EQ(first.already_present, 0u);
    EXPECT_EQ(first.acknowledge.size(), 5u);
    // The same page again (a lost acknowledgement): nothing added, all acknowledged again.
    const DownloadStored again = outbox.store_downloaded(page);
    EXPECT_EQ(again.inserted, 0u);
    EXPECT_EQ(again.already_present, 5u);
    EXPECT_EQ(again.acknowledge, first.acknowledge);

    test::RawDb raw(database);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM responses"), 6);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM responses WHERE origin = 'hub' AND channel = 'link' AND sync_state = 'sent'"), 5);
    EXPECT_EQ(outbox.pending(), 1);  // only the kiosk's own
    const auto batch = outbox.next_batch(100);
    ASSERT_EQ(batch.size(), 1u);
    EXPECT_EQ(batch[0].response.response_id, "own-1");
}

TEST_F(DownloadedAnswers, ARefusedAnswerIsLeftOutAndNotAcknowledged) {
    auto store = open();
    Outbox outbox(database, scheme);
    auto page = from_hub("link-", 3);
    page[1].response.layanan = "";  // a row the kiosk cannot keep
    const DownloadStored stored = outbox.store_downloaded(page);
    EXPECT_EQ(stored.inserted, 2u);
    ASSERT_EQ(stored.refused.size(), 1u);
    EXPECT_EQ(stored.refused[0].key, "store.invalid_response");
    EXPECT_EQ(stored.acknowledge, (std::vector<std::string>{"link-0", "link-2"}));
    EXPECT_FALSE(store->contains("link-1"));
}

TEST_F(DownloadedAnswers, TheLiveTalliesCountThemOnceBetweenTheKiosksOwnSubmits) {
    auto store = open();
    Outbox outbox(database, scheme);
    std::vector<Submission> all;
    int own = 0;
    auto submit = [&] {
        ++own;
        const Submission s = make_submission("own-" + std::to_string(own), "2024-03-01T09:30:00+07:00", "KTP-el",
                                             static_cast<std::uint8_t>(1 + own % 4));
        ASSERT_EQ(store->submit(s), std::nullopt);
        all.push_back(s);
    };
    auto download = [&](const std::string& prefix, std::size_t n) {
        const auto page = from_hub(prefix, n);
        ASSERT_EQ(outbox.store_downloaded(page).inserted, n);
        all.insert(all.end(), page.begin(), page.end());
    };
    submit();
    download("a", 3);  // between two submits: their seqs leave a gap the store fills
    submit();
    submit();
    download("b", 2);
    EXPECT_TRUE(store->tallies() == expected_cube(all, scheme.size()));  // asked: counted without a submit
    download("c", 4);
    const auto imported = std::vector<Submission>{make_submission("imp-1"), make_submission("imp-2")};
    ASSERT_EQ(store->import(imported).inserted, 2u);
    all.insert(all.end(), imported.begin(), imported.end());
    submit();
    EXPECT_TRUE(store->tallies() == expected_cube(all, scheme.size()));
    EXPECT_EQ(store->tallies().total().respondents(), all.size());
    EXPECT_TRUE(store->check().ok());
    // The split by channel: the kiosk's own rows were stored without one (make_submission).
    const scoring::DateRange march{{2024, 3, 1}, {2024, 3, 31}};
    std::vector<std::pair<std::string, std::uint64_t>> counts;
    for (const auto& c : count_by_channel(store->connection(), march)) counts.emplace_back(c.channel, c.count);
    EXPECT_EQ(counts, (std::vector<std::pair<std::string, std::uint64_t>>{
                          {"kiosk", 0}, {"link", 9}, {"form", 0}, {"paper", 0}, {"", 6}}));
}

TEST_F(DownloadedAnswers, WithDeferredStartupTheyAreCountedOnceToo) {
    std::vector<Submission> all = test::varied_submissions("old", 40, 3);
    {
        auto store = open();
        ASSERT_EQ(store->import(all).inserted, 40u);
    }
    auto store = open(StartupChecks::deferred);
    Outbox outbox(database, scheme);
    const auto early = from_hub("early", 3);
    ASSERT_EQ(outbox.store_downloaded(early).inserted, 3u);
    all.insert(all.end(), early.begin(), early.end());
    const Submission own = make_submission("own-1");
    ASSERT_EQ(store->submit(own), std::nullopt);  // while the count waits: an arrival after a gap
    all.push_back(own);
    const auto late = from_hub("late", 2);
    ASSERT_EQ(outbox.store_downloaded(late).inserted, 2u);
    all.insert(all.end(), late.begin(), late.end());
    store->start_deferred_checks();
    store->wait_for_deferred_checks();  // the background count's snapshot is taken
    // After the snapshot, before the count is taken in: rows of both writers, interleaved.
    const auto after = from_hub("after", 2);
    ASSERT_EQ(outbox.store_downloaded(after).inserted, 2u);
    all.insert(all.end(), after.begin(), after.end());
    const Submission own2 = make_submission("own-2");
    ASSERT_EQ(store->submit(own2), std::nullopt);
    all.push_back(own2);
    const auto last = from_hub("last", 1);
    ASSERT_EQ(outbox.store_downloaded(last).inserted, 1u);
    all.insert(all.end(), last.begin(), last.end());
    EXPECT_TRUE(store->tallies() == expected_cube(all, scheme.size()));
    EXPECT_EQ(store->tallies().total().respondents(), all.size());
    EXPECT_TRUE(store->check().ok());
}

}  // namespace
}  // namespace skm::store
