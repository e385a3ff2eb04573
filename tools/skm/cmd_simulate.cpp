// `skm simulate --db PATH --count N [--seed S]`: N random citizens through
// the kiosk's own path (store::new_submission, then ResponseStore::submit).
// Standard output holds only response ids, each written and flushed after its
// submit returned; the crash tests rely on that. The seed drives the answers
// only: ids are always fresh random UUIDs.
#include "formats/layanan_list.hpp"
#include "formats/response.hpp"
#include "store/new_submission.hpp"
#include "tools/skm/store_access.hpp"

#include <cstdio>
#include <random>

namespace skm::tools {
namespace {

template <std::size_t N>
std::string pick(std::mt19937_64& rng, const std::array<std::string_view, N>& choices) {
    std::uniform_int_distribution<std::size_t> index(0, N);  // N: left empty (optional field)
    const std::size_t i = index(rng);
    return i == N ? std::string() : std::string(choices[i]);
}

// A citizen who is mostly satisfied, answers nearly everything and sometimes writes a saran.
store::SurveyAnswers random_citizen(std::mt19937_64& rng, const std::vector<std::string>& layanan, std::size_t unsur,
                                    std::int64_t now_ms) {
    store::SurveyAnswers a;
    a.layanan = layanan[std::uniform_int_distribution<std::size_t>(0, layanan.size() - 1)(rng)];
    a.jenis_kelamin = pick(rng, formats::kJenisKelamin);
    a.umur = pick(rng, formats::kUmurBands);
    a.pendidikan = pick(rng, formats::kPendidikan);
    a.pekerjaan = pick(rng, formats::kPekerjaan);
    std::discrete_distribution<int> answer({2, 3, 10, 30, 25});  // 0 = unanswered
    for (std::size_t i = 0; i < unsur; ++i) a.answers.push_back(static_cast<std::uint8_t>(answer(rng)));
    if (std::bernoulli_distribution(0.1)(rng)) a.saran = "Simulasi: pelayanan baik, antrean perlu dipercepat.";
    a.started_ms = now_ms - std::uniform_int_distribution<std::int64_t>(20'000, 240'000)(rng);
    return a;
}

struct SimulateOptions {
    DatabaseOptions database;
    std::optional<std::uint64_t> count;
    std::optional<std::uint64_t> seed;
    std::optional<std::string> layanan, device;
};

int run_simulate(Context& context, const SimulateOptions& args) {
    if (!args.count) throw Error(ErrorKind::usage, Problem{"usage.simulate_needs_count", {}});
    const std::uint64_t count = *args.count;
    std::mt19937_64 rng(args.seed.value_or(std::random_device{}()));
    const auto layanan = formats::load_layanan_list(args.layanan.value_or((context.assets / "demo" / "layanan.json").string()));
    auto opened = open_store(context, args.database);
    store::RandomUuidSource ids;
    const store::DeviceIdentity device{args.device.value_or("simulator"), &opened->questionnaire};

    for (std::uint64_t i = 0; i < count; ++i) {
        const auto answers = random_citizen(rng, layanan, opened->questionnaire.scheme.size(), opened->clock.monotonic_ms());
        const auto submission = store::new_submission(answers, device, opened->clock, ids);
        if (auto problem = opened->store->submit(submission)) throw Error(ErrorKind::storage, *problem);
        // Only now is the response durable: announce it.
        std::fputs((submission.response.response_id + "\n").c_str(), stdout);
        std::fflush(stdout);
    }
    context.err << context.catalog.format("simulate.done", {{"count", std::to_string(count)}}) << "\n";
    return 0;
}

void declare_simulate(CLI::App& command, SimulateOptions& options) {
    add_database_options(command, options.database);
    cli::add_whole_number(command, "--count", options.count);
    cli::add_whole_number(command, "--seed", options.seed);
    cli::add_texts(command, {{"--layanan", &options.layanan}, {"--device", &options.device}});
}

}  // namespace

void add_simulate(cli::CommandLine& command_line, Context& context) {
    command_line.add_command("simulate", context, run_simulate, declare_simulate);
}

}  // namespace skm::tools
