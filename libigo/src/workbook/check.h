/* Building the checks' formulas: a row's rules, each a condition and a message, become one
 * formula that names the row's item and the first rule it breaks. */
#ifndef IGO_WB_CHECK_H
#define IGO_WB_CHECK_H

#include "wb.h"

enum { CHK_MAX_RULES = 16, CHK_FORMULA_MAX = 8000 };

typedef struct chk_rule {
    char cond[480];    /* a formula condition: TRUE when the row breaks the rule */
    char message[1000]; /* a formula expression giving the message's text */
} chk_rule;

typedef struct chk_row {
    chk_rule rule[CHK_MAX_RULES];
    int n;
    char item[400];  /* an expression naming the row's item */
    char empty[400]; /* a condition under which the row is a spare one, or "" */
} chk_row;

/* A text as a formula's string literal: quoted, its quotes doubled. */
void igoi_chk_literal(char *out, size_t size, const char *text);
void igoi_chk_start(chk_row *c, const char *item, const char *empty);
/* A rule with a message text, or with a message expression. */
void igoi_chk_rule(chk_row *c, const char *message, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void igoi_chk_rule_expr(chk_row *c, const char *message, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The rules of an input cell: a number >= 0, or a fraction 0..1 (empty is allowed). */
void igoi_chk_number(chk_row *c, const wb_text *t, const char *cell, const char *header);
void igoi_chk_fraction(chk_row *c, const wb_text *t, const char *cell, const char *header);
/* The same for a range of input cells. */
void igoi_chk_numbers(chk_row *c, const wb_text *t, const char *range, const char *header,
                      int fractions);
/* A value given as an amount or a percentage (a cost, the bonus pool): the mode a choice of the
 * two, the other way's cell empty, the amount a number >= 0, the percentage 0..100 %. */
void igoi_chk_amount_or_percent(chk_row *c, const wb_text *t, const char *mode,
                                const char *amount, const char *percent);
/* A choice cell that must hold a or b. */
void igoi_chk_choice(chk_row *c, const wb_text *t, const char *cell, const char *a,
                     const char *b);
/* A message expression with the amounts a rule found, "message (EUR a)" or "message (EUR a /
 * b)", each an expression of the sheet (to 2 decimals, in the sheet's own notation). */
void igoi_chk_with_amounts(char *out, size_t size, const char *message, const char *a,
                           const char *b);
/* The header above a check's message column. */
void igoi_chk_header(wb *w, int check);
/* An item named by a cell, or by its row while that cell is empty: IF(A9="","row 9",A9). */
void igoi_chk_item_or_row(char *out, size_t size, const wb_text *t, int row, int col);
/* A spare row: nothing typed in columns col1..col2. */
void igoi_chk_spare(const wb *w, char *out, size_t size, int row, int col1, int col2);
/* Writes the row's check formula into the cell. */
void igoi_chk_write(wb *w, const chk_row *c, int sheet, int row, int col);

#endif
