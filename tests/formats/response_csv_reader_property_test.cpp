// formats/response_csv_reader against the plain reader it replaced
// (reference_csv_reader.hpp): on random files, both deliver the same rows
// (every field, answers, timestamp, line), skip the same rows with the same
// problems, and refuse with the same problem (key, file, line, column, value).
// The files mix what the fast paths special-case with what they leave to the
// plain code: quotes, CRLF and lone CR, BOM, the semicolon dialect, blank
// lines, any column order, near-miss values, and errors at random places.
#include "formats/response_csv_reader.hpp"

#include "formats/csv_reading.hpp"
#include "reference_csv_reader.hpp"
#include "test_support.hpp"
#include "tests/support/response_rows.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace skm::formats {
namespace {

// ---- outcomes ----------------------------------------------------------------

using Owned = test::OwnedRow;

bool same_timestamp(const scoring::Timestamp& a, const scoring::Timestamp& b) {
    return a.date == b.date && a.hour == b.hour && a.minute == b.minute && a.second == b.second &&
           a.offset_minutes == b.offset_minutes;
}

std::string describe(const Problem& problem) {
    std::ostringstream out;
    out << problem.key;
    for (const auto& [name, value] : problem.args) out << " " << name << "=" << value;
    return out.str();
}

struct Outcome {
    std::vector<Owned> rows;
    std::size_t summary_rows = 0;
    std::vector<std::string> skipped;  // described problems
    char separator = 0;
    std::optional<std::string> refusal;  // described problem of the skm::Error thrown
};

using Reader = std::function<CsvReadSummary(std::string_view, std::string_view, const std::vector<std::string>&,
                                             const ResponseRowHandler&, CsvReadOptions)>;

// The fast reader with two threads whatever the size, in chunks of chunk_bytes.
Reader two_threads(std::size_t chunk_bytes) {
    return [chunk_bytes](std::string_view content, std::string_view file, const std::vector<std::string>& codes,
                         const ResponseRowHandler& on_row, CsvReadOptions options) {
        const csv_reading::Threads threads{.two = true, .min_bytes = 0, .chunk_bytes = chunk_bytes};
        return csv_reading::read(content, file, codes, on_row, options, threads);
    };
}

Reader in_order() {
    return [](std::string_view content, std::string_view file, const std::vector<std::string>& codes,
              const ResponseRowHandler& on_row, CsvReadOptions options) {
        return csv_reading::read(content, file, codes, on_row, options, csv_reading::Threads{.two = false});
    };
}

Outcome outcome_of(const Reader& reader, std::string_view content, const std::vector<std::string>& codes, bool skip) {
    Outcome result;
    const auto caller = std::this_thread::get_id();
    try {
        const auto summary = reader(
            content, "acak.csv", codes,
            [&](const ResponseRow& row) {
                EXPECT_EQ(std::this_thread::get_id(), caller) << "on_row off the caller's thread";
                result.rows.push_back(test::owned_row(row));
            },
            CsvReadOptions{.skip_bad_rows = skip});
        result.summary_rows = summary.rows;
        for (const auto& problem : summary.skipped) result.skipped.push_back(describe(problem));
        result.separator = summary.separator;
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::input);
        result.refusal = describe(error.problem());
    }
    return result;
}

// ---- random files --------------------------------------------------------------

class FileMaker {
public:
    explicit FileMaker(std::uint64_t seed) : rng_(seed) {}

    std::string content;
    std::vector<std::string> codes;

    void make() {
        content.clear();
        ids_.clear();
        separator_ = chance(0.3) ? ';' : ',';
        bad_ = chance(0.3) ? 0.0 : 0.001 + 0.03 * unit() * unit();
        codes = chance(0.7) ? test::permenpan_codes() : custom_codes();
        header();
        const std::size_t rows = chance(0.1) ? 300 + rng_() % 2700 : rng_() % 40;
        for (std::size_t r = 0; r < rows; ++r) row(r + 1 == rows);
        if (chance(0.02) && !content.empty()) content[rng_() % content.size()] = static_cast<char>(0x80 + rng_() % 0x80);
        if (chance(0.2)) content.insert(0, "\xEF\xBB\xBF");
    }

private:
    enum class Kind { id, at, layanan, jk, umur, pendidikan, pekerjaan, unsur, saran, flags, device, version, detail, origin, channel };
    struct Column {
        std::string name;
        Kind kind;
    };

