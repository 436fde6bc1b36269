/* The scenario workbook's explanation and input sheets: births, drivers with their volumes and
 * unit costs, the studies per driver and the overrides. */
#include <stdio.h>

#include "scenario_wb.h"

void igoi_scenario_sheet_intro(sc_wb *s)
{
    wb *w = &s->w;
    const sc_text *t = s->t;
    igoi_wb_heading(w, SC_INTRO, t->title, s->set->name);
    int row = 3;
    for (int i = 0; i < 4; i++)
        igoi_wb_string(w, SC_INTRO, row++, 0, t->intro[i], w->f.text);
    row++;
    for (int sheet = 0; sheet < SC_SHEETS; sheet++, row++) {
        igoi_wb_link(w, SC_INTRO, row, 0, sheet);
        igoi_wb_string(w, SC_INTRO, row, 1, t->sheet_about[sheet], w->f.text);
    }
    igoi_wb_string(w, SC_INTRO, row + 1, 0, t->legend, w->f.subtitle);
    igoi_wb_width(w, SC_INTRO, 0, 0, 30);
    igoi_wb_width(w, SC_INTRO, 1, 1, 100);
    igoi_wb_finish_sheet(w, SC_INTRO, 2, 0);
    worksheet_activate(w->ws[SC_INTRO]);
}

static void births_block(sc_wb *s)
{
    wb *w = &s->w;
    const sc_layout *at = &s->at;
    igoi_wb_string(w, SC_INPUT, at->national - 1, 0, s->t->births, w->f.bold);
    igoi_wb_string(w, SC_INPUT, at->national, 0, s->t->national_births, w->f.text);
    igoi_wb_number(w, SC_INPUT, at->national, 1, s->set->national_births, w->f.in_count);
    igoi_wb_string(w, SC_INPUT, at->region, 0, s->t->region_births, w->f.text);
    igoi_wb_number(w, SC_INPUT, at->region, 1, s->births, w->f.in_count);
    igoi_wb_valid_number(w, SC_INPUT, at->national, 1, at->region, 1);
    igoi_wb_string(w, SC_INPUT, at->share, 0, s->t->share, w->f.text);
    wb_ref region = igoi_wb_at(w, -1, at->region, 1), national = igoi_wb_at(w, -1, at->national, 1);
    igoi_wb_formula(w, SC_INPUT, at->share, 1, w->f.fraction, s->share, "=IF(%s>0,%s/%s,1)",
                    region.s, region.s, national.s);
}

static void driver_table(sc_wb *s)
{
    wb *w = &s->w;
    const igo_scenarios *set = s->set;
    const sc_text *t = s->t;
    const int row = s->at.drivers, sector_count = (int)s->sector_count;
    const char *head[] = {t->driver, t->label, t->volume, t->per_volume, t->own_volume,
                          t->volume_used, t->units};
    igoi_wb_string(w, SC_INPUT, row - 2, 0, t->drivers, w->f.bold);
    igoi_wb_string(w, SC_INPUT, row - 2, DRV_DELTA, t->deltas, w->f.bold);
    igoi_wb_header(w, SC_INPUT, row - 1, 0, head, 7);
    for (int c = 0; c < sector_count; c++)
        igoi_wb_string(w, SC_INPUT, row - 1, DRV_DELTA + c, set->sectors.v[c].id, w->f.header);
    for (size_t i = 0; i < s->driver_count; i++) {
        const sc_driver *d = &set->drivers.v[i];
        int r = row + (int)i;
        double used = igo_scenario_result_volumes(s->result)[i];
        igoi_wb_string(w, SC_INPUT, r, 0, d->id, w->f.text);
        igoi_wb_string(w, SC_INPUT, r, 1, d->label, w->f.text);
        igoi_wb_number(w, SC_INPUT, r, DRV_VOLUME, d->volume, w->f.in_count);
        igoi_wb_number(w, SC_INPUT, r, DRV_PER, d->per_volume, w->f.in_count);
        if (s->own && !isnan(s->own[i]))
            igoi_wb_number(w, SC_INPUT, r, DRV_OWN, used, w->f.in_count);
        else
            igoi_wb_blank(w, SC_INPUT, r, DRV_OWN, w->f.in_count);
        igoi_wb_formula(w, SC_INPUT, r, DRV_USED, w->f.count, used, "=IF(%s=\"\",%s*%s,%s)",
                   igoi_wb_rel(r, DRV_OWN).s, igoi_wb_rel(r, DRV_VOLUME).s,
                   igoi_wb_at(w, -1, s->at.share, 1).s, igoi_wb_rel(r, DRV_OWN).s);
        igoi_wb_formula(w, SC_INPUT, r, DRV_UNITS, w->f.count, used * d->per_volume, "=%s*%s",
                   igoi_wb_rel(r, DRV_USED).s, igoi_wb_rel(r, DRV_PER).s);
        for (int c = 0; c < sector_count; c++)
            igoi_wb_blank(w, SC_INPUT, r, DRV_DELTA + c, w->f.in_money);
    }
    for (size_t k = 0; k < set->deltas.n; k++) /* the last value per cell, as the core takes it */
        igoi_wb_number(w, SC_INPUT, row + (int)set->deltas.v[k].row,
                       DRV_DELTA + (int)set->deltas.v[k].col, set->deltas.v[k].value,
                       w->f.in_money);
    int last = row + (int)s->driver_count - 1;
    igoi_wb_valid_number(w, SC_INPUT, row, DRV_VOLUME, last, DRV_OWN);
}

