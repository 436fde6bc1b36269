/* The checks of Kwaliteitsbonussen: beside the pool, each indicator and each provider's values,
 * a message naming the first rule the row breaks. */
#include <stdio.h>

#include "bonus_wb.h"
#include "check.h"

enum { BONUS = WB_BONUS };

/* The pool: given one way, a number or a percentage, and not above the budget. */
static void pool_check(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_BN_POOL];
    const int r = at->row1, figures = w->at.bn.figures;
    wb_ref mode = igoi_wb_rel(r, BP_MODE), amount = igoi_wb_rel(r, BP_AMOUNT);
    wb_ref percent = igoi_wb_rel(r, BP_PERCENT);
    wb_ref pot = igoi_wb_at(w, -1, figures + BF_POT, BF_COL);
    wb_ref budget = igoi_wb_at(w, -1, figures + BF_BUDGET, BF_COL);
    igoi_chk_header(w, CHK_BN_POOL);
    chk_row c;
    igoi_chk_start(&c, igoi_wb_rel(r, BP_LABEL).s, NULL);
    igoi_chk_amount_or_percent(&c, t, mode.s, amount.s, percent.s);
    char message[1000];
    igoi_chk_with_amounts(message, sizeof message, w->bt->above_budget, pot.s, budget.s);
    igoi_chk_rule_expr(&c, message, "%s>%s", pot.s, budget.s);
    igoi_chk_write(w, &c, BONUS, r, at->col);
}

static void indicator_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_bonus_text *bt = w->bt;
    const wb_check_at *at = &w->at.check[CHK_BN_INDICATORS];
    igoi_chk_header(w, CHK_BN_INDICATORS);
    for (int r = at->row1; r <= at->row2; r++) {
        wb_ref id = igoi_wb_rel(r, BI_ID), target = igoi_wb_rel(r, BI_TARGET);
        wb_ref weight = igoi_wb_rel(r, BI_WEIGHT);
        char item[400], empty[400], message[200];
        igoi_chk_item_or_row(item, sizeof item, t, r, BI_ID);
        igoi_chk_spare(w, empty, sizeof empty, r, BI_ID, BI_WEIGHT);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, t->chk.no_id, "LEN(TRIM(%s))=0", id.s);
        igoi_chk_rule(&c, t->chk.duplicate, "%s>1", igoi_wb_rel(r, bv_col(w, BV_HELP)).s);
        igoi_chk_rule(&c, bt->no_target, "LEN(%s)=0", target.s);
        snprintf(message, sizeof message, t->chk.not_number, bt->target);
        igoi_chk_rule(&c, message, "NOT(ISNUMBER(%s))", target.s);
        igoi_chk_rule(&c, bt->no_better, "NOT(OR(EXACT(%s,\"%s\"),EXACT(%s,\"%s\")))",
                      igoi_wb_rel(r, BI_BETTER).s, bt->higher, igoi_wb_rel(r, BI_BETTER).s,
                      bt->lower);
        igoi_chk_rule(&c, bt->no_weight, "LEN(%s)=0", weight.s);
        igoi_chk_number(&c, t, weight.s, bt->weight);
        igoi_chk_write(w, &c, BONUS, r, at->col);
    }
}

/* A provider's values: numbers, on a provider's row, in a column with an indicator. */
static void value_checks(wb *w)
{
    const wb_bonus_text *bt = w->bt;
    const wb_check_at *at = &w->at.check[CHK_BN_VALUES];
    const int last = BV_VALUES + (int)w->at.bn.indicator_rows - 1;
    igoi_chk_header(w, CHK_BN_VALUES);
    for (int r = at->row1; r <= at->row2; r++) {
        wb_ref id = igoi_wb_rel(r, BV_ID);
        wb_ref values = igoi_wb_range(w, -1, r, BV_VALUES, r, last);
        char item[400], empty[400];
        igoi_chk_item_or_row(item, sizeof item, w->t, r, BV_ID);
        snprintf(empty, sizeof empty, "AND(LEN(%s)=0,COUNTA(%s)=0)", id.s, values.s);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, bt->without_provider, "LEN(%s)=0", id.s);
        igoi_chk_rule(&c, bt->not_number, "COUNTA(%s)>COUNT(%s)", values.s, values.s);
        igoi_chk_rule(&c, bt->without_indicator, "%s>0", igoi_wb_rel(r, bv_col(w, BV_HELP)).s);
        igoi_chk_write(w, &c, BONUS, r, at->col);
    }
}

void igoi_wb_checks_bonus(wb *w)
{
    pool_check(w);
    indicator_checks(w);
    value_checks(w);
}
