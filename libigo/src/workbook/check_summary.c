/* The checks on the output side: the look-ups on Berekening that the check columns need, the
 * summary at the top of Uitkomsten verdeling with its total (the defined name Controle), the
 * check line at the top of every other sheet, and result formulas that show #N/A while a check
 * fails. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

enum { RESULTS = WB_RESULTS, CALC = WB_CALC, CARE_IN = WB_CARE_IN, SPLIT_IN = WB_SPLIT_IN };

/* ---- Berekening: what the checks look up ---- */

static void calc_title(wb *w, int row, const char *text, const char *const *head, int n)
{
    igoi_wb_string(w, CALC, row - 2, 0, text, w->f.bold);
    igoi_wb_header(w, CALC, row - 1, 0, head, (size_t)n);
}

/* Per prestatie: its history lines, and the first discipline with money but no volume (found
 * in a grid of 1 = money without volume, prestatie x discipline). */
static void prestatie_lookups(wb *w)
{
    const wb_layout *at = &w->at;
    const int prestatie_count = (int)at->prestatie_count;
    const int discipline_count = (int)at->discipline_count;
    int hist_last = at->split_in.history + (int)at->history_rows - 1;
    wb_ref h_prestatie = igoi_wb_range(w, SPLIT_IN, at->split_in.history, HIST_PRESTATIE_USED,
                                       hist_last, HIST_PRESTATIE_USED);
    const char *head[] = {w->t->code, w->t->hist_title, w->t->chk.names[CHK_KEYS]};
    calc_title(w, at->calc.check_prestaties, w->t->chk.title, head, 3);
    igoi_wb_string(w, CALC, at->calc.check_grid - 2, 0, w->t->chk.names[CHK_KEYS], w->f.bold);
    igoi_wb_string(w, CALC, at->calc.check_grid - 1, 0, w->t->code, w->f.header);
    for (int d = 0; d < discipline_count; d++)
        igoi_wb_string(w, CALC, at->calc.check_grid - 1, 1 + d, w->m->disciplines.v[d].id,
                       w->f.header);
    for (int p = 0; p < prestatie_count; p++) {
        int r = at->calc.check_prestaties + p, g = at->calc.check_grid + p;
        size_t lines = 0;
        for (size_t i = 0; i < w->m->history.n; i++)
            lines += w->m->history.v[i].prestatie == (size_t)p;
        igoi_wb_string(w, CALC, r, 0, w->m->prestaties.v[p].code, w->f.text);
        igoi_wb_string(w, CALC, g, 0, w->m->prestaties.v[p].code, w->f.text);
        igoi_wb_formula_array(w, CALC, r, 1, w->f.index, (double)lines,
                              "=SUMPRODUCT(EXACT(%s,%s)*1)", h_prestatie.s,
                              igoi_wb_at(w, -1, r, 0).s);
        igoi_wb_formula(w, CALC, r, 2, w->f.index, 0, "=IFERROR(MATCH(1,%s,0),0)",
                        igoi_wb_range(w, -1, g, 1, g, discipline_count).s);
        for (int d = 0; d < discipline_count; d++)
            igoi_wb_formula(w, CALC, g, 1 + d, w->f.index, 0, "=IF(AND(%s<>0,%s=0),1,0)",
                            igoi_wb_at(w, -1, at->calc.discipline_parts + p, 1 + d).s,
                            igoi_wb_at(w, -1, at->calc.volumes + d, 1 + p).s);
    }
}

/* Per provider row: how often its id occurs, and whether its discipline is one of the model's;
 * per history row: whether its discipline and its prestatie are. */
