/* The classification sheet: the claims pipeline's default table of claim codes (code,
 * discipline, phase, rank, IG-prestatie, unit, reasoning) as inputs the region can change, from
 * which the history lines on Invoertabblad - verdeling look up their discipline and prestatie. */
#include <stdlib.h>
#include <string.h>

#include <igo/claims.h>

#include "../claims/csv.h"
#include "wb.h"

enum { CLASS_IN = WB_CLASS_IN };

/* Each record of the table (the header too) as CLASS_COLUMNS texts in the pool. */
static igo_error keep_record(igoi_csv *csv, const igoi_field *f, size_t n)
{
    wb_classes *c = csv->user;
    if (n != CLASS_COLUMNS)
        return igoi_fail(csv->errmsg, IGO_ERROR_VALUE, "%s: line %llu has %zu fields, not %d",
                         csv->name, (unsigned long long)csv->line, n, CLASS_COLUMNS);
    if (IGO_VEC_ROOM(c->cells, CLASS_COLUMNS) != 0)
        return IGO_ERROR_MEMORY;
    for (size_t k = 0; k < n; k++) {
        int64_t id = igoi_pool_intern(&c->texts, f[k].s, f[k].n);
        if (id < 0)
            return IGO_ERROR_MEMORY;
        c->cells.v[c->cells.n++] = (uint32_t)id;
    }
    return IGO_OK;
}

igo_error igoi_wb_load_classes(wb_classes *c, char *errmsg)
{
    const char *table = igo_claims_default_indeling_csv();
    igoi_csv csv = {.name = "the default classification", .errmsg = errmsg, .delimiter = ',',
                    .on_record = keep_record, .user = c};
    igo_error e = igoi_csv_read_buffer(&csv, table, strlen(table));
    if (e)
        return e == IGO_ERROR_MEMORY ? igoi_fail(errmsg, e, "out of memory") : e;
    c->rows = c->cells.n / CLASS_COLUMNS - 1; /* without the header */
    return IGO_OK;
}

void igoi_wb_free_classes(wb_classes *c)
{
    igoi_pool_free(&c->texts);
    free(c->cells.v);
}

const char *igoi_wb_class(const wb_classes *c, size_t row, int column)
{
    return igoi_pool_text(&c->texts, c->cells.v[(row + 1) * CLASS_COLUMNS + (size_t)column],
                          NULL);
}

size_t igoi_wb_class_row(const wb_classes *c, const char *code)
{
    for (size_t r = 0; r < c->rows; r++)
        if (strcmp(igoi_wb_class(c, r, CLASS_CODE), code) == 0)
            return r + 1;
    return 0;
}

const char *igoi_wb_class_of(const wb_classes *c, const char *code, int column)
{
    size_t row = igoi_wb_class_row(c, code);
    return row ? igoi_wb_class(c, row - 1, column) : "";
}

void igoi_wb_sheet_classes(wb *w)
{
    const wb_text *t = w->t;
    const int row = w->at.class_in.table, rows = (int)w->at.class_rows;
    igoi_wb_heading(w, CLASS_IN, t->class_title, t->class_hint);
    igoi_wb_header(w, CLASS_IN, row - 1, 0, t->class_columns, CLASS_COLUMNS);
    for (int r = 0; r < rows; r++)
        for (int k = 0; k < CLASS_COLUMNS; k++) {
            const char *text = (size_t)r < w->classes.rows ? igoi_wb_class(&w->classes,
                                                                           (size_t)r, k)
                                                           : "";
            lxw_format *f = k == CLASS_REASONING ? w->f.in_note : w->f.in_text;
            if (*text)
                igoi_wb_string(w, CLASS_IN, row + r, k, text, f);
            else
                igoi_wb_blank(w, CLASS_IN, row + r, k, f);
        }
    int last = row + rows - 1;
    igoi_wb_name(w, "Indeling", igoi_wb_range(w, CLASS_IN, row, 0, last, CLASS_COLUMNS - 1));
    igoi_wb_check_line(w, CLASS_IN);
    igoi_wb_width(w, CLASS_IN, 0, 0, 16);
    igoi_wb_width(w, CLASS_IN, 1, 5, 13);
    igoi_wb_width(w, CLASS_IN, CLASS_REASONING, CLASS_REASONING, 90);
    igoi_wb_finish_sheet(w, CLASS_IN, 3, 1);
}
