/* Modeltoelichting: what the model does, one line per sheet with a hyperlink to it. */
#include "wb.h"

enum { INTRO = WB_INTRO };

void igoi_wb_sheet_intro(wb *w)
{
    const wb_text *t = w->t;
    igoi_wb_heading(w, INTRO, t->intro_title, w->m->name ? w->m->name : NULL);
    igoi_wb_name(w, "Regio", igoi_wb_range(w, INTRO, 1, 0, 1, 0)); /* the region's name */
    int row = 3;
    for (size_t i = 0; i < sizeof t->intro_lines / sizeof t->intro_lines[0]; i++)
        igoi_wb_string(w, INTRO, row++, 0, t->intro_lines[i], w->f.text);
    row++;
    const char *head[] = {t->intro_sheets, t->intro_kind, t->intro_about};
    igoi_wb_header(w, INTRO, row++, 0, head, 3);
    for (int s = 0; s < w->sheets; s++, row++) {
        igoi_wb_link(w, INTRO, row, 0, s);
        igoi_wb_string(w, INTRO, row, 1, t->sheet_kind[s], w->f.text);
        igoi_wb_string(w, INTRO, row, 2, t->sheet_about[s], w->f.note);
    }
    igoi_wb_string(w, INTRO, ++row, 0, t->legend, w->f.subtitle);
    igoi_wb_string(w, INTRO, ++row, 0, "libigo", w->f.subtitle);
    igoi_wb_string(w, INTRO, row, 1, igo_version(), w->f.subtitle);
    igoi_wb_width(w, INTRO, 0, 0, 34);
    igoi_wb_width(w, INTRO, 1, 1, 14);
    igoi_wb_width(w, INTRO, 2, 2, 100);
    igoi_wb_finish_sheet(w, INTRO, 2, 0);
    worksheet_activate(w->ws[INTRO]);
}
