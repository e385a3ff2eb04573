// Pilih layanan: large tiles from the configured list, in pages when the
// list is longer than the screen holds (no scrolling to discover on touch).
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace skm::kiosk::ui {

void draw_layanan(ViewContext& ctx, const Area& area) {
    const float s = ctx.scale;
    float y = area.margin + 16 * s;
    const std::string title = ctx.t("kiosk.layanan.title");
    y += draw_title(ctx, area, y, title) + 24 * s;

    const int columns = area.portrait() ? 2 : 3;
    const float tile_height = 112 * s;
    const float bar_top = bottom_bar_top(ctx, area);
    const int rows = std::max(1, static_cast<int>((bar_top - y + area.gap) / (tile_height + area.gap)));
    const auto& all = ctx.flow.layanan();
    const int per_page_full = rows * columns;
    const bool paged = static_cast<int>(all.size()) > per_page_full;
    const int per_page = paged ? per_page_full - 2 : per_page_full;  // two cells for the page buttons
    const int pages = std::max(1, (static_cast<int>(all.size()) + per_page - 1) / per_page);
    ctx.layanan_page = std::clamp(ctx.layanan_page, 0, pages - 1);
    const int first = ctx.layanan_page * per_page;
    const int count = std::min(per_page, static_cast<int>(all.size()) - first);

    std::vector<std::string> labels(all.begin() + first, all.begin() + first + count);
    const int tapped = draw_choice_grid(ctx, area, y, "layanan_", labels, columns, tile_height);
    if (tapped >= 0 && ctx.flow.choose_layanan(static_cast<std::size_t>(first + tapped))) ctx.layanan_page = 0;

    if (paged) {
        const float width = (area.inner_width() - area.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float last_y = y + static_cast<float>(rows - 1) * (tile_height + area.gap);
        ButtonStyle secondary{palette::kNeutral, palette::kText, nullptr, true};
        ImGui::SetCursorScreenPos(ImVec2(area.size.x - area.margin - 2 * width - area.gap, last_y));
        if (big_button(ctx, "page_prev", "\xE2\x80\xB9", ImVec2(width, tile_height), secondary) && ctx.layanan_page > 0) {
            --ctx.layanan_page;
        }
        ImGui::SetCursorScreenPos(ImVec2(area.size.x - area.margin - width, last_y));
        if (big_button(ctx, "page_next", "\xE2\x80\xBA", ImVec2(width, tile_height), secondary) &&
            ctx.layanan_page + 1 < pages) {
            ++ctx.layanan_page;
        }
    }
    std::string spoken = title;
    for (const auto& name : labels) spoken += ". " + name;
    draw_bottom_bar(ctx, area, spoken);
}

}  // namespace skm::kiosk::ui