void igoi_scenario_sheet_inputs(sc_wb *s)
{
    wb *w = &s->w;
    igoi_wb_heading(w, SC_INPUT, s->t->sheet[SC_INPUT], s->t->hint);
    births_block(s);
    driver_table(s);
    igoi_wb_width(w, SC_INPUT, 0, 0, 44);
    igoi_wb_width(w, SC_INPUT, 1, 1, 40);
    igoi_wb_width(w, SC_INPUT, 2, DRV_DELTA + (int)s->sector_count, 16);
    igoi_wb_finish_sheet(w, SC_INPUT, 2, 1);
}

/* An effect input: -100 % .. 100 %. */
static void valid_effect(wb *w, int sheet, int row1, int col1, int row2, int col2)
{
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_DECIMAL,
                             .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
                             .minimum_number = -1, .maximum_number = 1,
                             .error_message = "-100% .. 100%"};
    igoi_wb_keep(w, worksheet_data_validation_range(w->ws[sheet], (lxw_row_t)row1, (lxw_col_t)col1,
                                               (lxw_row_t)row2, (lxw_col_t)col2, &v));
}

static void overrides(sc_wb *s)
{
    wb *w = &s->w;
    const igo_scenarios *set = s->set;
    const int row = s->at.overrides;
    const char *head[] = {s->t->driver, s->t->scenario[0], s->t->scenario[1], s->t->scenario[2]};
    igoi_wb_string(w, SC_STUDIES, row - 2, 0, s->t->overrides, w->f.bold);
    igoi_wb_header(w, SC_STUDIES, row - 1, 0, head, 4);
    for (size_t i = 0; i < s->driver_count; i++) {
        igoi_wb_string(w, SC_STUDIES, row + (int)i, 0, set->drivers.v[i].id, w->f.text);
        for (int c = 0; c < IGO_SCENARIO_COUNT; c++)
            igoi_wb_blank(w, SC_STUDIES, row + (int)i, 1 + c, w->f.in_pct);
    }
    for (size_t k = 0; k < set->overrides.n; k++)
        igoi_wb_number(w, SC_STUDIES, row + (int)set->overrides.v[k].col,
                       1 + (int)set->overrides.v[k].row, set->overrides.v[k].value, w->f.in_pct);
    valid_effect(w, SC_STUDIES, row, 1, row + (int)s->driver_count - 1, 3);
}

void igoi_scenario_sheet_studies(sc_wb *s)
{
    wb *w = &s->w;
    const igo_scenarios *set = s->set;
    const sc_text *t = s->t;
    const char *head[] = {t->driver, t->study, t->effect, t->weight, t->corrected};
    igoi_wb_heading(w, SC_STUDIES, t->sheet[SC_STUDIES], t->hint);
    igoi_wb_string(w, SC_STUDIES, s->at.study_first[0] - 2, 0, t->studies, w->f.bold);
    igoi_wb_header(w, SC_STUDIES, s->at.study_first[0] - 1, 0, head, 5);
    for (size_t i = 0; i < s->driver_count; i++) {
        int r = s->at.study_first[i];
        for (size_t k = 0; k < set->studies.n; k++) {
            const sc_study *st = &set->studies.v[k];
            if (st->driver != i)
                continue;
            igoi_wb_string(w, SC_STUDIES, r, 0, set->drivers.v[i].id, w->f.text);
            igoi_wb_string(w, SC_STUDIES, r, 1, st->label, w->f.in_text);
            igoi_wb_number(w, SC_STUDIES, r, 2, st->effect, w->f.in_pct);
            igoi_wb_number(w, SC_STUDIES, r, 3, st->weight, w->f.in_pct);
            igoi_wb_formula(w, SC_STUDIES, r, 4, w->f.pct, st->effect * st->weight,
                            "=IF(OR(%s=\"\",%s=\"\"),\"\",%s*%s)", igoi_wb_rel(r, 2).s,
                            igoi_wb_rel(r, 3).s, igoi_wb_rel(r, 2).s, igoi_wb_rel(r, 3).s);
            r++;
        }
        for (; r <= s->at.study_last[i]; r++) { /* spare rows for more studies of this driver */
            igoi_wb_string(w, SC_STUDIES, r, 0, set->drivers.v[i].id, w->f.text);
            igoi_wb_blank(w, SC_STUDIES, r, 1, w->f.in_text);
            igoi_wb_blank(w, SC_STUDIES, r, 2, w->f.in_pct);
            igoi_wb_blank(w, SC_STUDIES, r, 3, w->f.in_pct);
            igoi_wb_formula_text(w, SC_STUDIES, r, 4, w->f.pct, "",
                            "=IF(OR(%s=\"\",%s=\"\"),\"\",%s*%s)", igoi_wb_rel(r, 2).s,
                            igoi_wb_rel(r, 3).s, igoi_wb_rel(r, 2).s, igoi_wb_rel(r, 3).s);
        }
    }
    int first = s->at.study_first[0], last = s->at.study_last[s->driver_count - 1];
    valid_effect(w, SC_STUDIES, first, 2, last, 2);
    igoi_wb_valid_fraction(w, SC_STUDIES, first, 3, last, 3);
    overrides(s);
    igoi_wb_width(w, SC_STUDIES, 0, 0, 24);
    igoi_wb_width(w, SC_STUDIES, 1, 1, 40);
    igoi_wb_width(w, SC_STUDIES, 2, 4, 18);
    igoi_wb_finish_sheet(w, SC_STUDIES, 2, 1);
}
