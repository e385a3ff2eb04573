#include "hub/alerts/alert_message.hpp"

#include <algorithm>

namespace skm::hub::alerts {
namespace {

// Stored as "70.50"; written as the reader's language writes decimals.
std::string figure(const formats::Catalog& t, std::string text) {
    std::replace(text.begin(), text.end(), '.', t.decimal_separator());
    return text;
}

// "2025-12-03T10:57:00+07:00" → "2025-12-03 10:57": the local time it was given.
std::string since_text(const std::string& iso) {
    std::string s = iso.substr(0, 16);
    if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
    return s;
}

}  // namespace

std::string alert_what(const formats::Catalog& t, const HubAlert& a, const UnsurName& unsur_name) {
    if (a.rule == "ones") {
        return t.format("notify.ones", {{"layanan", a.layanan},
                                           {"kecamatan", a.kecamatan},
                                           {"count", std::to_string(a.ones)},
                                           {"unsur", unsur_name(a.unsur)},
                                           {"within", std::to_string(a.respondents)}});
    }
    if (!a.now_ikm || !a.before_ikm) return t.format("notify.drop_plain", {{"layanan", a.layanan}, {"kecamatan", a.kecamatan}});
    return t.format("notify.drop", {{"layanan", a.layanan},
                                       {"kecamatan", a.kecamatan},
                                       {"now", figure(t, *a.now_ikm)},
                                       {"before", figure(t, *a.before_ikm)},
                                       {"count", std::to_string(a.respondents)}});
}

AlertMessage alert_message(const formats::Catalog& t, const HubAlert& a, const UnsurName& unsur_name) {
    AlertMessage m;
    m.subject = t.format("notify.subject", {{"kecamatan", a.kecamatan}, {"layanan", a.layanan}});
    m.body = alert_what(t, a, unsur_name) + "\n" +
             t.format("notify.since", {{"since", since_text(a.since)}, {"unsur", unsur_name(a.unsur)}}) + "\n" +
             t.format("notify.id", {{"id", a.alert_id}});
    return m;
}

AlertMessage digest_message(const formats::Catalog& t, const std::vector<AlertMessage>& messages) {
    AlertMessage m;
    m.subject = t.format("notify.digest_subject", {{"count", std::to_string(messages.size())}});
    for (const AlertMessage& one : messages) {
        if (!m.body.empty()) m.body += "\n\n";
        m.body += one.subject + "\n" + one.body;
    }
    return m;
}

}  // namespace skm::hub::alerts
