/* Wat als: the starting points (inputs, so that a user may paste other figures in) against the
 * figures the workbook computes now; per row the change in EUR and percent, and whether it is
 * material. A change is material when it is not 0 and reaches both thresholds (an empty one
 * counts as reached; the percentage also when the starting point is 0), as libigo.compare
 * decides. A starting point that is not a number, or a threshold that is not a number of 0 or
 * more, is named beside it and its figures show #N/A. */
#include <stdio.h>

#include "bonus_wb.h"
#include "whatif_wb.h"

enum { WHATIF = WB_WHATIF };

static wb_ref threshold(const wb *w, int k, int col)
{
    return igoi_wb_at(w, -1, w->at.wi.thresholds + k, col);
}

static void thresholds(wb *w)
{
    const wb_whatif_text *wt = w->wt;
    const int row = w->at.wi.thresholds;
    const double value[WH_ROWS] = {w->wi->threshold, w->wi->threshold_share};
    lxw_format *in[WH_ROWS] = {w->f.in_money, w->f.in_pct};
    igoi_wb_string(w, WHATIF, row - 2, 0, wt->thresholds_title, w->f.bold);
    igoi_wb_string(w, WHATIF, row - 1, 0, wt->thresholds_hint, w->f.subtitle);
    for (int k = 0; k < WH_ROWS; k++) {
        igoi_wb_string(w, WHATIF, row + k, 0, wt->threshold[k], w->f.text);
        if (value[k] > 0)
            igoi_wb_number(w, WHATIF, row + k, WH_VALUE, value[k], in[k]);
        else
            igoi_wb_blank(w, WHATIF, row + k, WH_VALUE, in[k]);
        wb_ref x = igoi_wb_rel(row + k, WH_VALUE);
        igoi_wb_formula_text(w, WHATIF, row + k, WH_CHECK, w->f.message, "",
                             "=IF(%s=\"\",\"\",IF(NOT(ISNUMBER(%s)),\"%s\",IF(%s<0,\"%s\",\"\")))",
                             x.s, x.s, wt->not_number, x.s, wt->negative);
    }
    igoi_wb_valid_number(w, WHATIF, row, WH_VALUE, row + WH_ROWS - 1, WH_VALUE);
}

/* Whether a change is material, as the cached value computes it. The share is compared to 10
 * decimals on both sides (ROUND(...; 10)): a change exactly on the threshold (EUR 0.13 of 10.00
 * against 1.3 %) is then material in every engine, whatever the last bits of the division. */
static int material(const wb_whatif *wi, int64_t before, int64_t change)
{
    int64_t size = change < 0 ? -change : change;
    if (!change || size < igo_round_cents_fast(wi->threshold))
        return 0;
    return !before || !wi->threshold_share ||
           igo_round((double)size / (double)(before < 0 ? -before : before), 10) >=
               igo_round(wi->threshold_share, 10);
}

/* A row's starting point (blank when not given), now (a formula, or 0 when now is NULL), change,
 * percentage, material (unless a total) and check. */
typedef struct row_figures {
    int64_t before, now;
    int given, with_material;
    const char *now_formula;
    lxw_format *money;
} row_figures;

/* The change as a fraction of the starting point's size; empty from 0, #N/A from a text. */
static void pct_cell(wb *w, int r, int64_t before, int64_t change)
{
    wb_ref b = igoi_wb_rel(r, WI_BEFORE), c = igoi_wb_rel(r, WI_CHANGE);
    const char *pct = "=IF(ISNUMBER(%s),IF(%s=0,\"\",%s/ABS(%s)),IF(%s=\"\",\"\",NA()))";
    if (before)
        igoi_wb_formula(w, WHATIF, r, WI_PCT, w->f.pct2,
                        (double)change / (double)(before < 0 ? -before : before), pct, b.s, b.s,
                        c.s, b.s, b.s);
    else
        igoi_wb_formula_text(w, WHATIF, r, WI_PCT, w->f.pct2, "", pct, b.s, b.s, c.s, b.s, b.s);
}

/* "ja" when the change is material; #N/A while a threshold's check fails. (Excel's AND and OR
 * evaluate every argument: the division is behind an IF.) */
static void material_cell(wb *w, int r, int64_t before, int64_t change)
{
    wb_ref b = igoi_wb_rel(r, WI_BEFORE), c = igoi_wb_rel(r, WI_CHANGE);
    wb_ref e = threshold(w, WH_EUR, WH_VALUE), s = threshold(w, WH_SHARE, WH_VALUE);
    const char *yes = w->wt->yes;
    igoi_wb_formula_text(
        w, WHATIF, r, WI_MATERIAL, w->f.bold, material(w->wi, before, change) ? yes : "",
        "=IF(AND(%s=\"\",%s=\"\"),IF(AND(%s<>0,OR(%s=\"\",ABS(%s)>=ROUND(%s,2)),OR(%s=\"\","
        "IF(ISNUMBER(%s),IF(%s=0,TRUE(),ROUND(ABS(%s/%s),10)>=ROUND(%s,10)),TRUE()))),\"%s\","
        "\"\"),NA())",
        threshold(w, WH_EUR, WH_CHECK).s, threshold(w, WH_SHARE, WH_CHECK).s, c.s, e.s, c.s, e.s,
        s.s, b.s, b.s, c.s, b.s, s.s, yes);
}

