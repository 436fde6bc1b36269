/* The model workbook's blocks: found by their defined names, so that rows a user inserted or
 * moved are read right, and read from each sheet in one streaming pass. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../xlsx/reader.h"
#include "read.h"

const char *const igoi_rd_names[RD_BLOCKS] = {
    "Regio",          "Prestaties",  "Aantallen",      "Tarieven",       "IGO_kosten",
    "Buiten_IGO",     "Disciplines", "Disciplinenamen", "Sleutelbron",   "Normaliseren",
    "Verdeelsleutel", "Zorgaanbieders", "Volumes",     "Historie",       "Regiokenmerken",
    "Opnames",        "Redenen_overdracht", "Indeling", "Kosten_per_prestatie", "Vaste_delen",
    "Bonus_pot",      "Bonus_indicatoren", "Bonus_waarden", "Overgang_grenzen",
    "Overgang_jaren", "Overgang_aanbieders"};

/* The most cells the blocks may cover in all: as many as the writer ever writes into a workbook.
 * In all, not per block: each block's cells are allocated up front, from the file's claims. */
enum { RD_MAX_CELLS = 4 << 20 };

/* ---- messages ---- */

static const char *where(const rd *x, int block, uint32_t r, uint32_t c, char *buf, size_t n)
{
    char cell[12];
    const rd_block *b = &x->blocks[block];
    igo_xlsx_cell_name(b->row + r, b->col + c, cell);
    snprintf(buf, n, "%s: '%s'!%s: ", x->path, b->sheet_name, cell);
    return buf;
}

