/* Berekening's fixed parts, as run.c charges them: each provider row's part after its condition;
 * then, one provider row after the other, its discipline's money left per prestatie before it
 * (in cents, as the core weighs it), its part split over the prestaties pro rata to that (the
 * largest taking the rounding); and per prestatie and discipline the money left after them all,
 * which the volumes then split. Without fixed parts every part is 0 and the money left is the
 * discipline's. */
#include <stdlib.h>
#include <string.h>

#include "wb.h"

enum { CALC = WB_CALC, SPLIT_IN = WB_SPLIT_IN };

/* The provider o's fixed part charged to prestatie p (cents; 0 for a spare row). */
static int64_t part_of(const wb *w, size_t p, size_t o)
{
    return o < w->m->providers.n ? igo_result_fixed_parts(w->r)[p * w->m->providers.n + o] : 0;
}

/* Its discipline's money in prestatie p before provider o's part is charged (cents). */
static int64_t rest_before(const wb *w, size_t p, size_t o)
{
    return o < w->m->providers.n && w->fixed_before ? w->fixed_before[o * w->m->prestaties.n + p]
                                                    : 0;
}

int64_t igoi_wb_after_fixed(const wb *w, size_t p, size_t d)
{
    /* (NULL only when out of memory: the write fails on that, whatever is cached here) */
    return w->after_fixed ? w->after_fixed[p * w->m->disciplines.n + d] : 0;
}

/* w->fixed_before and w->after_fixed in one pass over the providers, as run.c charges them:
 * each discipline's money per prestatie, less each provider's part in turn. */
static int figures(wb *w)
{
    const igo_model *m = w->m;
    const size_t P = m->prestaties.n, D = m->disciplines.n, O = m->providers.n;
    w->fixed_before = calloc(O * P + 1, sizeof *w->fixed_before);
    w->after_fixed = calloc(P * D + 1, sizeof *w->after_fixed);
    if (!w->fixed_before || !w->after_fixed)
        return -1;
    memcpy(w->after_fixed, igo_result_disciplines(w->r), P * D * sizeof *w->after_fixed);
    for (size_t o = 0; o < O; o++)
        for (size_t p = 0; p < P; p++) {
            int64_t *left = &w->after_fixed[p * D + m->providers.v[o].discipline];
            w->fixed_before[o * P + p] = *left;
            *left -= part_of(w, p, o);
        }
    return 0;
}

static wb_ref fixed_at(const wb *w, int o, int col)
{
    return igoi_wb_at(w, -1, w->at.calc.fixed + o, col);
}

/* A column of the fixed block (or of one of its grids) over the provider rows from first to
 * last. */
static wb_ref rows_of(const wb *w, int block, int first, int last, int col)
{
    return igoi_wb_range(w, -1, block + first, col, block + last, col);
}

static void labels(wb *w, int row, int o)
{
    const igo_model *m = w->m;
    const int in = w->at.split_in.providers + o, used = (size_t)o < m->providers.n;
    const int cols[] = {0, PROV_NAME, PROV_DISC};
    const char *cached[] = {used ? m->providers.v[o].id : "", used ? m->providers.v[o].name : "",
                            used ? m->disciplines.v[m->providers.v[o].discipline].id : ""};
    for (int c = 0; c < 3; c++) {
        wb_ref at = igoi_wb_at(w, SPLIT_IN, in, cols[c]);
        igoi_wb_formula_text(w, CALC, row, c, w->f.text, cached[c], "=IF(%s=\"\",\"\",%s)", at.s,
                             at.s);
    }
}

/* Each provider's volume summed over the prestaties, to 15 digits as the core compares it (a
 * row of volumes per prestatie, one pass each). */
