#include "store/tally_count.hpp"

#include "store/answers_codec.hpp"

#include <string>

namespace skm::store {
namespace {

// BEGIN (deferred) … COMMIT: a read snapshot that also works on a read-only
// connection, where BEGIN IMMEDIATE would be refused.
class ReadSnapshot {
public:
    explicit ReadSnapshot(const Connection& connection) : connection_(connection) { run("BEGIN"); }
    ~ReadSnapshot() { sqlite3_exec(connection_.handle(), "COMMIT", nullptr, nullptr, nullptr); }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    void run(const char* sql) {
        Statement statement(connection_, sql);
        statement.step();
    }
    const Connection& connection_;
};

}  // namespace

CountedTallies count_tallies(const Connection& connection, const scoring::ScoringScheme& scheme,
                             const std::function<void()>& after_snapshot) {
    CountedTallies counted{scoring::TallyCube(scheme.size()), 0};
    ReadSnapshot snapshot(connection);
    // The first read fixes the snapshot (WAL): later commits are not seen by it.
    counted.last_seq = query_int(connection, "SELECT coalesce(max(seq), 0) FROM responses");
    if (after_snapshot) after_snapshot();
    Statement query(connection, "SELECT layanan, local_date, flags, answers FROM responses WHERE seq <= ?1");
    query.bind(1, counted.last_seq);
    std::string layanan;
    while (query.step()) {
        const auto date = scoring::parse_date(query.text(1));
        auto answers = decode_answers(scheme, query.text(3));
        if (!date || !answers) continue;  // reported by check() through the count mismatch
        layanan.assign(query.text(0));
        counted.cube.add(layanan, *date, !query.text(2).empty(), *answers);
    }
    return counted;
}

}  // namespace skm::store
