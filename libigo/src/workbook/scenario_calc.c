/* The scenario workbook's Berekening: each driver's effect per scenario (an override, or the
 * MIN / AVERAGE of its studies' corrected effects, or 0), the potentials and the impacts, each
 * ROUND to cents of the same expression the core computes. */
#include "scenario_wb.h"

static void effects(sc_wb *s)
{
    wb *w = &s->w;
    const sc_text *t = s->t;
    const int row = s->at.effects;
    const char *head[] = {t->driver, t->scenario[0], t->scenario[1], t->scenario[2]};
    igoi_wb_string(w, SC_CALC, row - 2, 0, t->effects, w->f.bold);
    igoi_wb_header(w, SC_CALC, row - 1, 0, head, 4);
    for (size_t i = 0; i < s->driver_count; i++) {
        int r = row + (int)i;
        wb_ref studies =
            igoi_wb_range(w, SC_STUDIES, s->at.study_first[i], 4, s->at.study_last[i], 4);
        igoi_wb_string(w, SC_CALC, r, 0, s->set->drivers.v[i].id, w->f.text);
        for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++) {
            wb_ref given = igoi_wb_at(w, SC_STUDIES, s->at.overrides + (int)i, 1 + sc);
            double cached = igo_scenario_result_effects(s->result, (igo_scenario)sc)[i];
            if (sc == IGO_SCENARIO_CONSERVATIVE)
                igoi_wb_formula(w, SC_CALC, r, 1 + sc, w->f.pct, cached, "=IF(%s<>\"\",%s,0)",
                           given.s, given.s);
            else
                igoi_wb_formula(w, SC_CALC, r, 1 + sc, w->f.pct, cached, "=IF(%s<>\"\",%s,%s(%s))",
                           given.s, given.s, sc == IGO_SCENARIO_OPTIMISTIC ? "MIN" : "AVERAGE",
                           studies.s);
        }
    }
}

/* A block of driver rows x sector columns with a total column and a total row. */
static void block_frame(sc_wb *s, int row, const char *title)
{
    wb *w = &s->w;
    igoi_wb_string(w, SC_CALC, row - 2, 0, title, w->f.bold);
    igoi_wb_string(w, SC_CALC, row - 1, 0, s->t->driver, w->f.header);
    for (size_t c = 0; c < s->sector_count; c++)
        igoi_wb_string(w, SC_CALC, row - 1, 1 + (int)c, s->set->sectors.v[c].id, w->f.header);
    igoi_wb_string(w, SC_CALC, row - 1, 1 + (int)s->sector_count, s->t->total, w->f.header);
    for (size_t i = 0; i < s->driver_count; i++)
        igoi_wb_string(w, SC_CALC, row + (int)i, 0, s->set->drivers.v[i].id, w->f.text);
    igoi_wb_string(w, SC_CALC, row + (int)s->driver_count, 0, s->t->total, w->f.bold);
}

/* The total column and row of a block whose cells hold `cents` (driver_count x sector_count). */
static void block_totals(sc_wb *s, int row, const int64_t *cents)
{
    wb *w = &s->w;
    const int driver_count = (int)s->driver_count, sector_count = (int)s->sector_count;
    int64_t all = 0;
    for (int i = 0; i < driver_count; i++) {
        int64_t sum = 0;
        for (int c = 0; c < sector_count; c++)
            sum += cents[i * sector_count + c];
        all += sum;
        igoi_wb_formula(w, SC_CALC, row + i, 1 + sector_count, w->f.money_total, wb_eur(sum),
                        "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, row + i, 1, row + i, sector_count).s);
    }
    for (int c = 0; c <= sector_count; c++) {
        int64_t sum = 0;
        for (int i = 0; i < driver_count; i++)
            sum += c < sector_count ? cents[i * sector_count + c] : 0;
        igoi_wb_formula(w, SC_CALC, row + driver_count, 1 + c, w->f.money_total,
                        wb_eur(c < sector_count ? sum : all), "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, row, 1 + c, row + driver_count - 1, 1 + c).s);
    }
}

static void potentials(sc_wb *s)
{
    wb *w = &s->w;
    const int row = s->at.potentials, sector_count = (int)s->sector_count;
    const int64_t *potential = igo_scenario_result_potentials(s->result);
    block_frame(s, row, s->t->potentials);
    for (size_t i = 0; i < s->driver_count; i++)
        for (int c = 0; c < sector_count; c++)
            igoi_wb_formula(w, SC_CALC, row + (int)i, 1 + c, w->f.money,
                            wb_eur(potential[i * s->sector_count + (size_t)c]), "=ROUND(%s*%s,2)",
                            igoi_wb_at(w, SC_INPUT, s->at.drivers + (int)i, DRV_UNITS).s,
                            igoi_wb_at(w, SC_INPUT, s->at.drivers + (int)i, DRV_DELTA + c).s);
    block_totals(s, row, potential);
}

static void impacts(sc_wb *s, int sc)
{
    wb *w = &s->w;
    const int row = s->at.impact[sc], sector_count = (int)s->sector_count;
    const int64_t *impact = igo_scenario_result_impacts(s->result, (igo_scenario)sc);
    char title[160];
    snprintf(title, sizeof title, "%s: %s", s->t->impact, s->t->scenario[sc]);
    block_frame(s, row, title);
    for (size_t i = 0; i < s->driver_count; i++)
        for (int c = 0; c < sector_count; c++)
            igoi_wb_formula(w, SC_CALC, row + (int)i, 1 + c, w->f.money,
                            wb_eur(impact[i * s->sector_count + (size_t)c]), "=ROUND(%s*ABS(%s),2)",
                            igoi_wb_at(w, -1, s->at.potentials + (int)i, 1 + c).s,
                            igoi_wb_at(w, -1, s->at.effects + (int)i, 1 + sc).s);
    block_totals(s, row, impact);
}

void igoi_scenario_sheet_calc(sc_wb *s)
{
    wb *w = &s->w;
    igoi_wb_heading(w, SC_CALC, s->t->sheet[SC_CALC], s->t->sheet_about[SC_CALC]);
    effects(s);
    potentials(s);
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        impacts(s, sc);
    igoi_wb_width(w, SC_CALC, 0, 0, 30);
    igoi_wb_width(w, SC_CALC, 1, 1 + (int)s->sector_count, 18);
    igoi_wb_finish_sheet(w, SC_CALC, 2, 1);
}
