/* A sheet read whole into columns (igo_xlsx_read_table), for data frames: per column a type, a
 * number and a text id per row, so that a binding turns a column of numbers into an array with
 * one copy and a column of texts into objects made once per distinct text. Shared strings repeat
 * a lot: the pool (igoi_pool) keeps one copy of each text. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

typedef struct {
    double *numbers; /* NaN unless a number (or a boolean's 1 or 0) */
    uint8_t *types;  /* igo_cell_type */
    uint32_t *ids;   /* NULL until the column's first text or error */
    size_t count[IGO_CELL_ERROR + 1];
} column;

struct igo_xlsx_table {
    size_t rows, columns; /* the rectangle holding values so far */
    size_t cap;           /* rows allocated in every column */
    column *cols;         /* col_cap allocated, columns in use */
    size_t col_cap;
    size_t cells;     /* values stored */
    igoi_pool texts; /* each distinct text once */
};

/* Shared strings repeat: the pool's id of a shared string is remembered by the address of its text
 * in the workbook's table (a direct-mapped cache), which spares hashing the text again. */
#define CACHE_BITS 16
typedef struct {
    const char *text;
    uint32_t id;
} cached;

/* The state of one read: the first failure is recorded here, since the reader replaces the
 * message with its own "stopped by the row callback". */
typedef struct {
    cached *cache; /* 1 << CACHE_BITS entries */
    igo_xlsx_table *t;
    igo_xlsx *book;
    size_t sheet;
    igo_error error;
    char errmsg[IGO_ERRMSG_SIZE];
} loader;

static int fail(loader *ld, igo_error code, uint32_t row, uint32_t column, const char *what)
{
    char name[12], q[IGOI_QUOTE + 4];
    if (code == IGO_ERROR_MEMORY)
        igoi_fail(ld->errmsg, code, "out of memory");
    else
        igoi_fail(ld->errmsg, code, "%s: sheet '%s' cell %s: %s", ld->book->path,
                  igoi_quote(q, ld->book->sheets.v[ld->sheet].name),
                  igo_xlsx_cell_name(row, column, name), what);
    ld->error = code;
    return -1;
}

/* ---- the columns ---- */

static void fill_empty(column *c, size_t from, size_t to)
{
    for (size_t r = from; r < to; r++)
        c->numbers[r] = NAN;
    memset(c->types + from, IGO_CELL_EMPTY, to - from);
    if (c->ids)
        memset(c->ids + from, 0, (to - from) * sizeof *c->ids);
}

/* Makes room for rows in every column (what is new is filled as rows are added). */
static int reserve_rows(igo_xlsx_table *t, size_t rows)
{
    if (rows <= t->cap)
        return 0;
    size_t cap = t->cap < 1024 ? 1024 : t->cap;
    while (cap < rows)
        cap *= 2;
    for (size_t j = 0; j < t->columns; j++) {
        column *c = &t->cols[j];
        double *numbers = realloc(c->numbers, cap * sizeof *numbers);
        if (numbers)
            c->numbers = numbers;
        uint8_t *types = realloc(c->types, cap);
        if (types)
            c->types = types;
        uint32_t *ids = c->ids ? realloc(c->ids, cap * sizeof *ids) : NULL;
        if (ids)
            c->ids = ids;
        if (!numbers || !types || (c->ids && !ids))
            return -1; /* the arrays grown so far are merely larger than cap: harmless */
    }
    t->cap = cap;
    return 0;
}

/* Adds empty columns up to columns, each t->cap rows long. */
static int add_columns(igo_xlsx_table *t, size_t columns)
{
    if (columns > t->col_cap) {
        size_t cap = t->col_cap ? t->col_cap : 16;
        while (cap < columns)
            cap *= 2;
        column *cols = realloc(t->cols, cap * sizeof *cols);
        if (!cols)
            return -1;
        t->cols = cols;
        t->col_cap = cap;
    }
    for (; t->columns < columns; t->columns++) {
        column *c = &t->cols[t->columns];
        memset(c, 0, sizeof *c);
        c->numbers = malloc(t->cap * sizeof *c->numbers);
        c->types = malloc(t->cap);
        if (!c->numbers || !c->types) {
            free(c->numbers), free(c->types);
            return -1;
        }
        fill_empty(c, 0, t->rows);
    }
    return 0;
}

/* Grows the rectangle to rows x columns, refusing a table far larger than its cells. */
static int extend(loader *ld, uint32_t row, uint32_t last_column, size_t given)
{
    igo_xlsx_table *t = ld->t;
    size_t rows = (size_t)row + 1, columns = (size_t)last_column + 1;
    if (columns < t->columns)
        columns = t->columns;
    double dense = (double)rows * (double)columns;
    double allowed = (double)IGO_XLSX_TABLE_SPARSITY * (double)(t->cells + given);
    if (dense > IGO_XLSX_TABLE_FREE_CELLS && dense > allowed) {
        char what[160];
        snprintf(what, sizeof what, "the sheet's values are too far apart: a table of %zu rows "
                 "and %zu columns for %zu values", rows, columns, t->cells + given);
        return fail(ld, IGO_ERROR_LIMIT, row, last_column, what);
    }
    if (reserve_rows(t, rows) || add_columns(t, columns))
        return fail(ld, IGO_ERROR_MEMORY, row, last_column, "");
    for (size_t j = 0; j < t->columns && rows > t->rows; j++)
        fill_empty(&t->cols[j], t->rows, rows);
    if (rows > t->rows)
        t->rows = rows;
    return 0;
}

