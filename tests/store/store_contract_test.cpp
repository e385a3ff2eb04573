// The store contract: submit → contains → for_each round-trips every field;
// duplicates and invalid fields are refused with nothing stored; export
// filters work on each row's own local date; import is idempotent by
// response_id; settings and the audit log round-trip; the connection runs in
// WAL with synchronous=FULL and a submit is committed when it returns.
#include "store/answers_codec.hpp"
#include "store/new_submission.hpp"
#include "store/response_store.hpp"
#include "store/schema.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace skm::store {
namespace {

using test::arg;
using test::make_submission;
using test::RawDb;

class StoreContract : public test::StoreTest {
protected:
    std::unique_ptr<ResponseStore> open() {
        return std::make_unique<ResponseStore>(test::options_for(database), scheme, clock);
    }
};

// ---- round trip --------------------------------------------------------------

TEST_F(StoreContract, SubmitThenContainsThenForEachRoundTripsEveryField) {
    auto store = open();
    EXPECT_TRUE(store->open_report().created);
    Submission s = make_submission("6f1c2a8e-0b1d-4c53-9a61-3f0e2d7c9b41", "2024-03-01T09:30:05+07:00", "Kartu Keluarga");
    s.response.jenis_kelamin = "L";
    s.response.umur = "<20";
    s.response.pendidikan = "D1-D3";
    s.response.pekerjaan = "POLRI";
    s.response.answers = {4, 3, 2, 1, 0, 4, 3, 2, 1};
    s.response.saran = "Petugas ramah; \"cepat\",\nterima kasih — sangat membantu";
    s.response.flags = {"too_fast", "straight_line"};
    s.response.device_id = "kiosk-kec-07";
    s.response.questionnaire_version = "12";
    s.response.profile_detail = "pendidikan=tidak_sekolah;pekerjaan=petani";
    s.response.origin = "hub";
    s.response.channel = "link";
    s.questionnaire_id = "permenpan-14-2017";
    s.duration_ms = 123'456;

    EXPECT_FALSE(store->contains(s.response.response_id));
    ASSERT_EQ(store->submit(s), std::nullopt);
    EXPECT_TRUE(store->contains(s.response.response_id));
    EXPECT_FALSE(store->contains("6f1c2a8e-0b1d-4c53-9a61-3f0e2d7c9b42"));
    EXPECT_EQ(store->count(), 1);

    const auto rows = test::all_rows(*store);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].submission.response, s.response);
    EXPECT_EQ(rows[0].submission.questionnaire_id, s.questionnaire_id);
    EXPECT_EQ(rows[0].submission.duration_ms, s.duration_ms);
    EXPECT_EQ(rows[0].sync_state, "pending");
    EXPECT_GT(rows[0].seq, 0);
    // The recorded fields are in their own columns, as written.
    RawDb raw(database);
    EXPECT_EQ(raw.column("SELECT profile_detail || '|' || origin || '|' || channel FROM responses"),
              std::vector<std::string>{"pendidikan=tidak_sekolah;pekerjaan=petani|hub|link"});

    // And the same after closing and reopening the file.
    store.reset();
    store = open();
    EXPECT_FALSE(store->open_report().created);
    const auto reopened = test::all_rows(*store);
    ASSERT_EQ(reopened.size(), 1u);
    EXPECT_EQ(reopened[0].submission.response, s.response);
    EXPECT_EQ(reopened[0].submission.duration_ms, s.duration_ms);
}

TEST_F(StoreContract, EmptyOptionalFieldsAndAMissingDurationRoundTrip) {
    auto store = open();
    Submission s = make_submission("r-minimal");
    s.response.jenis_kelamin.clear();
    s.response.umur.clear();
    s.response.pendidikan.clear();
    s.response.pekerjaan.clear();
    s.response.saran.clear();
    s.response.flags.clear();
    s.response.device_id.clear();
    s.response.answers = {0, 0, 0, 0, 0, 0, 0, 0, 1};
    s.duration_ms = std::nullopt;
    ASSERT_EQ(store->submit(s), std::nullopt);
    const auto rows = test::all_rows(*store);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].submission.response, s.response);
    EXPECT_EQ(rows[0].submission.duration_ms, std::nullopt);
}