static double *volume_sums(const igo_model *m)
{
    const size_t O = m->providers.n;
    double *sum = calloc(O + 1, sizeof *sum), *row = calloc(O + 1, sizeof *row);
    unsigned char *given = calloc(O + 1, 1);
    if (!row || !given)
        free(sum), sum = NULL;
    for (size_t p = 0; sum && p < m->prestaties.n; p++) {
        igo_model_volume_row(m, p, row, given);
        for (size_t o = 0; o < O; o++)
            sum[o] += row[o];
    }
    for (size_t o = 0; sum && o < O; o++)
        sum[o] = igo_canonical(sum[o]);
    free(row), free(given);
    return sum;
}

/* A provider row: its part after the condition, and what the checks compare. */
static void part_row(wb *w, int o, const double *volume)
{
    const wb_layout *at = &w->at;
    const int r = at->calc.fixed + o, P = (int)at->prestatie_count, D = (int)at->discipline_count;
    const int in = at->split_in.fixed + o, vin = at->split_in.providers + o;
    const size_t O = w->m->providers.n;
    const int used = (size_t)o < O;
    labels(w, r, o);
    wb_ref volumes = igoi_wb_range(w, SPLIT_IN, vin, PROV_VOL, vin, PROV_VOL + P - 1);
    igoi_wb_formula(w, CALC, r, CF_VOLUME, w->f.count, used ? volume[o] : 0,
                    "=IF(SUM(%s)=0,0,ROUND(SUM(%s),14-INT(LOG10(ABS(SUM(%s))))))", volumes.s,
                    volumes.s, volumes.s);
    wb_ref amount = igoi_wb_at(w, SPLIT_IN, in, FX_AMOUNT), min = igoi_wb_at(w, SPLIT_IN, in, FX_MIN);
    wb_ref reduction = igoi_wb_at(w, SPLIT_IN, in, FX_REDUCTION);
    int64_t part = used && w->pl->fixed ? w->pl->fixed[o] : 0;
    igoi_wb_formula(w, CALC, r, CF_PART, used ? w->f.money : w->f.money_quiet, wb_eur(part),
                    "=IF(OR(LEN(%s)=0,NOT(ISNUMBER(%s))),0,IF(%s<=0,0,IF(OR(NOT(ISNUMBER(%s)),"
                    "%s>=%s),ROUND(%s,2),ROUND(%s*(1-IF(ISNUMBER(%s),%s,0)),2))))",
                    igoi_wb_rel(r, CF_ID).s, amount.s, amount.s, min.s,
                    igoi_wb_rel(r, CF_VOLUME).s, min.s, amount.s, amount.s, reduction.s,
                    reduction.s);
    wb_ref rest = igoi_wb_range(w, -1, at->calc.fixed_rest + o, 3, at->calc.fixed_rest + o,
                                2 + P);
    double best = -1, least = 0;
    int largest = 1;
    for (int p = 0; p < P; p++) {
        double before = (double)rest_before(w, (size_t)p, (size_t)o);
        double left = wb_eur(rest_before(w, (size_t)p, (size_t)o) - part_of(w, (size_t)p,
                                                                          (size_t)o));
        if (before > best)
            best = before, largest = p + 1;
        least = p == 0 || left < least ? left : least;
    }
    igoi_wb_formula(w, CALC, r, CF_LARGEST, w->f.index, largest, "=MATCH(MAX(%s),%s,0)", rest.s,
                    rest.s);
    const int rows = (int)at->provider_rows - 1;
    size_t d = used ? w->m->providers.v[o].discipline : 0;
    igoi_wb_formula_array(w, CALC, r, CF_DISC_FIXED, w->f.money,
                          used && w->pl->fixed_discipline ? wb_eur(w->pl->fixed_discipline[d]) : 0,
                          "=SUMPRODUCT(EXACT(%s,%s)*%s)",
                          rows_of(w, at->calc.fixed, 0, rows, CF_DISC).s,
                          igoi_wb_rel(r, CF_DISC).s, rows_of(w, at->calc.fixed, 0, rows, CF_PART).s);
    igoi_wb_formula_array(w, CALC, r, CF_DISC_MONEY, w->f.money,
                          used ? wb_eur(igo_result_discipline_totals(w->r)[d]) : 0,
                          "=SUMPRODUCT(EXACT(%s,%s)*%s)",
                          igoi_wb_range(w, -1, at->calc.discipline_parts - 1, 1,
                                        at->calc.discipline_parts - 1, D).s,
                          igoi_wb_rel(r, CF_DISC).s,
                          igoi_wb_range(w, -1, at->calc.discipline_parts + P, 1,
                                        at->calc.discipline_parts + P, D).s);
    igoi_wb_formula_array(w, CALC, r, CF_LEAST_LEFT, w->f.money, used ? least : 0,
                          "=MIN(%s/100-%s)", rest.s,
                          igoi_wb_range(w, -1, at->calc.fixed_parts + o, 3,
                                        at->calc.fixed_parts + o, 2 + P).s);
}

