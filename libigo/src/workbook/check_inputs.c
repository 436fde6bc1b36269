/* The check column beside each input table: which rules each row must keep. */
#include <stdio.h>

#include "check.h"

enum { CARE_IN = WB_CARE_IN, SPLIT_IN = WB_SPLIT_IN, REGIO_IN = WB_REGIO_IN, CALC = WB_CALC };


/* The IGO costs given per prestatie: none above its income, and (on the first row, for the
 * whole column) their sum the costs' total. */
static void prestatie_costs_rules(wb *w, chk_row *c, int p, int r)
{
    const wb_text *t = w->t;
    const int first = w->at.care_in.prestaties;
    wb_ref given = igoi_wb_rel(r, CARE_COSTS);
    wb_ref column = igoi_wb_range(w, -1, first, CARE_COSTS,
                                  first + (int)w->at.prestatie_count - 1, CARE_COSTS);
    wb_ref total = igoi_wb_at(w, CALC, w->at.calc.costs + IGO_COST_COUNT, 1);
    /* (what Berekening charges: each amount rounded to cents, as the core adds them) */
    wb_ref charged = igoi_wb_at(w, CALC, w->at.calc.income + (int)w->at.prestatie_count, 3);
    igoi_chk_rule(c, t->chk.costs_above_income, "AND(ISNUMBER(%s),ROUND(%s,2)>%s)", given.s,
                  given.s, igoi_wb_at(w, CALC, w->at.calc.income + p, 1).s);
    if (p > 0)
        return;
    char message[1000];
    igoi_chk_with_amounts(message, sizeof message, t->chk.costs_sum, charged.s, total.s);
    igoi_chk_rule_expr(c, message, "AND(COUNT(%s)>0,ROUND(%s-%s,2)<>0)", column.s, charged.s,
                       total.s);
}

static void prestatie_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_PRESTATIES];
    igoi_chk_header(w, CHK_PRESTATIES);
    for (int p = 0; at->row1 + p <= at->row2; p++) {
        int r = at->row1 + p;
        chk_row c;
        igoi_chk_start(&c, igoi_wb_rel(r, 0).s, NULL);
        igoi_chk_number(&c, t, igoi_wb_rel(r, CARE_COUNT).s, t->count);
        igoi_chk_number(&c, t, igoi_wb_rel(r, CARE_TARIFF).s, t->tariff);
        igoi_chk_number(&c, t, igoi_wb_rel(r, CARE_COSTS).s, t->prestatie_costs);
        prestatie_costs_rules(w, &c, p, r);
        igoi_chk_rule(&c, t->chk.exceeds_income, "%s<0",
                      igoi_wb_at(w, CALC, w->at.calc.income + p, 5).s);
        igoi_chk_write(w, &c, CARE_IN, r, at->col);
    }
}

static void cost_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_COSTS];
    wb_ref income = igoi_wb_at(w, CALC, w->at.calc.income + (int)w->at.prestatie_count, 1);
    igoi_chk_header(w, CHK_COSTS);
    for (int k = 0; k < IGO_COST_COUNT; k++) {
        int r = at->row1 + k;
        wb_ref mode = igoi_wb_rel(r, COST_MODE), amount = igoi_wb_rel(r, COST_AMOUNT);
        wb_ref percent = igoi_wb_rel(r, COST_PERCENT);
        chk_row c;
        igoi_chk_start(&c, igoi_wb_rel(r, 0).s, NULL);
        igoi_chk_amount_or_percent(&c, t, mode.s, amount.s, percent.s);
        igoi_chk_rule(&c, t->chk.cost_no_income, "AND(%s>0,%s=0)",
                      igoi_wb_at(w, CALC, w->at.calc.costs + k, 1).s, income.s);
        igoi_chk_write(w, &c, CARE_IN, r, at->col);
    }
}

