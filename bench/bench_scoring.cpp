// skm-bench-scoring: Google Benchmark of the scoring hot paths on 1,000,000
// synthetic responses (bench/synthetic.hpp).
//   tally/…            Tally / GroupedTally built from in-memory answers
//   summarize/…        exact (GMP) results from those tallies
//   score_in_memory/…  both together: what a dashboard does on a cold start
//   live/…             one response added to (and removed from) a live tally
//   csv/…              read_response_csv on a CSV already in memory
// Extra flags (before the Google Benchmark ones): --rows=N (default 1000000),
// --seed=S (default 20240101).
#include "bench/synthetic.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/scheme.hpp"
#include "scoring/summary.hpp"
#include "scoring/tally.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using skm::bench::kUnsurCount;
using skm::bench::ResponseSet;
namespace scoring = skm::scoring;
namespace formats = skm::formats;

std::span<const std::uint8_t> answers_of(const ResponseSet& set, std::size_t i) {
    return {set.answers_of(i), kUnsurCount};
}

// Everything the benchmarks read, built once from one explicit generator.
struct Fixture {
    ResponseSet responses;
    std::string csv;
    scoring::ScoringScheme scheme = scoring::ScoringScheme::permenpan_2017();
    std::vector<std::string> codes;
    scoring::Tally full_tally{kUnsurCount};
    scoring::GroupedTally full_by_layanan{kUnsurCount, scoring::GroupBy::layanan};

    Fixture(std::size_t rows, std::uint64_t seed) {
        std::mt19937_64 rng(seed);
        responses = skm::bench::make_responses(rows, rng);
        csv = skm::bench::make_response_csv(rows, rng);
        codes.assign(scoring::kPermenpan2017Codes.begin(), scoring::kPermenpan2017Codes.end());
        for (std::size_t i = 0; i < responses.size(); ++i) {
            full_tally.add(answers_of(responses, i));
            full_by_layanan.add(skm::bench::kLayananNames[responses.layanan[i]], responses.dates[i],
                                answers_of(responses, i));
        }
    }
};

// ---- tallies from memory -----------------------------------------------------

void tally_total(benchmark::State& state, const Fixture& f) {
    for (auto _ : state) {
        scoring::Tally tally(kUnsurCount);
        for (std::size_t i = 0; i < f.responses.size(); ++i) tally.add(answers_of(f.responses, i));
        benchmark::DoNotOptimize(tally);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.responses.size()));
}

void tally_grouped(benchmark::State& state, const Fixture& f, scoring::GroupBy by) {
    for (auto _ : state) {
        scoring::GroupedTally grouped(kUnsurCount, by);
        for (std::size_t i = 0; i < f.responses.size(); ++i) {
            grouped.add(skm::bench::kLayananNames[f.responses.layanan[i]], f.responses.dates[i],
                        answers_of(f.responses, i));
        }
        benchmark::DoNotOptimize(grouped);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.responses.size()));
}

// ---- exact results -----------------------------------------------------------

void summarize_total(benchmark::State& state, const Fixture& f) {
    for (auto _ : state) {
        auto summary = scoring::summarize(f.full_tally, f.scheme, {});
        benchmark::DoNotOptimize(summary);
    }
}

void summarize_by_layanan(benchmark::State& state, const Fixture& f) {
    for (auto _ : state) {
        auto groups = scoring::summarize_groups(f.full_by_layanan, f.scheme, {});
        benchmark::DoNotOptimize(groups);
    }
}

void score_in_memory(benchmark::State& state, const Fixture& f) {
    for (auto _ : state) {
        scoring::GroupedTally grouped(kUnsurCount, scoring::GroupBy::layanan);
        for (std::size_t i = 0; i < f.responses.size(); ++i) {
            grouped.add(skm::bench::kLayananNames[f.responses.layanan[i]], f.responses.dates[i],
                        answers_of(f.responses, i));
        }
        auto total = scoring::summarize(grouped.total(), f.scheme, {});
        auto groups = scoring::summarize_groups(grouped, f.scheme, {});
        benchmark::DoNotOptimize(total);
        benchmark::DoNotOptimize(groups);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.responses.size()));
}

// ---- live tally --------------------------------------------------------------
// A tally already holding every response takes one more (cycling through the
// first 4096 so the answers vary but stay in cache).

constexpr std::size_t kLivePool = 4096;

