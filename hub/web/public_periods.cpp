#include "hub/web/public_periods.hpp"

namespace skm::hub::web {
namespace {

bool overlap(const scoring::DateRange& a, const scoring::DateRange& b) { return a.first <= b.last && b.first <= a.last; }

}  // namespace

PublicChange add_public(WebStore& store, const scoring::PeriodId& period, const std::string& now, const std::string& actor) {
    const std::string key = scoring::period_key(period);
    for (const auto& p : store.public_periods()) {
        const auto other = scoring::parse_period_key(p.period);
        if (other && *other != period && overlap(scoring::range_of(*other), scoring::range_of(period))) {
            return {PublicChange::Outcome::overlap, key, p.period};
        }
    }
    if (!store.add_public_period({key, now, actor})) return {PublicChange::Outcome::already, key, ""};
    store.audit({now, actor, "public_add", key});
    return {PublicChange::Outcome::added, key, ""};
}

PublicChange remove_public(WebStore& store, const scoring::PeriodId& period, const std::string& now, const std::string& actor) {
    const std::string key = scoring::period_key(period);
    if (!store.remove_public_period(key)) return {PublicChange::Outcome::not_public, key, ""};
    store.audit({now, actor, "public_remove", key});
    return {PublicChange::Outcome::removed, key, ""};
}

const char* public_change_key(PublicChange::Outcome outcome) {
    switch (outcome) {
        case PublicChange::Outcome::added: return "web.public_added";
        case PublicChange::Outcome::already: return "web.public_already";
        case PublicChange::Outcome::overlap: return "web.public_overlap";
        case PublicChange::Outcome::removed: return "web.public_removed";
        case PublicChange::Outcome::not_public: return "web.public_not_public";
    }
    return "web.public_added";
}

}  // namespace skm::hub::web
