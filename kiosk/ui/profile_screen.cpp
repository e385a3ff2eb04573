// Profil: one question per screen (jenis kelamin, umur, pendidikan,
// pekerjaan), all buttons, each with "Tidak menjawab". The office's
// sub-options (formats/profile_options: Petani / Nelayan, Tidak sekolah…)
// are buttons of their own, each just before the official code it is
// counted under: one tap stores the code and the sub-option.
#include "formats/response.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace skm::kiosk::ui {
namespace {

struct Question {
    const char* title_key;
    std::vector<std::string_view> values;
};

Question question_for(ProfileField field) {
    auto list = [](const auto& vocabulary) { return std::vector<std::string_view>(vocabulary.begin(), vocabulary.end()); };
    switch (field) {
        case ProfileField::jenis_kelamin: return {"kiosk.profile.jenis_kelamin", list(formats::kJenisKelamin)};
        case ProfileField::umur: return {"kiosk.profile.umur", list(formats::kUmurBands)};
        case ProfileField::pendidikan: return {"kiosk.profile.pendidikan", list(formats::kPendidikan)};
        case ProfileField::pekerjaan: return {"kiosk.profile.pekerjaan", list(formats::kPekerjaan)};
    }
    return {"", {}};
}

// One button: the official code, and the sub-option's key ("" for the code itself).
struct Choice {
    std::string value;
    std::string detail;
    std::string label;
};

std::vector<Choice> choices_for(const ViewContext& ctx, const Question& q) {
    const auto& options = ctx.flow.profile_options(ctx.flow.profile_field());
    std::vector<Choice> choices;
    for (const auto value : q.values) {
        for (const auto& option : options) {
            if (option.code == value) choices.push_back({option.code, option.key, option.label.at(ctx.flow.language())});
        }
        choices.push_back({std::string(value), "", ctx.t("kiosk.value." + std::string(value))});
    }
    choices.push_back({"", "", ctx.t("kiosk.profile.skip")});
    return choices;
}

}  // namespace

void draw_profile(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    const Question q = question_for(ctx.flow.profile_field());
    float y = area.margin;
    y += draw_survey_progress(ctx, area, y);
    const std::string title = ctx.t(q.title_key);
    y += draw_title(ctx, area, y + 8 * s, title) + 28 * s;

    const auto choices = choices_for(ctx, q);
    std::vector<std::string> labels;
    for (const auto& c : choices) labels.push_back(c.label);
    const bool large = ctx.flow.large_text();
    const int columns = area.portrait() ? 2 : (labels.size() <= 3 ? 3 : (large ? 3 : 4));
    const int rows = static_cast<int>((labels.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    // The tiles share what lies between the title and the bottom bar (and its note).
    const float bottom = bottom_bar_top(ctx, area);
    const float tile_height =
        std::clamp((bottom - y - area.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), 88 * s, 120 * s);
    const int current = [&] {
        const std::string chosen = ctx.flow.profile_value(ctx.flow.profile_field());
        const std::string& detail = ctx.flow.profile_detail(ctx.flow.profile_field());
        for (std::size_t i = 0; i + 1 < choices.size(); ++i) {
            if (choices[i].value == chosen && choices[i].detail == detail) return static_cast<int>(i);
        }
        return -1;
    }();
    // "Tidak menjawab" (the last tile) is no answer: grey, like Kembali, so it is not taken for one.
    const int tapped = draw_choice_grid(ctx, area, y, "profile_", labels, columns, tile_height, current,
                                        static_cast<int>(labels.size()) - 1);
    if (tapped >= 0) ctx.flow.choose_profile(choices[static_cast<std::size_t>(tapped)].value, choices[static_cast<std::size_t>(tapped)].detail);
    std::string spoken = title;
    for (const auto& label : labels) spoken += ". " + label;
    draw_bottom_bar(ctx, area, spoken);
}

}  // namespace skm::kiosk::ui