    bool chance(double p) { return unit() < p; }
    double unit() { return static_cast<double>(rng_() >> 11) / 9007199254740992.0; }
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[rng_() % items.size()]; }

    std::vector<std::string> custom_codes() {
        std::vector<std::string> result;
        const std::size_t count = 1 + rng_() % 12;
        for (std::size_t i = 0; i < count; ++i) result.push_back("u" + std::to_string(i));
        return result;
    }

    void header() {
        columns_ = {{"response_id", Kind::id}, {"submitted_at", Kind::at}, {"layanan", Kind::layanan},
                    {"jenis_kelamin", Kind::jk}, {"umur", Kind::umur}, {"pendidikan", Kind::pendidikan},
                    {"pekerjaan", Kind::pekerjaan}};
        for (const auto& code : codes) columns_.push_back({code, Kind::unsur});
        for (const auto& [name, kind] : std::vector<Column>{{"saran", Kind::saran}, {"flags", Kind::flags},
                                                            {"device_id", Kind::device}, {"questionnaire_version", Kind::version}}) {
            columns_.push_back({name, kind});
        }
        // Files written before the recorded columns existed have none of them.
        if (chance(0.5)) {
            for (const auto& [name, kind] : std::vector<Column>{{"profile_detail", Kind::detail}, {"origin", Kind::origin},
                                                                {"channel", Kind::channel}}) {
                columns_.push_back({name, kind});
            }
        }
        const double order = unit();
        if (order > 0.6) {
            if (order > 0.85) {  // some optional columns left out
                std::erase_if(columns_, [&](const Column& c) {
                    return c.kind != Kind::id && c.kind != Kind::at && c.kind != Kind::layanan && c.kind != Kind::unsur &&
                           chance(0.4);
                });
            }
            std::shuffle(columns_.begin(), columns_.end(), rng_);
        }
        std::vector<std::string> names;
        for (const auto& c : columns_) names.push_back(chance(0.03) ? "  " + c.name + " " : c.name);
        if (chance(0.03)) names.push_back(chance(0.5) ? "nama" : columns_.front().name);  // unknown or duplicate
        if (chance(0.02)) names.erase(names.begin() + static_cast<std::ptrdiff_t>(rng_() % names.size()));
        if (chance(0.1)) content += chance(0.5) ? "\n" : "\r\n";  // blank lines before the header
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i) content += separator_;
            content += chance(0.05) ? quoted(names[i]) : names[i];
        }
        content += line_break();
    }

    std::string line_break() {
        const double r = unit();
        return r < 0.7 ? "\n" : r < 0.95 ? "\r\n" : "\r";
    }

    static std::string quoted(const std::string& value) {
        std::string out = "\"";
        for (char c : value) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    }

    void row(bool last) {
        std::vector<std::string> fields;
        for (const auto& column : columns_) fields.push_back(value(column.kind));
        if (chance(bad_ / 2)) {  // a field too many or too few
            if (chance(0.5) || fields.size() < 2) {
                fields.push_back("lebih");
            } else {
                fields.pop_back();
            }
        }
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) content += separator_;
            std::string& f = fields[i];
            const bool needs_quotes = f.find_first_of(std::string("\"\r\n") + separator_) != std::string::npos;
            if (chance(bad_ / 4) && !f.empty() && !needs_quotes) {
                f.insert(rng_() % f.size() + (f.size() > 1), "\"");  // a quote inside an unquoted field
                content += f;
            } else if (needs_quotes || chance(0.04)) {
                content += quoted(f);
                if (chance(bad_ / 4)) content += "x";  // text after the closing quote
            } else {
                content += f;
            }
        }
        if (last && chance(0.03)) content += separator_ + std::string("\"tidak ditutup");
        if (!last || chance(0.8)) content += line_break();
        if (chance(0.03)) content += pick<std::string>({"\n", "\r\n", "\r\r\n", "\n\n"});
        if (chance(bad_ / 2)) content += pick<std::string>({"  \n", " \r\n", "\t\n"});  // a blank-looking record
    }

    std::string value(Kind kind) {
        const bool bad = chance(bad_);
        switch (kind) {
            case Kind::id: return id(bad);
            case Kind::at: return timestamp(bad);
            case Kind::layanan:
                if (bad) return chance(0.5) ? "" : std::string(201, 'L');
                return pick<std::string>({"KTP-el", "Kartu Keluarga", "A", "Akta/Surat Keterangan", "Izin, Keramaian",
                                          "Layanan \"Cepat\"", "Pelayanan Terpadu Satu Pintu Kecamatan", "SKTM"});
            case Kind::jk:
                if (bad) return pick<std::string>({"X", "LP", "l", "L "});
                return pick<std::string>({"L", "P", "", "L", "P"});
            case Kind::umur:
                if (bad) return pick<std::string>({"131", "-1", "tua", "20-30", "+5", "60 +", "1e2", "30-39x"});
                if (chance(0.4)) return std::to_string(rng_() % 131);
                return pick<std::string>({"<20", "20-29", "30-39", "40-49", "50-59", "60+", "", "007", "-0", "5"});
            case Kind::pendidikan:
                if (bad) return pick<std::string>({"SLTA", "S4", "D1-D4", "sma", "S1 ", "Sarjana Strata Satu (S1)", "SD\xC3\xA9"});
                return pick<std::string>({"SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3", ""});
            case Kind::pekerjaan:
                if (bad) return pick<std::string>({"Petani", "PNSX", "Wirausah", "Wirausahaa", "Lainnya!", "pns", "P"});
                return pick<std::string>({"PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya", ""});
            case Kind::unsur:
                if (bad) return pick<std::string>({"0", "5", "12", "a", "3.5", "-1", " 3", "baik"});
                return chance(0.1) ? "" : std::string(1, static_cast<char>('1' + rng_() % 4));
            case Kind::saran:
                if (bad) return std::string(2001, 's');
                if (chance(0.7)) return "";
                return pick<std::string>({"Bagus", "Antre lama, tapi ramah", "Kata \"besok saja\"", "Satu\ndua",
                                          "Baris\r\nbaru", "Pelayanan \xC3\xA9l\xC3\xA9gan", "a;b", std::string(2000, 'z')});
            case Kind::flags:
                if (bad) return pick<std::string>({"Too_fast", "x-y", "too fast"});
                return pick<std::string>({"", "", "too_fast", "straight_line;too_fast"});
            case Kind::device:
                if (bad) return std::string(201, 'd');
                return pick<std::string>({"kiosk-01", "", "kiosk-cibeureum-02"});
            case Kind::version:
                if (bad) return pick<std::string>({"1234567890", "v1", "1.0"});
                return pick<std::string>({"1", "", "123456789", "2"});
            case Kind::detail:
                if (bad) {
                    return pick<std::string>({"pekerjaan", "pekerjaan=", "pekerjaan=Petani", "alamat=rumah", "pekerjaan=petani;",
                                              "umur=a;umur=b", "pekerjaan=petani pagi", std::string(201, 'x'),
                                              "pekerjaan=" + std::string(33, 'p')});
                }
                return pick<std::string>({"", "", "pekerjaan=petani", "pendidikan=tidak_sekolah;pekerjaan=petani",
                                          "umur=lansia_70", "pekerjaan=" + std::string(32, 'p')});
            case Kind::origin:
                if (bad) return pick<std::string>({"Kiosk", "impor", "hubs", "kiosk "});
                return pick<std::string>({"", "kiosk", "import", "hub"});
            case Kind::channel:
                if (bad) return pick<std::string>({"Link", "kertas", "forms", "papers"});
                return pick<std::string>({"", "kiosk", "link", "form", "paper"});
        }
        return "";
    }

    std::string id(bool bad) {
        if (bad) return chance(0.5) ? "" : std::string(201, 'i');
        std::string id;
        if (!ids_.empty() && chance(0.02)) return pick(ids_);  // a duplicate
        const double r = unit();
        if (r < 0.5) {
            static const char kHex[] = "0123456789abcdef";
            for (int i = 0; i < 36; ++i) id += (i == 8 || i == 13 || i == 18 || i == 23) ? '-' : kHex[rng_() % 16];
        } else if (r < 0.9) {
            id = "r" + std::to_string(rng_() % 100000);
        } else if (r < 0.95) {
            id = "a\"" + std::to_string(rng_() % 1000);  // written with ""
        } else {
            id = std::string(200, 'x') ;
            id[rng_() % 200] = 'y';
        }
        ids_.push_back(id);
        return id;
    }

    std::string timestamp(bool bad) {
        auto two = [](unsigned v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); };
        std::string ts = std::to_string(2023 + rng_() % 3) + "-" + two(1 + rng_() % (bad ? 13 : 12)) + "-" +
                         two(1 + rng_() % (bad ? 31 : 28)) + (chance(0.9) ? "T" : " ") + two(rng_() % (bad ? 25 : 24)) +
                         ":" + two(rng_() % (bad ? 61 : 60));
        if (chance(0.95)) ts += ":" + two(rng_() % 61);
        if (chance(0.03)) ts += ".123";
        const double r = unit();
        ts += r < 0.7   ? "+07:00"
              : r < 0.8 ? "Z"
              : r < 0.85 ? "-03:30"
              : r < 0.9  ? "+0700"
              : r < 0.95 ? "+14:00"
                         : pick<std::string>({"+14:59", "+15:00", "+07:60", "-00:00", ""});
        if (bad && !ts.empty()) {
            const std::string kChars = "0123456789/:-+TZ .a\x7F";
            if (chance(0.5)) {
                ts[rng_() % ts.size()] = kChars[rng_() % kChars.size()];
            } else if (chance(0.5)) {
                ts.resize(rng_() % ts.size());
            } else {
                ts += kChars[rng_() % kChars.size()];
            }
        }
        return ts;
    }

    std::mt19937_64 rng_;
    char separator_ = ',';
    double bad_ = 0;
    std::vector<Column> columns_;
    std::vector<std::string> ids_;
};

