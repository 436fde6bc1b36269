/* Writing cells and references; the first libxlsxwriter error is kept and reported at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wb.h"

void igoi_wb_keep(wb *w, lxw_error e)
{
    if (e && !w->error)
        w->error = e;
    if (igoi_tick(&w->tk, 1, w->done))
        w->cancelled = 1;
}

/* A1 column letters: 0 -> A, 25 -> Z, 26 -> AA. */
static void column_name(char *out, int col)
{
    char rev[8];
    int n = 0;
    for (col++; col > 0; col = (col - 1) / 26)
        rev[n++] = (char)('A' + (col - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
}

/* 'Sheet name'! with the quotes a name with spaces needs (and quotes in it doubled). */
static size_t sheet_prefix(const wb *w, int sheet, char *out, size_t size)
{
    if (sheet < 0)
        return 0;
    size_t n = 0;
    const char *name = w->sheet_name[sheet];
    out[n++] = '\'';
    for (; *name && n + 4 < size; name++) {
        if (*name == '\'')
            out[n++] = '\'';
        out[n++] = *name;
    }
    out[n++] = '\'';
    out[n++] = '!';
    out[n] = '\0';
    return n;
}

wb_ref igoi_wb_at(const wb *w, int sheet, int row, int col)
{
    wb_ref r;
    char letters[8];
    size_t n = sheet_prefix(w, sheet, r.s, sizeof r.s);
    column_name(letters, col);
    snprintf(r.s + n, sizeof r.s - n, "$%s$%d", letters, row + 1);
    return r;
}

wb_ref igoi_wb_rel(int row, int col)
{
    wb_ref r;
    char letters[8];
    column_name(letters, col);
    snprintf(r.s, sizeof r.s, "%s%d", letters, row + 1);
    return r;
}

wb_ref igoi_wb_range(const wb *w, int sheet, int row1, int col1, int row2, int col2)
{
    wb_ref r;
    char a[8], b[8];
    size_t n = sheet_prefix(w, sheet, r.s, sizeof r.s);
    column_name(a, col1);
    column_name(b, col2);
    snprintf(r.s + n, sizeof r.s - n, "$%s$%d:$%s$%d", a, row1 + 1, b, row2 + 1);
    return r;
}

/* Formats a formula into w->buf after `open` ("" or "{" for an array formula) and appends
 * `close`; 0 when it does not fit (the error kept: a formula is never written cut short). */
static int compose(wb *w, const char *open, const char *close, const char *fmt, va_list ap)
{
    size_t o = strlen(open), c = strlen(close);
    memcpy(w->buf, open, o);
    int n = vsnprintf(w->buf + o, sizeof w->buf - o - c, fmt, ap);
    if (n < 0 || (size_t)n >= sizeof w->buf - o - c) {
        igoi_wb_keep(w, LXW_ERROR_255_STRING_LENGTH_EXCEEDED);
        return 0;
    }
    memcpy(w->buf + o + (size_t)n, close, c + 1);
    return 1;
}

void igoi_wb_formula(wb *w, int sheet, int row, int col, lxw_format *f, double cached,
                const char *fmt, ...)
{
    if (w->cancelled)
        return;
    va_list ap;
    va_start(ap, fmt);
    int ok = compose(w, "", "", fmt, ap);
    va_end(ap);
    if (ok)
        igoi_wb_keep(w, worksheet_write_formula_num(w->ws[sheet], (lxw_row_t)row,
                                                    (lxw_col_t)col, w->buf, f, cached));
}

/* The same as a one-cell array formula: how Gnumeric (like Excel and LibreOffice) evaluates a
 * function of a range inside SUMPRODUCT element by element; written as a plain formula, Gnumeric
 * takes the one element in the formula's own row (implicit intersection). */
void igoi_wb_formula_array(wb *w, int sheet, int row, int col, lxw_format *f, double cached,
                           const char *fmt, ...)
{
    if (w->cancelled)
        return;
    va_list ap;
    va_start(ap, fmt);
    int ok = compose(w, "{", "}", fmt, ap);
    va_end(ap);
    if (ok)
        igoi_wb_keep(w, worksheet_write_array_formula_num(w->ws[sheet], (lxw_row_t)row,
                                                          (lxw_col_t)col, (lxw_row_t)row,
                                                          (lxw_col_t)col, w->buf, f, cached));
}

/* The same for a formula whose value is a text. */
void igoi_wb_formula_text(wb *w, int sheet, int row, int col, lxw_format *f, const char *cached,
                     const char *fmt, ...)
{
    if (w->cancelled)
        return;
    va_list ap;
    va_start(ap, fmt);
    int ok = compose(w, "", "", fmt, ap);
    va_end(ap);
    if (ok)
        igoi_wb_keep(w, worksheet_write_formula_str(w->ws[sheet], (lxw_row_t)row,
                                                    (lxw_col_t)col, w->buf, f, cached));
}

void igoi_wb_width(wb *w, int sheet, int col1, int col2, double width)
{
    igoi_wb_keep(w,
                 worksheet_set_column(w->ws[sheet], (lxw_col_t)col1, (lxw_col_t)col2, width, NULL));
}

void igoi_wb_string(wb *w, int sheet, int row, int col, const char *s, lxw_format *f)
{
    if (w->cancelled)
        return;
    igoi_wb_keep(w, worksheet_write_string(w->ws[sheet], (lxw_row_t)row, (lxw_col_t)col, s, f));
}

void igoi_wb_number(wb *w, int sheet, int row, int col, double v, lxw_format *f)
{
    if (w->cancelled)
        return;
    igoi_wb_keep(w, worksheet_write_number(w->ws[sheet], (lxw_row_t)row, (lxw_col_t)col, v, f));
}

void igoi_wb_blank(wb *w, int sheet, int row, int col, lxw_format *f)
{
    if (w->cancelled)
        return;
    igoi_wb_keep(w, worksheet_write_blank(w->ws[sheet], (lxw_row_t)row, (lxw_col_t)col, f));
}

void igoi_wb_name(wb *w, const char *name, wb_ref range)
{
    char formula[sizeof range.s + 1];
    snprintf(formula, sizeof formula, "=%s", range.s);
    igoi_wb_keep(w, workbook_define_name(w->book, name, formula));
}

void igoi_wb_heading(wb *w, int sheet, const char *title, const char *subtitle)
{
    igoi_wb_string(w, sheet, 0, 0, title, w->f.title);
    if (subtitle)
        igoi_wb_string(w, sheet, 1, 0, subtitle, w->f.subtitle);
}

void igoi_wb_table_title(wb *w, int sheet, int row, const char *text, const char *const *head,
                         int n)
{
    igoi_wb_string(w, sheet, row - 2, 0, text, w->f.bold);
    igoi_wb_header(w, sheet, row - 1, 0, head, (size_t)n);
}

void igoi_wb_header(wb *w, int sheet, int row, int col, const char *const *texts, size_t n)
{
    /* Two lines high: header texts wrap rather than spill over the figures. */
    igoi_wb_keep(w, worksheet_set_row(w->ws[sheet], (lxw_row_t)row, 30, NULL));
    for (size_t i = 0; i < n; i++)
        igoi_wb_string(w, sheet, row, col + (int)i, texts[i], w->f.header);
}

/* A printed page's header: the region on the left, the sheet on the right; its footer: page n of
 * m. A header holds at most 255 characters and gives '&' a meaning, so the name is cut to fit
 * (on a character boundary) and its '&' doubled. */
static void print_header(wb *w, lxw_worksheet *ws)
{
    char header[LXW_HEADER_FOOTER_MAX + 1];
    const char *name = w->m && w->m->name ? w->m->name : ""; /* none in a scenario book */
    size_t n = 0, cut = igoi_utf8_fit(name, LXW_HEADER_FOOTER_MAX - 16);
    n += (size_t)snprintf(header, sizeof header, "&L");
    for (size_t i = 0; i < cut && n + 2 < sizeof header - 8; i++) {
        if (name[i] == '&')
            header[n++] = '&';
        header[n++] = name[i];
    }
    header[n] = '\0';
    n = igoi_utf8_fit(header, n); /* the limit may have cut the last character */
    snprintf(header + n, sizeof header - n, "&R&A");
    igoi_wb_keep(w, worksheet_set_header(ws, header));
    igoi_wb_keep(w, worksheet_set_footer(ws, w->t->page_of));
}

void igoi_wb_finish_sheet(wb *w, int sheet, int freeze_row, int freeze_col)
{
    lxw_worksheet *ws = w->ws[sheet];
    lxw_protection protection = {.no_select_locked_cells = 0, .format_columns = 1,
                                 .format_rows = 1};
    worksheet_protect(ws, NULL, &protection);
    worksheet_freeze_panes(ws, (lxw_row_t)freeze_row, (lxw_col_t)freeze_col);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    print_header(w, ws);
    if (sheet != 0 && w->t->back) /* every sheet but the first (the explanation) links back */
        igoi_wb_link_text(w, sheet, 0, 3, 0, w->t->back);
    igoi_wb_keep(w, worksheet_repeat_rows(ws, 0, (lxw_row_t)(freeze_row > 0 ? freeze_row - 1 : 0)));
}

void igoi_wb_count_style(wb *w, int sheet, int row1, int col1, int row2, int col2)
{
    char rule[sizeof(wb_ref) + 16];
    snprintf(rule, sizeof rule, "=MOD(%s,1)=0", igoi_wb_rel(row1, col1).s);
    lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = rule,
                                 .format = w->f.whole_cf};
    igoi_wb_keep(w, worksheet_conditional_format_range(w->ws[sheet], (lxw_row_t)row1,
                                                       (lxw_col_t)col1, (lxw_row_t)row2,
                                                       (lxw_col_t)col2, &cf));
}

/* A validation with its own title, and the same message as the cell's input prompt (what it
 * expects) and as the refusal of a wrong value. */
static void validate(wb *w, int sheet, int row1, int col1, int row2, int col2,
                     lxw_data_validation *v, const char *title, const char *message)
{
    v->input_title = v->error_title = (char *)title;
    v->input_message = v->error_message = (char *)message;
    v->error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    igoi_wb_keep(w, worksheet_data_validation_range(w->ws[sheet], (lxw_row_t)row1, (lxw_col_t)col1,
                                                    (lxw_row_t)row2, (lxw_col_t)col2, v));
}

void igoi_wb_valid_number(wb *w, int sheet, int row1, int col1, int row2, int col2)
{
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_DECIMAL,
                             .criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
                             .value_number = 0};
    validate(w, sheet, row1, col1, row2, col2, &v, w->t->valid_number_title, w->t->valid_number);
}

