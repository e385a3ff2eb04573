// Soak (release tier): several simulated kiosks — each a thread with its own
// device database (the real ResponseStore submit path), outbox, sync engine
// and libcurl transport — submit and sync to one in-process hub over loopback
// TLS for SKM_SOAK_SECONDS (default 60), with faults injected between engine
// and transport (refused, reply lost after the hub committed, HTTP 500,
// garbled reply, delivered twice) and the hub restarted every few seconds.
// Then faults stop, every kiosk drains, and the figures are written to
// bench/results/soak.{md,json}: submitted, delivered, lost (must be 0),
// duplicated (must be 0), and what was injected.
#include "tests/hub/hub_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <thread>

namespace skm::hub::testing {
namespace {

using Steady = std::chrono::steady_clock;

struct FaultCounts {
    std::atomic<std::int64_t> requests{0}, refused{0}, reply_lost{0}, http_500{0}, garbled{0}, doubled{0};
};

// Between the engine and the real transport: with probability `rate` a post
// meets one of five faults, chosen by the thread's own seeded generator.
class FaultyTransport final : public sync::Transport {
public:
    FaultyTransport(sync::Transport& real, std::uint64_t seed, double rate, FaultCounts& counts)
        : real_(real), random_(seed), rate_(rate), counts_(counts) {}
    void stop_faults() { rate_ = 0; }