static void row_lookups(wb *w)
{
    const wb_layout *at = &w->at;
    const int discipline_count = (int)at->discipline_count;
    int prov_last = at->split_in.providers + (int)at->provider_rows - 1;
    wb_ref ids = igoi_wb_range(w, SPLIT_IN, at->split_in.providers, 0, prov_last, 0);
    wb_ref disciplines = igoi_wb_range(w, SPLIT_IN, at->split_in.key - 1, KEY_PCT,
                                       at->split_in.key - 1, KEY_PCT + discipline_count - 1);
    wb_ref codes = igoi_wb_range(w, CARE_IN, at->care_in.prestaties, 0,
                                 at->care_in.prestaties + (int)at->prestatie_count - 1, 0);
    const char *prov_head[] = {w->t->prov_id, w->t->chk.duplicate, w->t->prov_discipline};
    const char *hist_head[] = {w->t->hist_code, w->t->prov_discipline, "IG-prestatie",
                               w->t->class_title};
    const int class_first = at->class_in.table;
    wb_ref class_codes = igoi_wb_range(w, WB_CLASS_IN, class_first, CLASS_CODE,
                                       class_first + (int)at->class_rows - 1, CLASS_CODE);
    calc_title(w, at->calc.check_providers, w->t->chk.names[CHK_PROVIDERS], prov_head, 3);
    calc_title(w, at->calc.check_history, w->t->chk.names[CHK_HISTORY], hist_head, 4);
    for (int o = 0; o < (int)at->provider_rows; o++) {
        int r = at->calc.check_providers + o, in = at->split_in.providers + o;
        double used = (size_t)o < w->m->providers.n;
        wb_ref id = igoi_wb_at(w, SPLIT_IN, in, 0);
        igoi_wb_formula_text(w, CALC, r, 0, w->f.text, used ? w->m->providers.v[o].id : "",
                             "=IF(%s=\"\",\"\",%s)", id.s, id.s);
        igoi_wb_formula_array(w, CALC, r, 1, w->f.index, used,
                              "=IF(LEN(%s)=0,0,SUMPRODUCT(EXACT(%s,%s)*1))", id.s, ids.s, id.s);
        igoi_wb_formula_array(w, CALC, r, 2, w->f.index, used, "=SUMPRODUCT(EXACT(%s,%s)*1)",
                              disciplines.s, igoi_wb_at(w, SPLIT_IN, in, PROV_DISC).s);
    }
    for (int h = 0; h < (int)at->history_rows; h++) {
        int r = at->calc.check_history + h, in = at->split_in.history + h;
        double used = (size_t)h < w->m->history.n;
        wb_ref code = igoi_wb_at(w, SPLIT_IN, in, 0);
        igoi_wb_formula_text(w, CALC, r, 0, w->f.text, used ? w->m->history.v[h].code : "",
                             "=IF(%s=\"\",\"\",%s)", code.s, code.s);
        igoi_wb_formula_array(w, CALC, r, 1, w->f.index, used, "=SUMPRODUCT(EXACT(%s,%s)*1)",
                              disciplines.s, igoi_wb_at(w, SPLIT_IN, in, HIST_DISC_USED).s);
        igoi_wb_formula_array(w, CALC, r, 2, w->f.index, used, "=SUMPRODUCT(EXACT(%s,%s)*1)",
                              codes.s, igoi_wb_at(w, SPLIT_IN, in, HIST_PRESTATIE_USED).s);
        /* The row of the line's code in the classification (its first), 0 when not there. */
        igoi_wb_formula_array(w, CALC, r, 3, w->f.index,
                              used ? (double)igoi_wb_class_row(&w->classes,
                                                                 w->m->history.v[h].code)
                                   : 0,
                              "=IF(LEN(%s)=0,0,IFERROR(MATCH(TRUE,EXACT(%s,%s),0),0))", code.s,
                              class_codes.s, code.s);
    }
}

/* The reconciliation's message, beside its difference. */
static void reconcile_check(wb *w)
{
    const wb_check_at *at = &w->at.check[CHK_RECONCILE];
    char item[200];
    igoi_chk_literal(item, sizeof item, w->t->chk.names[CHK_RECONCILE]);
    chk_row c;
    igoi_chk_start(&c, item, NULL);
    igoi_chk_rule(&c, w->t->chk.not_reconciled, "ROUND(%s,2)<>0",
                  igoi_wb_rel(at->row1, at->col - 1).s);
    igoi_chk_write(w, &c, CALC, at->row1, at->col);
}

void igoi_wb_checks_calc(wb *w)
{
    prestatie_lookups(w);
    row_lookups(w);
    reconcile_check(w);
}

/* ---- the summary, Controle, and the results that hide while a check fails ---- */

static wb_ref controle(const wb *w, int sheet)
{
    return igoi_wb_at(w, sheet, w->at.results.checks + w->at.checks, 1);
}

wb_ref igoi_wb_controle(const wb *w, int sheet)
{
    return controle(w, sheet == RESULTS ? -1 : RESULTS);
}