void igoi_wb_valid_fraction(wb *w, int sheet, int row1, int col1, int row2, int col2)
{
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_DECIMAL,
                             .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
                             .minimum_number = 0, .maximum_number = 1};
    validate(w, sheet, row1, col1, row2, col2, &v, w->t->valid_fraction_title,
             w->t->valid_fraction);
}

void igoi_wb_valid_flag(wb *w, int sheet, int row1, int col1, int row2, int col2)
{
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_INTEGER,
                             .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
                             .minimum_number = 0, .maximum_number = 1};
    validate(w, sheet, row1, col1, row2, col2, &v, w->t->valid_flag_title, w->t->valid_flag);
}

void igoi_wb_valid_list(wb *w, int sheet, int row1, int col1, int row2, int col2,
                   const char *const *values, size_t n)
{
    /* A literal list (libxlsxwriter 1.1 leaks the string of a range-based list); Excel allows 255
     * characters of it, beyond which the cells stay without a dropdown. The message names the
     * options while they fit its 255 characters. */
    char message[256];
    size_t length = 0, used = (size_t)snprintf(message, sizeof message, "%s", w->t->valid_choice);
    for (size_t i = 0; i < n; i++) {
        length += strlen(values[i]) + 1;
        if (used < sizeof message)
            used += (size_t)snprintf(message + used, sizeof message - used, "%s%s",
                                     i ? ", " : " ", values[i]);
    }
    if (length > 255)
        return;
    if (used >= sizeof message)
        message[strlen(w->t->valid_choice)] = '\0'; /* the options do not fit: none */
    const char **list = calloc(n + 1, sizeof *list);
    if (!list)
        return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    for (size_t i = 0; i < n; i++)
        list[i] = values[i];
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_LIST, .value_list = (char **)list};
    validate(w, sheet, row1, col1, row2, col2, &v, w->t->valid_choice_title, message);
    free(list);
}

void igoi_wb_link_text(wb *w, int sheet, int row, int col, int target, const char *text)
{
    char url[128];
    snprintf(url, sizeof url, "internal:%s", igoi_wb_at(w, target, 0, 0).s);
    igoi_wb_keep(w, worksheet_write_url_opt(w->ws[sheet], (lxw_row_t)row, (lxw_col_t)col, url,
                                            w->f.link, text, NULL));
}

void igoi_wb_link(wb *w, int sheet, int row, int col, int target)
{
    igoi_wb_link_text(w, sheet, row, col, target, w->sheet_name[target]);
}
