/* A worksheet streamed row by row: <row> and <c> elements, typed by the t attribute, each row's
 * cells sorted by column, then handed to the caller. Memory stays bounded by one row. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* The t attribute of a <c>, decoded once per cell. */
typedef enum { T_NUMBER, T_DATE, T_SHARED, T_BOOLEAN, T_STR, T_ERROR, T_INLINE } cell_kind;

/* A cell of the current row while it is read: its text is kept as an offset into the row's text
 * buffer (which moves as it grows) until the row is complete. */
typedef struct {
    igo_cell cell;
    size_t offset; /* into row_text, when own */
    int own;
} pending;

typedef struct {
    const igoi_sheet *sheet;
    igo_row_fn on_row;
    void *user_data;
    int64_t last_row; /* the last row seen, -1 before the first */
    int in_data, in_row, in_cell, in_v, in_is, in_t;
    unsigned rph;
    /* the current row */
    int64_t row;  /* -1 until known (a <row> without r takes it from its first cell) */
    int64_t next_column;
    IGO_VEC(pending) cells;
    igoi_buf row_text;
    IGO_VEC(igo_cell) out;
    /* the current cell */
    uint32_t column;
    cell_kind kind;
    int formula, has_v, has_is;
    igoi_buf v, is;
} sheet_state;

static const char *cell_name(sheet_state *st, uint32_t column, char out[12])
{
    return igo_xlsx_cell_name(st->row < 0 ? 0 : (uint32_t)st->row, column, out);
}

static void start_row(igoi_xml *x, sheet_state *st, const char **attrs)
{
    const char *r = igoi_xml_attr(attrs, "r");
    char q[IGOI_QUOTE + 4];
    st->in_row = 1;
    st->row = -1;
    st->next_column = 0;
    st->cells.n = st->row_text.n = 0;
    if (!r)
        return;
    double v;
    int bad = igoi_parse_number(r, &v);
    /* the range first: converting a double beyond int64_t's range is undefined */
    if (!bad && v > IGO_XLSX_MAX_ROWS) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "row %s: beyond row %d", igoi_quote(q, r),
                      IGO_XLSX_MAX_ROWS);
        return;
    }
    if (bad || v < 1 || v != (double)(int64_t)v) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "row '%s': not a row number", igoi_quote(q, r));
        return;
    }
    st->row = (int64_t)v - 1;
    if (st->row <= st->last_row)
        igoi_xml_fail(x, IGO_ERROR_VALUE, "row %lld: comes after row %lld (rows out of order "
                      "or given twice)", (long long)st->row + 1, (long long)st->last_row + 1);
}

/* The cell's position: from r, or the one after the previous cell of the row. */
static void place_cell(igoi_xml *x, sheet_state *st, const char *r)
{
    char q[IGOI_QUOTE + 4];
    uint32_t row, column;
    if (!r) {
        if (st->row < 0)
            st->row = st->last_row + 1;
        if (st->row >= IGO_XLSX_MAX_ROWS || st->next_column >= IGO_XLSX_MAX_COLUMNS) {
            igoi_xml_fail(x, IGO_ERROR_VALUE, "row %lld: a cell beyond XFD%d",
                          (long long)st->row + 1, IGO_XLSX_MAX_ROWS);
            return;
        }
        st->column = (uint32_t)st->next_column++;
        return;
    }
    int bad = igoi_cellref_parse(r, &row, &column);
    if (bad) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "cell '%s': %s", igoi_quote(q, r),
                      bad == -2 ? "beyond XFD1048576" : "not a cell reference");
        return;
    }
    if (st->row < 0) {
        st->row = row;
        if (st->row <= st->last_row)
            igoi_xml_fail(x, IGO_ERROR_VALUE, "cell %s: row %lld comes after row %lld (rows "
                          "out of order or given twice)", r, (long long)row + 1,
                          (long long)st->last_row + 1);
    } else if (row != st->row)
        igoi_xml_fail(x, IGO_ERROR_VALUE, "cell %s: in row %lld", r, (long long)st->row + 1);
    st->column = column;
    st->next_column = (int64_t)column + 1;
}