static void compare_row(wb *w, int r, const row_figures *x)
{
    if (x->given)
        igoi_wb_number(w, WHATIF, r, WI_BEFORE, wb_eur(x->before), w->f.in_money);
    else
        igoi_wb_blank(w, WHATIF, r, WI_BEFORE, w->f.in_money);
    if (x->now_formula)
        igoi_wb_result(w, WHATIF, r, WI_NOW, x->money, wb_eur(x->now), 1, "=%s", x->now_formula);
    else
        igoi_wb_number(w, WHATIF, r, WI_NOW, 0, x->money);
    wb_ref b = igoi_wb_rel(r, WI_BEFORE), n = igoi_wb_rel(r, WI_NOW);
    const int64_t change = x->now - x->before;
    igoi_wb_formula(w, WHATIF, r, WI_CHANGE, x->money, wb_eur(change),
                    "=IF(ISNUMBER(%s),ROUND(%s-%s,2),IF(%s=\"\",ROUND(%s,2),NA()))", b.s, n.s, b.s,
                    b.s, n.s);
    pct_cell(w, r, x->before, change);
    if (x->with_material)
        material_cell(w, r, x->before, change);
    igoi_wb_formula_text(w, WHATIF, r, WI_CHECK, w->f.message, "",
                         "=IF(OR(%s=\"\",ISNUMBER(%s)),\"\",\"%s\")", b.s, b.s,
                         w->wt->not_number);
}

static void totals(wb *w)
{
    const wb_whatif_text *wt = w->wt;
    const wb_layout *at = &w->at;
    const int row = at->wi.totals, in = at->results.income;
    const char *head[] = {"", "", wt->before, wt->now, wt->change, wt->pct, "", wt->check};
    igoi_wb_table_title(w, WHATIF, row, wt->totals_title, head, 8);
    wb_ref refs[WT_ROWS] = {
        igoi_wb_at(w, WB_RESULTS, in, 1), igoi_wb_range(w, WB_RESULTS, in + 1, 1, in + 3, 1),
        igoi_wb_at(w, WB_RESULTS, in + 4, 1), igoi_wb_at(w, WB_RESULTS, in + 5, 1),
        igoi_wb_at(w, WB_BONUS, at->bn.figures + BF_PAID, BF_COL)};
    int64_t now[WT_ROWS];
    igoi_wb_whatif_totals(w->r, now);
    for (int k = 0; k < WT_ROWS; k++) {
        char formula[300];
        snprintf(formula, sizeof formula, k == WT_COSTS ? "ROUND(SUM(%s),2)" : "%s", refs[k].s);
        igoi_wb_string(w, WHATIF, row + k, WI_ID, wt->totals[k], w->f.text);
        row_figures x = {w->wi->totals[k], now[k], 1, 0, formula, w->f.money};
        compare_row(w, row + k, &x);
    }
}

/* Where row i of a level is on the sheets: its id, its name, its figure now. */
static void live_refs(const wb *w, int l, int i, wb_ref *id, wb_ref *name, wb_ref *now)
{
    const wb_layout *at = &w->at;
    if (l == WI_PROVIDERS) {
        *id = igoi_wb_at(w, WB_SPLIT_IN, at->split_in.providers + i, 0);
        *name = igoi_wb_at(w, WB_SPLIT_IN, at->split_in.providers + i, PROV_NAME);
        *now = igoi_wb_at(w, WB_BONUS, at->bn.values + i, bv_col(w, BV_TOTAL));
    } else if (l == WI_DISCIPLINES) {
        *id = igoi_wb_at(w, WB_SPLIT_IN, at->split_in.key - 1, KEY_PCT + i);
        *name = igoi_wb_at(w, WB_RESULTS, at->results.disciplines + i, 0);
        *now = igoi_wb_at(w, WB_RESULTS, at->results.disciplines + i, 1);
    } else {
        *id = igoi_wb_at(w, WB_CARE_IN, at->care_in.prestaties + i, 0);
        *name = igoi_wb_at(w, WB_CARE_IN, at->care_in.prestaties + i, 1);
        *now = igoi_wb_at(w, WB_CALC, at->calc.income + i, 5);
    }
}

