#include "formats/csv_two_thread_reader.hpp"

#include "formats/csv_id_set.hpp"
#include "formats/csv_record_splitter.hpp"
#include "formats/csv_row_builder.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace skm::formats::csv_detail {

namespace {

// A big file is read by the caller's thread and a helper. The text after the
// header is cut into chunks at line starts; either thread checks a whole chunk
// into rows (every check but the duplicate id, which needs all earlier rows),
// counting lines from the chunk's start, and keeps any problem for later. The
// caller's thread alone hands the rows out, chunk after chunk in file order:
// it checks ids, puts the real line numbers in, calls on_row, and stops at the
// first problem (when not skipping) exactly where reading in order would.
// A cut is only a guess (a quoted field may hold a line break): a chunk counts
// only when the chunk before it ended exactly at its start, give or take blank
// lines; otherwise the caller reads that stretch again itself, in order. So
// rows, problems and lines are those of reading in one go.

struct ChunkRow {
    ResponseRow row;  // line counted from the chunk's start; answers set when handed out
    std::uint64_t id_hash = 0;
    std::size_t problem = 0;  // index into Chunk::problems, plus one; 0 = none
};

struct Chunk {
    const char* start = nullptr;  // where its records start (a guess but for the first chunk)
    const char* limit = nullptr;  // records starting here or later are the next chunk's
    std::vector<ChunkRow> rows;
    std::vector<std::uint8_t> answers;  // rows.size() × unsur
    std::vector<Problem> problems;      // lines counted from the chunk's start
    std::deque<std::string> kept;       // the fields that had "" (scratch does not last)
    std::optional<Problem> fatal;       // a record that could not be split, after the rows
    std::exception_ptr failure;         // anything else that was thrown
    const char* record_end = nullptr;   // just after the last record, and its line
    std::size_t record_end_line = 0;

    void clear() {
        rows.clear();
        answers.clear();
        problems.clear();
        kept.clear();
        fatal.reset();
        failure = nullptr;
    }
};

// A problem's line, counted from a chunk's start, as a line of the file.
void shift_line(Problem& problem, std::size_t base) {
    for (auto& [name, value] : problem.args) {
        if (name == "line") value = std::to_string(base + std::stoull(value));
    }
}

class ChunkReader {
public:
    ChunkReader(std::string_view content, std::string_view file_name, char separator, const Header& header,
                std::size_t unsur_count)
        : content_(content), file_(file_name), separator_(separator), header_(header), unsur_count_(unsur_count) {}

    // Checks the records that start in [start, limit) into chunk; lines from 0 at start.
    void read(Chunk& chunk, const char* start, const std::atomic<bool>& stop) const {
        chunk.clear();
        chunk.start = start;
        RecordSplitter splitter(content_, file_, separator_, start, 0, chunk.limit);
        RowBuilder builder(file_, content_, header_.columns, unsur_count_, nullptr);
        std::vector<std::string_view> fields(header_.columns.size() + 1);
        std::size_t count = 0;
        std::size_t line = 0;
        try {
            while (splitter.next(fields, count, line)) {
                ChunkRow& out = chunk.rows.emplace_back();
                if (auto problem = builder.build(fields.data(), count, line, out.row, out.id_hash)) {
                    chunk.problems.push_back(std::move(*problem));
                    out.problem = chunk.problems.size();
                    out.row.line = line;
                } else {
                    chunk.answers.insert(chunk.answers.end(), out.row.answers.begin(), out.row.answers.end());
                    keep_scratch(chunk, out.row);
                }
                if ((chunk.rows.size() & 255) == 0 && stop.load(std::memory_order_relaxed)) break;
            }
        } catch (const Error& error) {
            chunk.fatal = error.problem();
        } catch (...) {
            chunk.failure = std::current_exception();
        }
        chunk.record_end = splitter.record_end();
        chunk.record_end_line = splitter.record_end_line();
    }

private:
    // Fields from a quoted value with "" view the splitter's scratch, which
    // the next record reuses: the chunk keeps copies.
    void keep_scratch(Chunk& chunk, ResponseRow& row) const {
        for (std::string_view* field : {&row.response_id, &row.submitted_at, &row.layanan, &row.jenis_kelamin,
                                        &row.pendidikan, &row.pekerjaan, &row.saran, &row.flags, &row.device_id,
                                        &row.questionnaire_version, &row.profile_detail, &row.origin, &row.channel}) {
            if (!field->empty() && !in_text(content_, *field)) *field = chunk.kept.emplace_back(*field);
        }
    }

    std::string_view content_;
    std::string_view file_;
    char separator_;
    const Header& header_;
    std::size_t unsur_count_;
};

constexpr std::size_t kChunksAhead = 4;  // read but not yet handed out, at most

// The chunk starts: after the first '\n' at or after every kChunkBytes.
std::vector<const char*> chunk_starts(std::string_view content, const char* data_start, std::size_t chunk_bytes) {
    std::vector<const char*> starts = {data_start};
    const char* end = content.data() + content.size();
    while (static_cast<std::size_t>(end - starts.back()) > chunk_bytes) {
        const char* at = starts.back() + chunk_bytes;
        const char* lf = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
        if (!lf || lf + 1 >= end) break;
        starts.push_back(lf + 1);
    }
    return starts;
}

}  // namespace