/* The kind named by t (NULL: a number); -1 when unknown. Runs for every cell: one switch on
 * the first letter, then one comparison. */
static int decode_kind(const char *t)
{
    if (!t)
        return T_NUMBER;
    switch (t[0]) {
    case 'n':
        return t[1] ? -1 : T_NUMBER;
    case 'd':
        return t[1] ? -1 : T_DATE;
    case 's':
        return !t[1] ? T_SHARED : strcmp(t, "str") == 0 ? T_STR : -1;
    case 'b':
        return t[1] ? -1 : T_BOOLEAN;
    case 'e':
        return t[1] ? -1 : T_ERROR;
    case 'i':
        return strcmp(t, "inlineStr") == 0 ? T_INLINE : -1;
    default:
        return -1;
    }
}

/* Whether an attribute's local name is the one letter c ("r", "x:r"). */
static int is_letter(const char *name, char c)
{
    name = igoi_local(name);
    return name[0] == c && name[1] == '\0';
}

static void start_cell(igoi_xml *x, sheet_state *st, const char **attrs)
{
    const char *r = NULL, *t = NULL;
    char q[IGOI_QUOTE + 4];
    /* one pass over the attributes: this runs for every cell of the sheet */
    for (size_t i = 0; attrs[i]; i += 2) {
        if (!r && is_letter(attrs[i], 'r'))
            r = attrs[i + 1];
        else if (!t && is_letter(attrs[i], 't'))
            t = attrs[i + 1];
    }
    st->in_cell = 1;
    st->formula = st->has_v = st->has_is = 0;
    st->v.n = st->is.n = 0;
    if (st->v.v)
        st->v.v[0] = '\0';
    if (st->is.v)
        st->is.v[0] = '\0';
    place_cell(x, st, r);
    int kind = decode_kind(t);
    if (kind < 0) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "cell %s: unknown type '%s'",
                      cell_name(st, st->column, (char[12]){0}), igoi_quote(q, t));
        return;
    }
    st->kind = (cell_kind)kind;
}

static void sheet_start(igoi_xml *x, const char *name, const char **attrs)
{
    sheet_state *st = x->user;
    if (!st->in_data) {
        st->in_data = strcmp(name, "sheetData") == 0;
        return;
    }
    if (!st->in_row) {
        if (strcmp(name, "row") == 0)
            start_row(x, st, attrs);
        return;
    }
    if (!st->in_cell) {
        if (strcmp(name, "c") == 0)
            start_cell(x, st, attrs);
        return;
    }
    if (strcmp(name, "v") == 0)
        st->in_v = st->has_v = 1;
    else if (strcmp(name, "f") == 0)
        st->formula = 1;
    else if (strcmp(name, "is") == 0)
        st->in_is = st->has_is = 1;
    else if (strcmp(name, "rPh") == 0)
        st->rph++;
    else if (strcmp(name, "t") == 0 && st->in_is && !st->rph)
        st->in_t = 1;
}

/* ---- a cell's value ---- */

/* Sets c from the shared string the cell's value names: a whole number, perhaps with blanks
 * around it, read digit by digit (this runs for every text cell of a sheet). */
static int shared_string(igoi_xml *x, sheet_state *st, igo_cell *c)
{
    const igoi_strings *s = &x->book->strings;
    size_t count = s->offset.n ? s->offset.n - 1 : 0;
    char q[IGOI_QUOTE + 4], name[12];
    const char *v = st->v.v, *end = v + st->v.n;
    while (v < end && igoi_blank(*v))
        v++;
    while (end > v && igoi_blank(end[-1]))
        end--;
    size_t i = 0;
    int bad = v == end, beyond = 0;
    for (const char *p = v; p < end && !bad; p++) {
        bad = *p < '0' || *p > '9';
        if (!bad && !beyond && (i = i * 10 + (size_t)(*p - '0')) >= count)
            beyond = 1; /* and i is not used: it may wrap beyond here */
    }
    if (bad || beyond) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, bad ? "cell %s: shared string index '%s' is not a "
                      "whole number" : "cell %s: shared string %s does not exist (the table has "
                      "%zu)", cell_name(st, st->column, name), igoi_quote(q, st->v.v), count);
        return -1;
    }
    c->type = IGO_CELL_STRING;
    c->text = s->text.v + s->offset.v[i];
    c->length = s->offset.v[i + 1] - s->offset.v[i] - 1;
    return 0;
}

