/* Claims from a sheet of an xlsx workbook, through the streaming sheet reader. The header is the
 * first row naming a required column (rows above it, such as a title, are skipped). Cells hold
 * what a spreadsheet holds: a number in the date column is a date serial, a number in an id
 * column that id, numbers are numbers, and text is read as in a CSV file. A line is named by its
 * row number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"

typedef struct {
    igo_claims *c;
    igo_xlsx *book;
    size_t sheet;
    igoi_source src;
    igo_error error; /* the first failure of a row, whose message is in c->errmsg */
    char texts[IGO_CLAIM_COLUMNS][32]; /* values written from numbers, per column */
    IGO_VEC(igoi_field) header;
} sheet_source;

/* A number as the text of an id or code: whole numbers without decimals. */
static void number_text(double x, char out[32])
{
    if (x > -1e15 && x < 1e15 && x == (double)(int64_t)x) /* the range first: no UB */
        snprintf(out, 32, "%lld", (long long)x);
    else
        snprintf(out, 32, "%.17g", x);
}

/* The value of a cell for column k. */
static igoi_value cell_value(sheet_source *s, const igo_cell *cell, int k)
{
    igoi_value v = {{"", 0}, 0, 0};
    if (!cell || cell->type == IGO_CELL_EMPTY)
        return v;
    if (cell->type == IGO_CELL_NUMBER && k >= IGO_CLAIM_AMOUNT) {
        v.is_number = 1, v.number = cell->number;
        return v;
    }
    if (cell->type == IGO_CELL_ERROR || cell->type == IGO_CELL_BOOLEAN) {
        /* #N/A or TRUE is no id (the line is set aside as without one) and no number, date or
         * code (set aside for that) */
        if (k == IGO_CLAIM_TRAJECT || k == IGO_CLAIM_PROVIDER)
            return v;
        v.text = (igoi_field){"#", 1};
        return v;
    }
    if (cell->type == IGO_CELL_NUMBER) {
        number_text(cell->number, s->texts[k]);
        v.text = (igoi_field){s->texts[k], strlen(s->texts[k])};
        return v;
    }
    v.text = (igoi_field){cell->text, cell->length};
    igoi_trim(&v.text.s, &v.text.n);
    return v;
}

/* The cell of a column in a row (cells sorted by column), or NULL. */
static const igo_cell *cell_at(const igo_cell *cells, size_t count, int column)
{
    for (size_t i = 0; column >= 0 && i < count && cells[i].column <= (uint32_t)column; i++)
        if (cells[i].column == (uint32_t)column)
            return &cells[i];
    return NULL;
}

/* The header row as fields, one per column up to the last cell: texts, the rest empty (a
 * column is named by text). */
static igo_error header_row(sheet_source *s, const igo_cell *cells, size_t count)
{
    size_t n = count ? cells[count - 1].column + 1 : 0;
    s->header.n = 0;
    if (IGO_VEC_ROOM(s->header, n))
        return igoi_fail(s->c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const igo_cell *cell = cell_at(cells, count, (int)i);
        int text = cell && cell->type == IGO_CELL_STRING;
        s->header.v[i] = (igoi_field){text ? cell->text : "", text ? cell->length : 0};
    }
    s->header.n = n;
    return igoi_claims_header(s->c, &s->src, s->header.v, n);
}

/* Whether a row names one of the required columns. */
static int names_a_column(const igo_claims *c, const igo_cell *cells, size_t count)
{
    for (size_t i = 0; i < count; i++)
        for (int k = 0; k < IGO_CLAIM_DATE && cells[i].type == IGO_CELL_STRING; k++)
            if (igoi_header_is(&(igoi_field){cells[i].text, cells[i].length},
                               igoi_claims_column_name(c, k)))
                return 1;
    return 0;
}

static int on_row(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    sheet_source *s = data;
    struct igoi_agg *a = s->c->agg;
    int given = 0;
    for (size_t i = 0; i < count; i++)
        given |= cells[i].type != IGO_CELL_EMPTY;
    if (!given)
        return 0; /* a blank row */
    s->src.line = (uint64_t)row + 1;
    if (!a->header_done && !names_a_column(s->c, cells, count))
        return 0; /* a title above the header */
    if (!a->header_done)
        s->error = header_row(s, cells, count);
    else {
        igoi_value v[IGO_CLAIM_COLUMNS];
        for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
            v[k] = cell_value(s, cell_at(cells, count, a->column[k]), k);
        s->error = igoi_claims_line(s->c, &s->src, v, 0);
    }
    return s->error != IGO_OK;
}

