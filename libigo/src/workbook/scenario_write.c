/* igo_scenarios_workbook_write: compute the scenarios, lay out the six sheets, write them. */
#include <stdlib.h>

#include "scenario_wb.h"

static igo_error layout(const igo_scenarios *set, sc_wb *s)
{
    sc_layout *at = &s->at;
    at->study_first = calloc(s->driver_count + 1, sizeof *at->study_first);
    at->study_last = calloc(s->driver_count + 1, sizeof *at->study_last);
    if (!at->study_first || !at->study_last)
        return IGO_ERROR_MEMORY;
    at->national = 4, at->region = 5, at->share = 6, at->drivers = 10;
    int row = 5;
    for (size_t i = 0; i < s->driver_count;
         i++) { /* each driver's studies, then two rows to add more */
        int n = 0;
        for (size_t k = 0; k < set->studies.n; k++)
            n += set->studies.v[k].driver == i;
        at->study_first[i] = row;
        at->study_last[i] = row + n + 1;
        row += n + 2;
    }
    at->overrides = row + 3;
    const int driver_count = (int)s->driver_count, sector_count = (int)s->sector_count;
    at->effects = 5;
    at->potentials = at->effects + driver_count + 3;
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        at->impact[sc] = (sc ? at->impact[sc - 1] : at->potentials) + driver_count + 4;
    at->table = 5;
    at->by_driver = at->table + sector_count + 1 + 3;
    at->tornado = at->by_driver + driver_count + 1 + 3;
    at->phase = 5;
    at->year_rows = (int)s->year_count + 2;
    return IGO_OK;
}

static void fill(wb *w)
{
    sc_wb *s = (sc_wb *)w; /* the wb is the first member */
    void (*const sheets[])(sc_wb *) = {igoi_scenario_sheet_intro,   igoi_scenario_sheet_inputs,
                                       igoi_scenario_sheet_studies, igoi_scenario_sheet_calc,
                                       igoi_scenario_sheet_table,   igoi_scenario_sheet_phase};
    for (int k = 0; k < SC_SHEETS; k++) {
        w->done = (double)k / SC_SHEETS;
        sheets[k](s);
    }
}

igo_error igo_scenarios_workbook_write(igo_scenarios *set, const igo_scaling *scaling,
                                       const char *path, const igo_workbook_options *options)
{
    if (!set)
        return IGO_ERROR_ARGUMENT;
    if (!path || !*path)
        return igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT, "no file name for the workbook");
    if (set->drivers.n > 2000 || set->sectors.n > 2000 || set->studies.n > 100000)
        return igoi_fail(set->errmsg, IGO_ERROR_LIMIT, "a scenario workbook holds at most 2000 "
                        "drivers, 2000 sectors and 100000 studies (this set: %zu, %zu, %zu)",
                        set->drivers.n, set->sectors.n, set->studies.n);
    igo_scenario_result *r;
    sc_plan pl;
    igo_error e = igoi_scenario_compute(set, scaling, &r, &pl);
    if (e)
        return e;
    sc_wb *s = calloc(1, sizeof *s);
    if (s) {
        s->set = set, s->result = r, s->share = pl.share;
        s->w.t = igoi_wb_texts(options ? options->lang : IGO_LANG_NL);
        s->w.tk = igoi_ticker_start(set->progress);
        s->t = igoi_scenario_texts(options ? options->lang : IGO_LANG_NL);
        s->driver_count = set->drivers.n, s->sector_count = set->sectors.n;
        s->year_count = set->phases.n;
        s->births = scaling && scaling->births > 0 ? igo_canonical(scaling->births) : 0;
        s->own = scaling ? scaling->volumes : NULL;
        s->w.sheets = SC_SHEETS;
        for (int k = 0; k < SC_SHEETS; k++)
            s->w.sheet_name[k] = s->t->sheet[k];
        e = layout(set, s);
    }
    if (!s || e)
        e = igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    else
        e = igoi_wb_write_safely(&s->w, set->errmsg, path, fill);
    if (s)
        free(s->at.study_first), free(s->at.study_last);
    free(s);
    igoi_scenario_plan_free(&pl);
    igo_scenario_result_free(r);
    return e;
}
