// The survey state machine, driven the way a citizen drives it: a complete
// survey, going back, double taps, walking away, ballot stuffing and a disk
// that refuses the answer. The last test stores through the real database.
#include "kiosk/core/store_sink.hpp"
#include "kiosk/core/survey_flow.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

namespace skm::kiosk {
namespace {

const formats::Questionnaire& questionnaire() {
    static const auto q =
        formats::load_questionnaire(std::string(SKM_SOURCE_DIR) + "/assets/questionnaire/permenpan-14-2017.json");
    return q;
}

class FakeSink final : public ResponseSink {
public:
    std::optional<Problem> submit(const store::Submission& s) override {
        attempts.push_back(s.response.response_id);
        for (const auto& earlier : stored) {
            if (earlier.response.response_id == s.response.response_id) {
                return Problem{"store.duplicate", {{"response_id", s.response.response_id}}};
            }
        }
        // A failed fsync: reported as a failure, yet the row reached the disk.
        if (fail_but_keep) stored.push_back(s);
        if (fail || fail_but_keep) return Problem{"store.io_error", {{"file", "skm.db"}}};
        stored.push_back(s);
        return std::nullopt;
    }
    bool accepting() const override { return accepts; }
    void dropped(const store::Submission& s) override { dropped_ids.push_back(s.response.response_id); }
    bool fail = false;
    bool fail_but_keep = false;
    bool accepts = true;
    std::vector<store::Submission> stored;
    std::vector<std::string> attempts;
    std::vector<std::string> dropped_ids;
};

class CountingIds final : public store::IdSource {
public:
    std::string next_id() override { return "id-" + std::to_string(++n); }
    int n = 0;
};

struct Kiosk {
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 30, 0, 420}};
    CountingIds ids;
    FakeSink sink;
    FlowSettings settings;
    SurveyFlow flow{questionnaire(), {"KTP-el", "Kartu Keluarga", "SKTM"}, settings,
                    store::DeviceIdentity{"kiosk-test", &questionnaire()}, clock, ids, sink};

    // A citizen's finger: a pause long enough to read, then the tap.
    void wait(std::int64_t ms = 2000) { clock.advance_ms(ms); }
    template <typename Event>
    bool tap(Event event) {
        wait();
        flow.touched();
        return event();
    }

    // Start, layanan `layanan`, every profile question left unanswered: the first unsur on screen.
    void reach_unsur(std::size_t layanan = 0) {
        ASSERT_TRUE(tap([&] { return flow.start(); }));
        ASSERT_TRUE(tap([&] { return flow.choose_layanan(layanan); }));
        for (int i = 0; i < 4; ++i) ASSERT_TRUE(tap([&] { return flow.choose_profile(""); }));
    }

    // Nobody touches the screen for `ms`; then the flow's timers run.
    void leave_untouched(std::int64_t ms) {
        wait(ms);
        flow.tick();
    }
    // A whole survey while the disk refuses every answer: the apology is on screen.
    void complete_survey_failing() {
        sink.fail = true;
        complete_survey();
    }

    void complete_survey(std::uint8_t value = 3) {
        ASSERT_TRUE(tap([&] { return flow.start(); }));
        ASSERT_TRUE(tap([&] { return flow.choose_layanan(1); }));
        ASSERT_EQ(flow.profile_field(), ProfileField::jenis_kelamin);
        ASSERT_TRUE(tap([&] { return flow.choose_profile("P"); }));
        ASSERT_EQ(flow.profile_field(), ProfileField::umur);
        ASSERT_TRUE(tap([&] { return flow.choose_profile("60+"); }));
        ASSERT_TRUE(tap([&] { return flow.choose_profile("SMA"); }));
        ASSERT_EQ(flow.profile_field(), ProfileField::pekerjaan);
        ASSERT_TRUE(tap([&] { return flow.choose_profile(""); }));  // prefers not to say
        for (std::size_t i = 0; i < 9; ++i) {
            ASSERT_EQ(flow.unsur_index(), i);
            ASSERT_TRUE(tap([&] { return flow.answer(i == 0 ? 4 : value); }));
        }
        ASSERT_EQ(flow.screen(), Screen::saran);
        ASSERT_TRUE(tap([&] { return flow.set_saran("Antrean pagi terlalu panjang."); }));
        ASSERT_TRUE(tap([&] { return flow.submit(); }));
    }
};