// The kiosk's path (store/new_submission): what the citizen chose, plus
// origin=kiosk and channel=kiosk, stored and read back as such.
TEST_F(StoreContract, AKioskSubmissionRecordsTheKioskAsOriginAndChannel) {
    struct FixedIds final : IdSource {
        std::string next_id() override { return "9d0f8c1e-2a3b-4c5d-8e6f-7a8b9c0d1e2f"; }
    } ids;
    SurveyAnswers answers;
    answers.layanan = "KTP-el";
    answers.pekerjaan = "Lainnya";
    answers.profile_detail = "pekerjaan=petani";
    answers.answers = {4, 3, 2, 1, 4, 3, 2, 1, 4};
    answers.started_ms = clock.monotonic_ms();
    clock.advance_ms(40'000);
    const Submission s = new_submission(answers, DeviceIdentity{"kiosk-01", nullptr}, clock, ids);
    EXPECT_EQ(s.response.origin, "kiosk");
    EXPECT_EQ(s.response.channel, "kiosk");
    EXPECT_EQ(s.response.profile_detail, "pekerjaan=petani");
    auto store = open();
    ASSERT_EQ(store->submit(s), std::nullopt);
    RawDb raw(database);
    EXPECT_EQ(raw.column("SELECT pekerjaan || '|' || profile_detail || '|' || origin || '|' || channel FROM responses"),
              std::vector<std::string>{"Lainnya|pekerjaan=petani|kiosk|kiosk"});
}

TEST_F(StoreContract, AnswersAreStoredKeyedByUnsurCode) {
    auto store = open();
    Submission s = make_submission("r-codes");
    s.response.answers = {4, 3, 0, 2, 1, 4, 0, 3, 2};
    ASSERT_EQ(store->submit(s), std::nullopt);
    RawDb raw(database);
    const auto stored = raw.column("SELECT answers FROM responses");
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0], "persyaratan=4;prosedur=3;biaya=2;produk=1;kompetensi=4;pengaduan=3;sarana=2");
    EXPECT_EQ(decode_answers(scheme, stored[0]), s.response.answers);
    EXPECT_EQ(encode_answers(scheme, s.response.answers), stored[0]);
}

TEST(AnswersCodec, DecodesByCodeWhateverTheOrderAndRejectsMalformedText) {
    const auto scheme = scoring::ScoringScheme::permenpan_2017();
    const std::vector<std::uint8_t> expected = {0, 3, 0, 0, 0, 0, 0, 0, 4};
    EXPECT_EQ(decode_answers(scheme, "sarana=4;prosedur=3"), expected);
    EXPECT_EQ(decode_answers(scheme, "prosedur=3;sarana=4"), expected);
    // A code this scheme does not know (a retired unsur) is left out.
    EXPECT_EQ(decode_answers(scheme, "prosedur=3;keamanan=2;sarana=4"), expected);
    EXPECT_EQ(decode_answers(scheme, ""), std::vector<std::uint8_t>(9, 0));
    for (const char* bad : {"prosedur=5", "prosedur=0", "prosedur", "prosedur=", "prosedur=33", "prosedur=3;waktu"}) {
        EXPECT_EQ(decode_answers(scheme, bad), std::nullopt) << bad;
    }
    for (int v = 1; v <= 4; ++v) {
        std::vector<std::uint8_t> all(9, static_cast<std::uint8_t>(v));
        EXPECT_EQ(decode_answers(scheme, encode_answers(scheme, all)), all);
    }
}

// ---- refusals ----------------------------------------------------------------

TEST_F(StoreContract, ADuplicateResponseIdIsRefusedAndTheFirstRowKept) {
    auto store = open();
    const Submission first = make_submission("r-dup");
    ASSERT_EQ(store->submit(first), std::nullopt);
    const auto tallies_before = store->tallies();

    Submission again = make_submission("r-dup", "2024-03-02T10:00:00+07:00", "SKTM", 1);
    again.response.saran = "second copy";
    const auto problem = store->submit(again);
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->key, "store.duplicate");
    EXPECT_EQ(arg(*problem, "response_id"), "r-dup");
    EXPECT_EQ(store->count(), 1);
    const auto rows = test::all_rows(*store);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].submission.response, first.response);
    EXPECT_TRUE(store->tallies() == tallies_before);
    EXPECT_TRUE(store->check().ok());
}