igo_error igoi_rd_fail(rd *x, int block, uint32_t r, uint32_t c, igo_error code,
                       const char *fmt, ...)
{
    char prefix[IGO_WHERE_SIZE], message[IGO_ERRMSG_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    igoi_fail(x->model->errmsg, code, "%s%s", where(x, block, r, c, prefix, sizeof prefix),
              message);
    return code;
}

igo_error igoi_rd_prefix(rd *x, int block, uint32_t r, uint32_t c, igo_error code)
{
    char prefix[IGO_WHERE_SIZE];
    igoi_fail_prefix(x->model->errmsg, where(x, block, r, c, prefix, sizeof prefix));
    return code;
}

/* ---- defined names ---- */

/* "$E$6" or "E6" at *s (up to a ':' or the end): 0-based row and column; advances *s. */
static int parse_cell(const char **s, uint32_t *row, uint32_t *col)
{
    char ref[16];
    size_t n = 0;
    for (; **s && **s != ':'; (*s)++)
        if (**s != '$') {
            if (n + 1 >= sizeof ref)
                return -1;
            ref[n++] = **s;
        }
    ref[n] = '\0';
    return igoi_cellref_parse(ref, row, col) ? -1 : 0;
}

/* "'Sheet name'!$A$1:$B$3" (quotes doubled inside) into the sheet's name and the range. */
static int parse_range(const char *f, char *sheet, size_t n, rd_block *b)
{
    size_t k = 0;
    if (*f == '\'') {
        for (f++; *f && !(*f == '\'' && f[1] != '\''); f++) {
            f += *f == '\'';
            if (k + 1 >= n)
                return -1;
            sheet[k++] = *f;
        }
        if (*f++ != '\'')
            return -1;
    } else {
        while (*f && *f != '!' && k + 1 < n)
            sheet[k++] = *f++;
    }
    sheet[k] = '\0';
    uint32_t r2, c2;
    if (*f++ != '!' || k == 0 || parse_cell(&f, &b->row, &b->col))
        return -1;
    if (*f == ':') {
        f++;
        if (parse_cell(&f, &r2, &c2) || r2 < b->row || c2 < b->col)
            return -1;
    } else {
        r2 = b->row, c2 = b->col;
    }
    b->rows = r2 - b->row + 1, b->cols = c2 - b->col + 1;
    return *f ? -1 : 0;
}

/* total: the cells of the blocks found before, to which this block's are added. */
static igo_error find_block(rd *x, int id, uint64_t *total)
{
    const char *name = igoi_rd_names[id], *f = igo_xlsx_defined_name(x->book, name);
    char sheet[256], q[IGOI_QUOTE + 4];
    rd_block *b = &x->blocks[id];
    if (!f && (x->optional >> id & 1)) { /* a block the workbook may lack: read as empty */
        x->want &= ~(1u << id);
        return IGO_OK;
    }
    if (!f)
        return igoi_fail(x->model->errmsg, IGO_ERROR_VALUE,
                         "%s: the workbook has no defined name '%s': is it a model workbook "
                         "written by libigo?", x->path, name);
    if (parse_range(f, sheet, sizeof sheet, b))
        return igoi_fail(x->model->errmsg, IGO_ERROR_VALUE,
                         "%s: the defined name '%s' does not refer to one range of cells "
                         "(it is %s)", x->path, name, igoi_quote(q, f));
    *total += (uint64_t)b->rows * b->cols;
    if (*total > RD_MAX_CELLS)
        return igoi_fail(x->model->errmsg, IGO_ERROR_LIMIT,
                         "%s: the defined name '%s' covers %u x %u cells, which takes the "
                         "blocks beyond %d cells, more than a model workbook holds", x->path,
                         name, b->rows, b->cols, RD_MAX_CELLS);
    if (igo_xlsx_sheet_index(x->book, sheet, &b->sheet) != IGO_OK)
        return igoi_fail(x->model->errmsg, IGO_ERROR_VALUE,
                         "%s: the defined name '%s' refers to a sheet '%s' the workbook does "
                         "not have", x->path, name, igoi_quote(q, sheet));
    b->sheet_name = igo_xlsx_sheet_name(x->book, b->sheet);
    b->cells = calloc((size_t)b->rows * b->cols, sizeof *b->cells);
    return b->cells ? IGO_OK : igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
}

/* ---- reading the cells ---- */

typedef struct collect {
    rd *x;
    size_t sheet;
    int failed; /* out of memory while copying a text */
} collect;

static int keep(rd_value *v, const igo_cell *cell)
{
    v->type = cell->type, v->formula = cell->formula, v->number = cell->number;
    if (cell->type != IGO_CELL_STRING && cell->type != IGO_CELL_ERROR)
        return 0;
    v->text = malloc(cell->length + 1);
    if (!v->text)
        return -1;
    memcpy(v->text, cell->text, cell->length + 1);
    return 0;
}

static int on_row(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    collect *c = data;
    for (int id = 0; id < RD_BLOCKS; id++) {
        rd_block *b = &c->x->blocks[id];
        if (b->sheet != c->sheet || row < b->row || row - b->row >= b->rows)
            continue;
        for (size_t i = 0; i < count; i++) {
            uint32_t col = cells[i].column;
            if (col >= b->col && col - b->col < b->cols &&
                keep(&b->cells[(size_t)(row - b->row) * b->cols + (col - b->col)], &cells[i])) {
                c->failed = 1;
                return 1;
            }
        }
    }
    return 0;
}

static igo_error read_sheet(rd *x, size_t sheet)
{
    collect c = {x, sheet, 0};
    igo_error e = igo_xlsx_read_sheet(x->book, sheet, on_row, &c);
    if (c.failed)
        return igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (e)
        igoi_fail(x->model->errmsg, e, "%s", igo_xlsx_errmsg(x->book));
    return e;
}

igo_error igoi_rd_load(rd *x)
{
    igo_error e = IGO_OK;
    uint64_t total = 0;
    for (int id = 0; id < RD_BLOCKS && !e; id++)
        if (x->want & (1u << id))
            e = find_block(x, id, &total);
    for (int id = 0; id < RD_BLOCKS && !e; id++) {
        int first = (x->want >> id) & 1; /* each sheet once, when its first block comes */
        for (int k = 0; k < id; k++)
            first &= !((x->want >> k) & 1) || x->blocks[k].sheet != x->blocks[id].sheet;
        if (first)
            e = read_sheet(x, x->blocks[id].sheet);
    }
    return e;
}

void igoi_rd_free(rd *x)
{
    for (int id = 0; id < RD_BLOCKS; id++) {
        rd_block *b = &x->blocks[id];
        for (size_t i = 0; b->cells && i < (size_t)b->rows * b->cols; i++)
            free(b->cells[i].text);
        free(b->cells);
        b->cells = NULL;
    }
}

igo_error igoi_rd_shape(rd *x, int block, uint32_t rows, uint32_t cols)
{
    const rd_block *b = &x->blocks[block];
    if ((rows && b->rows != rows) || (cols && b->cols != cols))
        return igoi_fail(x->model->errmsg, IGO_ERROR_VALUE,
                         "%s: the defined name '%s' covers %u x %u cells where the model has "
                         "%u x %u: were rows or columns added to one table but not to the other?",
                         x->path, igoi_rd_names[block], b->rows, b->cols, rows ? rows : b->rows,
                         cols ? cols : b->cols);
    return IGO_OK;
}

/* ---- one cell ---- */

static rd_value *value_at(const rd *x, int block, uint32_t r, uint32_t c)
{
    const rd_block *b = &x->blocks[block];
    return &b->cells[(size_t)r * b->cols + c];
}

static int blank(const char *s)
{
    while (igoi_blank(*s))
        s++;
    return *s == '\0';
}

int igoi_rd_empty(const rd *x, int block, uint32_t r, uint32_t c)
{
    const rd_value *v = value_at(x, block, r, c);
    return (v->type == IGO_CELL_EMPTY && !v->formula) ||
           (v->type == IGO_CELL_STRING && blank(v->text));
}

int igoi_rd_empty_row(const rd *x, int block, uint32_t r, uint32_t last_col)
{
    for (uint32_t c = 0; c <= last_col; c++)
        if (!igoi_rd_empty(x, block, r, c))
            return 0;
    return 1;
}

/* A text that means one number: digits with at most one separator, which is a decimal point
 * unless exactly three digits follow it (then it may group thousands: ambiguous). */
static int text_number(const char *s, double *out)
{
    char buf[64];
    size_t n = 0, separators = 0, after = 0;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        buf[n++] = *s++;
    for (; *s && *s != ' ' && n + 1 < sizeof buf; s++) {
        if (*s == ',' || *s == '.') {
            separators++, after = 0;
            buf[n++] = '.';
        } else if (isdigit((unsigned char)*s)) {
            buf[n++] = *s;
            after++;
        } else {
            return -1;
        }
    }
    while (*s == ' ')
        s++;
    buf[n] = '\0';
    if (*s || separators > 1 || (separators == 1 && after == 3) || after == 0)
        return -1;
    return igoi_parse_number(buf, out); /* strtod would follow the process's locale */
}

static igo_error not_a_value(rd *x, int block, uint32_t r, uint32_t c, const rd_value *v)
{
    if (v->type == IGO_CELL_EMPTY)
        return igoi_rd_fail(x, block, r, c, IGO_ERROR_VALUE,
                            "a formula without a computed value: open and save the workbook in "
                            "a spreadsheet first");
    char q[IGOI_QUOTE + 4];
    return igoi_rd_fail(x, block, r, c, IGO_ERROR_VALUE, "the error value %s",
                        igoi_quote(q, v->text ? v->text : "?"));
}

igo_error igoi_rd_number(rd *x, int block, uint32_t r, uint32_t c, double *value, int *given)
{
    const rd_value *v = value_at(x, block, r, c);
    *value = 0, *given = 0;
    if (igoi_rd_empty(x, block, r, c))
        return IGO_OK;
    switch (v->type) {
    case IGO_CELL_NUMBER:
        *value = v->number, *given = 1;
        return IGO_OK;
    case IGO_CELL_STRING:
        if (text_number(v->text, value) == 0) {
            *given = 1;
            return IGO_OK;
        }
        char q[IGOI_QUOTE + 4];
        return igoi_rd_fail(x, block, r, c, IGO_ERROR_VALUE,
                            "'%s' is not a number (or not one a Dutch and an English reader "
                            "read alike: type it as a number)", igoi_quote(q, v->text));
    case IGO_CELL_BOOLEAN:
        return igoi_rd_fail(x, block, r, c, IGO_ERROR_VALUE, "%s is not a number",
                            v->number ? "TRUE" : "FALSE");
    default:
        return not_a_value(x, block, r, c, v);
    }
}

igo_error igoi_rd_text(rd *x, int block, uint32_t r, uint32_t c, const char **text)
{
    rd_value *v = value_at(x, block, r, c);
    *text = "";
    if (igoi_rd_empty(x, block, r, c))
        return IGO_OK;
    if (v->type == IGO_CELL_NUMBER) { /* a code typed as a number: 1101 */
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%.15g", v->number);
        if (!(v->text = malloc((size_t)n + 1)))
            return igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
        memcpy(v->text, buf, (size_t)n + 1);
        v->type = IGO_CELL_STRING;
    }
    if (v->type == IGO_CELL_BOOLEAN)
        return igoi_rd_fail(x, block, r, c, IGO_ERROR_VALUE, "%s where a text belongs",
                            v->number ? "TRUE" : "FALSE");
    if (v->type != IGO_CELL_STRING)
        return not_a_value(x, block, r, c, v);
    *text = v->text;
    return IGO_OK;
}

igo_error igoi_rd_provider_id(rd *x, int block, uint32_t r, const char **id)
{
    const rd_value *v = value_at(x, block, r, 0);
    if (v->formula && v->type == IGO_CELL_EMPTY)
        return r < x->blocks[RD_PROVIDERS].rows ? igoi_rd_text(x, RD_PROVIDERS, r, 0, id)
                                                : (*id = "", IGO_OK);
    return igoi_rd_text(x, block, r, 0, id);
}

igo_error igoi_rd_choice(rd *x, int block, uint32_t r, uint32_t c, const char *const *options,
                         int n, int *choice)
{
    const char *text;
    char q[IGOI_QUOTE + 4];
    RD_TEXT(x, block, r, c, &text);
    for (*choice = 0; *choice < n; (*choice)++)
        if (strcmp(text, options[*choice]) == 0)
            return IGO_OK;
    return igoi_rd_fail(x, block, r, c, IGO_ERROR_VALUE, "'%s' is not one of %s, %s",
                        igoi_quote(q, text), options[0], options[1]);
}