/* Provider row o, prestatie p: the money left before it, its rounded share and its part. */
static void grid_cells(wb *w, int o, int p, double whole)
{
    const wb_layout *at = &w->at;
    const int P = (int)at->prestatie_count, D = (int)at->discipline_count, c = 3 + p;
    const int rr = at->calc.fixed_rest + o, rd = at->calc.fixed_rounded + o;
    const int ra = at->calc.fixed_parts + o;
    wb_ref disc = fixed_at(w, o, CF_DISC), part = fixed_at(w, o, CF_PART);
    wb_ref names = igoi_wb_range(w, -1, at->calc.discipline_parts - 1, 1,
                                 at->calc.discipline_parts - 1, D);
    wb_ref money = igoi_wb_range(w, -1, at->calc.discipline_parts + p, 1,
                                 at->calc.discipline_parts + p, D);
    int64_t before = rest_before(w, (size_t)p, (size_t)o), fixed = part_of(w, (size_t)p, (size_t)o);
    if (o == 0)
        igoi_wb_formula_array(w, CALC, rr, c, w->f.index_quiet, (double)before,
                              "=ROUND(SUMPRODUCT(EXACT(%s,%s)*%s)*100,0)", names.s, disc.s,
                              money.s);
    else
        igoi_wb_formula_array(w, CALC, rr, c, w->f.index_quiet, (double)before,
                              "=ROUND(SUMPRODUCT(EXACT(%s,%s)*%s)*100,0)-ROUND(SUMPRODUCT(EXACT("
                              "%s,%s)*%s)*100,0)",
                              names.s, disc.s, money.s,
                              rows_of(w, at->calc.fixed, 0, o - 1, CF_DISC).s, disc.s,
                              rows_of(w, at->calc.fixed_parts, 0, o - 1, c).s);
    double f = (size_t)o < w->m->providers.n && w->pl->fixed ? wb_eur(w->pl->fixed[o]) : 0;
    wb_ref sum = igoi_wb_at(w, -1, rr, 3 + P);
    igoi_wb_formula(w, CALC, rd, c, w->f.money_quiet,
                    f > 0 && whole > 0 ? wb_eur(igo_round_cents_fast(f * (double)before / whole))
                                       : 0,
                    "=IF(AND(%s>0,%s>0),ROUND(%s*%s/%s,2),0)", part.s, sum.s, part.s,
                    igoi_wb_rel(rr, c).s, sum.s);
    igoi_wb_formula(w, CALC, ra, c, w->f.money_quiet, wb_eur(fixed),
                    "=ROUND(%s+IF(%d=%s,%s-SUM(%s),0),2)", igoi_wb_rel(rd, c).s, p + 1,
                    fixed_at(w, o, CF_LARGEST).s, part.s,
                    igoi_wb_range(w, -1, rd, 3, rd, 2 + P).s);
}

