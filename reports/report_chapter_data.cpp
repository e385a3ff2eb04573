#include "reports/report_chapter_data.hpp"

#include "formats/settings_table.hpp"
#include "store/response_store.hpp"
#include "store/settings.hpp"

namespace skm::reports {
namespace {

std::string text_setting(const store::ResponseStore& store, const formats::SettingSpec& spec) {
    return store::stored_setting(store, spec).value_or("");
}

}  // namespace

ChapterData gather_chapter_data(const store::ResponseStore& store, const scoring::ScoringScheme& scheme,
                                const std::optional<scoring::PeriodId>& period, scoring::Tally tally) {
    ChapterData data;
    data.tally = std::move(tally);
    data.signatory = {text_setting(store, formats::setting::kSignatoryTitle), text_setting(store, formats::setting::kSignatoryName),
                      text_setting(store, formats::setting::kSignatoryNip), text_setting(store, formats::setting::kSignatoryPlace)};
    data.office = {text_setting(store, formats::setting::kOfficeAddress), text_setting(store, formats::setting::kOfficeContact)};
    if (period) {
        const scoring::PeriodId before = scoring::previous_period(*period);
        const scoring::DateRange range = scoring::range_of(before);
        scoring::Tally previous(scheme.size());
        store.for_each({range.first, range.last, std::nullopt},
                       [&](const store::StoredRow& row) { previous.add(row.submission.response.answers); });
        if (previous.respondents() > 0) data.previous = PreviousPeriod{before, scoring::summarize(previous, scheme, {})};
    }
    return data;
}

}  // namespace skm::reports