static int64_t text_id(loader *ld, const igo_cell *cell)
{
    const igoi_buf *sst = &ld->book->strings.text;
    uintptr_t at = (uintptr_t)cell->text, base = (uintptr_t)sst->v;
    if (at < base || at >= base + sst->n) /* an inline string, a formula's text, an error */
        return igoi_pool_intern(&ld->t->texts, cell->text, cell->length);
    cached *c = &ld->cache[(uint64_t)at * 0x9E3779B97F4A7C15u >> (64 - CACHE_BITS)];
    if (c->text == cell->text)
        return c->id;
    int64_t id = igoi_pool_intern(&ld->t->texts, cell->text, cell->length);
    if (id >= 0)
        c->text = cell->text, c->id = (uint32_t)id;
    return id;
}

static int store(loader *ld, uint32_t row, const igo_cell *cell)
{
    igo_xlsx_table *t = ld->t;
    column *c = &t->cols[cell->column];
    c->types[row] = (uint8_t)cell->type;
    c->count[cell->type]++;
    if (cell->type == IGO_CELL_NUMBER || cell->type == IGO_CELL_BOOLEAN) {
        c->numbers[row] = cell->number;
        return 0;
    }
    if (!c->ids && !(c->ids = calloc(t->cap, sizeof *c->ids)))
        return fail(ld, IGO_ERROR_MEMORY, row, cell->column, "");
    int64_t id = text_id(ld, cell);
    if (id < 0)
        return fail(ld, IGO_ERROR_MEMORY, row, cell->column, "");
    c->ids[row] = (uint32_t)id;
    return 0;
}

static int on_row(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    loader *ld = data;
    size_t given = 0;
    uint32_t last = 0;
    for (size_t i = 0; i < count; i++)
        if (cells[i].type != IGO_CELL_EMPTY)
            given++, last = cells[i].column; /* cells come sorted by column */
    if (!given)
        return 0; /* a formula without a value: as if the cell were not there */
    if (extend(ld, row, last, given))
        return -1;
    for (size_t i = 0; i < count; i++)
        if (cells[i].type != IGO_CELL_EMPTY && store(ld, row, &cells[i]))
            return -1;
    ld->t->cells += given;
    return 0;
}

igo_error igo_xlsx_read_table(igo_xlsx *book, size_t index, igo_xlsx_table **out)
{
    if (!book)
        return IGO_ERROR_ARGUMENT;
    if (!out)
        return igoi_fail(book->errmsg, IGO_ERROR_ARGUMENT, "igo_xlsx_read_table: out is NULL");
    *out = NULL;
    loader ld = {calloc(1 << CACHE_BITS, sizeof(cached)), calloc(1, sizeof(igo_xlsx_table)),
                 book, index, IGO_OK, ""};
    if (!ld.cache || !ld.t) {
        free(ld.cache), free(ld.t);
        return igoi_fail(book->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    igo_error e = igo_xlsx_read_sheet(book, index, on_row, &ld);
    free(ld.cache);
    if (e == IGO_ERROR_CANCELLED && ld.error) {
        e = ld.error;
        memcpy(book->errmsg, ld.errmsg, sizeof ld.errmsg);
    }
    if (e) {
        igo_xlsx_table_free(ld.t);
        return e;
    }
    *out = ld.t;
    return IGO_OK;
}

/* ---- the getters ---- */

void igo_xlsx_table_free(igo_xlsx_table *t)
{
    if (!t)
        return;
    for (size_t j = 0; j < t->columns; j++)
        free(t->cols[j].numbers), free(t->cols[j].types), free(t->cols[j].ids);
    free(t->cols);
    igoi_pool_free(&t->texts);
    free(t);
}

size_t igo_xlsx_table_rows(const igo_xlsx_table *t)
{
    return t ? t->rows : 0;
}

size_t igo_xlsx_table_columns(const igo_xlsx_table *t)
{
    return t ? t->columns : 0;
}

static const column *column_of(const igo_xlsx_table *t, size_t j)
{
    return t && j < t->columns ? &t->cols[j] : NULL;
}

const uint8_t *igo_xlsx_table_types(const igo_xlsx_table *t, size_t j)
{
    const column *c = column_of(t, j);
    return c ? c->types : NULL;
}

const double *igo_xlsx_table_numbers(const igo_xlsx_table *t, size_t j)
{
    const column *c = column_of(t, j);
    return c ? c->numbers : NULL;
}

const uint32_t *igo_xlsx_table_string_ids(const igo_xlsx_table *t, size_t j)
{
    const column *c = column_of(t, j);
    return c ? c->ids : NULL;
}

size_t igo_xlsx_table_count(const igo_xlsx_table *t, size_t j, igo_cell_type type)
{
    const column *c = column_of(t, j);
    if (!c || (unsigned)type > IGO_CELL_ERROR)
        return 0;
    if (type != IGO_CELL_EMPTY)
        return c->count[type];
    size_t given = 0; /* empty cells are not stored one by one: the rest of the rows */
    for (int k = IGO_CELL_NUMBER; k <= IGO_CELL_ERROR; k++)
        given += c->count[k];
    return t->rows - given;
}

size_t igo_xlsx_table_string_count(const igo_xlsx_table *t)
{
    return t ? igoi_pool_count(&t->texts) : 0;
}

const char *igo_xlsx_table_string(const igo_xlsx_table *t, size_t id, size_t *length)
{
    return t ? igoi_pool_text(&t->texts, id, length) : NULL;
}
