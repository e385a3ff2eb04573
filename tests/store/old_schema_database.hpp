// A database as a build of schema version 3 (before profile_detail, origin
// and channel) left it, with any number of responses: filled by one SQL
// statement, so that a million rows take seconds. Row i (seq i, 1-based) is a
// function of i written twice, once in SQL here and once in C++
// (expected_old_row), so that what a migration kept is checked against an
// independent computation.
#pragma once

#include "formats/response.hpp"
#include "scoring/scheme.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "store/stored_row.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace skm::test {

inline constexpr int kOldSchemaVersion = 3;

// Row i's values, as the SQL below writes them (answers: unsur k is 1 + (i + k) % 4).
inline store::StoredRow expected_old_row(std::int64_t i, const scoring::ScoringScheme& scheme) {
    static constexpr const char* kLayanan[] = {"KTP-el", "Kartu Keluarga", "Akta Kelahiran"};
    store::StoredRow row;
    row.seq = i;
    row.sync_state = i % 5 == 0 ? "pending" : "sent";
    store::Submission& s = row.submission;
    s.questionnaire_id = "permenpan-14-2017";
    s.duration_ms = 30'000 + i % 90'000;
    formats::Response& r = s.response;
    r.response_id = "old-" + std::to_string(i);
    r.device_id = "kiosk-" + std::to_string(i % 7);
    r.layanan = kLayanan[i % 3];
    r.questionnaire_version = "1";
    r.jenis_kelamin = formats::kJenisKelamin[static_cast<std::size_t>(i % 2)];
    r.umur = formats::kUmurBands[static_cast<std::size_t>(i % 6)];
    r.pendidikan = formats::kPendidikan[static_cast<std::size_t>(i % 7)];
    r.pekerjaan = formats::kPekerjaan[static_cast<std::size_t>(i % 6)];
    for (std::size_t k = 0; k < scheme.size(); ++k) {
        r.answers.push_back(static_cast<std::uint8_t>(1 + (i + static_cast<std::int64_t>(k)) % 4));
    }
    r.saran = i % 10 == 0 ? "saran " + std::to_string(i) : "";
    char at[40];
    std::snprintf(at, sizeof at, "2024-%02d-%02dT%02d:%02d:00+07:00", static_cast<int>(1 + (i / 28) % 12),
                  static_cast<int>(1 + i % 28), static_cast<int>(8 + i % 8), static_cast<int>(i % 60));
    r.submitted_at = at;
    if (i % 13 == 0) r.flags = {"too_fast"};
    // profile_detail, origin, channel: not recorded (version 3 had no such columns).
    return row;
}

// Creates `file` at schema version 3 holding rows 1..rows.
inline void build_old_schema_database(const std::filesystem::path& file, std::int64_t rows,
                                      const scoring::ScoringScheme& scheme) {
    store::Connection connection(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    connection.exec("PRAGMA journal_mode = WAL");
    store::migrate(connection, kOldSchemaVersion);
    std::string answers;
    for (std::size_t k = 0; k < scheme.size(); ++k) {
        answers += std::string(k ? " || ';" : "'") + std::string(scheme.code(k)) + "=' || (1 + (i + " +
                   std::to_string(k) + ") % 4)";
    }
    const std::string sql =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(rows) +
        ") INSERT INTO responses (seq, response_id, device_id, layanan, questionnaire_id, questionnaire_version, "
        "jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags, "
        "sync_state) SELECT i, 'old-' || i, 'kiosk-' || (i % 7), "
        "CASE i % 3 WHEN 0 THEN 'KTP-el' WHEN 1 THEN 'Kartu Keluarga' ELSE 'Akta Kelahiran' END, "
        "'permenpan-14-2017', 1, CASE i % 2 WHEN 0 THEN 'L' ELSE 'P' END, "
        "CASE i % 6 WHEN 0 THEN '<20' WHEN 1 THEN '20-29' WHEN 2 THEN '30-39' WHEN 3 THEN '40-49' WHEN 4 THEN '50-59' "
        "ELSE '60+' END, "
        "CASE i % 7 WHEN 0 THEN 'SD' WHEN 1 THEN 'SMP' WHEN 2 THEN 'SMA' WHEN 3 THEN 'D1-D3' WHEN 4 THEN 'S1' "
        "WHEN 5 THEN 'S2' ELSE 'S3' END, "
        "CASE i % 6 WHEN 0 THEN 'PNS' WHEN 1 THEN 'TNI' WHEN 2 THEN 'POLRI' WHEN 3 THEN 'Swasta' WHEN 4 THEN 'Wirausaha' "
        "ELSE 'Lainnya' END, " +
        answers +
        ", CASE WHEN i % 10 = 0 THEN 'saran ' || i ELSE '' END, "
        "printf('2024-%02d-%02dT%02d:%02d:00+07:00', 1 + (i / 28) % 12, 1 + i % 28, 8 + i % 8, i % 60), "
        "printf('2024-%02d-%02d', 1 + (i / 28) % 12, 1 + i % 28), 30000 + i % 90000, "
        "CASE WHEN i % 13 = 0 THEN 'too_fast' ELSE '' END, CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'sent' END "
        "FROM n";
    store::Transaction transaction(connection);
    connection.exec(sql.c_str());
    transaction.commit();
}

// The row with `seq` as the store reads it (store/stored_row).
inline store::StoredRow stored_row_at(const store::Connection& connection, std::int64_t seq,
                                      const scoring::ScoringScheme& scheme) {
    const std::string sql = std::string("SELECT ") + store::kStoredRowColumns + " FROM responses WHERE seq = ?1";
    store::Statement query(connection, sql.c_str());
    query.bind(1, seq);
    if (!query.step()) return {};
    return store::read_stored_row(query, scheme);
}

inline void expect_same_row(const store::StoredRow& actual, const store::StoredRow& expected) {
    EXPECT_EQ(actual.seq, expected.seq);
    EXPECT_EQ(actual.submission.response, expected.submission.response) << "seq " << expected.seq;
    EXPECT_EQ(actual.submission.questionnaire_id, expected.submission.questionnaire_id);
    EXPECT_EQ(actual.submission.duration_ms, expected.submission.duration_ms);
    EXPECT_EQ(actual.sync_state, expected.sync_state);
}

}  // namespace skm::test