void expect_same(const Outcome& fast, const Outcome& plain, const std::string& where) {
    ASSERT_EQ(fast.refusal, plain.refusal) << where;
    ASSERT_EQ(fast.skipped, plain.skipped) << where;
    ASSERT_EQ(fast.summary_rows, plain.summary_rows) << where;
    ASSERT_EQ(fast.separator, plain.separator) << where;
    ASSERT_EQ(fast.rows.size(), plain.rows.size()) << where;
    for (std::size_t i = 0; i < fast.rows.size(); ++i) {
        const Owned& a = fast.rows[i];
        const Owned& b = plain.rows[i];
        const std::string at = where + " row " + std::to_string(i);
        ASSERT_EQ(a.line, b.line) << at;
        ASSERT_EQ(a.response_id, b.response_id) << at;
        ASSERT_EQ(a.submitted_at, b.submitted_at) << at;
        ASSERT_TRUE(same_timestamp(a.timestamp, b.timestamp)) << at << " " << a.submitted_at;
        ASSERT_EQ(a.layanan, b.layanan) << at;
        ASSERT_EQ(a.jenis_kelamin, b.jenis_kelamin) << at;
        ASSERT_EQ(a.umur, b.umur) << at;
        ASSERT_EQ(a.pendidikan, b.pendidikan) << at;
        ASSERT_EQ(a.pekerjaan, b.pekerjaan) << at;
        ASSERT_EQ(a.answers, b.answers) << at;
        ASSERT_EQ(a.saran, b.saran) << at;
        ASSERT_EQ(a.flags, b.flags) << at;
        ASSERT_EQ(a.device_id, b.device_id) << at;
        ASSERT_EQ(a.questionnaire_version, b.questionnaire_version) << at;
        ASSERT_EQ(a.profile_detail, b.profile_detail) << at;
        ASSERT_EQ(a.origin, b.origin) << at;
        ASSERT_EQ(a.channel, b.channel) << at;
    }
}