struct InvalidCase {
    const char* name;
    const char* field;
    void (*spoil)(Submission&);
};

TEST_F(StoreContract, InvalidFieldsAreRefusedWithTheFieldNamedAndNothingStored) {
    const std::vector<InvalidCase> cases = {
        {"answer 5", "answers", [](Submission& s) { s.response.answers[2] = 5; }},
        {"answer 255", "answers", [](Submission& s) { s.response.answers[0] = 255; }},
        {"eight answers", "answers", [](Submission& s) { s.response.answers.pop_back(); }},
        {"ten answers", "answers", [](Submission& s) { s.response.answers.push_back(1); }},
        {"umur as an age", "umur", [](Submission& s) { s.response.umur = "25"; }},
        {"umur unknown band", "umur", [](Submission& s) { s.response.umur = "20-30"; }},
        {"jenis_kelamin", "jenis_kelamin", [](Submission& s) { s.response.jenis_kelamin = "X"; }},
        {"pendidikan", "pendidikan", [](Submission& s) { s.response.pendidikan = "SMK"; }},
        {"pekerjaan", "pekerjaan", [](Submission& s) { s.response.pekerjaan = "Petani"; }},
        {"no offset", "submitted_at", [](Submission& s) { s.response.submitted_at = "2024-03-01T09:30:00"; }},
        {"no such day", "submitted_at", [](Submission& s) { s.response.submitted_at = "2024-02-30T09:30:00+07:00"; }},
        {"not a time", "submitted_at", [](Submission& s) { s.response.submitted_at = "kemarin"; }},
        {"empty time", "submitted_at", [](Submission& s) { s.response.submitted_at.clear(); }},
        {"empty id", "response_id", [](Submission& s) { s.response.response_id.clear(); }},
        {"long id", "response_id", [](Submission& s) { s.response.response_id = std::string(201, 'a'); }},
        // The hub's form (formats/response_id): such an id would have every later upload refused.
        {"id of 65", "response_id", [](Submission& s) { s.response.response_id = std::string(65, 'a'); }},
        {"id with a quote", "response_id", [](Submission& s) { s.response.response_id = "not-a-uuid\""; }},
        {"id with a space", "response_id", [](Submission& s) { s.response.response_id = "r 1"; }},
        {"empty layanan", "layanan", [](Submission& s) { s.response.layanan.clear(); }},
        {"long layanan", "layanan", [](Submission& s) { s.response.layanan = std::string(201, 'L'); }},
        {"long device", "device_id", [](Submission& s) { s.response.device_id = std::string(201, 'd'); }},
        {"detail of an unknown field", "profile_detail", [](Submission& s) { s.response.profile_detail = "alamat=rumah"; }},
        {"detail in capitals", "profile_detail", [](Submission& s) { s.response.profile_detail = "pekerjaan=Petani"; }},
        {"detail field twice", "profile_detail", [](Submission& s) { s.response.profile_detail = "umur=a;umur=b"; }},
        {"origin", "origin", [](Submission& s) { s.response.origin = "impor"; }},
        {"channel", "channel", [](Submission& s) { s.response.channel = "kertas"; }},
    };
    auto store = open();
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Submission s = make_submission("r-invalid");
        c.spoil(s);
        const auto problem = store->submit(s);
        ASSERT_TRUE(problem.has_value());
        EXPECT_EQ(problem->key, "store.invalid_response");
        EXPECT_EQ(arg(*problem, "field"), c.field);
        EXPECT_EQ(store->count(), 0);
        EXPECT_EQ(store->tallies().total().respondents(), 0u);
    }
    // The same submission unspoiled is accepted: the refusals were about the fields.
    EXPECT_EQ(store->submit(make_submission("r-invalid")), std::nullopt);
    EXPECT_EQ(store->count(), 1);
}