TEST(SurveyFlow, ACompleteSurveyIsStoredThenThanksThenTheNextCitizen) {
    Kiosk k;
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
    k.complete_survey();
    ASSERT_EQ(k.flow.screen(), Screen::thanks);
    ASSERT_EQ(k.sink.stored.size(), 1u);
    const auto& r = k.sink.stored[0].response;
    EXPECT_EQ(r.response_id, "id-1");
    EXPECT_EQ(r.layanan, "Kartu Keluarga");
    EXPECT_EQ(r.jenis_kelamin, "P");
    EXPECT_EQ(r.umur, "60+");
    EXPECT_EQ(r.pendidikan, "SMA");
    EXPECT_EQ(r.pekerjaan, "");
    EXPECT_EQ(r.answers, (std::vector<std::uint8_t>{4, 3, 3, 3, 3, 3, 3, 3, 3}));
    EXPECT_EQ(r.saran, "Antrean pagi terlalu panjang.");
    EXPECT_EQ(r.device_id, "kiosk-test");
    EXPECT_EQ(r.questionnaire_version, "1");
    EXPECT_EQ(r.submitted_at, "2025-03-04T09:30:34+07:00");  // 17 taps, 2 s before each
    EXPECT_EQ(k.sink.stored[0].duration_ms, 32'000);           // from the start tap to the submit tap
    EXPECT_TRUE(r.flags.empty());
    // The next citizen sees nothing of this one.
    EXPECT_EQ(k.flow.answers().layanan, "");
    EXPECT_EQ(k.flow.answers().saran, "");
    EXPECT_EQ(k.flow.countdown_seconds(), 8);
    k.wait(7'999);
    k.flow.tick();
    EXPECT_EQ(k.flow.screen(), Screen::thanks);
    EXPECT_EQ(k.flow.countdown_seconds(), 1);
    k.wait(1);
    k.flow.tick();
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
}

TEST(SurveyFlow, TheNextCitizenStartsInTheOfficesLanguage) {
    Kiosk k;
    ASSERT_TRUE(k.tap([&] { return k.flow.set_language("jv"); }));
    k.complete_survey();
    EXPECT_EQ(k.flow.language(), "jv");  // thanks in the citizen's own language
    k.wait(8'000);
    k.flow.tick();
    ASSERT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_EQ(k.flow.language(), "id");
    FlowSettings english;
    english.default_language = "en";
    ASSERT_TRUE(k.flow.reconfigure({"KTP-el"}, english));
    ASSERT_TRUE(k.tap([&] { return k.flow.start(); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.language(), "en");
    EXPECT_EQ(k.flow.layanan(), std::vector<std::string>{"KTP-el"});
}

TEST(SurveyFlow, BackKeepsAnswersAndStepsOneScreen) {
    Kiosk k;
    k.reach_unsur();
    ASSERT_TRUE(k.tap([&] { return k.flow.answer(2); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.answer(4); }));
    EXPECT_EQ(k.flow.unsur_index(), 2u);
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.unsur_index(), 1u);
    EXPECT_EQ(k.flow.answers().answers[1], 4);
    ASSERT_TRUE(k.tap([&] { return k.flow.answer(1); }));  // changes its mind
    EXPECT_EQ(k.flow.answers().answers[1], 1);
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.screen(), Screen::profile);
    EXPECT_EQ(k.flow.profile_field(), ProfileField::pekerjaan);  // its last question
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.profile_field(), ProfileField::jenis_kelamin);
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.screen(), Screen::layanan);
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_EQ(k.flow.answers().answers, std::vector<std::uint8_t>(9, 0));  // left the survey: discarded
    EXPECT_FALSE(k.tap([&] { return k.flow.back(); }));
    EXPECT_TRUE(k.sink.stored.empty());
}

TEST(SurveyFlow, ADoubleTapNeverAnswersTheNextQuestion) {
    Kiosk k;
    k.reach_unsur();
    ASSERT_TRUE(k.tap([&] { return k.flow.answer(4); }));
    k.clock.advance_ms(120);  // the second tap of a double tap lands on question 2
    EXPECT_FALSE(k.flow.answer(4));
    EXPECT_EQ(k.flow.unsur_index(), 1u);
    EXPECT_EQ(k.flow.answers().answers[1], 0);
    k.clock.advance_ms(300);  // a deliberate tap after the guard counts
    EXPECT_TRUE(k.flow.answer(2));
    EXPECT_EQ(k.flow.answers().answers[1], 2);
    // The guard holds for every transition, back and forward.
    EXPECT_FALSE(k.flow.back());
    EXPECT_EQ(k.flow.unsur_index(), 2u);
}

// The second tap of a double tap on the last face lands on the saran
// keyboard: the flow refuses the letter, so the saran stays empty.
TEST(SurveyFlow, ADoubleTapOnTheLastFaceTypesNoSaran) {
    Kiosk k;
    k.reach_unsur();
    for (int i = 0; i < 9; ++i) ASSERT_TRUE(k.tap([&] { return k.flow.answer(2); }));
    ASSERT_EQ(k.flow.screen(), Screen::saran);
    k.clock.advance_ms(120);
    EXPECT_FALSE(k.flow.set_saran("q"));
    EXPECT_EQ(k.flow.answers().saran, "");
    k.clock.advance_ms(FlowSettings{}.touch_settle_ms - 120);  // the settle time is over: typing works
    EXPECT_TRUE(k.flow.set_saran("q"));
    EXPECT_EQ(k.flow.answers().saran, "q");
}

TEST(SurveyFlow, WalkingAwayAsksThenDiscardsWithoutStoring) {
    Kiosk k;
    k.reach_unsur(2);
    ASSERT_TRUE(k.tap([&] { return k.flow.answer(3); }));
    k.wait(59'999);
    k.flow.tick();
    EXPECT_EQ(k.flow.screen(), Screen::unsur);
    k.wait(1);
    k.flow.tick();
    ASSERT_EQ(k.flow.screen(), Screen::still_there);
    EXPECT_EQ(k.flow.countdown_seconds(), 20);
    ASSERT_TRUE(k.tap([&] { return k.flow.still_here(); }));
    EXPECT_EQ(k.flow.screen(), Screen::unsur);
    EXPECT_EQ(k.flow.unsur_index(), 1u);  // right where they were
    EXPECT_EQ(k.flow.answers().answers[0], 3);
    k.wait(60'000);
    k.flow.tick();
    ASSERT_EQ(k.flow.screen(), Screen::still_there);
    k.wait(20'000);
    k.flow.tick();
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_EQ(k.flow.answers().answers, std::vector<std::uint8_t>(9, 0));
    EXPECT_EQ(k.flow.answers().layanan, "");
    EXPECT_TRUE(k.sink.stored.empty());
    // The welcome screen itself never times out into anything.
    k.wait(600'000);
    k.flow.tick();
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
}

TEST(SurveyFlow, FastStraightAndRepeatedSubmissionsAreFlaggedNotDropped) {
    Kiosk k;
    k.complete_survey();
    k.wait(8'000);
    k.flow.tick();
    // Same citizen again, all taps as fast as the guard allows, same value everywhere.
    auto quick = [&](auto event) {
        k.clock.advance_ms(400);
        ASSERT_TRUE(event());
    };
    quick([&] { return k.flow.start(); });
    quick([&] { return k.flow.choose_layanan(0); });
    for (int i = 0; i < 4; ++i) quick([&] { return k.flow.choose_profile(""); });
    for (int i = 0; i < 9; ++i) quick([&] { return k.flow.answer(1); });
    quick([&] { return k.flow.submit(); });
    ASSERT_EQ(k.sink.stored.size(), 2u);
    EXPECT_TRUE(k.sink.stored[0].response.flags.empty());
    EXPECT_EQ(k.sink.stored[1].response.flags,
              (std::vector<std::string>{"straight_line", "too_fast", "soon_after_previous"}));
}

TEST(SurveyFlow, NoThanksWhenStorageFailsAndARetryCanSucceed) {
    Kiosk k;
    k.complete_survey_failing();
    ASSERT_EQ(k.flow.screen(), Screen::store_failed);
    ASSERT_TRUE(k.flow.store_problem());
    EXPECT_EQ(k.flow.store_problem()->key, "store.io_error");
    EXPECT_TRUE(k.sink.stored.empty());
    EXPECT_EQ(k.flow.submitted_count(), 0u);
    EXPECT_EQ(k.flow.answers().saran, "Antrean pagi terlalu panjang.");  // kept for the retry
    k.sink.fail = false;
    ASSERT_TRUE(k.tap([&] { return k.flow.submit(); }));
    EXPECT_EQ(k.flow.screen(), Screen::thanks);
    ASSERT_EQ(k.sink.stored.size(), 1u);
    EXPECT_EQ(k.sink.stored[0].response.saran, "Antrean pagi terlalu panjang.");
}

TEST(SurveyFlow, ARetryAfterAFailureThatDidReachTheDiskMakesNoSecondRow) {
    Kiosk k;
    k.sink.fail_but_keep = true;
    k.complete_survey();
    ASSERT_EQ(k.flow.screen(), Screen::store_failed);
    k.sink.fail_but_keep = false;
    ASSERT_TRUE(k.tap([&] { return k.flow.submit(); }));
    EXPECT_EQ(k.flow.screen(), Screen::thanks);
    ASSERT_EQ(k.sink.attempts.size(), 2u);
    EXPECT_EQ(k.sink.attempts[0], k.sink.attempts[1]);  // the same response, not a new one
    EXPECT_EQ(k.sink.stored.size(), 1u);
    EXPECT_EQ(k.flow.submitted_count(), 1u);
}

TEST(SurveyFlow, AFailureNobodyRetriesIsDiscardedAfterItsTimeout) {
    Kiosk k;
    k.complete_survey_failing();
    k.leave_untouched(30'000);
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_EQ(k.flow.answers().saran, "");
}

TEST(SurveyFlow, DoneOnTheApologyCountsTheAnswerAsDropped) {
    Kiosk k;
    k.complete_survey_failing();
    ASSERT_EQ(k.flow.screen(), Screen::store_failed);
    EXPECT_TRUE(k.sink.dropped_ids.empty());  // still on the apology: a retry may store it
    ASSERT_TRUE(k.tap([&] { return k.flow.cancel(); }));  // "Selesai"
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
    ASSERT_EQ(k.sink.attempts.size(), 1u);
    EXPECT_EQ(k.sink.dropped_ids, k.sink.attempts);  // the very answer that failed, once
}

TEST(SurveyFlow, AnApologyLeftToTimeOutCountsTheAnswerAsDropped) {
    Kiosk k;
    k.complete_survey_failing();
    k.leave_untouched(30'000);
    ASSERT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_EQ(k.sink.dropped_ids, k.sink.attempts);
}

TEST(SurveyFlow, GivingUpMidSurveyOrAfterASuccessfulRetryDropsNothing) {
    Kiosk k;
    ASSERT_TRUE(k.tap([&] { return k.flow.start(); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.cancel(); }));  // nothing was submitted: nothing to count
    k.complete_survey_failing();
    k.sink.fail = false;
    ASSERT_TRUE(k.tap([&] { return k.flow.submit(); }));
    ASSERT_EQ(k.flow.screen(), Screen::thanks);
    ASSERT_TRUE(k.tap([&] { return k.flow.cancel(); }));
    EXPECT_TRUE(k.sink.dropped_ids.empty());
}

TEST(SurveyFlow, NoOneIsInvitedWhileTheSinkCannotStore) {
    Kiosk k;
    k.sink.accepts = false;
    EXPECT_TRUE(k.flow.invitation_paused());
    EXPECT_FALSE(k.tap([&] { return k.flow.start(); }));
    EXPECT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_TRUE(k.tap([&] { return k.flow.set_language("en"); }));  // the message can still be read in one's language
    k.sink.accepts = true;
    EXPECT_FALSE(k.flow.invitation_paused());
    EXPECT_TRUE(k.tap([&] { return k.flow.start(); }));
    EXPECT_EQ(k.flow.screen(), Screen::layanan);
}

TEST(SurveyFlow, EventsOnTheWrongScreenChangeNothing) {
    Kiosk k;
    EXPECT_FALSE(k.tap([&] { return k.flow.answer(3); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.submit(); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.choose_layanan(0); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.still_here(); }));
    EXPECT_TRUE(k.tap([&] { return k.flow.set_language("jv"); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.set_language("fr"); }));
    EXPECT_EQ(k.flow.language(), "jv");
    ASSERT_TRUE(k.tap([&] { return k.flow.start(); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.set_language("en"); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.choose_layanan(3); }));  // no such tile
    ASSERT_TRUE(k.tap([&] { return k.flow.choose_layanan(0); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.choose_profile("X"); }));  // not L or P
    ASSERT_TRUE(k.tap([&] { return k.flow.choose_profile("L"); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.choose_profile("35"); }));  // bands only
    EXPECT_FALSE(k.tap([&] { return k.flow.choose_profile("SD"); }));  // pendidikan is not asked yet
    EXPECT_EQ(k.flow.profile_value(ProfileField::umur), "");
    EXPECT_EQ(k.flow.profile_value(ProfileField::jenis_kelamin), "L");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(k.tap([&] { return k.flow.choose_profile(""); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.answer(0); }));
    EXPECT_FALSE(k.tap([&] { return k.flow.answer(5); }));
    EXPECT_EQ(k.flow.unsur_index(), 0u);
}

TEST(SurveyFlow, SaranIsValidUtf8AndCutOnACharacterBoundary) {
    Kiosk k;
    k.reach_unsur();
    for (int i = 0; i < 9; ++i) ASSERT_TRUE(k.tap([&] { return k.flow.answer(3); }));
    k.wait();  // past the settle time of the new screen
    EXPECT_FALSE(k.flow.set_saran("bad \xff byte"));
    std::string long_text(1999, 'a');
    long_text += "é";  // 2 bytes: would end at byte 2001
    ASSERT_TRUE(k.flow.set_saran(long_text));
    EXPECT_EQ(k.flow.answers().saran, std::string(1999, 'a'));
}

TEST(SurveyFlow, StoreSinkPutsTheRowInTheDatabase) {
    const auto dir = std::filesystem::temp_directory_path() / ("skm-flow-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    store::ManualClock clock{scoring::Timestamp{{2025, 7, 1}, 8, 0, 0, 480}};
    store::StoreOptions options;
    options.path = dir / "skm.db";
    store::ResponseStore db(options, questionnaire().scheme, clock);
    const auto words = formats::Catalog::from_texts("id", {});
    std::ostringstream journal;
    StorageWatch watch(db, clock, words, journal);
    StoreSink sink(db, watch);
    store::RandomUuidSource ids;
    SurveyFlow flow(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"k1", &questionnaire()}, clock,
                    ids, sink);
    auto tap = [&](auto event) {
        clock.advance_ms(3000);
        ASSERT_TRUE(event());
    };
    tap([&] { return flow.start(); });
    tap([&] { return flow.choose_layanan(0); });
    for (int i = 0; i < 4; ++i) tap([&] { return flow.choose_profile(""); });
    for (std::uint8_t v : {4, 3, 2, 1, 4, 3, 2, 1, 4}) tap([&] { return flow.answer(v); });
    tap([&] { return flow.submit(); });
    ASSERT_EQ(flow.screen(), Screen::thanks);
    ASSERT_TRUE(db.contains(flow.last_response_id()));

    // Read the row back straight from SQLite, not through our store.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open_v2(options.path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "SELECT answers, layanan, submitted_at, duration_ms FROM responses WHERE response_id = ?1",
                       -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, flow.last_response_id().c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                 "persyaratan=4;prosedur=3;waktu=2;biaya=1;produk=4;kompetensi=3;perilaku=2;pengaduan=1;sarana=4");
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)), "KTP-el");
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2)), "2025-07-01T08:00:48+08:00");  // 16 taps, 3 s before each
    EXPECT_EQ(sqlite3_column_int64(stmt, 3), 45'000);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    std::filesystem::remove_all(dir);
}

// One progress for the whole survey: four profile questions, nine unsur and
// the saran are steps 1..14, going back counts back, other screens have none.
TEST(SurveyFlow, OneProgressCountsProfileUnsurAndSaran) {
    Kiosk k;
    EXPECT_EQ(k.flow.survey_steps(), 4 + questionnaire().unsur.size() + 1);
    EXPECT_EQ(k.flow.survey_steps(), 14u);
    EXPECT_EQ(k.flow.survey_step(), 0u);  // welcome
    ASSERT_TRUE(k.tap([&] { return k.flow.start(); }));
    EXPECT_EQ(k.flow.survey_step(), 0u);  // layanan: before the questions
    ASSERT_TRUE(k.tap([&] { return k.flow.choose_layanan(0); }));
    std::vector<std::size_t> seen;
    for (int i = 0; i < 4; ++i) {
        seen.push_back(k.flow.survey_step());
        ASSERT_TRUE(k.tap([&] { return k.flow.choose_profile(""); }));
    }
    for (std::size_t i = 0; i < questionnaire().unsur.size(); ++i) {
        seen.push_back(k.flow.survey_step());
        ASSERT_TRUE(k.tap([&] { return k.flow.answer(3); }));
    }
    seen.push_back(k.flow.survey_step());
    ASSERT_EQ(k.flow.screen(), Screen::saran);
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);
    ASSERT_TRUE(k.tap([&] { return k.flow.back(); }));
    EXPECT_EQ(k.flow.survey_step(), 13u);
}

// "Huruf besar": chosen on the welcome screen only, kept through the survey,
// and off again for the next citizen however the survey ends.
TEST(SurveyFlow, LargeTextLastsOneSurvey) {
    Kiosk k;
    EXPECT_FALSE(k.flow.large_text());
    ASSERT_TRUE(k.tap([&] { return k.flow.toggle_large_text(); }));
    EXPECT_TRUE(k.flow.large_text());
    k.complete_survey();
    EXPECT_TRUE(k.flow.large_text());  // still on over "Terima kasih"
    k.leave_untouched(10'000);
    ASSERT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_FALSE(k.flow.large_text());
    // On, then walked away from: the idle reset turns it off too.
    ASSERT_TRUE(k.tap([&] { return k.flow.toggle_large_text(); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.start(); }));
    EXPECT_FALSE(k.flow.toggle_large_text());  // not mid-survey
    EXPECT_TRUE(k.flow.large_text());
    k.leave_untouched(61'000);
    k.leave_untouched(21'000);
    ASSERT_EQ(k.flow.screen(), Screen::welcome);
    EXPECT_FALSE(k.flow.large_text());
    // Tapped twice: off.
    ASSERT_TRUE(k.tap([&] { return k.flow.toggle_large_text(); }));
    ASSERT_TRUE(k.tap([&] { return k.flow.toggle_large_text(); }));
    EXPECT_FALSE(k.flow.large_text());
}

// A sub-option stores its official code in the field and its key in
// profile_detail; one that does not belong to the code is refused.
TEST(SurveyFlow, ASubOptionStoresTheOfficialCodeAndTheDetail) {
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 30, 0, 420}};
    CountingIds ids;
    FakeSink sink;
    const auto options =
        formats::load_profile_options(std::string(SKM_SOURCE_DIR) + "/assets/kiosk/profile-options.json");
    SurveyFlow flow(questionnaire(), {"KTP-el"}, FlowSettings{}, store::DeviceIdentity{"kiosk-test", &questionnaire()},
                    clock, ids, sink, options);
    auto tap = [&](auto event) {
        clock.advance_ms(2000);
        flow.touched();
        return event();
    };
    ASSERT_TRUE(tap([&] { return flow.start(); }));
    ASSERT_TRUE(tap([&] { return flow.choose_layanan(0); }));
    EXPECT_TRUE(flow.profile_options(ProfileField::jenis_kelamin).empty());
    ASSERT_TRUE(tap([&] { return flow.choose_profile("P"); }));
    ASSERT_TRUE(tap([&] { return flow.choose_profile("60+"); }));
    ASSERT_EQ(flow.profile_options(ProfileField::pendidikan).size(), 1u);
    EXPECT_FALSE(tap([&] { return flow.choose_profile("SMP", "tidak_sekolah"); }));  // belongs to SD
    EXPECT_FALSE(tap([&] { return flow.choose_profile("SD", "petani_nelayan"); }));  // another field's
    ASSERT_TRUE(tap([&] { return flow.choose_profile("SD", "tidak_sekolah"); }));
    ASSERT_TRUE(tap([&] { return flow.choose_profile("Lainnya", "pensiunan"); }));
    EXPECT_EQ(flow.answers().profile_detail, "pendidikan=tidak_sekolah;pekerjaan=pensiunan");
    // Back, and the official code itself instead: the detail of that field goes.
    ASSERT_TRUE(tap([&] { return flow.back(); }));
    EXPECT_EQ(flow.profile_detail(ProfileField::pekerjaan), "pensiunan");
    ASSERT_TRUE(tap([&] { return flow.choose_profile("Lainnya", "petani_nelayan"); }));
    ASSERT_TRUE(tap([&] { return flow.back(); }));
    ASSERT_TRUE(tap([&] { return flow.back(); }));
    ASSERT_TRUE(tap([&] { return flow.choose_profile("SD"); }));
    ASSERT_TRUE(tap([&] { return flow.choose_profile("Lainnya", "petani_nelayan"); }));
    for (std::size_t i = 0; i < questionnaire().unsur.size(); ++i) ASSERT_TRUE(tap([&] { return flow.answer(4); }));
    ASSERT_TRUE(tap([&] { return flow.submit(); }));
    ASSERT_EQ(sink.stored.size(), 1u);
    const auto& r = sink.stored[0].response;
    EXPECT_EQ(r.pendidikan, "SD");
    EXPECT_EQ(r.pekerjaan, "Lainnya");
    EXPECT_EQ(r.profile_detail, "pekerjaan=petani_nelayan");
    // The next citizen starts with no detail.
    EXPECT_EQ(flow.answers().profile_detail, "");
    EXPECT_EQ(flow.profile_detail(ProfileField::pekerjaan), "");
}

}  // namespace
}  // namespace skm::kiosk