// Runs `step` once an iteration on response i, cycling through the pool.
template <typename Step>
void over_live_pool(benchmark::State& state, const Fixture& f, Step step) {
    const std::size_t pool = std::min(kLivePool, f.responses.size());
    std::size_t i = 0;
    for (auto _ : state) {
        step(i);
        i = i + 1 == pool ? 0 : i + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void live_add(benchmark::State& state, const Fixture& f) {
    scoring::Tally tally = f.full_tally;
    over_live_pool(state, f, [&](std::size_t i) { tally.add(answers_of(f.responses, i)); });
    benchmark::DoNotOptimize(tally);
}

void live_add_remove(benchmark::State& state, const Fixture& f) {
    scoring::Tally tally = f.full_tally;
    over_live_pool(state, f, [&](std::size_t i) {
        tally.add(answers_of(f.responses, i));
        tally.remove(answers_of(f.responses, i));
    });
    benchmark::DoNotOptimize(tally);
}

void live_grouped_add(benchmark::State& state, const Fixture& f) {
    scoring::GroupedTally grouped = f.full_by_layanan;
    over_live_pool(state, f, [&](std::size_t i) {
        grouped.add(skm::bench::kLayananNames[f.responses.layanan[i]], f.responses.dates[i], answers_of(f.responses, i));
    });
    benchmark::DoNotOptimize(grouped);
}

// ---- CSV in memory -----------------------------------------------------------

void csv_read(benchmark::State& state, const Fixture& f) {
    std::size_t rows = 0;
    for (auto _ : state) {
        auto summary = formats::read_response_csv(f.csv, "bench.csv", f.codes, [](const formats::ResponseRow& row) {
            benchmark::DoNotOptimize(row.answers.data());
        });
        rows = summary.rows;
    }
    if (rows != f.responses.size()) state.SkipWithError("csv: row count differs");
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.csv.size()));
}

void csv_read_and_tally(benchmark::State& state, const Fixture& f) {
    std::size_t rows = 0;
    for (auto _ : state) {
        scoring::GroupedTally grouped(kUnsurCount, scoring::GroupBy::layanan);
        auto summary = formats::read_response_csv(f.csv, "bench.csv", f.codes, [&](const formats::ResponseRow& row) {
            grouped.add(row.layanan, row.timestamp.date, row.answers);
        });
        rows = summary.rows;
        benchmark::DoNotOptimize(grouped);
    }
    if (rows != f.responses.size()) state.SkipWithError("csv: row count differs");
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.csv.size()));
}

// Takes --name=VALUE out of argv (Google Benchmark rejects flags it does not know).
bool take_flag(int& argc, char** argv, std::string_view name, std::uint64_t& value) {
    const std::string prefix = "--" + std::string(name) + "=";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.substr(0, prefix.size()) != prefix) continue;
        const std::string_view text = arg.substr(prefix.size());
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size()) {
            std::fprintf(stderr, "skm-bench-scoring: bad %s\n", argv[i]);
            std::exit(2);
        }
        for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
        --argc;
        return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t rows = 1'000'000;
    std::uint64_t seed = 20240101;
    take_flag(argc, argv, "rows", rows);
    take_flag(argc, argv, "seed", seed);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

    const Fixture fixture(static_cast<std::size_t>(rows), seed);
    benchmark::AddCustomContext("rows", std::to_string(rows));
    benchmark::AddCustomContext("seed", std::to_string(seed));
    benchmark::AddCustomContext("csv_bytes", std::to_string(fixture.csv.size()));

    const Fixture& f = fixture;
    using benchmark::kMillisecond;
    using benchmark::kMicrosecond;
    using benchmark::kNanosecond;
    benchmark::RegisterBenchmark("tally/total", [&f](benchmark::State& s) { tally_total(s, f); })->Unit(kMillisecond);
    benchmark::RegisterBenchmark("tally/by_layanan", [&f](benchmark::State& s) {
        tally_grouped(s, f, scoring::GroupBy::layanan);
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark("tally/by_month", [&f](benchmark::State& s) {
        tally_grouped(s, f, scoring::GroupBy::month);
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark("summarize/total", [&f](benchmark::State& s) { summarize_total(s, f); })
        ->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("summarize/by_layanan", [&f](benchmark::State& s) { summarize_by_layanan(s, f); })
        ->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("score_in_memory/by_layanan", [&f](benchmark::State& s) { score_in_memory(s, f); })
        ->Unit(kMillisecond);
    benchmark::RegisterBenchmark("live/add", [&f](benchmark::State& s) { live_add(s, f); })->Unit(kNanosecond);
    benchmark::RegisterBenchmark("live/add_remove", [&f](benchmark::State& s) { live_add_remove(s, f); })
        ->Unit(kNanosecond);
    benchmark::RegisterBenchmark("live/grouped_add_by_layanan", [&f](benchmark::State& s) { live_grouped_add(s, f); })
        ->Unit(kNanosecond);
    benchmark::RegisterBenchmark("csv/read", [&f](benchmark::State& s) { csv_read(s, f); })->Unit(kMillisecond);
    benchmark::RegisterBenchmark("csv/read_and_tally_by_layanan", [&f](benchmark::State& s) {
        csv_read_and_tally(s, f);
    })->Unit(kMillisecond);

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