TEST_F(StoreContract, SaranIsLimitedTo2000Bytes) {
    auto store = open();
    Submission at_limit = make_submission("r-saran-2000");
    at_limit.response.saran = std::string(2000, 's');
    ASSERT_EQ(store->submit(at_limit), std::nullopt);
    // Bytes, not characters: 1000 two-byte characters fit, 1001 do not.
    Submission multibyte = make_submission("r-saran-utf8");
    multibyte.response.saran.clear();
    for (int i = 0; i < 1000; ++i) multibyte.response.saran += "é";
    ASSERT_EQ(multibyte.response.saran.size(), 2000u);
    ASSERT_EQ(store->submit(multibyte), std::nullopt);

    Submission over = make_submission("r-saran-2001");
    over.response.saran = std::string(2001, 's');
    auto problem = store->submit(over);
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->key, "store.invalid_response");
    EXPECT_EQ(arg(*problem, "field"), "saran");
    EXPECT_EQ(arg(*problem, "response_id"), "r-saran-2001");

    Submission over_multibyte = make_submission("r-saran-utf8-over");
    over_multibyte.response.saran = multibyte.response.saran + "é";
    problem = store->submit(over_multibyte);
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(arg(*problem, "field"), "saran");

    EXPECT_EQ(store->count(), 2);
    EXPECT_FALSE(store->contains("r-saran-2001"));
    EXPECT_FALSE(store->contains("r-saran-utf8-over"));
    RawDb raw(database);
    EXPECT_EQ(raw.column("SELECT saran FROM responses WHERE response_id = 'r-saran-2000'"),
              std::vector<std::string>{std::string(2000, 's')});
    EXPECT_EQ(raw.column("SELECT saran FROM responses WHERE response_id = 'r-saran-utf8'"),
              std::vector<std::string>{multibyte.response.saran});
}

TEST_F(StoreContract, TheResponsesTableHasNoPersonalDataColumn) {
    auto store = open();
    RawDb raw(database);
    const auto columns = raw.columns_of("responses");
    ASSERT_GE(columns.size(), 15u);  // the table is really there
    const std::vector<std::string> forbidden_words = {"name", "nama", "nik", "phone", "telepon", "telp", "hp",
                                                      "email", "alamat", "address", "ktp", "nomor"};
    for (const auto& column : columns) {
        std::vector<std::string> words;
        std::string word;
        for (char c : column + "_") {
            if (c == '_') {
                words.push_back(word);
                word.clear();
            } else {
                word.push_back(c);
            }
        }
        for (const auto& bad : forbidden_words) {
            EXPECT_EQ(std::find(words.begin(), words.end(), bad), words.end()) << column;
        }
        for (const char* part : {"name", "nama", "phone", "telepon", "email", "alamat"}) {
            EXPECT_EQ(column.find(part), std::string::npos) << column;
        }
    }
}

// ---- export filters ----------------------------------------------------------

