#include "store/salvage.hpp"

#include <string>

namespace skm::store {
namespace {

// A damaged b-tree can fail a scan part-way: resume after the last good seq,
// stepping over seq values that cannot be read, and give up after a long run
// of failures (past the end of a table whose size is unknown).
constexpr std::int64_t kMaxConsecutiveFailures = 10'000;

}  // namespace

SalvageResult salvage(ResponseStore& live, const std::filesystem::path& damaged) {
    SalvageResult result;
    std::vector<Submission> rows;
    try {
        Connection source(damaged.string(), SQLITE_OPEN_READONLY);
        std::int64_t max_seq = -1;
        try {
            max_seq = query_int(source, "SELECT max(seq) FROM responses");
        } catch (const Error&) {
            // unknown: rely on the failure limit below
        }
        result.opened = true;
        const std::string sql = "SELECT " + stored_row_columns_in(source) + " FROM responses WHERE seq > ?1 ORDER BY seq";
        std::int64_t last = 0;
        std::int64_t failures = 0;
        for (;;) {
            try {
                Statement query(source, sql.c_str());
                query.bind(1, last);
                while (query.step()) {
                    last = query.int64(0);
                    failures = 0;
                    try {
                        rows.push_back(read_stored_row(query, live.scheme()).submission);
                        ++result.rows_read;
                    } catch (const Error&) {
                        ++result.unreadable;
                    }
                }
                break;
            } catch (const Error&) {
                ++result.unreadable;
                ++last;
                if (++failures > kMaxConsecutiveFailures || (max_seq >= 0 && last > max_seq)) break;
            }
        }
    } catch (const Error&) {
        if (!result.opened) return result;
    }
    result.imported = live.import(rows, /*skip_invalid=*/true);
    return result;
}

}  // namespace skm::store