void read_in_two_threads(std::string_view content, std::string_view file_name, const Header& header,
                         std::size_t unsur_count, const ResponseRowHandler& on_row, CsvReadOptions options,
                         CsvReadSummary& summary, std::size_t chunk_bytes) {
    const std::vector<const char*> starts = chunk_starts(content, header.data_start, chunk_bytes);
    const std::size_t chunk_count = starts.size();
    const char* end = content.data() + content.size();
    const ChunkReader reader(content, file_name, summary.separator, header, unsur_count);

    // Chunk c lives in slots[c % slots.size()] from being read until handed out.
    std::vector<Chunk> slots(kChunksAhead + 1);
    std::vector<char> ready(chunk_count, 0);  // guarded by mutex
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next_to_read = 0;  // guarded by mutex
    std::size_t handed_out = 0;    // chunks done with, guarded by mutex
    std::atomic<bool> stop{false};

    // Takes the next chunk to read, if one may be read now (the lock is held).
    auto claim = [&]() -> std::optional<std::size_t> {
        if (next_to_read >= chunk_count || next_to_read >= handed_out + kChunksAhead) return std::nullopt;
        return next_to_read++;
    };
    auto read_chunk = [&](std::size_t c) {
        Chunk& chunk = slots[c % slots.size()];
        chunk.limit = c + 1 < chunk_count ? starts[c + 1] : end;
        reader.read(chunk, starts[c], stop);
        const std::lock_guard lock(mutex);
        ready[c] = 1;
        changed.notify_all();
    };

    std::thread helper([&] {
        for (;;) {
            std::optional<std::size_t> c;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stop.load() || (c = claim()).has_value() || next_to_read >= chunk_count;
                });
                if (!c) return;
            }
            read_chunk(*c);
        }
    });
    // The helper stops (and is waited for) however this function is left.
    struct Join {
        std::thread& thread;
        std::atomic<bool>& stop;
        std::mutex& mutex;
        std::condition_variable& changed;
        ~Join() {
            {
                const std::lock_guard lock(mutex);
                stop = true;
            }
            changed.notify_all();
            thread.join();
        }
    } join{helper, stop, mutex, changed};

    IdCheck ids(file_name, content);  // made room for after the first chunk
    Chunk again;                      // a chunk read again in order when its cut was wrong
    const char* record_end = header.data_start;  // where the rows handed out so far end, and the line there
    std::size_t record_end_line = header.data_line;
    for (std::size_t c = 0; c < chunk_count; ++c) {
        {
            std::unique_lock lock(mutex);
            while (!ready[c]) {
                if (auto other = claim()) {
                    lock.unlock();
                    read_chunk(*other);
                    lock.lock();
                } else {
                    changed.wait(lock);
                }
            }
        }
        Chunk* chunk = &slots[c % slots.size()];
        // Its start counts if only blank lines lie between the last record and it.
        const bool cut_holds =
            record_end <= chunk->start &&
            std::all_of(record_end, chunk->start, [](char ch) { return ch == '\n' || ch == '\r'; });
        std::size_t base = 0;  // the file's line at the chunk's start
        if (cut_holds) {
            base = record_end_line + static_cast<std::size_t>(std::count(record_end, chunk->start, '\n'));
        } else {
            again.limit = chunk->limit;
            reader.read(again, record_end, stop);
            chunk = &again;
            base = record_end_line;
        }
        if (c == 0) {
            const auto bytes = static_cast<std::size_t>(chunk->record_end - chunk->start);
            ids.ids().expect(expected_rows(bytes, chunk->rows.size(), static_cast<std::size_t>(end - chunk->start)));
        }
        // Hand the rows out, prefetching the id slots a few rows ahead.
        constexpr std::size_t kAhead = 8;
        for (std::size_t k = 0; k < chunk->rows.size() && k < kAhead; ++k) {
            ids.ids().prefetch(chunk->rows[k].id_hash);
        }
        std::size_t answered = 0;  // rows with answers so far (the answers are theirs, in order)
        for (std::size_t k = 0; k < chunk->rows.size(); ++k) {
            if (k + kAhead < chunk->rows.size()) ids.ids().prefetch(chunk->rows[k + kAhead].id_hash);
            ChunkRow& r = chunk->rows[k];
            const std::size_t line = base + r.row.line;
            std::optional<Problem> problem;
            if (r.problem != 0) {
                problem = std::move(chunk->problems[r.problem - 1]);
                shift_line(*problem, base);
            } else {
                r.row.line = line;
                r.row.answers =
                    std::span<const std::uint8_t>(chunk->answers.data() + answered * unsur_count, unsur_count);
                ++answered;
                problem = ids.check(r.row, r.id_hash, line);
            }
            if (problem) [[unlikely]] {
                if (!options.skip_bad_rows) throw Error(ErrorKind::input, *problem);
                summary.skipped.push_back(std::move(*problem));
                continue;
            }
            on_row(r.row);
            ++summary.rows;
        }
        if (chunk->fatal) {
            Problem problem = *chunk->fatal;
            shift_line(problem, base);
            throw Error(ErrorKind::input, problem);
        }
        if (chunk->failure) std::rethrow_exception(chunk->failure);
        record_end = chunk->record_end;
        record_end_line = base + chunk->record_end_line;
        {
            const std::lock_guard lock(mutex);
            handed_out = c + 1;
        }
        changed.notify_all();
    }
}

}  // namespace skm::formats::csv_detail