static void summary_row(wb *w, int check)
{
    const wb_check_at *c = &w->at.check[check];
    const int row = w->at.results.checks + check;
    wb_ref messages = igoi_wb_range(w, c->sheet, c->row1, c->col, c->row2, c->col);
    igoi_wb_string(w, RESULTS, row, 0, w->t->chk.names[check], w->f.text);
    igoi_wb_formula_array(w, RESULTS, row, 1, w->f.fail, 0, "=SUM((LEN(%s)>0)*1)", messages.s);
    /* The sheet's row number of the first message, 0 when none (shown blank). */
    if (c->row1 == c->row2) /* (MATCH would take a one-cell array for a single value) */
        igoi_wb_formula(w, RESULTS, row, 2, w->f.index_quiet, 0, "=IF(LEN(%s)>0,%d,0)",
                        messages.s, c->row1 + 1);
    else
        igoi_wb_formula_array(w, RESULTS, row, 2, w->f.index_quiet, 0,
                              "=IFERROR(MATCH(1,(LEN(%s)>0)*1,0)+%d,0)", messages.s, c->row1);
    if (c->row1 == c->row2)
        igoi_wb_formula_text(w, RESULTS, row, 3, w->f.message, "", "=IF(%s=0,\"\",%s)",
                             igoi_wb_rel(row, 2).s, igoi_wb_at(w, c->sheet, c->row1, c->col).s);
    else
        igoi_wb_formula_text(w, RESULTS, row, 3, w->f.message, "",
                             "=IF(%s=0,\"\",INDEX(%s,%s-%d))", igoi_wb_rel(row, 2).s, messages.s,
                             igoi_wb_rel(row, 2).s, c->row1);
}

/* Red while the count in the cell is above 0. */
static void red_above_zero(wb *w, int sheet, int row1, int col, int row2)
{
    lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_CELL,
                                 .criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN,
                                 .value = 0, .format = w->f.red};
    igoi_wb_keep(w, worksheet_conditional_format_range(w->ws[sheet], (lxw_row_t)row1,
                                                       (lxw_col_t)col, (lxw_row_t)row2,
                                                       (lxw_col_t)col, &cf));
}

void igoi_wb_checks_summary(wb *w)
{
    const wb_check_text *t = &w->t->chk;
    const int row = w->at.results.checks;
    const char *head[] = {t->title, t->failing, t->row, t->first};
    igoi_wb_string(w, RESULTS, row - 2, 0, t->hint, w->f.subtitle);
    igoi_wb_header(w, RESULTS, row - 1, 0, head, 4);
    const int checks = w->at.checks;
    for (int check = 0; check < checks; check++)
        summary_row(w, check);
    igoi_wb_string(w, RESULTS, row + checks, 0, t->total, w->f.bold);
    igoi_wb_formula(w, RESULTS, row + checks, 1, w->f.fail, 0, "=SUM(%s)",
                    igoi_wb_range(w, -1, row, 1, row + checks - 1, 1).s);
    igoi_wb_name(w, "Controle", controle(w, RESULTS));
    red_above_zero(w, RESULTS, row, 1, row + checks);
}

/* The first message of the summary: IF(D6<>"",D6,IF(D7<>"",D7,...)). */
static void first_message(const wb *w, char *out, size_t size)
{
    size_t n = 0;
    for (int check = 0; check < w->at.checks && n < size; check++) {
        wb_ref m = igoi_wb_at(w, RESULTS, w->at.results.checks + check, 3);
        n += (size_t)snprintf(out + n, size - n, "IF(%s<>\"\",%s,", m.s, m.s);
    }
    if (n < size)
        n += (size_t)snprintf(out + n, size - n, "\"\"");
    for (int check = 0; check < w->at.checks && n < size; check++)
        n += (size_t)snprintf(out + n, size - n, ")");
}

void igoi_wb_check_line(wb *w, int sheet)
{
    char first[3000], see[200];
    first_message(w, first, sizeof first);
    igoi_chk_literal(see, sizeof see, w->t->chk.see);
    igoi_wb_string(w, sheet, 2, 0, w->t->chk.total, w->f.bold);
    igoi_wb_formula(w, sheet, 2, 1, w->f.fail, 0, "=%s", controle(w, RESULTS).s);
    igoi_wb_formula_text(w, sheet, 2, 2, w->f.message, "", "=IF(%s=0,\"\",%s&\" (\"&%s&\")\")",
                         igoi_wb_rel(2, 1).s, first, see);
    red_above_zero(w, sheet, 2, 1, 2);
}

void igoi_wb_result(wb *w, int sheet, int row, int col, lxw_format *f, double cached,
                    int zero_shows, const char *fmt, ...)
{
    char expr[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(expr, sizeof expr, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof expr)
        return igoi_wb_keep(w, LXW_ERROR_PARAMETER_VALIDATION);
    wb_ref total = igoi_wb_controle(w, sheet);
    const char *value = expr + (expr[0] == '=');
    if (zero_shows)
        igoi_wb_formula(w, sheet, row, col, f, cached, "=IF(OR(%s=0,%s=0),%s,NA())", total.s,
                        value, value);
    else
        igoi_wb_formula(w, sheet, row, col, f, cached, "=IF(%s=0,%s,NA())", total.s, value);
}