TEST(ResponseCsvReaderProperty, FastReaderAgreesWithThePlainOneOnRandomFiles) {
    FileMaker maker(20240101);
    std::mt19937_64 rng(99);
    std::size_t refused = 0;
    std::size_t with_skips = 0;
    std::size_t delivered = 0;
    for (int round = 0; round < 1500; ++round) {
        maker.make();
        // Chunks from a few bytes (cuts inside quoted line breaks, blank lines,
        // records) to a few kilobytes.
        const std::size_t chunk_bytes = rng() % 3 == 0 ? 1 + rng() % 64 : 1 + rng() % 4000;
        for (bool skip : {false, true}) {
            const Outcome plain = outcome_of(Reader(&reference::read), maker.content, maker.codes, skip);
            const std::string where = "round " + std::to_string(round) + (skip ? " (skipping)" : "");
            expect_same(outcome_of(Reader(&read_response_csv), maker.content, maker.codes, skip), plain, where);
            expect_same(outcome_of(in_order(), maker.content, maker.codes, skip), plain, where + " in order");
            expect_same(outcome_of(two_threads(chunk_bytes), maker.content, maker.codes, skip), plain,
                        where + " two threads, chunks of " + std::to_string(chunk_bytes));
            if (HasFatalFailure()) {
                ADD_FAILURE() << "file:\n" << maker.content.substr(0, 4000);
                return;
            }
            refused += plain.refusal.has_value();
            with_skips += !plain.skipped.empty();
            delivered += plain.rows.size();
        }
    }
    // The files exercise both outcomes, not just one.
    EXPECT_GT(refused, 300u);
    EXPECT_GT(with_skips, 300u);
    EXPECT_GT(delivered, 50000u);
}

