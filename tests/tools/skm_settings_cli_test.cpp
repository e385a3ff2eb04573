// `skm settings list|get|set` as an operator runs it: values go into the
// device database and come back out (read here straight from the file with
// SQLite, not through our code), a refused value changes nothing and says
// why, and `list --json` is exactly the documented shape.
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

namespace skm::testing {
namespace {

ProgramResult skm(std::vector<std::string> args) {
    args.insert(args.begin(), skm_binary());
    return run_program(args);
}

// One value from the file, or nullopt when the query finds no row.
std::optional<std::string> query(const std::string& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::optional<std::string> value;
    EXPECT_EQ(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return value;
}

std::optional<std::string> stored(const std::string& db, const std::string& key) {
    return query(db, "SELECT value FROM settings WHERE key = '" + key + "'");
}

// A fresh database with the layanan "KTP-el" and "Kartu Keluarga".
std::string fresh_db() {
    const std::string db = make_temp_dir() + "/skm.db";
    const auto created = skm({"settings", "list", "--db", db});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    query(db, "INSERT INTO layanan (name, position, active) VALUES ('KTP-el', 1, 1), ('Kartu Keluarga', 2, 1)");
    return db;
}

TEST(SkmSettings, SetThenGetRoundTripsThroughTheDatabase) {
    const std::string db = fresh_db();
    const auto set = skm({"settings", "set", "min_n", "7", "--db", db, "--lang", "en"});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_EQ(set.out, "min_n saved.\n");
    EXPECT_EQ(stored(db, "staff_min_n"), "7");  // the row the kiosk's staff view reads
    EXPECT_EQ(query(db, "SELECT actor || ' ' || action || ' ' || detail FROM audit_log ORDER BY rowid DESC LIMIT 1"),
              "cli staff_min_n 7");
    const auto get = skm({"settings", "get", "min_n", "--db", db});
    ASSERT_EQ(get.exit_code, 0) << get.err;
    EXPECT_EQ(get.out, "7\n");

    ASSERT_EQ(skm({"settings", "set", "default_language", "jv", "--db", db}).exit_code, 0);
    EXPECT_EQ(stored(db, "kiosk_default_language"), "jv");
    ASSERT_EQ(skm({"settings", "set", "office", "Kecamatan Sukamaju", "--db", db}).exit_code, 0);
    EXPECT_EQ(skm({"settings", "get", "office", "--db", db}).out, "Kecamatan Sukamaju\n");
}

TEST(SkmSettings, AnUnsetSettingGivesTheTablesDefault) {
    const std::string db = fresh_db();
    EXPECT_EQ(skm({"settings", "get", "idle_prompt_seconds", "--db", db}).out, "60\n");
    EXPECT_EQ(skm({"settings", "get", "min_n", "--db", db}).out, "5\n");
    EXPECT_EQ(stored(db, "staff_min_n"), std::nullopt);  // reading writes nothing
}

TEST(SkmSettings, LeadingZerosAreStoredAsTheNumber) {
    const std::string db = fresh_db();
    ASSERT_EQ(skm({"settings", "set", "touch_settle_ms", "0400", "--db", db}).exit_code, 0);
    EXPECT_EQ(stored(db, "kiosk_touch_settle_ms"), "400");
}

TEST(SkmSettings, AnOutOfRangeValueIsRefusedAndNothingChanges) {
    const std::string db = fresh_db();
    ASSERT_EQ(skm({"settings", "set", "min_n", "7", "--db", db}).exit_code, 0);
    const auto audits = query(db, "SELECT count(*) FROM audit_log");
    for (const std::string bad : {"101", "1", "seven", "7.5", "+8", " 8"}) {
        const auto refused = skm({"settings", "set", "min_n", bad, "--db", db, "--lang", "en"});
        EXPECT_EQ(refused.exit_code, 3) << bad;
        EXPECT_EQ(refused.err, "Error: \"" + bad + "\" must be a whole number from 2 to 100.\n") << bad;
        EXPECT_EQ(refused.out, "");
    }
    EXPECT_EQ(stored(db, "staff_min_n"), "7");
    EXPECT_EQ(query(db, "SELECT count(*) FROM audit_log"), audits);

    const auto url = skm({"settings", "set", "hub_url", "http://hub.example", "--db", db, "--lang", "en"});
    EXPECT_EQ(url.exit_code, 3);
    EXPECT_EQ(url.err, "Error: the server address \"http://hub.example\" must start with https://\n");
    EXPECT_EQ(stored(db, "sync_hub_url"), std::nullopt);

    const auto language = skm({"settings", "set", "default_language", "fr", "--db", db, "--lang", "en"});
    EXPECT_EQ(language.exit_code, 3);
    EXPECT_EQ(stored(db, "kiosk_default_language"), std::nullopt);
}

TEST(SkmSettings, SignatoryAndOfficeDetailsRoundTripAndABadNipIsRefused) {
    const std::string db = fresh_db();
    const std::vector<std::pair<std::string, std::string>> values = {
        {"signatory_title", "Camat Sukamaju"},   {"signatory_name", "Drs. Budi Santoso, M.Si."},
        {"signatory_nip", "198001012005011001"}, {"signatory_place", "Sukamaju"},
        {"office_address", "Jl. Merdeka No. 1, Sukamaju"}, {"office_contact", "(0271) 123456"}};
    for (const auto& [key, value] : values) {
        ASSERT_EQ(skm({"settings", "set", key, value, "--db", db}).exit_code, 0) << key;
        EXPECT_EQ(skm({"settings", "get", key, "--db", db}).out, value + "\n") << key;
        EXPECT_EQ(stored(db, key), value) << key;
        EXPECT_EQ(query(db, "SELECT actor || ' ' || detail FROM audit_log WHERE action = '" + key + "'"), "cli " + value) << key;
    }
    const auto audits = query(db, "SELECT count(*) FROM audit_log");
    for (const std::string bad : {"12345", "19800101 200501 1 001", "19800101200501100X", "1980010120050110011"}) {
        const auto refused = skm({"settings", "set", "signatory_nip", bad, "--db", db, "--lang", "en"});
        EXPECT_EQ(refused.exit_code, 3) << bad;
        EXPECT_EQ(refused.err, "Error: NIP \"" + bad + "\" is not valid: a NIP is 18 digits without spaces or other signs.\n") << bad;
    }
    EXPECT_EQ(stored(db, "signatory_nip"), "198001012005011001");
    EXPECT_EQ(query(db, "SELECT count(*) FROM audit_log"), audits);
    // Empty is "not set": the report then prints a dotted line to write on.
    ASSERT_EQ(skm({"settings", "set", "signatory_nip", "", "--db", db}).exit_code, 0);
    EXPECT_EQ(skm({"settings", "get", "signatory_nip", "--db", db}).out, "\n");
}

TEST(SkmSettings, ASecretIsNeverPrinted) {
    const std::string db = fresh_db();
    const std::string token = "tok-0123456789abcdef";
    ASSERT_EQ(skm({"settings", "set", "device_token", token, "--db", db}).exit_code, 0);
    EXPECT_EQ(stored(db, "sync_device_token"), token);
    const auto get = skm({"settings", "get", "device_token", "--db", db, "--lang", "en"});
    EXPECT_EQ(get.out, "(set)\n");
    EXPECT_EQ(query(db, "SELECT count(*) FROM audit_log WHERE detail LIKE '%0123456789%'"), "0");
    const auto bad = skm({"settings", "set", "device_token", "short secret", "--db", db, "--lang", "en"});
    EXPECT_EQ(bad.exit_code, 3);
    EXPECT_EQ(bad.err.find("short secret"), std::string::npos) << bad.err;
    EXPECT_EQ(stored(db, "sync_device_token"), token);
}

TEST(SkmSettings, PopulationsAreKeptPerYearAndLayanan) {
    const std::string db = fresh_db();
    ASSERT_EQ(skm({"settings", "set", "population", "--year", "2026", "--layanan", "KTP-el", "1200", "--db", db}).exit_code, 0);
    ASSERT_EQ(skm({"settings", "set", "population", "950", "--year", "2027", "--layanan", "KTP-el", "--db", db}).exit_code, 0);
    EXPECT_EQ(query(db, "SELECT population FROM populations WHERE year = 2026 AND layanan = 'KTP-el'"), "1200");
    EXPECT_EQ(query(db, "SELECT population FROM populations WHERE year = 2027 AND layanan = 'KTP-el'"), "950");
    EXPECT_EQ(skm({"settings", "get", "population", "--year", "2026", "--layanan", "KTP-el", "--db", db}).out, "1200\n");

    const auto unset = skm({"settings", "get", "population", "--year", "2026", "--layanan", "Kartu Keluarga", "--db", db,
                            "--lang", "en"});
    EXPECT_EQ(unset.exit_code, 3);
    EXPECT_EQ(unset.err, "Error: no population is set for \"Kartu Keluarga\" in 2026.\n");

    const auto zero = skm({"settings", "set", "population", "0", "--year", "2026", "--layanan", "KTP-el", "--db", db});
    EXPECT_EQ(zero.exit_code, 3);
    const auto unknown = skm({"settings", "set", "population", "5", "--year", "2026", "--layanan", "Paspor", "--db", db,
                              "--lang", "en"});
    EXPECT_EQ(unknown.exit_code, 3);
    EXPECT_EQ(unknown.err, "Error: there is no layanan \"Paspor\".\n");
    EXPECT_EQ(query(db, "SELECT population FROM populations WHERE year = 2026 AND layanan = 'KTP-el'"), "1200");
    EXPECT_EQ(query(db, "SELECT count(*) FROM populations"), "2");

    // "" is the whole office; a layanan only the stored responses name (an imported database) counts too.
    ASSERT_EQ(skm({"settings", "set", "population", "5000", "--year", "2026", "--layanan", "", "--db", db}).exit_code, 0);
    EXPECT_EQ(query(db, "SELECT population FROM populations WHERE year = 2026 AND layanan = ''"), "5000");
    const auto imported = make_temp_dir() + "/imported.db";
    ASSERT_EQ(skm({"import", std::string(SKM_SOURCE_DIR) + "/assets/demo/responses.csv", "--db", imported}).exit_code, 0);
    const auto some_layanan = query(imported, "SELECT layanan FROM responses LIMIT 1");
    ASSERT_TRUE(some_layanan);
    EXPECT_EQ(query(imported, "SELECT count(*) FROM layanan"), "0");
    ASSERT_EQ(skm({"settings", "set", "population", "77", "--year", "2025", "--layanan", *some_layanan, "--db", imported})
                  .exit_code,
              0);
    EXPECT_EQ(query(imported, "SELECT population FROM populations WHERE year = 2025 AND layanan = '" + *some_layanan + "'"),
              "77");

    EXPECT_EQ(skm({"settings", "get", "population", "--year", "2026", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "get", "population", "--year", "1999", "--layanan", "KTP-el", "--db", db}).exit_code, 2);
}

TEST(SkmSettings, APeriodsOwnPopulationIsKeptByItsPeriodKey) {
    const std::string db = fresh_db();
    ASSERT_EQ(skm({"settings", "set", "population", "300", "--period", "2026-S1", "--layanan", "", "--db", db}).exit_code, 0);
    EXPECT_EQ(query(db, "SELECT period || '=' || population FROM period_populations WHERE layanan = ''"), "2026-S1=300");
    EXPECT_EQ(query(db, "SELECT count(*) FROM populations"), "0");  // not the year's figure
    EXPECT_EQ(skm({"settings", "get", "population", "--period", "2026-S1", "--layanan", "", "--db", db}).out, "300\n");
    EXPECT_EQ(query(db, "SELECT count(*) FROM audit_log WHERE action = 'population' AND detail = '2026-S1  = 300'"), "1");
    // A year, nonsense, or both --year and --period: usage (2); 0 or an unknown layanan: input (3), nothing written.
    const auto year = skm({"settings", "set", "population", "9", "--period", "2026", "--layanan", "", "--db", db, "--lang", "en"});
    EXPECT_EQ(year.exit_code, 2);
    EXPECT_NE(year.err.find("must be a semester, triwulan or month"), std::string::npos) << year.err;
    EXPECT_EQ(skm({"settings", "set", "population", "9", "--period", "2026-S1", "--year", "2026", "--layanan", "", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "set", "population", "0", "--period", "2026-S2", "--layanan", "", "--db", db}).exit_code, 3);
    EXPECT_EQ(skm({"settings", "set", "population", "9", "--period", "2026-S2", "--layanan", "Paspor", "--db", db}).exit_code, 3);
    EXPECT_EQ(skm({"settings", "get", "population", "--period", "2026-S2", "--layanan", "", "--db", db}).exit_code, 3);
    EXPECT_EQ(query(db, "SELECT count(*) FROM period_populations"), "1");
}

TEST(SkmSettings, ListJsonIsExactlyTheDocumentedShape) {
    const std::string db = fresh_db();
    ASSERT_EQ(skm({"settings", "set", "min_n", "9", "--db", db}).exit_code, 0);
    ASSERT_EQ(skm({"settings", "set", "hub_url", "https://hub.example/api/v1/batches", "--db", db}).exit_code, 0);
    ASSERT_EQ(skm({"settings", "set", "population", "1200", "--year", "2026", "--layanan", "KTP-el", "--db", db}).exit_code, 0);
    const auto list = skm({"settings", "list", "--json", "--db", db});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(list.out,
              R"({"settings":[)"
              R"({"key":"office","value":"","default":"","is_default":true},)"
              R"({"key":"default_language","value":"id","default":"id","is_default":true},)"
              R"({"key":"idle_prompt_seconds","value":60,"default":60,"is_default":true},)"
              R"({"key":"idle_reset_seconds","value":20,"default":20,"is_default":true},)"
              R"({"key":"min_interval_seconds","value":30,"default":30,"is_default":true},)"
              R"({"key":"touch_settle_ms","value":250,"default":250,"is_default":true},)"
              R"({"key":"staff_lock_seconds","value":120,"default":120,"is_default":true},)"
              R"({"key":"min_n","value":9,"default":5,"is_default":false},)"
              R"({"key":"hub_url","value":"https://hub.example/api/v1/batches","default":"","is_default":false},)"
              R"({"key":"device_token","is_set":false},)"
              R"({"key":"office_address","value":"","default":"","is_default":true},)"
              R"({"key":"office_contact","value":"","default":"","is_default":true},)"
              R"({"key":"signatory_title","value":"","default":"","is_default":true},)"
              R"({"key":"signatory_name","value":"","default":"","is_default":true},)"
              R"({"key":"signatory_nip","value":"","default":"","is_default":true},)"
              R"({"key":"signatory_place","value":"","default":"","is_default":true},)"
              R"({"key":"time_zone","value":"WIB","default":"WIB","is_default":true},)"
              R"({"key":"follow_up","value":"","default":"","is_default":true},)"
              R"({"key":"complaint_channel","value":"SP4N-LAPOR! — www.lapor.go.id","default":"SP4N-LAPOR! — www.lapor.go.id","is_default":true},)"
              R"({"key":"alert_window","value":30,"default":30,"is_default":true},)"
              R"({"key":"alert_baseline_days","value":90,"default":90,"is_default":true},)"
              R"({"key":"alert_min_drop","value":5,"default":5,"is_default":true},)"
              R"({"key":"alert_ones_run","value":5,"default":5,"is_default":true},)"
              R"({"key":"alert_ones_within","value":8,"default":8,"is_default":true},)"
              R"({"key":"link_valid_days","value":2,"default":2,"is_default":true}],)"
              R"("populations":[{"year":2026,"layanan":"KTP-el","population":1200}]})"
              "\n");
}

TEST(SkmSettings, ListTextNamesEveryDatabaseSetting) {
    const std::string db = fresh_db();
    ASSERT_EQ(skm({"settings", "set", "min_n", "9", "--db", db}).exit_code, 0);
    const auto list = skm({"settings", "list", "--db", db, "--lang", "en"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("min_n = 9   (Minimum respondents before figures are shown)\n"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("idle_prompt_seconds = 60 [default]   ("), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("device_token = (not set) [default]"), std::string::npos) << list.out;
    EXPECT_EQ(list.out.find("thanks_seconds"), std::string::npos) << "a config-file-only setting is not in the database";
}

TEST(SkmSettings, UsageMistakesExitTwoAndWriteNothing) {
    const std::string db = fresh_db();
    const auto unknown = skm({"settings", "set", "colour", "blue", "--db", db, "--lang", "en"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("there is no setting \"colour\""), std::string::npos) << unknown.err;
    const auto config_only = skm({"settings", "get", "thanks_seconds", "--db", db, "--lang", "en"});
    EXPECT_EQ(config_only.exit_code, 2);
    EXPECT_NE(config_only.err.find("configuration file"), std::string::npos) << config_only.err;
    EXPECT_EQ(skm({"settings", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "remove", "min_n", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "set", "min_n", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "get", "min_n", "--json", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "set", "min_n", "7", "--year", "2026", "--db", db}).exit_code, 2);
    EXPECT_EQ(skm({"settings", "list"}).exit_code, 2);  // no --db
    EXPECT_EQ(stored(db, "staff_min_n"), std::nullopt);
}

}  // namespace
}  // namespace skm::testing