static void outside_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_OUTSIDE];
    const int last_flag = OUT_FLAGS + (int)w->at.prestatie_count - 1;
    igoi_chk_header(w, CHK_OUTSIDE);
    for (int j = 0; at->row1 + j <= at->row2; j++) {
        int r = at->row1 + j, calc_row = w->at.calc.outside_costs + j;
        char item[400], empty[400];
        wb_ref flags = igoi_wb_range(w, -1, r, OUT_FLAGS, r, last_flag);
        igoi_chk_item_or_row(item, sizeof item, t, r, 0);
        igoi_chk_spare(w, empty, sizeof empty, r, 0, last_flag);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, t->chk.no_label, "LEN(%s)=0", igoi_wb_rel(r, 0).s);
        igoi_chk_number(&c, t, igoi_wb_rel(r, OUT_COUNT).s, t->count);
        igoi_chk_number(&c, t, igoi_wb_rel(r, OUT_TARIFF).s, t->tariff);
        igoi_chk_numbers(&c, t, flags.s, t->outside_targets, 0);
        char message[200];
        snprintf(message, sizeof message, t->chk.not_flag, t->outside_targets);
        igoi_chk_rule(&c, message, "COUNT(%s)>COUNTIF(%s,0)+COUNTIF(%s,1)", flags.s, flags.s,
                      flags.s);
        igoi_chk_rule(&c, t->chk.no_target, "COUNTIF(%s,1)=0", flags.s);
        igoi_chk_rule(&c, t->chk.targets_no_income, "AND(%s>0,%s=0)",
                      igoi_wb_at(w, CALC, calc_row, 1).s, igoi_wb_at(w, CALC, calc_row, 2).s);
        igoi_chk_write(w, &c, CARE_IN, r, at->col);
    }
}

void igoi_wb_checks_care(wb *w)
{
    prestatie_checks(w);
    cost_checks(w);
    outside_checks(w);
}

/* ---- Invoertabblad - verdeling ---- */

/* (Its column has no header: the row above is the sheet's check line.) */
static void normalise_check(wb *w)
{
    const wb_check_at *at = &w->at.check[CHK_NORMALISE];
    chk_row c;
    igoi_chk_start(&c, igoi_wb_rel(at->row1, 0).s, NULL);
    igoi_chk_choice(&c, w->t, igoi_wb_rel(at->row1, KEY_SOURCE).s, w->t->yes, w->t->no);
    igoi_chk_write(w, &c, SPLIT_IN, at->row1, at->col);
}

/* The rules of a key row that depend on its source: direct percentages that add up (or are
 * scaled), history lines with money, and no history lines beside direct percentages. */
static void key_source_rules(wb *w, chk_row *c, int p, int r)
{
    const wb_text *t = w->t;
    const int discipline_count = (int)w->at.discipline_count;
    wb_ref source = igoi_wb_rel(r, KEY_SOURCE), sum = igoi_wb_rel(r, KEY_PCT + discipline_count);
    wb_ref pcts = igoi_wb_range(w, -1, r, KEY_PCT, r, KEY_PCT + discipline_count - 1);
    wb_ref norm = igoi_wb_at(w, -1, w->at.split_in.normalise, KEY_SOURCE);
    wb_ref lines = igoi_wb_at(w, CALC, w->at.calc.check_prestaties + p, 1);
    wb_ref money = igoi_wb_at(w, CALC, w->at.calc.key + p, 1);
    wb_ref distributable = igoi_wb_at(w, CALC, w->at.calc.income + p, 5);
    const char *direct = t->source_direct, *history = t->source_history;
    igoi_chk_rule(c, t->chk.key_history, "AND(EXACT(%s,\"%s\"),COUNTA(%s)>0)", source.s, history,
                  pcts.s);
    igoi_chk_rule(c, t->chk.key_conflict, "AND(EXACT(%s,\"%s\"),%s>0)", source.s, direct, lines.s);
    igoi_chk_rule(c, t->chk.key_zero, "AND(EXACT(%s,\"%s\"),COUNT(%s)>0,EXACT(%s,\"%s\"),%s<=0)",
                  source.s, direct, pcts.s, norm.s, t->yes, sum.s);
    igoi_chk_rule(c, t->chk.key_sum,
                  "AND(EXACT(%s,\"%s\"),COUNT(%s)>0,NOT(EXACT(%s,\"%s\")),ABS(%s-1)>0.000000001)",
                  source.s, direct, pcts.s, norm.s, t->yes, sum.s);
    igoi_chk_rule(c, t->chk.no_key, "AND(EXACT(%s,\"%s\"),COUNT(%s)=0,%s<>0)", source.s, direct,
                  pcts.s, distributable.s);
    igoi_chk_rule(c, t->chk.no_history_money, "AND(EXACT(%s,\"%s\"),%s=0,%s<>0)", source.s,
                  history, money.s, distributable.s);
}

/* Money for a discipline that no provider of it can take, the discipline named from the key's
 * header by the index Berekening looks up: "money for " & INDEX(names,1,i) & ", but ...". */
