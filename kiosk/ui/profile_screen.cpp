// Profil: one question per screen (jenis kelamin, umur, pendidikan,
// pekerjaan), all buttons, each with "Tidak menjawab".
#include "formats/response.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

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

}  // namespace

void draw_profile(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    const Question q = question_for(ctx.flow.profile_field());
    float y = area.margin + 16 * s;
    y += centered_text(ctx.fonts.small,
                       ctx.t("kiosk.profile.title") + " \xC2\xB7 " + std::to_string(ctx.flow.profile_step() + 1) + "/4",
                       area.margin, y, area.inner_width(), palette::kMuted);
    const std::string title = ctx.t(q.title_key);
    y += draw_title(ctx, area, y + 8 * s, title) + 32 * s;

    std::vector<std::string> labels;
    for (auto value : q.values) labels.push_back(ctx.t("kiosk.value." + std::string(value)));
    labels.push_back(ctx.t("kiosk.profile.skip"));
    const int columns = area.portrait() ? 2 : (labels.size() <= 3 ? 3 : 4);
    const int current = [&] {
        const std::string chosen = ctx.flow.profile_value(ctx.flow.profile_field());
        for (std::size_t i = 0; i < q.values.size(); ++i) {
            if (q.values[i] == chosen) return static_cast<int>(i);
        }
        return -1;
    }();
    const int tapped = draw_choice_grid(ctx, area, y, "profile_", labels, columns, 120 * s, current);
    if (tapped >= 0) {
        const std::string value = tapped < static_cast<int>(q.values.size()) ? std::string(q.values[tapped]) : "";
        ctx.flow.choose_profile(value);
    }
    std::string spoken = title;
    for (const auto& label : labels) spoken += ". " + label;
    draw_bottom_bar(ctx, area, spoken);
}

}  // namespace skm::kiosk::ui
