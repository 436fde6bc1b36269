/* Claim files in CSV: each record's fields by column into the line handling (aggregate.c). */
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "csv.h"

typedef struct {
    igo_claims *c;
    igoi_source src;
    const char *path; /* the file, or data[0..size) */
    const char *data;
    size_t size;
    int windows_1252;
    char delimiter;
} csv_source;

igoi_value igoi_claims_field(const struct igoi_agg *a, const igoi_field *f, size_t n, int k)
{
    igoi_value v = {{"", 0}, 0, 0};
    if (a->column[k] >= 0 && (size_t)a->column[k] < n)
        v.text = f[a->column[k]];
    while (v.text.n && (v.text.s[0] == ' ' || v.text.s[0] == '\t'))
        v.text.s++, v.text.n--;
    while (v.text.n && (v.text.s[v.text.n - 1] == ' ' || v.text.s[v.text.n - 1] == '\t'))
        v.text.n--;
    return v;
}

/* Whether a record's field count differs from the header's (extra fields that are all empty,
 * as spreadsheets pad rows, do not count). */
static int wrong_field_count(const struct igoi_agg *a, const igoi_field *f, size_t n)
{
    if (n < a->header_fields)
        return 1;
    for (size_t i = a->header_fields; i < n; i++)
        if (f[i].n)
            return 1;
    return 0;
}

static igo_error on_record(igoi_csv *csv, const igoi_field *f, size_t n)
{
    csv_source *s = csv->user;
    struct igoi_agg *a = s->c->agg;
    s->src.line = csv->line;
    s->delimiter = csv->delimiter, s->windows_1252 = csv->windows_1252;
    if (!a->header_done)
        return igoi_claims_header(s->c, &s->src, f, n);
    igoi_value v[IGO_CLAIM_COLUMNS];
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
        v[k] = igoi_claims_field(a, f, n, k);
    return igoi_claims_line(s->c, &s->src, v, wrong_field_count(a, f, n));
}

/* ---- reading ahead for the decimal convention ---- */

typedef struct {
    const struct igoi_agg *a;
    int header_done;
    igoi_convention found;
} lookahead;

static igo_error look_at(igoi_csv *csv, const igoi_field *f, size_t n)
{
    lookahead *l = csv->user;
    if (!l->header_done) {
        l->header_done = 1;
        return IGO_OK;
    }
    static const int columns[2] = {IGO_CLAIM_AMOUNT, IGO_CLAIM_UNITS};
    for (int k = 0; k < 2 && l->found == IGOI_NO_CONVENTION; k++) {
        igoi_value v = igoi_claims_field(l->a, f, n, columns[k]);
        int64_t h;
        igoi_parse_amount(v.text.s, v.text.n, IGOI_NO_CONVENTION, &h, &l->found);
    }
    return l->found == IGOI_NO_CONVENTION ? IGO_OK : IGO_ERROR_CANCELLED; /* found: stop */
}

/* A fault met ahead is ignored here: the main read meets it where it lies. */
static igoi_convention look_ahead(igo_claims *c, igoi_source *src)
{
    csv_source *s = src->ctx;
    lookahead l = {c->agg, 0, IGOI_NO_CONVENTION};
    char errmsg[IGO_ERRMSG_SIZE] = "";
    igoi_csv ahead = {.name = src->name, .errmsg = errmsg, .windows_1252 = s->windows_1252,
                      .delimiter = s->delimiter, .on_record = look_at, .user = &l};
    if (s->path)
        igoi_csv_read_path(&ahead, s->path);
    else
        igoi_csv_read_buffer(&ahead, s->data, s->size);
    return l.found;
}

/* ---- the calls ---- */

static igo_error read_claims(igo_claims *c, const char *name, const char *path, const char *data,
                             size_t size)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (!name || (!path && !data && size))
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_read_csv: no file given");
    igo_error e = igoi_claims_file(c, name);
    if (e)
        return e;
    csv_source s = {c, {name, 1, 0, look_ahead, NULL}, path, data ? data : "", size, 0, 0};
    s.src.ctx = &s;
    igoi_csv csv = {.name = name, .errmsg = c->errmsg, .windows_1252 = c->windows_1252,
                    .on_record = on_record, .user = &s, .progress = c->progress};
    e = path ? igoi_csv_read_path(&csv, path) : igoi_csv_read_buffer(&csv, s.data, size);
    if (!e && !c->agg->header_done)
        e = igoi_fail(c->errmsg, IGO_ERROR_VALUE, "%s: is empty: no header line", name);
    return e;
}

igo_error igo_claims_read_csv(igo_claims *c, const char *path)
{
    return read_claims(c, path, path, NULL, 0);
}

igo_error igo_claims_read_csv_buffer(igo_claims *c, const char *name, const char *data,
                                     size_t size)
{
    return read_claims(c, name, NULL, data, size);
}