/* Keeps text in the row's buffer for c. */
static int own_text(igoi_xml *x, sheet_state *st, pending *p, const igoi_buf *text)
{
    static const char nul = '\0';
    p->own = 1;
    p->offset = st->row_text.n;
    p->cell.length = text->n;
    if (text->n && igoi_xml_append(x, &st->row_text, text->v, text->n))
        return -1;
    return igoi_xml_append(x, &st->row_text, &nul, 1);
}

static int number_value(igoi_xml *x, sheet_state *st, igo_cell *c, int date)
{
    char q[IGOI_QUOTE + 4], name[12];
    int bad = date ? igoi_parse_date(st->v.v, x->book->date1904, &c->number)
                   : igoi_parse_number_n(st->v.v, st->v.n, &c->number);
    if (bad) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "cell %s: '%s' is not a %s",
                      cell_name(st, st->column, name), igoi_quote(q, st->v.v),
                      date ? "date (ISO 8601, from 1900 on)" : "number");
        return -1;
    }
    c->type = IGO_CELL_NUMBER;
    if (c->number == 0)
        c->number = 0; /* no -0 */
    return 0;
}

static int boolean_value(igoi_xml *x, sheet_state *st, igo_cell *c)
{
    char q[IGOI_QUOTE + 4], name[12];
    const char *v = st->v.v;
    if (strcmp(v, "1") && strcmp(v, "0") && strcmp(v, "true") && strcmp(v, "false")) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "cell %s: '%s' is not a boolean (0 or 1)",
                      cell_name(st, st->column, name), igoi_quote(q, v));
        return -1;
    }
    c->type = IGO_CELL_BOOLEAN;
    c->number = v[0] == '1' || v[0] == 't';
    return 0;
}

/* Types the cell from t and its <v> or <is>. Returns -1 on error. */
static int cell_value(igoi_xml *x, sheet_state *st, pending *p)
{
    igo_cell *c = &p->cell;
    if (st->kind == T_INLINE) {
        if (!st->is.n)
            return 0; /* IGO_CELL_EMPTY */
        c->type = IGO_CELL_STRING;
        return own_text(x, st, p, &st->is);
    }
    if (!st->has_v)
        return 0;
    if (!st->v.v && igoi_xml_append(x, &st->v, "", 0))
        return -1;
    switch (st->kind) {
    case T_NUMBER:
    case T_DATE:
        return st->v.n ? number_value(x, st, c, st->kind == T_DATE) : 0;
    case T_SHARED:
        return shared_string(x, st, c);
    case T_BOOLEAN:
        return boolean_value(x, st, c);
    default: /* T_STR, T_ERROR */
        c->type = st->kind == T_ERROR ? IGO_CELL_ERROR : IGO_CELL_STRING;
        return own_text(x, st, p, &st->v);
    }
}

