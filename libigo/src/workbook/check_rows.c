/* The checks beside the input tables: per row, one formula that gives "" while the row is right
 * and otherwise a message naming the row's prestatie, cost, provider or line and what is wrong.
 * Each rule mirrors a refusal of the core (or of the workbook reader), so that a mistake a user
 * makes in the spreadsheet shows there instead of giving a silently different figure.
 *
 * The formulas are plain (no array): every test of a range is COUNTA/COUNT/COUNTIF or a look-up
 * on Berekening, which each engine evaluates alike. IFERROR turns an error value anywhere (a
 * text typed into a number cell makes Berekening's figures #VALUE!) into a message too. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

void igoi_chk_literal(char *out, size_t size, const char *text)
{
    size_t n = 0;
    out[n++] = '"';
    for (; *text && n + 3 < size; text++) {
        if (*text == '"')
            out[n++] = '"';
        out[n++] = *text;
    }
    out[n++] = '"';
    out[n] = '\0';
}

void igoi_chk_start(chk_row *c, const char *item, const char *empty)
{
    c->n = 0;
    snprintf(c->item, sizeof c->item, "%s", item);
    snprintf(c->empty, sizeof c->empty, "%s", empty ? empty : "");
}

/* The next rule, its condition formatted; NULL when the row has all it can hold. */
static chk_rule *add_rule(chk_row *c, const char *fmt, va_list ap)
{
    if (c->n >= CHK_MAX_RULES)
        return NULL;
    chk_rule *r = &c->rule[c->n++];
    vsnprintf(r->cond, sizeof r->cond, fmt, ap);
    return r;
}

/* A rule whose message is an expression (for messages built from cells). */
void igoi_chk_rule_expr(chk_row *c, const char *message, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    chk_rule *r = add_rule(c, fmt, ap);
    va_end(ap);
    if (r)
        snprintf(r->message, sizeof r->message, "%s", message);
}

void igoi_chk_rule(chk_row *c, const char *message, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    chk_rule *r = add_rule(c, fmt, ap);
    va_end(ap);
    if (r)
        igoi_chk_literal(r->message, sizeof r->message, message);
}

/* A message with a column's header in it ("Aantal is geen getal"). */
static void rule_about(chk_row *c, const char *form, const char *header, const char *cond)
{
    char message[200];
    snprintf(message, sizeof message, form, header);
    igoi_chk_rule(c, message, "%s", cond);
}

void igoi_chk_number(chk_row *c, const wb_text *t, const char *cell, const char *header)
{
    char cond[300];
    snprintf(cond, sizeof cond, "AND(LEN(%s)>0,NOT(ISNUMBER(%s)))", cell, cell);
    rule_about(c, t->chk.not_number, header, cond);
    /* (Not N(cell)<0: Gnumeric's N of an empty cell is #NUM!.) */
    snprintf(cond, sizeof cond, "AND(ISNUMBER(%s),%s<0)", cell, cell);
    rule_about(c, t->chk.negative, header, cond);
}

void igoi_chk_fraction(chk_row *c, const wb_text *t, const char *cell, const char *header)
{
    char cond[300];
    snprintf(cond, sizeof cond, "AND(LEN(%s)>0,NOT(ISNUMBER(%s)))", cell, cell);
    rule_about(c, t->chk.not_number, header, cond);
    snprintf(cond, sizeof cond, "AND(ISNUMBER(%s),OR(%s<0,%s>1))", cell, cell, cell);
    rule_about(c, t->chk.not_fraction, header, cond);
}

void igoi_chk_numbers(chk_row *c, const wb_text *t, const char *range, const char *header,
                      int fractions)
{
    char cond[400];
    snprintf(cond, sizeof cond, "COUNTA(%s)>COUNT(%s)", range, range);
    rule_about(c, t->chk.not_number, header, cond);
    if (fractions) {
        snprintf(cond, sizeof cond, "COUNTIF(%s,\"<0\")+COUNTIF(%s,\">1\")>0", range, range);
        rule_about(c, t->chk.not_fraction, header, cond);
    } else {
        snprintf(cond, sizeof cond, "COUNTIF(%s,\"<0\")>0", range);
        rule_about(c, t->chk.negative, header, cond);
    }
}