// Every single-byte change of a well-formed timestamp: the in-place reading of
// the usual forms must accept and read exactly what parse_timestamp does.
TEST(ResponseCsvReaderProperty, TimestampMutationsReadLikeParseTimestamp) {
    const std::string header = test::standard_header();
    const std::string tail = ",KTP-el,L,30-39,S1,PNS,4,3,3,4,3,4,4,3,4,,,kiosk-01,1\n";
    const std::string kChars = "0123456789/:-+TZ .a\x7F";
    std::string content = header + "\n";
    int id = 0;
    for (const std::string base : {"2024-03-01T09:15:00+07:00", "2024-02-29 23:59:60-14:00", "2023-12-31T00:00:00Z",
                                   "2024-03-01T09:15:00+0700", "2024-03-01T09:15+07:00"}) {
        for (std::size_t i = 0; i < base.size(); ++i) {
            for (char c : kChars) {
                std::string ts = base;
                ts[i] = c;
                content += "t" + std::to_string(id++) + "," + ts + tail;
            }
        }
    }
    const std::vector<std::string> codes = test::permenpan_codes();
    const Outcome fast = outcome_of(Reader(&read_response_csv), content, codes, true);
    const Outcome plain = outcome_of(Reader(&reference::read), content, codes, true);
    expect_same(fast, plain, "timestamps");
    EXPECT_GT(plain.rows.size(), 100u);
    EXPECT_GT(plain.skipped.size(), 1000u);
}

// Two threads on a file of a few megabytes, as read_response_csv reads big
// files: the same rows as in order, and an exception from on_row (here after
// 1000 rows) leaves the read cleanly, the helper thread stopped.
TEST(ResponseCsvReaderProperty, TwoThreadsOnABigFileAndAnOnRowThatThrows) {
    std::string content = test::standard_header() + "\n";
    std::mt19937_64 rng(5);
    for (int i = 0; content.size() < (std::size_t{6} << 20); ++i) {
        content += "id-" + std::to_string(i) + ",2024-03-01T09:15:00+07:00,KTP-el,L,30-39,S1,PNS,";
        for (int u = 0; u < 9; ++u) content += std::string(1, static_cast<char>('1' + rng() % 4)) + ",";
        content += i % 50 == 0 ? "\"satu,\ndua\"" : "";
        content += ",,kiosk-01,1\n";
    }
    const auto codes = test::permenpan_codes();
    const Outcome plain = outcome_of(Reader(&reference::read), content, codes, false);
    expect_same(outcome_of(two_threads(std::size_t{1} << 20), content, codes, false), plain, "big file");
    expect_same(outcome_of(Reader(&read_response_csv), content, codes, false), plain, "big file, default");
    ASSERT_GT(plain.rows.size(), 30000u);

    std::size_t delivered = 0;
    const csv_reading::Threads threads{.two = true, .min_bytes = 0, .chunk_bytes = 64 << 10};
    EXPECT_THROW(csv_reading::read(content, "acak.csv", codes,
                                   [&](const ResponseRow&) {
                                       if (++delivered == 1000) throw std::runtime_error("berhenti");
                                   },
                                   {}, threads),
                 std::runtime_error);
    EXPECT_EQ(delivered, 1000u);
}

}  // namespace
}  // namespace skm::formats