static void no_volume_rule(wb *w, chk_row *c, int p)
{
    const int discipline_count = (int)w->at.discipline_count;
    wb_ref first = igoi_wb_at(w, CALC, w->at.calc.check_prestaties + p, 2);
    wb_ref names = igoi_wb_range(w, -1, w->at.split_in.key - 1, KEY_PCT, w->at.split_in.key - 1,
                                 KEY_PCT + discipline_count - 1);
    const char *form = w->t->chk.no_volume, *hole = strstr(form, "%s");
    char before[240], after[240], message[1000];
    snprintf(message, sizeof message, "%.*s", (int)(hole - form), form);
    igoi_chk_literal(before, sizeof before, message);
    igoi_chk_literal(after, sizeof after, hole + 2);
    snprintf(message, sizeof message, "%s&INDEX(%s,1,%s)&%s", before, names.s, first.s, after);
    igoi_chk_rule_expr(c, message, "%s>0", first.s);
}

static void key_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_KEYS];
    const int discipline_count = (int)w->at.discipline_count;
    igoi_chk_header(w, CHK_KEYS);
    for (int p = 0; at->row1 + p <= at->row2; p++) {
        int r = at->row1 + p;
        chk_row c;
        igoi_chk_start(&c, igoi_wb_rel(r, 0).s, NULL);
        igoi_chk_choice(&c, t, igoi_wb_rel(r, KEY_SOURCE).s, t->source_direct, t->source_history);
        igoi_chk_numbers(&c, t,
                         igoi_wb_range(w, -1, r, KEY_PCT, r, KEY_PCT + discipline_count - 1).s,
                         t->percent, 1);
        key_source_rules(w, &c, p, r);
        no_volume_rule(w, &c, p);
        igoi_chk_write(w, &c, SPLIT_IN, r, at->col);
    }
}

static void provider_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_PROVIDERS];
    const int last = PROV_VOL + (int)w->at.prestatie_count - 1;
    igoi_chk_header(w, CHK_PROVIDERS);
    for (int o = 0; at->row1 + o <= at->row2; o++) {
        int r = at->row1 + o, calc_row = w->at.calc.check_providers + o;
        char item[400], empty[400];
        igoi_chk_item_or_row(item, sizeof item, t, r, 0);
        igoi_chk_spare(w, empty, sizeof empty, r, 0, last);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, t->chk.no_id, "LEN(%s)=0", igoi_wb_rel(r, 0).s);
        igoi_chk_rule(&c, t->chk.duplicate, "%s>1", igoi_wb_at(w, CALC, calc_row, 1).s);
        igoi_chk_rule(&c, t->chk.unknown_discipline, "%s=0", igoi_wb_at(w, CALC, calc_row, 2).s);
        igoi_chk_numbers(&c, t, igoi_wb_range(w, -1, r, PROV_VOL, r, last).s, t->prov_volumes, 0);
        igoi_chk_write(w, &c, SPLIT_IN, r, at->col);
    }
}

static void history_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_HISTORY];
    igoi_chk_header(w, CHK_HISTORY);
    for (int h = 0; at->row1 + h <= at->row2; h++) {
        int r = at->row1 + h, calc_row = w->at.calc.check_history + h;
        char item[400], empty[400];
        igoi_chk_item_or_row(item, sizeof item, t, r, 0);
        wb_ref count = igoi_wb_rel(r, HIST_COUNT), amount = igoi_wb_rel(r, HIST_AMOUNT);
        igoi_chk_spare(w, empty, sizeof empty, r, 0, HIST_PRESTATIE);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, t->chk.no_code, "LEN(%s)=0", igoi_wb_rel(r, 0).s);
        igoi_chk_number(&c, t, count.s, t->count);
        igoi_chk_number(&c, t, amount.s, t->hist_money);
        igoi_chk_rule(&c, t->chk.amount_no_count, "AND(ISNUMBER(%s),%s<>0,OR(LEN(%s)=0,%s=0))",
                      amount.s, amount.s, count.s, count.s);
        igoi_chk_rule(&c, t->chk.not_classified, "AND(%s=0,OR(LEN(%s)=0,LEN(%s)=0))",
                      igoi_wb_at(w, CALC, calc_row, 3).s, igoi_wb_rel(r, HIST_DISC).s,
                      igoi_wb_rel(r, HIST_PRESTATIE).s);
        igoi_chk_rule(&c, t->chk.unknown_discipline, "%s=0", igoi_wb_at(w, CALC, calc_row, 1).s);
        igoi_chk_rule(&c, t->chk.unknown_prestatie, "%s=0", igoi_wb_at(w, CALC, calc_row, 2).s);
        igoi_chk_write(w, &c, SPLIT_IN, r, at->col);
    }
}