/* ---- reading ahead for the decimal convention of text amounts ---- */

typedef struct {
    const struct igoi_agg *a;
    int header_done;
    igoi_convention found;
} lookahead;

static int look_at(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    lookahead *l = data;
    (void)row;
    if (!count)
        return 0;
    if (!l->header_done) {
        l->header_done = 1;
        return 0;
    }
    static const int columns[2] = {IGO_CLAIM_AMOUNT, IGO_CLAIM_UNITS};
    igoi_field values[2];
    size_t n = 0;
    for (int k = 0; k < 2; k++) { /* only texts show a convention */
        const igo_cell *cell = cell_at(cells, count, l->a->column[columns[k]]);
        if (cell && cell->type == IGO_CELL_STRING)
            values[n++] = (igoi_field){cell->text, cell->length};
    }
    l->found = igoi_claims_reveals(values, n);
    return l->found != IGOI_NO_CONVENTION; /* found: stop */
}

/* Reads the sheet again on a reader of its own: the main one is in the middle of the sheet. A
 * fault met ahead is ignored here: the main read meets it where it lies. */
static igo_error look_ahead(igo_claims *c, igoi_source *src, igoi_convention *found)
{
    sheet_source *s = src->ctx;
    lookahead l = {c->agg, 0, IGOI_NO_CONVENTION};
    igo_xlsx *book = igo_xlsx_new();
    igo_error e = book ? igo_xlsx_open(book, src->name) : IGO_ERROR_MEMORY;
    if (!e && src->progress.fn)
        igo_xlsx_set_progress(book, igoi_claims_progress_held, src);
    if (!e)
        e = igo_xlsx_read_sheet(book, s->sheet, look_at, &l);
    *found = l.found;
    if (e == IGO_ERROR_CANCELLED && l.found == IGOI_NO_CONVENTION) /* stopped by the caller */
        igoi_fail(src->errmsg, e, "%s", igo_xlsx_errmsg(book));
    else
        e = IGO_OK;
    igo_xlsx_free(book);
    return e;
}

/* ---- the call ---- */

/* Reads the sheet's lines into the aggregation. */
static igo_error read_lines(igo_claims *c, sheet_source *s)
{
    s->src.date1904 = igo_xlsx_date1904(s->book);
    igo_xlsx_set_progress(s->book, c->progress.fn, c->progress.data);
    igo_error e = igo_xlsx_read_sheet(s->book, s->sheet, on_row, s);
    if (s->error)
        return s->error; /* its message is in c->errmsg already */
    if (e)
        return igoi_fail(c->errmsg, e, "%s", igo_xlsx_errmsg(s->book));
    if (!c->agg->header_done)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "%s: no header row (a row naming the "
                         "columns %s, %s, %s and %s)", s->src.name,
                         igoi_claims_column_name(c, 0), igoi_claims_column_name(c, 1),
                         igoi_claims_column_name(c, 2), igoi_claims_column_name(c, 3));
    return IGO_OK;
}

static igo_error open_sheet(igo_claims *c, igo_xlsx *book, const char *path, const char *sheet,
                            size_t *index)
{
    igo_error e = igo_xlsx_open(book, path);
    if (!e && sheet)
        e = igo_xlsx_sheet_index(book, sheet, index);
    if (e)
        return igoi_fail(c->errmsg, e, "%s", igo_xlsx_errmsg(book));
    if (!sheet && !igo_xlsx_sheet_count(book))
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "%s: the workbook has no sheet", path);
    if (!sheet)
        *index = 0;
    return IGO_OK;
}

igo_error igo_claims_read_xlsx(igo_claims *c, const char *path, const char *sheet)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (!path)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_read_xlsx: path is NULL");
    igo_xlsx *book = igo_xlsx_new();
    if (!book)
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    igoi_source src = {path, c->errmsg, 1, 0, look_ahead, NULL, 0, c->progress};
    sheet_source s = {c, book, 0, src, IGO_OK, {{0}}, {0}};
    s.src.ctx = &s;
    igo_error e = open_sheet(c, book, path, sheet, &s.sheet);
    if (!e && !(e = igoi_claims_file(c, path)))
        e = igoi_claims_failed(c, read_lines(c, &s));
    free(s.header.v);
    igo_xlsx_free(book);
    return e;
}
