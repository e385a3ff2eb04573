// GET /api/v1/ikm: the demo office's responses, split between two kecamatan
// and delivered by two kiosks through the real sync path to a hub on either
// storage backend, give exactly the
// numbers scoring::summarize gives over the same rows read from the CSV —
// per kecamatan × layanan, per kecamatan and in total, for any period and filter.
#include "tests/hub/hub_test_support.hpp"

#include "formats/file_content.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/summary.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace skm::hub::testing {
namespace {

using nlohmann::json;

struct DemoRow {
    std::string kecamatan;
    store::Submission submission;
    scoring::LocalDate date;
};

// Every row of the demo CSV, alternately in one kecamatan and the other.
std::vector<DemoRow> demo_rows() {
    const auto questionnaire =
        formats::load_questionnaire(fs::path(SKM_SOURCE_DIR) / "assets" / "questionnaire" / "permenpan-14-2017.json");
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < scheme().size(); ++i) codes.push_back(scheme().code(i));
    const formats::FileContent csv(fs::path(SKM_SOURCE_DIR) / "assets" / "demo" / "responses.csv");
    std::vector<DemoRow> rows;
    formats::read_response_csv(csv.view(), "responses.csv", codes, [&](const formats::ResponseRow& row) {
        rows.push_back({rows.size() % 2 ? "Sukamakmur" : "Sukamaju", store::submission_from_row(row, questionnaire),
                        row.timestamp.date});
    });
    return rows;
}

struct Expected {
    scoring::Tally total{scheme().size()};
    std::map<std::string, scoring::Tally> kecamatan;
    std::map<std::pair<std::string, std::string>, scoring::Tally> groups;
};

Expected expected(const std::vector<DemoRow>& rows, const std::string& period, const std::string& kecamatan = "",
                  const std::string& layanan = "") {
    const auto range = *scoring::parse_period(period);
    Expected e;
    for (const auto& row : rows) {
        const auto& r = row.submission.response;
        if (!range.contains(row.date) || (!kecamatan.empty() && row.kecamatan != kecamatan) ||
            (!layanan.empty() && r.layanan != layanan)) {
            continue;
        }
        e.total.add(r.answers);
        e.kecamatan.try_emplace(row.kecamatan, scheme().size()).first->second.add(r.answers);
        e.groups.try_emplace({row.kecamatan, r.layanan}, scheme().size()).first->second.add(r.answers);
    }
    return e;
}

void expect_summary(const json& got, const scoring::Tally& tally, const std::string& what) {
    SCOPED_TRACE(what);
    const auto want = scoring::summarize(tally, scheme(), {});
    EXPECT_EQ(got.at("respondents").get<std::uint64_t>(), want.respondents);
    EXPECT_EQ(got.at("ikm"), want.ikm ? json(want.ikm->str()) : json(nullptr));
    EXPECT_EQ(got.at("ikm_unit"), want.ikm_unit ? json(want.ikm_unit->str()) : json(nullptr));
    EXPECT_EQ(got.at("ikm_exact"), want.ikm_exact ? json(*want.ikm_exact) : json(nullptr));
    EXPECT_EQ(got.at("mutu"), want.mutu ? json(std::string(1, scoring::mutu_letter(*want.mutu))) : json(nullptr));
    EXPECT_EQ(got.at("ci95"), want.ci95 ? json::array({want.ci95->low.str(), want.ci95->high.str()}) : json(nullptr));
    ASSERT_EQ(got.at("unsur").size(), want.unsur.size());
    for (const auto& u : want.unsur) {
        const json& g = got.at("unsur").at(u.code);
        EXPECT_EQ(g.at("nrr"), u.nrr ? json(u.nrr->str()) : json(nullptr)) << u.code;
        EXPECT_EQ(g.at("nrr_exact"), u.nrr_exact ? json(*u.nrr_exact) : json(nullptr)) << u.code;
        EXPECT_EQ(g.at("answered").get<std::uint64_t>(), u.answered) << u.code;
    }
}

void expect_report(const json& got, const Expected& want) {
    expect_summary(got, want.total, "total");
    ASSERT_EQ(got.at("kecamatan").size(), want.kecamatan.size());
    std::size_t i = 0;
    for (const auto& [name, tally] : want.kecamatan) {
        EXPECT_EQ(got["kecamatan"][i]["kecamatan"], name);
        expect_summary(got["kecamatan"][i++], tally, name);
    }
    ASSERT_EQ(got.at("groups").size(), want.groups.size());
    i = 0;
    for (const auto& [key, tally] : want.groups) {
        EXPECT_EQ(got["groups"][i]["kecamatan"], key.first);
        EXPECT_EQ(got["groups"][i]["layanan"], key.second);
        expect_summary(got["groups"][i++], tally, key.first + " / " + key.second);
    }
}

