// One function per screen (one file each), called by draw_kiosk with the
// full-screen area. Each draws the flow's state and calls its events.
#pragma once

#include "kiosk/ui/view_context.hpp"

namespace skm::kiosk::ui {

struct Area {
    ImVec2 size;     // the whole display
    float margin;    // outer margin
    float gap;       // between buttons
    bool portrait() const { return size.y > size.x; }
    float inner_width() const { return size.x - 2 * margin; }
};

void draw_welcome(ViewContext& ctx, const Area& area);
// Over the welcome screen while ctx.phone_link shows a code ("Isi lewat HP").
void draw_phone_link(ViewContext& ctx, const Area& area);
void draw_layanan(ViewContext& ctx, const Area& area);
void draw_profile(ViewContext& ctx, const Area& area);
void draw_unsur(ViewContext& ctx, const Area& area);
void draw_saran(ViewContext& ctx, const Area& area);
void draw_thanks(ViewContext& ctx, const Area& area);
void draw_store_failed(ViewContext& ctx, const Area& area);
void draw_still_there(ViewContext& ctx, const Area& area);

// The bottom bar of survey screens: Back on the left, Read aloud on the right
// (speaking `spoken`), and an optional note in the middle.
void draw_bottom_bar(ViewContext& ctx, const Area& area, const std::string& spoken);
// Where a screen's content must end: above the bottom bar and its note.
float bottom_bar_top(ViewContext& ctx, const Area& area);

// "Langkah 3 dari 14" and a bar, left-aligned from y: the one progress of the
// whole survey (profile, every unsur, saran). Returns the height used.
float draw_survey_progress(ViewContext& ctx, const Area& area, float y);

// A screen's title centred across the area from y; returns the height used.
float draw_title(ViewContext& ctx, const Area& area, float y, const std::string& title);
// A message screen's title and its body below it (thanks, failed, still
// there), centred from y; returns the y below the body.
float draw_title_and_body(ViewContext& ctx, const Area& area, float y, const std::string& title,
                          const std::string& body);

// Tiles in a grid starting at y; returns the index tapped, or -1.
// `selected`: the tile drawn as chosen (a tile shown again after Back);
// `aside`: a tile that is not an answer ("Tidak menjawab"), drawn grey.
int draw_choice_grid(ViewContext& ctx, const Area& area, float y, const std::string& id_prefix,
                     const std::vector<std::string>& labels, int columns, float tile_height, int selected = -1,
                     int aside = -1);

}  // namespace skm::kiosk::ui