/* A provider row's fixed part: numbers, on a provider's row; its discipline's fixed parts not
 * above its money, and enough of it left to charge this one to the cent (as Berekening finds). */
static void fixed_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_FIXED];
    igoi_chk_header(w, CHK_FIXED);
    for (int o = 0; at->row1 + o <= at->row2; o++) {
        const int r = at->row1 + o, calc = w->at.calc.fixed + o;
        wb_ref id = igoi_wb_rel(r, FX_ID);
        wb_ref inputs = igoi_wb_range(w, -1, r, FX_AMOUNT, r, FX_REDUCTION);
        wb_ref part = igoi_wb_at(w, CALC, calc, CF_PART);
        wb_ref fixed = igoi_wb_at(w, CALC, calc, CF_DISC_FIXED);
        wb_ref money = igoi_wb_at(w, CALC, calc, CF_DISC_MONEY);
        char item[400], empty[400], message[1000];
        igoi_chk_item_or_row(item, sizeof item, t, r, FX_ID);
        snprintf(empty, sizeof empty, "AND(LEN(%s)=0,COUNTA(%s)=0)", id.s, inputs.s);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, t->chk.fixed_without_provider, "LEN(%s)=0", id.s);
        igoi_chk_rule(&c, t->chk.fixed_no_amount, "AND(LEN(%s)=0,COUNTA(%s)>0)",
                      igoi_wb_rel(r, FX_AMOUNT).s, inputs.s);
        igoi_chk_number(&c, t, igoi_wb_rel(r, FX_AMOUNT).s, t->fixed_amount);
        igoi_chk_number(&c, t, igoi_wb_rel(r, FX_MIN).s, t->fixed_min);
        igoi_chk_fraction(&c, t, igoi_wb_rel(r, FX_REDUCTION).s, t->fixed_reduction);
        igoi_chk_with_amounts(message, sizeof message, t->chk.fixed_exceeds, fixed.s, money.s);
        igoi_chk_rule_expr(&c, message, "AND(%s>0,%s>%s)", part.s, fixed.s, money.s);
        igoi_chk_rule(&c, t->chk.fixed_short, "AND(%s>0,ROUND(%s,2)<0)", part.s,
                      igoi_wb_at(w, CALC, calc, CF_LEAST_LEFT).s);
        igoi_chk_write(w, &c, SPLIT_IN, r, at->col);
    }
}

void igoi_wb_checks_split(wb *w)
{
    normalise_check(w);
    key_checks(w);
    provider_checks(w);
    fixed_checks(w);
    history_checks(w);
}

/* ---- Invoertabblad - regiokenmerken ---- */

static void regio_checks(wb *w, int check)
{
    const wb_check_at *at = &w->at.check[check];
    igoi_chk_header(w, check);
    for (int r = at->row1; r <= at->row2; r++) {
        chk_row c;
        igoi_chk_start(&c, igoi_wb_rel(r, 0).s, NULL);
        igoi_chk_number(&c, w->t, igoi_wb_rel(r, 1).s, w->t->count);
        igoi_chk_write(w, &c, REGIO_IN, r, at->col);
    }
}

static void reason_checks(wb *w)
{
    const wb_text *t = w->t;
    const wb_check_at *at = &w->at.check[CHK_REASONS];
    igoi_chk_header(w, CHK_REASONS);
    for (int r = at->row1; r <= at->row2; r++) {
        char item[400], empty[400];
        igoi_chk_item_or_row(item, sizeof item, t, r, 0);
        igoi_chk_spare(w, empty, sizeof empty, r, 0, 1);
        chk_row c;
        igoi_chk_start(&c, item, empty);
        igoi_chk_rule(&c, t->chk.no_reason, "LEN(%s)=0", igoi_wb_rel(r, 0).s);
        igoi_chk_number(&c, t, igoi_wb_rel(r, 1).s, t->count);
        igoi_chk_write(w, &c, REGIO_IN, r, at->col);
    }
}

void igoi_wb_checks_regio(wb *w)
{
    regio_checks(w, CHK_REGIO_LINES);
    regio_checks(w, CHK_ADMISSIONS);
    reason_checks(w);
}
