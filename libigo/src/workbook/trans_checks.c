/* The checks of Overgang: beside the limits, each year and each provider, a message naming the
 * first rule the row breaks. A year's rules include the core's refusals of that year (floors
 * above the pot, caps below it, a guarantee above a cap) read from its block on Berekening
 * overgang, and the sheet's own limit: a year that needs more rounds than the block holds. */
#include <stdio.h>

#include "check.h"
#include "trans_wb.h"

enum { TRANS = WB_TRANS, CALC = WB_TRANS_CALC };

static void limit_checks(wb *w)
{
    const wb_check_at *at = &w->at.check[CHK_TR_LIMITS];
    igoi_chk_header(w, CHK_TR_LIMITS);
    for (int r = at->row1; r <= at->row2; r++) {
        chk_row c;
        igoi_chk_start(&c, igoi_wb_rel(r, 0).s, NULL);
        igoi_chk_fraction(&c, w->t, igoi_wb_rel(r, 1).s, w->tt->percent);
        igoi_chk_write(w, &c, TRANS, r, at->col);
    }
}

/* The cell of year y's block: a row of its top, or of its totals. */
static wb_ref block_at(const wb *w, int y, int row, int col)
{
    return igoi_wb_at(w, CALC, tr_block(w, y) + row, col);
}

static wb_ref totals_at(const wb *w, int y, int col)
{
    return block_at(w, y, TB_ROWS + (int)w->at.provider_rows, col);
}

/* The rules of the year row's inputs. */
static void year_input_rules(wb *w, chk_row *c, int y, int r)
{
    const wb_trans_text *tt = w->tt;
    wb_ref year = igoi_wb_rel(r, TY_YEAR), share = igoi_wb_rel(r, TY_SHARE);
    igoi_chk_rule(c, tt->no_year, "LEN(%s)=0", year.s);
    igoi_chk_rule(c, tt->not_year, "IF(ISNUMBER(%s),OR(%s<>INT(%s),%s<1,%s>9999),TRUE)", year.s,
                  year.s, year.s, year.s, year.s);
    if (y > 0) {
        wb_ref before = igoi_wb_rel(r - 1, TY_YEAR);
        igoi_chk_rule(c, tt->year_gap, "LEN(%s)=0", before.s);
        igoi_chk_rule(c, tt->year_order, "IF(AND(ISNUMBER(%s),ISNUMBER(%s)),%s<=%s,FALSE)",
                      before.s, year.s, year.s, before.s);
    }
    igoi_chk_rule(c, tt->no_share, "LEN(%s)=0", share.s);
    igoi_chk_fraction(c, w->t, share.s, tt->share);
    igoi_chk_rule(c, tt->no_history_sum, "IF(ISNUMBER(%s),AND(%s>0,%s=0),FALSE)", share.s,
                  share.s, block_at(w, y, TB_SUMS, TF_HIST_SUM).s);
}

/* The rules of the year's outcome: what the core refuses, and the sheet's room for rounds. */
static void year_outcome_rules(wb *w, chk_row *c, int y)
{
    const wb_trans_text *tt = w->tt;
    wb_ref pot = block_at(w, y, TB_YEAR, TF_POT), first = totals_at(w, y, TC_S0);
    wb_ref floors = totals_at(w, y, TC_L), caps = totals_at(w, y, TC_U);
    wb_ref up = igoi_wb_at(w, -1, w->at.tr.limits + 1, 1);
    const int last = tr_block(w, y) + TB_ROWS + (int)w->at.provider_rows - 1;
    char message[1000], literal[400], amount[300];
    igoi_chk_literal(literal, sizeof literal, tt->guarantee_cap);
    snprintf(message, sizeof message, "%s&INDEX(%s,%s)", literal,
             igoi_wb_range(w, CALC, tr_block(w, y) + TB_ROWS, TC_ID, last, TC_ID).s, first.s);
    igoi_chk_rule_expr(c, message, "%s>0", first.s);
    snprintf(amount, sizeof amount, "%s-%s", floors.s, pot.s);
    igoi_chk_with_amounts(message, sizeof message, tt->floors_short, amount, NULL);
    igoi_chk_rule_expr(c, message, "%s>%s", floors.s, pot.s);
    snprintf(amount, sizeof amount, "%s-%s", pot.s, caps.s);
    igoi_chk_with_amounts(message, sizeof message, tt->caps_short, amount, NULL);
    igoi_chk_rule_expr(c, message, "AND(ISNUMBER(%s),%s<%s)", up.s, caps.s, pot.s);
    igoi_chk_rule(c, tt->more_rounds, "OR(%s=1,%s=1)",
                  block_at(w, y, TB_AGG, tc_round(w, w->at.tr.rounds - 1) + 1).s,
                  block_at(w, y, TB_AGG, tc_split(w, w->at.tr.splits - 1) + 2).s);
    igoi_chk_rule(c, tt->not_paid, "ROUND(%s-%s,2)<>0", totals_at(w, y, tc_paid(w)).s, pot.s);
}

static void year_checks(wb *w)
{
    const wb_check_at *at = &w->at.check[CHK_TR_YEARS];
    igoi_chk_header(w, CHK_TR_YEARS);
    for (int y = 0; at->row1 + y <= at->row2; y++) {
        int r = at->row1 + y;
        char item[400], empty[400];
        igoi_chk_item_or_row(item, sizeof item, w->t, r, TY_YEAR);
        igoi_chk_spare(w, empty, sizeof empty, r, TY_YEAR, TY_SHARE);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        year_input_rules(w, &c, y, r);
        year_outcome_rules(w, &c, y);
        igoi_chk_write(w, &c, TRANS, r, at->col);
    }
}

static void provider_checks(wb *w)
{
    const wb_trans_text *tt = w->tt;
    const wb_check_at *at = &w->at.check[CHK_TR_PROVIDERS];
    igoi_chk_header(w, CHK_TR_PROVIDERS);
    for (int r = at->row1; r <= at->row2; r++) {
        wb_ref id = igoi_wb_rel(r, TR_ID), hist = igoi_wb_rel(r, TR_HIST);
        wb_ref amounts = igoi_wb_range(w, -1, r, TR_HIST, r, TR_GUAR);
        char item[400], empty[400];
        igoi_chk_item_or_row(item, sizeof item, w->t, r, TR_ID);
        snprintf(empty, sizeof empty, "AND(LEN(%s)=0,COUNTA(%s)=0)", id.s, amounts.s);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, tt->without_provider, "LEN(%s)=0", id.s);
        igoi_chk_number(&c, w->t, hist.s, tt->history);
        igoi_chk_rule(&c, tt->no_history, "LEN(%s)=0", hist.s);
        igoi_chk_number(&c, w->t, igoi_wb_rel(r, TR_GUAR).s, tt->guarantee);
        igoi_chk_write(w, &c, TRANS, r, at->col);
    }
}

void igoi_wb_checks_trans(wb *w)
{
    limit_checks(w);
    year_checks(w);
    provider_checks(w);
}
