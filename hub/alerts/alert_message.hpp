// The words of an alert at the hub, from the i18n catalogs (the hub's
// language, Indonesian first): the dashboard's line, and the subject and
// body of the e-mail and the Telegram message. A digest joins the bodies.
#pragma once

#include "formats/catalog.hpp"
#include "hub/alerts/alert_store.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::hub::alerts {

// The unsur's name in the reader's language, from its code.
using UnsurName = std::function<std::string(std::string_view code)>;

// What happened: "IKM KTP-el di Kecamatan A turun: 70,50 pada 30 responden terakhir (sebelumnya 79,10)."
std::string alert_what(const formats::Catalog& t, const HubAlert& alert, const UnsurName& unsur_name);

struct AlertMessage {
    std::string subject;
    std::string body;
};

AlertMessage alert_message(const formats::Catalog& t, const HubAlert& alert, const UnsurName& unsur_name);
// One message for several alerts (the daily digest), in the order given.
AlertMessage digest_message(const formats::Catalog& t, const std::vector<AlertMessage>& messages);

}  // namespace skm::hub::alerts
