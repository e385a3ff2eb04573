#include "scoring/audit.hpp"

#include "scoring/capaian.hpp"
#include "scoring/legacy.hpp"
#include "scoring/mutu.hpp"
#include "scoring/scheme.hpp"

namespace skm::scoring {
namespace {

// Half of the last printed place: 89.72 stands for [89.715, 89.725].
mpq_class half_place(const Decimal& d) { return mpq_class(1, 2) / mpq_class(pow10(d.places)); }

struct Range {
    mpq_class low;
    mpq_class high;
    bool overlaps(const Range& other) const { return low <= other.high && other.low <= high; }
};

// What a printed figure can stand for: rounded from anything within half a
// place, or truncated from anything up to one place above.
Range printed_range(const Decimal& d) {
    const mpq_class h = half_place(d);
    return {d.value() - h, d.value() + 2 * h};
}

std::string dec(const mpq_class& value, int places) { return round_half_up(value, places).str(); }

void check_unsur_range(const PublishedReport& r, std::vector<Problem>& findings) {
    for (const auto& [code, value] : r.unsur) {
        if (value.value() < 1 || value.value() > 4) {
            findings.push_back(Problem{"check.unsur_out_of_range", {{"unsur", code}, {"value", value.str()}}});
        }
    }
}

// The exact IKM of the printed unsur: their mean × 25, rounded as everywhere else.
Decimal exact_ikm(const PublishedReport& r) {
    mpq_class sum = 0;
    for (const auto& [code, value] : r.unsur) sum += value.value();
    return round_half_up(25 * sum / mpq_class(static_cast<unsigned long>(r.unsur.size())), 2);
}

// The weights a legacy spreadsheet may have used: the printed one, else for
// the nine unsur the lampiran's 0,111 and 0,11.
std::vector<Decimal> legacy_weights(const PublishedReport& r) {
    if (r.bobot) return {*r.bobot};
    if (r.unsur.size() != kPermenpan2017Codes.size()) return {};
    return {*parse_decimal("0.111"), *parse_decimal("0.11")};
}

// A headline that is not the exact IKM but what 25 × weight × Σ printed NRR
// gives when truncated or rounded to the printed places
// (docs/reference/skm-rules.md#legacy-spreadsheets): one finding naming the
// habit, the exact IKM and its mutu.
bool check_legacy_headline(const PublishedReport& r, std::vector<Problem>& findings) {
    if (!r.ikm || r.unsur.empty()) return false;
    const Decimal exact = exact_ikm(r);
    if (r.ikm->value() == exact.value()) return false;
    mpq_class sum = 0;
    for (const auto& [code, value] : r.unsur) sum += value.value();
    for (const Decimal& weight : legacy_weights(r)) {
        const mpq_class office = 25 * weight.value() * sum;
        const char* key = nullptr;
        if (truncate(office, r.ikm->places).value() == r.ikm->value()) {
            key = "check.legacy_truncated";
        } else if (round_half_up(office, r.ikm->places).value() == r.ikm->value()) {
            key = "check.legacy_rounded";
        }
        if (!key) continue;
        const std::size_t count = r.unsur.size();
        const Mutu mutu = mutu_2017(exact.value());
        findings.push_back(Problem{key,
                                   {{"ikm", r.ikm->str()},
                                    {"bobot", weight.str()},
                                    {"count", std::to_string(count)},
                                    {"sum", dec(weight.value() * static_cast<unsigned long>(count), 4)},
                                    {"expected", exact.str()},
                                    {"mutu", std::string(1, mutu_letter(mutu))},
                                    {"kinerja", std::string(kinerja_official(mutu))}}});
        return true;
    }
    return false;
}

void check_bobot(const PublishedReport& r, std::vector<Problem>& findings) {
    if (!r.bobot) return;
    const std::size_t count = r.unsur.empty() ? 9 : r.unsur.size();
    const mpq_class total = r.bobot->value() * static_cast<unsigned long>(count);
    if (total == 1) return;
    findings.push_back(Problem{"check.bobot_not_one",
                               {{"bobot", r.bobot->str()},
                                {"count", std::to_string(count)},
                                {"sum", dec(total, 4)},
                                {"max", legacy_maximum(r.bobot->value(), count).str()}}});
}

// The headline as konversi, from ikm or else from the unit value.
std::optional<Range> headline_range(const PublishedReport& r) {
    if (r.ikm) return printed_range(*r.ikm);
    if (r.ikm_unit) {
        Range unit = printed_range(*r.ikm_unit);
        return Range{unit.low * 25, unit.high * 25};
    }
    return std::nullopt;
}

void check_headline_vs_unsur(const PublishedReport& r, std::vector<Problem>& findings) {
    auto headline = headline_range(r);
    if (!headline || r.unsur.empty()) return;
    const mpq_class count(static_cast<unsigned long>(r.unsur.size()));
    mpq_class sum = 0;
    mpq_class low = 0;
    mpq_class high = 0;
    for (const auto& [code, value] : r.unsur) {
        sum += value.value();
        low += value.value() - half_place(value);
        high += value.value() + half_place(value);
    }
    const Range exact{25 * low / count, 25 * high / count};
    bool consistent = exact.overlaps(*headline);
    if (r.bobot) {
        // The office's own spreadsheet: printed weight × printed NRR.
        const mpq_class office = 25 * r.bobot->value() * sum;
        consistent = consistent || Range{office, office}.overlaps(*headline);
    }
    if (consistent) return;
    const mpq_class mean = sum / count;
    findings.push_back(Problem{"check.headline_vs_unsur",
                               {{"ikm", r.ikm ? r.ikm->str() : dec(r.ikm_unit->value() * 25, 2)},
                                {"mean", dec(mean, 3)},
                                {"expected", dec(mean * 25, 2)}}});
}

void check_ikm_vs_unit(const PublishedReport& r, std::vector<Problem>& findings) {
    if (!r.ikm || !r.ikm_unit) return;
    const Range unit = printed_range(*r.ikm_unit);
    if (Range{unit.low * 25, unit.high * 25}.overlaps(printed_range(*r.ikm))) return;
    findings.push_back(Problem{"check.ikm_vs_unit",
                               {{"ikm", r.ikm->str()},
                                {"ikm_unit", r.ikm_unit->str()},
                                {"expected", dec(r.ikm_unit->value() * 25, 2)}}});
}

void check_mutu(const PublishedReport& r, std::vector<Problem>& findings) {
    if (!r.mutu || (!r.ikm && !r.ikm_unit)) return;
    const mpq_class konversi = r.ikm ? r.ikm->value() : mpq_class(r.ikm_unit->value() * 25);
    const Mutu expected = mutu_2017(konversi);
    if (*r.mutu == mutu_letter(expected)) return;
    const std::string shown = dec(konversi, 2);
    findings.push_back(Problem{"check.mutu_wrong",
                               {{"mutu", std::string(1, *r.mutu)},
                                {"ikm", shown},
                                {"expected", std::string(1, mutu_letter(expected))},
                                {"kinerja", std::string(kinerja_official(expected))}}});
    if (*r.mutu == mutu_letter(mutu_2004(konversi))) {
        findings.push_back(Problem{"check.mutu_2004_table", {{"mutu", std::string(1, *r.mutu)}, {"ikm", shown}}});
    }
}

void check_capaian(const PublishedReport& r, std::vector<Problem>& findings) {
    if (!r.target || !r.capaian_percent || !r.ikm) return;
    const mpq_class realisasi = r.ikm->value();
    const mpq_class target = r.target->value();
    auto expected = capaian_percent(realisasi, target);
    if (!expected) return;
    const mpq_class printed = r.capaian_percent->value();
    if (printed == expected->value()) return;
    const std::vector<std::pair<std::string, std::string>> args = {{"capaian", r.capaian_percent->str()},
                                                                    {"expected", expected->str()},
                                                                    {"ikm", r.ikm->str()},
                                                                    {"target", r.target->str()}};
    if (printed == truncate(realisasi / target * 100, 2).value()) {
        findings.push_back(Problem{"check.capaian_truncated", args});
    } else if (sgn(realisasi) > 0 && printed == round_half_up(target / realisasi * 100, 2).value()) {
        findings.push_back(Problem{"check.capaian_inverted", args});
    } else {
        findings.push_back(Problem{"check.capaian_wrong", args});
    }
}

}  // namespace

std::vector<Problem> audit_report(const PublishedReport& report) {
    std::vector<Problem> findings;
    check_unsur_range(report, findings);
    // A headline a legacy spreadsheet explains gets that one finding instead.
    if (!check_legacy_headline(report, findings)) {
        check_bobot(report, findings);
        check_headline_vs_unsur(report, findings);
    }
    check_ikm_vs_unit(report, findings);
    check_mutu(report, findings);
    check_capaian(report, findings);
    return findings;
}

}  // namespace skm::scoring