TEST_F(StoreContract, ExportFiltersUseEachRowsOwnLocalDate) {
    auto store = open();
    // 23:30 WIB on 31 March is 16:30 UTC the same day; 00:30 WIB on 1 April is
    // 17:30 UTC on 31 March; 23:30 at -05:00 on 31 March is 04:30 UTC on 1 April.
    ASSERT_EQ(store->submit(make_submission("late-wib", "2024-03-31T23:30:00+07:00", "KTP-el")), std::nullopt);
    ASSERT_EQ(store->submit(make_submission("early-wib", "2024-04-01T00:30:00+07:00", "KTP-el")), std::nullopt);
    ASSERT_EQ(store->submit(make_submission("late-west", "2024-03-31T23:30:00-05:00", "SKTM")), std::nullopt);
    ASSERT_EQ(store->submit(make_submission("wit-april", "2024-04-30T23:59:59+09:00", "SKTM")), std::nullopt);
    ASSERT_EQ(store->submit(make_submission("may-utc", "2024-05-01T00:00:00Z", "KTP-el")), std::nullopt);

    auto ids = [&](std::optional<std::string> from, std::optional<std::string> to, std::optional<std::string> layanan) {
        ExportFilter filter;
        if (from) filter.from = scoring::parse_date(*from);
        if (to) filter.to = scoring::parse_date(*to);
        filter.layanan = std::move(layanan);
        return test::ids_of(test::all_rows(*store, filter));
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(ids({}, {}, {}), (V{"late-wib", "early-wib", "late-west", "wit-april", "may-utc"}));
    EXPECT_EQ(ids("2024-04-01", {}, {}), (V{"early-wib", "wit-april", "may-utc"}));
    EXPECT_EQ(ids({}, "2024-03-31", {}), (V{"late-wib", "late-west"}));
    EXPECT_EQ(ids("2024-04-01", "2024-04-30", {}), (V{"early-wib", "wit-april"}));
    EXPECT_EQ(ids("2024-04-01", "2024-04-01", {}), (V{"early-wib"}));
    EXPECT_EQ(ids({}, {}, "SKTM"), (V{"late-west", "wit-april"}));
    EXPECT_EQ(ids("2024-04-01", {}, "SKTM"), (V{"wit-april"}));
    EXPECT_EQ(ids({}, "2024-03-31", "KTP-el"), (V{"late-wib"}));
    EXPECT_EQ(ids({}, {}, "Paspor"), V{});
    EXPECT_EQ(ids("2024-06-01", {}, {}), V{});

    // The live tallies put each response on the same local day.
    scoring::CubeFilter march;
    march.period = scoring::DateRange{{2024, 3, 1}, {2024, 3, 31}};
    EXPECT_EQ(store->tallies().total(march).respondents(), 2u);
}

// ---- import ------------------------------------------------------------------

TEST_F(StoreContract, ImportIsIdempotentByResponseId) {
    auto store = open();
    ASSERT_EQ(store->submit(make_submission("kiosk-1")), std::nullopt);
    const std::vector<Submission> batch = {make_submission("hub-1", "2024-02-01T08:00:00+08:00", "SKTM", 4),
                                           make_submission("kiosk-1", "2024-02-01T08:00:00+08:00", "SKTM", 4),
                                           make_submission("hub-2", "2024-02-02T08:00:00+08:00", "SKTM", 2),
                                           make_submission("hub-2", "2024-02-03T08:00:00+08:00", "SKTM", 1),
                                           make_submission("hub-3", "2024-02-04T08:00:00+08:00", "KTP-el", 1)};
    ImportResult first = store->import(batch);
    EXPECT_EQ(first.inserted, 3u);
    EXPECT_EQ(first.already_present, 2u);  // kiosk-1, and hub-2's second copy
    EXPECT_TRUE(first.invalid.empty());
    EXPECT_EQ(store->count(), 4);

    ImportResult second = store->import(batch);
    EXPECT_EQ(second.inserted, 0u);
    EXPECT_EQ(second.already_present, 5u);
    EXPECT_EQ(store->count(), 4);

    // The first copy of each id is the one kept; the earlier kiosk row is untouched.
    const auto rows = test::all_rows(*store);
    ASSERT_EQ(test::ids_of(rows), (std::vector<std::string>{"kiosk-1", "hub-1", "hub-2", "hub-3"}));
    EXPECT_EQ(rows[0].submission.response, make_submission("kiosk-1").response);
    EXPECT_EQ(rows[2].submission.response.submitted_at, "2024-02-02T08:00:00+08:00");
    EXPECT_TRUE(store->tallies() == store->recount());
    EXPECT_TRUE(store->check().ok());
}

TEST_F(StoreContract, AnInvalidImportWritesNothingUnlessToldToSkipIt) {
    auto store = open();
    Submission bad = make_submission("bad-1");
    bad.response.answers[0] = 7;
    const std::vector<Submission> batch = {make_submission("good-1"), bad, make_submission("good-2")};
    try {
        store->import(batch);
        ADD_FAILURE() << "import of an invalid response did not throw";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::input);
        EXPECT_EQ(error.problem().key, "store.invalid_response");
        EXPECT_EQ(arg(error.problem(), "field"), "answers");
        EXPECT_EQ(arg(error.problem(), "response_id"), "bad-1");
    }
    EXPECT_EQ(store->count(), 0);
    EXPECT_EQ(store->tallies().total().respondents(), 0u);

    const ImportResult skipped = store->import(batch, /*skip_invalid=*/true);
    EXPECT_EQ(skipped.inserted, 2u);
    EXPECT_EQ(skipped.already_present, 0u);
    ASSERT_EQ(skipped.invalid.size(), 1u);
    EXPECT_EQ(arg(skipped.invalid[0], "response_id"), "bad-1");
    EXPECT_EQ(test::ids_of(test::all_rows(*store)), (std::vector<std::string>{"good-1", "good-2"}));
    EXPECT_TRUE(store->check().ok());
}