/* The model's id and name of row i of a level ("" for a spare row). */
static void own_texts(const wb *w, int l, size_t i, const char **id, const char **name)
{
    const igo_model *m = w->m;
    *id = *name = "";
    if (l == WI_PROVIDERS && i < m->providers.n)
        *id = m->providers.v[i].id, *name = m->providers.v[i].name;
    else if (l == WI_DISCIPLINES)
        *id = m->disciplines.v[i].id, *name = m->disciplines.v[i].label;
    else if (l == WI_PRESTATIES)
        *id = m->prestaties.v[i].code, *name = m->prestaties.v[i].label;
}

/* Row i of a level at sheet row r; returns its figure now (cents). */
static int64_t level_row(wb *w, int l, size_t i, int r)
{
    const wb_whatif *wi = w->wi;
    const size_t own = wi->rows[l] - wi->extra[l];
    const int real = l != WI_PROVIDERS || i < w->m->providers.n;
    row_figures x = {wi->before[l][i], 0, wi->given[l][i], 1, NULL,
                     real ? w->f.money : w->f.money_quiet};
    if (i >= own) {
        /* The name, at most 240 bytes of it (a cell holds 32767 characters), and the mark. */
        const char *given = wi->extra_name[l][i - own];
        char name[400];
        snprintf(name, sizeof name, "%.*s%s", (int)igoi_utf8_fit(given, 240), given,
                 w->wt->only_baseline);
        igoi_wb_string(w, WHATIF, r, WI_ID, wi->extra_id[l][i - own], w->f.text);
        igoi_wb_string(w, WHATIF, r, WI_NAME, name, w->f.text);
        compare_row(w, r, &x);
        return 0;
    }
    wb_ref id, label, now;
    live_refs(w, l, (int)i, &id, &label, &now);
    const char *own_id, *own_name;
    own_texts(w, l, i, &own_id, &own_name);
    igoi_wb_formula_text(w, WHATIF, r, WI_ID, w->f.text, own_id, "=IF(%s=\"\",\"\",%s)", id.s,
                         id.s);
    igoi_wb_formula_text(w, WHATIF, r, WI_NAME, w->f.text, own_name, "=IF(%s=\"\",\"\",%s)",
                         label.s, label.s);
    x.now = real ? igoi_wb_whatif_figure(w->r, l, i) : 0;
    x.now_formula = now.s;
    compare_row(w, r, &x);
    return x.now;
}

static void level(wb *w, int l)
{
    const wb_whatif_text *wt = w->wt;
    const wb_whatif *wi = w->wi;
    const wb_text *t = w->t;
    const int row = w->at.wi.level[l], rows = (int)wi->rows[l];
    const char *first[WI_LEVELS] = {t->prov_id, t->prov_discipline, t->code};
    const char *second[WI_LEVELS] = {t->prov_name, t->label, t->label};
    const char *head[] = {first[l],   second[l], wt->before,   wt->now,
                          wt->change, wt->pct,   wt->material, wt->check};
    igoi_wb_table_title(w, WHATIF, row, wt->level_title[l], head, 8);
    int64_t sum[2] = {0, 0};
    for (int i = 0; i < rows; i++) {
        sum[1] += level_row(w, l, (size_t)i, row + i);
        sum[0] += wi->before[l][i];
    }
    igoi_wb_string(w, WHATIF, row + rows, WI_ID, t->total, w->f.bold);
    const int cols[] = {WI_BEFORE, WI_NOW, WI_CHANGE};
    const double cached[] = {wb_eur(sum[0]), wb_eur(sum[1]), wb_eur(sum[1] - sum[0])};
    for (int k = 0; k < 3; k++)
        igoi_wb_formula(w, WHATIF, row + rows, cols[k], w->f.money_total, cached[k],
                        "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, row, cols[k], row + rows - 1, cols[k]).s);
    pct_cell(w, row + rows, sum[0], sum[1] - sum[0]);
}

void igoi_wb_sheet_whatif(wb *w)
{
    igoi_wb_heading(w, WHATIF, w->wt->title, w->wt->hint);
    igoi_wb_check_line(w, WHATIF);
    igoi_wb_string(w, WHATIF, 3, 0, w->wt->baseline_hint, w->f.subtitle);
    thresholds(w);
    totals(w);
    for (int l = 0; l < WI_LEVELS; l++)
        level(w, l);
    /* As wide as the results sheet, so that it prints as large; each explanation fits it. */
    igoi_wb_width(w, WHATIF, WI_ID, WI_ID, 14);
    igoi_wb_width(w, WHATIF, WI_NAME, WI_NAME, 28);
    igoi_wb_width(w, WHATIF, WI_BEFORE, WI_CHANGE, 14);
    igoi_wb_width(w, WHATIF, WI_PCT, WI_MATERIAL, 10);
    igoi_wb_width(w, WHATIF, WI_CHECK, WI_CHECK, 22);
    igoi_wb_finish_sheet(w, WHATIF, 3, 2);
}
