// What the web dashboard keeps beside the hub's responses: its users
// (argon2id password hashes), sessions (only a hash of the cookie's id),
// an audit log of every change made from the dashboard, what each kiosk
// last reported about itself, yearly targets and populations per kecamatan,
// and the saran list. One implementation for SQLite and PostgreSQL
// (hub/web/sql_web_store), opened by hub/web/open_web_store.
#pragma once

#include "scoring/period.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::hub::web {

enum class Role { admin, viewer };
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view text);
// The responses column of a profile field WebStore::profile offers, or
// nullptr: the backends put only these names into their SQL, never the caller's text.
const char* profile_column(std::string_view field);

struct User {
    std::string username;
    std::string password_hash;  // crypto_pwhash_str, argon2id
    Role role = Role::viewer;
    std::string created_at;
};

struct Session {
    std::string id_hash;  // token_hash of the cookie's id
    std::string username;
    std::string csrf_token;
    std::int64_t expires_at = 0;  // seconds since the epoch
};

struct AuditEntry {
    std::string at;
    std::string username;
    std::string action;
    std::string detail;
};

// What a kiosk said about itself in its last batch (all optional on the wire).
struct DeviceReport {
    std::string device_id;
    std::optional<std::string> app_version;
    std::optional<std::int64_t> pending;
    std::optional<std::string> kiosk_sent_at;
    std::string received_at;
    std::optional<std::int64_t> clock_skew_s;  // kiosk clock − hub clock
};

// The office profile a kiosk sent last (sync::OfficeProfile), kept for the
// posters of its kecamatan (the device's enrolment's).
struct DeviceProfile {
    std::string device_id;
    std::string kecamatan;
    std::string office;
    std::string contact;
    std::string follow_up;
    std::string complaint_channel;
    std::string logo_png;  // PNG bytes; "" = none
    std::string received_at;
};

// kecamatan "" = the kabupaten's default for that year.
struct Target {
    int year = 0;
    std::string kecamatan;
    std::optional<std::string> target_ikm;  // decimal text, "82.50"
    std::optional<std::int64_t> population;
};

// A period made public (/public): its key, when and by whom.
struct PublicPeriod {
    std::string period;  // "2025", "2025-S1", "2025-TW3", "2025-03"
    std::string published_at;
    std::string published_by;
};

// Respondents with one value of a profile field and one stored profile_detail
// (formats/profile_detail: the sub-options of every field, "" = none).
struct ProfileDetailRow {
    std::string value;
    std::string detail;
    std::uint64_t count = 0;
};

struct SaranRow {
    std::string layanan;
    std::string saran;
    std::string local_date;
};

class WebStore {
public:
    virtual ~WebStore() = default;

    // Throws skm::Error(input, "web.user_exists").
    virtual void add_user(const User& user) = 0;
    virtual std::optional<User> user(std::string_view username) = 0;
    virtual std::vector<User> users() = 0;
    virtual std::int64_t user_count() = 0;

    virtual void add_session(const Session& session) = 0;
    virtual std::optional<Session> session(std::string_view id_hash) = 0;
    virtual void delete_session(std::string_view id_hash) = 0;
    virtual void delete_expired_sessions(std::int64_t now) = 0;

    virtual void audit(const AuditEntry& entry) = 0;
    virtual std::vector<AuditEntry> audit_log(std::size_t limit) = 0;

    virtual void record_device_report(const DeviceReport& report) = 0;
    virtual std::vector<DeviceReport> device_reports() = 0;

    // One row per device: a newer profile replaces its older one.
    virtual void record_device_profile(const DeviceProfile& profile) = 0;
    virtual std::vector<DeviceProfile> device_profiles() = 0;  // by device
    // The profile received last from a kiosk of the kecamatan, if any.
    virtual std::optional<DeviceProfile> latest_profile(std::string_view kecamatan) = 0;

    virtual void set_target(const Target& target) = 0;
    virtual std::vector<Target> targets(int year) = 0;

    // Adding a period already public, or removing one that is not, changes nothing (false).
    virtual bool add_public_period(const PublicPeriod& period) = 0;
    virtual bool remove_public_period(std::string_view period) = 0;
    virtual std::vector<PublicPeriod> public_periods() = 0;  // by period key

    // Non-empty saran of one kecamatan in the dates, newest first.
    virtual std::vector<SaranRow> saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                        std::size_t limit) = 0;
    // Every stored response with seq above `after_seq`, in seq order: its
    // seq, local date, kecamatan, layanan and answers as stored (store/answers_codec).
    // Responses are only ever added, with growing seq, so a reader that keeps
    // the last seq it saw can pick up only what is new (TallyCache). A backend
    // whose sequence can commit out of order must serialise its writers for this.
    virtual void for_each_response_after(
        std::int64_t after_seq,
        const std::function<void(std::int64_t seq, std::string_view local_date, std::string_view kecamatan,
                                 std::string_view layanan, std::string_view answers)>& visit) = 0;
    // Respondents per value of a profile field (jenis_kelamin, umur,
    // pendidikan, pekerjaan, layanan, origin or channel) of one kecamatan in the dates.
    virtual std::vector<std::pair<std::string, std::uint64_t>> profile(std::string_view kecamatan,
                                                                       const scoring::DateRange& dates,
                                                                       std::string_view field) = 0;
    // The same per value and stored profile_detail (jenis_kelamin, umur, pendidikan or pekerjaan).
    virtual std::vector<ProfileDetailRow> profile_details(std::string_view kecamatan, const scoring::DateRange& dates,
                                                          std::string_view field) = 0;
    // Every response of one kecamatan in the dates: its id, its submitted_at as
    // the kiosk wrote it (its own local time and offset) and its answers as
    // stored (store/answers_codec), for the hour × weekday heat map.
    virtual void for_each_timed_response(
        std::string_view kecamatan, const scoring::DateRange& dates,
        const std::function<void(std::string_view response_id, std::string_view submitted_at, std::string_view answers)>&
            visit) = 0;
};

}  // namespace skm::hub::web