static void grid_row(wb *w, int o)
{
    const wb_layout *at = &w->at;
    const int P = (int)at->prestatie_count;
    const int rows[] = {at->calc.fixed_rest + o, at->calc.fixed_rounded + o,
                        at->calc.fixed_parts + o};
    for (int b = 0; b < 3; b++)
        labels(w, rows[b], o);
    int64_t whole = 0, total = 0;
    for (int p = 0; p < P; p++)
        whole += rest_before(w, (size_t)p, (size_t)o), total += part_of(w, (size_t)p, (size_t)o);
    for (int p = 0; p < P; p++)
        grid_cells(w, o, p, (double)whole);
    igoi_wb_formula(w, CALC, rows[0], 3 + P, w->f.index_quiet, (double)whole, "=SUM(%s)",
                    igoi_wb_range(w, -1, rows[0], 3, rows[0], 2 + P).s);
    igoi_wb_formula(w, CALC, rows[2], 3 + P, w->f.money_quiet, wb_eur(total), "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, rows[2], 3, rows[2], 2 + P).s);
}

/* Per prestatie and discipline: its money less every fixed part of its providers there. */
static void after_fixed(wb *w)
{
    const wb_layout *at = &w->at;
    const int P = (int)at->prestatie_count, D = (int)at->discipline_count;
    const int row = at->calc.after_fixed, last = (int)at->provider_rows - 1;
    igoi_wb_string(w, CALC, row - 2, 0, w->t->calc_after_fixed, w->f.bold);
    igoi_wb_string(w, CALC, row - 1, 0, w->t->code, w->f.header);
    for (int d = 0; d < D; d++)
        igoi_wb_string(w, CALC, row - 1, 1 + d, w->m->disciplines.v[d].id, w->f.header);
    for (int p = 0; p < P; p++) {
        igoi_wb_string(w, CALC, row + p, 0, w->m->prestaties.v[p].code, w->f.text);
        for (int d = 0; d < D; d++)
            igoi_wb_formula_array(w, CALC, row + p, 1 + d, w->f.money,
                                  wb_eur(igoi_wb_after_fixed(w, (size_t)p, (size_t)d)),
                                  "=ROUND(%s-SUMPRODUCT(EXACT(%s,%s)*%s),2)",
                                  igoi_wb_at(w, -1, at->calc.discipline_parts + p, 1 + d).s,
                                  rows_of(w, at->calc.fixed, 0, last, CF_DISC).s,
                                  igoi_wb_at(w, -1, row - 1, 1 + d).s,
                                  rows_of(w, at->calc.fixed_parts, 0, last, 3 + p).s);
    }
}

static void headers(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int P = (int)at->prestatie_count;
    const char *head[CF_COLUMNS] = {t->prov_id, t->prov_name, t->prov_discipline, t->fixed_part,
                                    t->largest, t->fixed_volume, t->fixed_discipline_total,
                                    t->fixed_discipline_money, t->fixed_least_left};
    igoi_wb_table_title(w, CALC, at->calc.fixed, t->calc_fixed_title, head, CF_COLUMNS);
    const int firsts[] = {at->calc.fixed_rest, at->calc.fixed_rounded, at->calc.fixed_parts};
    const char *titles[] = {t->calc_fixed_rest, t->calc_fixed_rounded, t->calc_fixed_parts};
    for (int b = 0; b < 3; b++) {
        igoi_wb_table_title(w, CALC, firsts[b], titles[b], head, 3);
        for (int p = 0; p < P; p++)
            igoi_wb_string(w, CALC, firsts[b] - 1, 3 + p, w->m->prestaties.v[p].code,
                           w->f.header);
        if (b != 1)
            igoi_wb_string(w, CALC, firsts[b] - 1, 3 + P, t->total, w->f.header);
    }
}

void igoi_wb_calc_fixed(wb *w)
{
    double *volume = volume_sums(w->m);
    if (!volume || figures(w)) {
        free(volume);
        return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    headers(w);
    for (int o = 0; o < (int)w->at.provider_rows; o++) {
        part_row(w, o, volume);
        grid_row(w, o);
    }
    free(volume);
    after_fixed(w);
}