static void end_cell(igoi_xml *x, sheet_state *st)
{
    st->in_cell = st->in_v = st->in_is = st->in_t = 0;
    st->rph = 0;
    if (!st->has_v && !st->has_is && !st->formula)
        return; /* a style only */
    if (st->cells.n >= IGO_XLSX_MAX_COLUMNS) { /* so some column is given twice */
        igoi_xml_fail(x, IGO_ERROR_VALUE, "row %lld: more than %d cells",
                      (long long)st->row + 1, IGO_XLSX_MAX_COLUMNS);
        return;
    }
    if (IGO_VEC_ROOM(st->cells, 1)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    pending p = {{st->column, IGO_CELL_EMPTY, st->formula, 0, "", 0}, 0, 0};
    if (cell_value(x, st, &p) == 0)
        st->cells.v[st->cells.n++] = p;
}

/* ---- a complete row ---- */

static int by_column(const void *a, const void *b)
{
    uint32_t ca = ((const pending *)a)->cell.column, cb = ((const pending *)b)->cell.column;
    return (ca > cb) - (ca < cb);
}

static void end_row(igoi_xml *x, sheet_state *st)
{
    char name[12];
    st->in_row = 0;
    if (st->row < 0)
        st->row = st->last_row + 1; /* a <row> without r or cells */
    st->last_row = st->row;
    if (!st->cells.n)
        return;
    /* Writers put cells in column order; sort only a row that is not (the spec allows it). */
    for (size_t i = 1; i < st->cells.n; i++)
        if (st->cells.v[i].cell.column < st->cells.v[i - 1].cell.column) {
            qsort(st->cells.v, st->cells.n, sizeof *st->cells.v, by_column);
            break;
        }
    if (IGO_VEC_ROOM(st->out, st->cells.n)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    for (size_t i = 0; i < st->cells.n; i++) {
        pending *p = &st->cells.v[i];
        if (i && p->cell.column == p[-1].cell.column) {
            igoi_xml_fail(x, IGO_ERROR_VALUE, "cell %s: given twice",
                          cell_name(st, p->cell.column, name));
            return;
        }
        if (p->own)
            p->cell.text = st->row_text.v + p->offset;
        st->out.v[i] = p->cell;
    }
    if (st->on_row(st->user_data, (uint32_t)st->row, st->out.v, st->cells.n))
        igoi_xml_fail(x, IGO_ERROR_CANCELLED, "row %lld: reading stopped by the row callback",
                      (long long)st->row + 1);
}

static void sheet_end(igoi_xml *x, const char *name)
{
    sheet_state *st = x->user;
    if (st->in_cell) {
        if (strcmp(name, "c") == 0)
            end_cell(x, st);
        else if (strcmp(name, "v") == 0)
            st->in_v = 0;
        else if (strcmp(name, "is") == 0)
            st->in_is = 0;
        else if (strcmp(name, "rPh") == 0)
            st->rph--;
        else if (strcmp(name, "t") == 0)
            st->in_t = 0;
    } else if (st->in_row && strcmp(name, "row") == 0)
        end_row(x, st);
    else if (strcmp(name, "sheetData") == 0)
        st->in_data = 0;
}

static void sheet_text(igoi_xml *x, const char *s, size_t len)
{
    sheet_state *st = x->user;
    if (st->in_v)
        igoi_xml_append(x, &st->v, s, len);
    else if (st->in_t)
        igoi_xml_append(x, &st->is, s, len);
}

igo_error igo_xlsx_read_sheet(igo_xlsx *book, size_t index, igo_row_fn on_row, void *user_data)
{
    if (!book)
        return IGO_ERROR_ARGUMENT;
    if (!on_row || !book->path || index >= book->sheets.n)
        return igoi_fail(book->errmsg, IGO_ERROR_ARGUMENT, "igo_xlsx_read_sheet: %s",
                         !on_row ? "on_row is NULL" : !book->path ? "no workbook is open"
                                                                  : "sheet index out of range");
    book->errmsg[0] = '\0';
    const igoi_sheet *sheet = &book->sheets.v[index];
    char where[IGOI_QUOTE + 16], q[IGOI_QUOTE + 4];
    snprintf(where, sizeof where, "sheet '%s'", igoi_quote(q, sheet->name));
    sheet_state st;
    memset(&st, 0, sizeof st);
    st.sheet = sheet, st.on_row = on_row, st.user_data = user_data, st.last_row = -1;
    igoi_xml x = {.book = book, .where = where, .user = &st, .start = sheet_start,
                  .end = sheet_end, .text = sheet_text};
    igo_ticker ticker = igoi_ticker_start(book->progress);
    igo_error e = igoi_xml_parse(&x, sheet->part, &ticker);
    free(st.cells.v);
    free(st.out.v);
    free(st.row_text.v);
    free(st.v.v);
    free(st.is.v);
    return e;
}