void igoi_chk_amount_or_percent(chk_row *c, const wb_text *t, const char *mode,
                                const char *amount, const char *percent)
{
    igoi_chk_choice(c, t, mode, t->mode_amount, t->mode_percent);
    igoi_chk_rule(c, t->chk.mode_amount, "AND(EXACT(%s,\"%s\"),LEN(%s)>0)", mode, t->mode_amount,
                  percent);
    igoi_chk_rule(c, t->chk.mode_percent, "AND(EXACT(%s,\"%s\"),LEN(%s)>0)", mode,
                  t->mode_percent, amount);
    igoi_chk_number(c, t, amount, t->amount);
    igoi_chk_fraction(c, t, percent, t->percent);
}

/* A choice cell holding neither option (compared exactly, as the reader compares it). */
void igoi_chk_choice(chk_row *c, const wb_text *t, const char *cell, const char *a, const char *b)
{
    char message[200];
    snprintf(message, sizeof message, t->chk.choose, a, b);
    igoi_chk_rule(c, message, "NOT(OR(EXACT(%s,\"%s\"),EXACT(%s,\"%s\")))", cell, a, cell, b);
}

/* =IFERROR(IF(empty,"",IF(IFERROR(rule1,FALSE),item&": "&message1,IF(...,""))),item&": "&error)
 * A rule that cannot be evaluated (a figure it reads is an error value) is not broken: the
 * mistake that made the error is named by its own rule, not by every row the error reaches. */
void igoi_chk_write(wb *w, const chk_row *c, int sheet, int row, int col)
{
    char f[CHK_FORMULA_MAX], error[200];
    size_t n = 0;
    igoi_chk_literal(error, sizeof error, w->t->chk.error);
    n += (size_t)snprintf(f + n, sizeof f - n, "=IFERROR(");
    if (*c->empty)
        n += (size_t)snprintf(f + n, sizeof f - n, "IF(%s,\"\",", c->empty);
    for (int i = 0; i < c->n && n < sizeof f; i++)
        n += (size_t)snprintf(f + n, sizeof f - n, "IF(IFERROR(%s,FALSE),%s&\": \"&%s,",
                              c->rule[i].cond, c->item, c->rule[i].message);
    if (n < sizeof f)
        n += (size_t)snprintf(f + n, sizeof f - n, "\"\"");
    for (int i = 0; i < c->n + (*c->empty != 0) && n < sizeof f; i++)
        n += (size_t)snprintf(f + n, sizeof f - n, ")");
    if (n < sizeof f)
        n += (size_t)snprintf(f + n, sizeof f - n, ",%s&\": \"&%s)", c->item, error);
    if (n >= sizeof f) /* cannot happen with the rules above; refuse rather than cut a formula */
        return igoi_wb_keep(w, LXW_ERROR_PARAMETER_VALIDATION);
    igoi_wb_formula_text(w, sheet, row, col, w->f.message, "", "%s", f);
}

void igoi_chk_with_amounts(char *out, size_t size, const char *message, const char *a,
                           const char *b)
{
    char literal[400];
    igoi_chk_literal(literal, sizeof literal, message);
    if (b)
        snprintf(out, size, "%s&\" (EUR \"&FIXED(%s,2)&\" / \"&FIXED(%s,2)&\")\"", literal, a, b);
    else
        snprintf(out, size, "%s&\" (EUR \"&FIXED(%s,2)&\")\"", literal, a);
}

void igoi_chk_header(wb *w, int check)
{
    const wb_check_at *at = &w->at.check[check];
    igoi_wb_string(w, at->sheet, at->row1 - 1, at->col, w->t->chk.column, w->f.header);
}

void igoi_chk_item_or_row(char *out, size_t size, const wb_text *t, int row, int col)
{
    wb_ref cell = igoi_wb_rel(row, col);
    snprintf(out, size, "IF(%s=\"\",\"%s%d\",%s)", cell.s, t->chk.row_n, row + 1, cell.s);
}

void igoi_chk_spare(const wb *w, char *out, size_t size, int row, int col1, int col2)
{
    snprintf(out, size, "COUNTA(%s)=0", igoi_wb_range(w, -1, row, col1, row, col2).s);
}
