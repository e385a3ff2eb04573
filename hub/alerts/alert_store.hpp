// What the hub keeps of its live alerts (issue #20), on the hub's database
// (SQLite or PostgreSQL, hub/sql_connection; migration 6 of hub/hub_schema
// and hub/pg_schema): the alerts found, who hears of each kecamatan's, and the
// outbox whose key (alert id, channel, address) delivers each alert to each
// recipient once. Opened beside the HubStore with a connection of its own, so
// the delivery worker never waits on (nor holds up) an upload; no call holds
// a transaction while a message is being sent.
#pragma once

#include "hub/sql_connection.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::hub::alerts {

enum class Channel { email, telegram };
std::string_view channel_name(Channel channel);
std::optional<Channel> parse_channel(std::string_view text);

// One alert as the hub found it; the id is scoring::alert_id's.
struct HubAlert {
    std::string alert_id;
    std::string kecamatan;
    std::string layanan;
    std::string rule;   // "drop" or "ones"
    std::string unsur;  // unsur code: of the run, or the one that fell most
    std::string since;  // submitted_at of the window's first response
    std::int64_t respondents = 0;
    std::int64_t ones = 0;
    std::optional<std::string> now_ikm;     // drop, window ≥ min-n: "70.50"
    std::optional<std::string> before_ikm;
    std::string found_at;
};

struct Recipient {
    std::string kecamatan;
    Channel channel = Channel::email;
    std::string address;  // an e-mail address or a Telegram chat id
    bool digest = false;  // one message a day instead of one per alert
    std::string added_at;
    std::string added_by;
};

struct OutboxRow {
    std::string alert_id;
    Channel channel = Channel::email;
    std::string address;
    std::string kecamatan;
    bool digest = false;
    std::string subject;
    std::string body;
    std::string queued_at;
    std::int64_t queued_s = 0;
    std::int64_t next_attempt_s = 0;
    std::int64_t attempts = 0;
    std::optional<std::string> last_attempt_at;
    std::optional<std::string> last_error;
    std::optional<std::string> sent_at;
};

class AlertStore {
public:
    explicit AlertStore(std::unique_ptr<SqlDatabase> database);
    // The hub's database by its --db value (a SQLite path or postgresql://…),
    // its schema already brought up to date by open_hub_store.
    static std::unique_ptr<AlertStore> open(std::string_view db);

    // Each response with local_date ≥ from (YYYY-MM-DD), in the order received.
    void for_each_response_since(const std::string& from,
                                 const std::function<void(std::string_view kecamatan, std::string_view layanan,
                                                          std::string_view response_id, std::string_view submitted_at,
                                                          std::string_view answers)>& visit);

    // The alert stored and, in the same transaction, one outbox row per message
    // `messages` makes for its kecamatan's recipients. False (nothing changed)
    // when the alert was stored before.
    bool add_alert(const HubAlert& alert, const std::function<std::vector<OutboxRow>(const std::vector<Recipient>&)>& messages);
    // The ids of the alerts stored with since ≥ `since_from`: a round skips them without a write.
    std::vector<std::string> alert_ids(const std::string& since_from);
    // Alerts with since ≥ `since_from` (text comparison of ISO dates), of one
    // kecamatan or all; newest first.
    std::vector<HubAlert> alerts(const std::optional<std::string>& kecamatan, const std::string& since_from);

    // False when the recipient is there already / was not there. Removing one
    // also drops its messages not yet sent.
    bool add_recipient(const Recipient& recipient);
    bool remove_recipient(std::string_view kecamatan, Channel channel, std::string_view address);
    // Ordered by kecamatan, channel, address.
    std::vector<Recipient> recipients(const std::optional<std::string>& kecamatan = std::nullopt);

    // Rows not yet sent, oldest first.
    std::vector<OutboxRow> pending();
    void mark_sent(const OutboxRow& row, const std::string& at);
    void mark_failed(const OutboxRow& row, const std::string& at, const std::string& error, std::int64_t next_attempt_s);
    // For the devices page: every unsent row and the `sent_limit` last sent ones.
    std::vector<OutboxRow> deliveries(std::size_t sent_limit);

private:
    std::unique_ptr<SqlDatabase> database_;
};

}  // namespace skm::hub::alerts