// One hub per backend, filled once for all of that backend's cases.
class HubIkm : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (!rows) rows = new std::vector<DemoRow>(demo_rows());
        auto& slot = hubs[GetParam()];
        if (!slot) {
            slot = new TestHub(GetParam());
            deliver(*slot);
        }
        hub = slot;
    }
    static void deliver(TestHub& target) {
        for (const std::string kecamatan : {"Sukamaju", "Sukamakmur"}) {
            const std::string device = "kiosk-" + kecamatan;
            const std::string token = target.enroll(device, kecamatan);
            std::vector<store::Submission> mine;
            for (const auto& row : *rows) {
                if (row.kecamatan == kecamatan) mine.push_back(row.submission);
            }
            Kiosk kiosk(mine);
            sync::CurlTransport transport(transport_to(target, token));
            KioskSync sync(kiosk, transport, 500, device);
            ASSERT_FALSE(sync.engine.drain().failed);
        }
    }
    static void TearDownTestSuite() {
        for (auto& [backend, h] : hubs) delete h;
        hubs.clear();
        delete rows;
        rows = nullptr;
    }

    std::pair<int, json> get(const std::string& query, const std::string& token) const {
        httplib::SSLClient client("127.0.0.1", hub->port());
        client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
        client.enable_server_certificate_verification(true);
        httplib::Headers headers;
        if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
        const auto result = client.Get(("/api/v1/ikm" + query).c_str(), headers);
        if (!result) return {0, json()};
        return {result->status, json::parse(result->body, nullptr, false)};
    }

    TestHub* hub = nullptr;
    static inline std::map<Backend, TestHub*> hubs;
    static inline std::vector<DemoRow>* rows = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Backends, HubIkm, SKM_ALL_HUB_BACKENDS);

TEST_P(HubIkm, EveryDemoRowArrivedOnce) {
    EXPECT_GT(rows->size(), 2000u);
    EXPECT_EQ(hub->count(), static_cast<std::int64_t>(rows->size()));
    EXPECT_EQ(hub->count("SELECT count(DISTINCT response_id) FROM responses"), static_cast<std::int64_t>(rows->size()));
}

TEST_P(HubIkm, NumbersEqualScoringOverTheSameRows) {
    for (const std::string period : {"2025", "2025-S1", "2025-S2", "2025-TW3", "2025-03", "2025-02-10..2025-05-20"}) {
        SCOPED_TRACE(period);
        const auto [status, body] = get("?period=" + period, hub->admin_token);
        ASSERT_EQ(status, 200) << body.dump();
        EXPECT_EQ(body["period"], period);
        expect_report(body, expected(*rows, period));
    }
}

TEST_P(HubIkm, FiltersByKecamatanAndLayanan) {
    {
        const auto [status, body] = get("?period=2025-S1&kecamatan=Sukamakmur", hub->admin_token);
        ASSERT_EQ(status, 200);
        EXPECT_EQ(body["kecamatan_filter"], "Sukamakmur");
        EXPECT_EQ(body["kecamatan"].size(), 1u);
        expect_report(body, expected(*rows, "2025-S1", "Sukamakmur"));
    }
    {
        // A name with a space and a slash, as the query string carries it.
        const auto [status, body] = get("?period=2025&layanan=Surat%20Pindah%2FDomisili", hub->admin_token);
        ASSERT_EQ(status, 200);
        EXPECT_EQ(body["groups"].size(), 2u);
        expect_report(body, expected(*rows, "2025", "", "Surat Pindah/Domisili"));
    }
    {
        const auto [status, body] = get("?period=2025&kecamatan=Sukamaju&layanan=KTP-el", hub->admin_token);
        ASSERT_EQ(status, 200);
        ASSERT_EQ(body["groups"].size(), 1u);
        expect_report(body, expected(*rows, "2025", "Sukamaju", "KTP-el"));
    }
    {
        // Nobody: zero respondents, no IKM, and a note saying why.
        const auto [status, body] = get("?period=2024", hub->admin_token);
        ASSERT_EQ(status, 200);
        EXPECT_EQ(body["respondents"], 0);
        EXPECT_TRUE(body["ikm"].is_null());
        EXPECT_TRUE(body.contains("note"));
        EXPECT_TRUE(body["groups"].empty());
    }
}

TEST_P(HubIkm, OnlyTheAdminTokenReadsReports) {
    EXPECT_EQ(get("?period=2025", "").first, 401);
    EXPECT_EQ(get("?period=2025", new_token()).first, 401);
    // A device token uploads, it does not read.
    const std::string device_token = hub->enroll("kiosk-reader", "Sukamaju");
    EXPECT_EQ(get("?period=2025", device_token).first, 401);
}

TEST_P(HubIkm, BadQueriesAreClear400s) {
    const auto expect_error = [this](const std::string& query, const std::string& key) {
        const auto [status, body] = get(query, hub->admin_token);
        EXPECT_EQ(status, 400) << query;
        EXPECT_EQ(body.value("error", ""), key) << query;
    };
    expect_error("", "hub.period_required");
    expect_error("?period=2025-S3", "hub.bad_period");
    expect_error("?period=semester-1", "hub.bad_period");
    expect_error("?period=2025&kecamatn=Sukamaju", "hub.unknown_parameter");
    expect_error("?period=2025&period=2024", "hub.repeated_parameter");
}

}  // namespace
}  // namespace skm::hub::testing