// ---- settings and audit --------------------------------------------------------

TEST_F(StoreContract, SettingsAndTheAuditLogRoundTrip) {
    {
        auto store = open();
        EXPECT_EQ(store->setting("kiosk.layanan"), std::nullopt);
        store->set_setting("kiosk.layanan", "KTP-el;SKTM");
        EXPECT_EQ(store->setting("kiosk.layanan"), "KTP-el;SKTM");
        store->set_setting("kiosk.layanan", "Paspor");
        EXPECT_EQ(store->setting("kiosk.layanan"), "Paspor");
        store->set_setting("kiosk.empty", "");
        EXPECT_EQ(store->setting("kiosk.empty"), "");
        store->set_setting("kiosk.gone", "x");
        store->clear_setting("kiosk.gone");
        EXPECT_EQ(store->setting("kiosk.gone"), std::nullopt);
        store->clear_setting("never.set");  // harmless

        store->audit("petugas", "export", "2024-S1");
        clock.advance_ms(90'000);
        store->audit("system", "backup", "skm-20240301-091630.db");
    }
    auto store = open();
    EXPECT_EQ(store->setting("kiosk.layanan"), "Paspor");
    EXPECT_EQ(store->setting("kiosk.empty"), "");
    EXPECT_EQ(store->setting("kiosk.gone"), std::nullopt);
    RawDb raw(database);
    EXPECT_EQ(raw.column("SELECT at || '|' || actor || '|' || action || '|' || detail FROM audit_log ORDER BY seq"),
              (std::vector<std::string>{"2024-03-01T09:15:00+07:00|petugas|export|2024-S1",
                                        "2024-03-01T09:16:30+07:00|system|backup|skm-20240301-091630.db"}));
}

// ---- durability settings -------------------------------------------------------

TEST_F(StoreContract, TheConnectionUsesWalWithSynchronousFull) {
    auto store = open();
    EXPECT_EQ(test::RawDb(database).column("PRAGMA journal_mode"), std::vector<std::string>{"wal"});
    Statement mode(store->connection(), "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
    EXPECT_EQ(query_int(store->connection(), "PRAGMA synchronous"), 2);  // FULL
    EXPECT_EQ(schema_version(store->connection()), latest_schema_version());
}

TEST_F(StoreContract, ASubmitIsCommittedWhenItReturns) {
    auto store = open();
    RawDb other(database);  // a second connection, as `skm` would open beside the kiosk
    for (int i = 0; i < 3; ++i) {
        const std::string id = "visible-" + std::to_string(i);
        ASSERT_EQ(store->submit(make_submission(id)), std::nullopt);
        EXPECT_EQ(other.response_ids().count(id), 1u) << id;
        EXPECT_EQ(other.integer("SELECT count(*) FROM responses"), i + 1);
    }
}

TEST(StoreDefaults, DefaultDatabasePathFollowsXdgDataHome) {
    const char* saved = std::getenv("XDG_DATA_HOME");
    const std::string saved_value = saved ? saved : "";
    ::setenv("XDG_DATA_HOME", "/srv/kiosk-data", 1);
    EXPECT_EQ(default_database_path(), std::filesystem::path("/srv/kiosk-data/skm/skm.db"));
    ::setenv("XDG_DATA_HOME", "", 1);
    const char* home = std::getenv("HOME");
    if (home && *home) {
        EXPECT_EQ(default_database_path(), std::filesystem::path(home) / ".local/share/skm/skm.db");
    }
    if (saved) {
        ::setenv("XDG_DATA_HOME", saved_value.c_str(), 1);
    } else {
        ::unsetenv("XDG_DATA_HOME");
    }
}

}  // namespace
}  // namespace skm::store