    sync::HttpResult post_batch(const std::string& gzip_body) override {
        ++counts_.requests;
        const double r = std::uniform_real_distribution<double>(0, 1)(random_);
        if (r >= rate_) return real_.post_batch(gzip_body);
        const int kind = static_cast<int>(r / rate_ * 5);
        sync::HttpResult result;
        switch (kind) {
            case 0:  // never reached the hub
                ++counts_.refused;
                result.detail = "injected: refused";
                return result;
            case 1:  // the hub committed, the kiosk never heard: the retry must be a duplicate, not a second row
                real_.post_batch(gzip_body);
                ++counts_.reply_lost;
                result.detail = "injected: reply lost";
                return result;
            case 2:
                ++counts_.http_500;
                result.connected = true;
                result.status = 500;
                result.detail = "injected: 500";
                return result;
            case 3: {  // a reply cut in half
                result = real_.post_batch(gzip_body);
                ++counts_.garbled;
                if (!result.body.empty()) result.body.resize(result.body.size() / 2);
                return result;
            }
            default:  // a proxy that sends the same body twice
                real_.post_batch(gzip_body);
                ++counts_.doubled;
                return real_.post_batch(gzip_body);
        }
    }

private:
    sync::Transport& real_;
    std::mt19937_64 random_;
    double rate_;
    FaultCounts& counts_;
};

struct KioskResult {
    std::vector<std::string> submitted;
    std::int64_t pending_after = -1;
    std::int64_t sent_marked = 0;
    std::int64_t drains = 0;
    std::string error;
};

void run_kiosk(TestHub& hub, const std::string& device, const std::string& token, std::uint64_t seed,
               Steady::time_point deadline, FaultCounts& faults, KioskResult& out) {
    const auto dir = fs::path(skm::testing::make_temp_dir());
    struct RemoveAtEnd {
        fs::path dir;
        ~RemoveAtEnd() {
            std::error_code ignored;
            fs::remove_all(dir, ignored);
        }
    } remove_at_end{dir};
    try {
        store::ManualClock clock{scoring::Timestamp{{2025, 7, 1}, 9, 0, 0, 420}};
        store::StoreOptions options;
        options.path = dir / "skm.db";
        store::ResponseStore db(options, scheme(), clock);
        store::Outbox outbox(options.path, scheme());
        sync::CurlTransport curl(transport_to(hub, token));
        FaultyTransport faulty(curl, seed, 0.3, faults);
        sync::EngineOptions engine_options;
        engine_options.batch_size = 7;
        engine_options.device_id = device;
        sync::SyncEngine engine(outbox, faulty, scheme(), clock, [] { return 0.5; }, engine_options);
        std::mt19937_64 random(seed * 31 + 7);
        for (int n = 0; Steady::now() < deadline && n < 20'000; ++n) {
            auto submission = make_response(device + "-" + std::to_string(n), n % 3 ? "KTP-el" : "SKTM");
            submission.response.device_id = device;
            if (const auto problem = db.submit(submission)) {
                out.error = "submit refused: " + problem->key;
                return;
            }
            out.submitted.push_back(submission.response.response_id);
            clock.advance_ms(45'000);
            if (random() % 3 == 0) {
                ++out.drains;
                engine.drain();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(random() % 8));
        }
        // The network heals: drain until the outbox is empty (bounded).
        faulty.stop_faults();
        for (int attempt = 0; attempt < 200 && outbox.pending() > 0; ++attempt) {
            ++out.drains;
            if (engine.drain().failed) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        out.pending_after = outbox.pending();
        store::Connection raw(options.path.string(), SQLITE_OPEN_READONLY);
        out.sent_marked = store::query_int(raw, "SELECT count(*) FROM responses WHERE sync_state = 'sent'");
    } catch (const std::exception& e) {
        out.error = e.what();
    }
}

TEST(Soak, KiosksSubmitAndSyncThroughFaultsWithNothingLostOrDoubled) {
    const char* env = std::getenv("SKM_SOAK_SECONDS");
    const int seconds = env && *env ? std::atoi(env) : 60;
    constexpr int kKiosks = 4;
    TestHub hub;
    std::vector<std::string> tokens;
    for (int k = 0; k < kKiosks; ++k) tokens.push_back(hub.enroll("soak-" + std::to_string(k), "Kecamatan " + std::to_string(k % 2)));

    FaultCounts faults;
    std::vector<KioskResult> results(kKiosks);
    const auto start = Steady::now();
    const auto deadline = start + std::chrono::seconds(seconds);
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.emplace_back(run_kiosk, std::ref(hub), "soak-" + std::to_string(k), tokens[k], 1000 + k, deadline,
                            std::ref(faults), std::ref(results[k]));
    }
    // The hub restarts now and then (an update, a power cut of the server room).
    int restarts = 0;
    while (Steady::now() + std::chrono::seconds(6) < deadline) {
        std::this_thread::sleep_for(std::chrono::seconds(5));
        hub.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        hub.start();
        ++restarts;
    }
    for (auto& t : kiosks) t.join();
    const double wall = std::chrono::duration<double>(Steady::now() - start).count();

    std::int64_t submitted = 0, pending = 0, marked = 0, drains = 0;
    std::set<std::string> all_ids;
    for (const auto& r : results) {
        EXPECT_EQ(r.error, "");
        submitted += static_cast<std::int64_t>(r.submitted.size());
        pending += r.pending_after;
        marked += r.sent_marked;
        drains += r.drains;
        all_ids.insert(r.submitted.begin(), r.submitted.end());
    }
    const auto stored = hub.stored_ids();
    std::int64_t delivered = 0, lost = 0, duplicated = 0;
    for (const auto& id : all_ids) {
        const auto copies = static_cast<std::int64_t>(stored.count(id));
        if (copies == 0) ++lost;
        if (copies >= 1) ++delivered;
        if (copies > 1) duplicated += copies - 1;
    }
    const auto strangers = static_cast<std::int64_t>(stored.size()) - delivered - duplicated;

    nlohmann::ordered_json figures = {
        {"seconds", seconds}, {"wall_seconds", wall}, {"cores", std::thread::hardware_concurrency()}, {"kiosks", kKiosks}, {"hub_restarts", restarts},
        {"submitted", submitted}, {"delivered", delivered}, {"lost", lost}, {"duplicated", duplicated},
        {"rows_at_hub_not_submitted", strangers}, {"pending_at_kiosks_after", pending}, {"marked_sent_at_kiosks", marked},
        {"drains", drains}, {"posts", faults.requests.load()},
        {"faults", {{"refused", faults.refused.load()}, {"reply_lost_after_commit", faults.reply_lost.load()},
                    {"http_500", faults.http_500.load()}, {"garbled_reply", faults.garbled.load()},
                    {"delivered_twice", faults.doubled.load()}}}};
    const fs::path out_dir = fs::path(SKM_SOURCE_DIR) / "bench" / "results";
    fs::create_directories(out_dir);
    std::ofstream(out_dir / "soak.json") << figures.dump(2) << "\n";
    char date[32] = "";
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
    std::ofstream md(out_dir / "soak.md");
    md << "# Soak: kiosks submitting and syncing through faults\n\n"
       << "Measured " << date << " on " << std::thread::hardware_concurrency() << " cores. "
       << "`ctest -L release -R Soak` (tests/release/soak_test.cpp), SKM_SOAK_SECONDS=" << seconds << ": " << kKiosks
       << " kiosk threads (own SQLite store, outbox, sync engine, libcurl) → one in-process skm-hub over loopback TLS, "
       << "30% of posts faulted, the hub restarted every 5 s; then faults off and every kiosk drained.\n\n"
       << "| figure | value |\n|---|---:|\n"
       << "| wall time, s | " << static_cast<int>(wall) << " |\n"
       << "| responses submitted | " << submitted << " |\n"
       << "| delivered to the hub | " << delivered << " |\n"
       << "| **lost** (must be 0) | " << lost << " |\n"
       << "| **duplicated** at the hub (must be 0) | " << duplicated << " |\n"
       << "| rows at the hub nobody submitted | " << strangers << " |\n"
       << "| still pending at kiosks after draining | " << pending << " |\n"
       << "| batch posts | " << faults.requests.load() << " |\n"
       << "| hub restarts | " << restarts << " |\n"
       << "| injected: refused / reply lost after commit / HTTP 500 / garbled reply / delivered twice | "
       << faults.refused.load() << " / " << faults.reply_lost.load() << " / " << faults.http_500.load() << " / "
       << faults.garbled.load() << " / " << faults.doubled.load() << " |\n";
    md.close();
    std::cout << figures.dump(2) << "\n";

    EXPECT_GT(submitted, 100) << "too short a run to mean anything";
    EXPECT_GT(faults.reply_lost.load() + faults.doubled.load(), 0) << "no fault that could duplicate was injected";
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(duplicated, 0);
    EXPECT_EQ(strangers, 0);
    EXPECT_EQ(delivered, submitted);
    EXPECT_EQ(pending, 0);
    EXPECT_EQ(marked, submitted) << "every response marked sent at its kiosk";
}

}  // namespace
}  // namespace skm::hub::testing
