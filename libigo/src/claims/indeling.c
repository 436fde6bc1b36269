/* The classification table (`indeling`): code, discipline, phase, rank, IG-prestatie, unit. Rows
 * are added one by one or read from CSV; libigo's default table is compiled in
 * (default_indeling.c, made from python/libigo/data/indeling.csv). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims.h"
#include "csv.h"

static const char *const phases[] = {"prenataal", "nataal", "postnataal"};

/* The phase named by s (1..3), 0 for none (NULL or empty), -1 when unknown. */
static int phase_of(const char *s)
{
    if (!s || !*s)
        return 0;
    for (int k = 0; k < 3; k++)
        if (strcmp(s, phases[k]) == 0)
            return k + 1;
    return -1;
}

/* Checks a row; the message names its code. */
static igo_error check_class(igo_claims *c, const igo_claim_class *row, const char *code)
{
    char what[96];
    snprintf(what, sizeof what, "indeling: code %.40s: discipline", code);
    igo_error e = igoi_check_text(c->errmsg, row->discipline, IGO_TEXT_ID, what);
    if (e)
        return e;
    int phase = phase_of(row->phase);
    int has_prestatie = row->ig_prestatie && *row->ig_prestatie;
    if (phase < 0)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "indeling: code %.40s: fase '%.40s' is not "
                         "prenataal, nataal or postnataal (or empty)", code, row->phase);
    if (row->rank < 0)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "indeling: code %.40s: niveau %d is below 0",
                         code, row->rank);
    if ((phase || row->hourly) && !has_prestatie)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "indeling: code %.40s: a code with a %s "
                         "needs an ig_prestatie", code, phase ? "fase" : "unit uur");
    if (!phase && !row->hourly && has_prestatie)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "indeling: code %.40s: an ig_prestatie "
                         "without a fase (a code without a fase counts for no prestatie)", code);
    snprintf(what, sizeof what, "indeling: code %.40s: ig_prestatie", code);
    return has_prestatie ? igoi_check_text(c->errmsg, row->ig_prestatie, IGO_TEXT_ID, what)
                         : IGO_OK;
}

igo_error igo_claims_add_class(igo_claims *c, const igo_claim_class *row)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (c->reading || !row)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_add_class: %s",
                         row ? "the table is fixed once a claim file is read" : "row is NULL");
    igo_error e = igoi_check_text(c->errmsg, row->code, IGO_TEXT_ID, "indeling: code");
    char code[IGO_MAX_ID_CHARS * 4 + 1];
    if (e || (e = check_class(c, row, row->code)))
        return e;
    size_t n = igoi_normalise_code(row->code, strlen(row->code), code, sizeof code);
    if (n == 0)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "indeling: a code is empty");
    if (c->classes.n >= IGO_CLAIMS_MAX_CODES)
        return igoi_fail(c->errmsg, IGO_ERROR_LIMIT, "indeling: more than %d codes",
                         IGO_CLAIMS_MAX_CODES);
    if (igoi_pool_find(&c->codes, code, n) >= 0)
        return igoi_fail(c->errmsg, IGO_ERROR_DUPLICATE, "indeling: code %s is given twice "
                         "(leading zeros do not count)", code);
    igoi_class k = {0, phase_of(row->phase), row->rank, row->hourly != 0, NULL, 0};
    int64_t d = igoi_pool_intern(&c->disciplines, row->discipline, strlen(row->discipline));
    if (d < 0 || IGO_VEC_ROOM(c->classes, 1) ||
        (row->ig_prestatie && *row->ig_prestatie &&
         !(k.prestatie_id = igoi_strdup(row->ig_prestatie))))
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (igoi_pool_intern(&c->codes, code, n) < 0) {
        free(k.prestatie_id);
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    k.discipline = (uint32_t)d;
    c->classes.v[c->classes.n++] = k;
    return IGO_OK;
}

/* ---- the table as CSV ---- */

enum { COL_CODE, COL_DISCIPLINE, COL_PHASE, COL_RANK, COL_PRESTATIE, COL_UNIT, COLS };
static const char *const column_names[COLS] = {"prestatiecode", "discipline", "fase", "niveau",
                                               "ig_prestatie", "eenheid"};

typedef struct {
    igo_claims *c;
    int col[COLS];
    int header_done;
} table_reader;

/* Whether field f names the column (case-insensitively, ignoring surrounding blanks). */
int igoi_header_is(const igoi_field *f, const char *name)
{
    const char *s = f->s;
    size_t n = f->n, len = strlen(name);
    igoi_trim(&s, &n);
    return n == len && strncasecmp(s, name, len) == 0;
}

static igo_error table_header(igoi_csv *csv, table_reader *r, const igoi_field *f, size_t n)
{
    for (int k = 0; k < COLS; k++) {
        r->col[k] = -1;
        for (size_t i = 0; i < n; i++)
            if (igoi_header_is(&f[i], column_names[k]))
                r->col[k] = (int)i;
        if (r->col[k] < 0 && k != COL_UNIT)
            return igoi_fail(csv->errmsg, IGO_ERROR_VALUE, "%s line %llu: no column '%s' in "
                             "the header", csv->name, (unsigned long long)csv->line,
                             column_names[k]);
    }
    r->header_done = 1;
    return IGO_OK;
}

/* The field of column k, or "" when the row is short of it. */
static const char *field(const table_reader *r, const igoi_field *f, size_t n, int k)
{
    return r->col[k] >= 0 && (size_t)r->col[k] < n ? f[r->col[k]].s : "";
}

static igo_error table_row(igoi_csv *csv, const igoi_field *f, size_t n)
{
    table_reader *r = csv->user;
    if (!r->header_done)
        return table_header(csv, r, f, n);
    const char *rank = field(r, f, n, COL_RANK), *unit = field(r, f, n, COL_UNIT);
    char *end;
    long v = *rank ? strtol(rank, &end, 10) : 0;
    if (*rank && (*end || v < 0 || v > 1000000))
        return igoi_fail(csv->errmsg, IGO_ERROR_VALUE, "%s line %llu: niveau '%.40s' is not a "
                         "whole number from 0", csv->name, (unsigned long long)csv->line, rank);
    if (*unit && strcmp(unit, "traject") && strcmp(unit, "uur"))
        return igoi_fail(csv->errmsg, IGO_ERROR_VALUE, "%s line %llu: eenheid '%.40s' is not "
                         "traject or uur", csv->name, (unsigned long long)csv->line, unit);
    igo_claim_class row = {field(r, f, n, COL_CODE), field(r, f, n, COL_DISCIPLINE),
                           field(r, f, n, COL_PHASE), (int)v, field(r, f, n, COL_PRESTATIE),
                           strcmp(unit, "uur") == 0};
    igo_error e = igo_claims_add_class(r->c, &row);
    if (e) { /* the message names the code: add the file and line */
        char where[IGO_ERRMSG_SIZE];
        snprintf(where, sizeof where, "%s line %llu: ", csv->name,
                 (unsigned long long)csv->line);
        igoi_fail_prefix(csv->errmsg, where);
    }
    return e;
}

static igo_error read_table(igo_claims *c, const char *name, const char *path, const char *data,
                            size_t size)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (!name)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "indeling: no file given");
    table_reader r = {c, {0}, 0};
    igoi_csv csv = {.name = name, .errmsg = c->errmsg, .on_record = table_row, .user = &r};
    igo_error e = path ? igoi_csv_read_path(&csv, path) : igoi_csv_read_buffer(&csv, data, size);
    if (!e && !r.header_done)
        e = igoi_fail(c->errmsg, IGO_ERROR_VALUE, "%s: is empty: no header line", name);
    return e;
}

igo_error igo_claims_read_indeling(igo_claims *c, const char *path)
{
    return read_table(c, path, path, NULL, 0);
}

igo_error igo_claims_use_default_indeling(igo_claims *c)
{
    const char *csv = igo_claims_default_indeling_csv();
    return read_table(c, "the default indeling", NULL, csv, strlen(csv));
}

/* ---- fixing the table when reading begins ---- */

static igo_error add_prestatie(igo_claims *c, const char *id)
{
    char *copy = igoi_strdup(id);
    if (!copy || IGO_VEC_ROOM(c->prestaties, 1)) {
        free(copy);
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    c->prestaties.v[c->prestaties.n++] = copy;
    return IGO_OK;
}

static int64_t prestatie_index(const igo_claims *c, const char *id)
{
    for (size_t p = 0; p < c->prestaties.n; p++)
        if (strcmp(c->prestaties.v[p], id) == 0)
            return (int64_t)p;
    return -1;
}

igo_error igoi_claims_begin(igo_claims *c)
{
    if (c->reading)
        return IGO_OK;
    if (!c->classes.n)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "no classification table: add one "
                         "(igo_claims_read_indeling, igo_claims_use_default_indeling) first");
    igo_error e = IGO_OK;
    for (size_t i = 0; !e && i < c->catalogue.n; i++)
        e = add_prestatie(c, c->catalogue.v[i]);
    for (size_t i = 0; !e && !c->catalogue.n && igoi_default_prestatie(i); i++)
        e = add_prestatie(c, igoi_default_prestatie(i));
    for (size_t i = 0; !e && i < c->classes.n; i++) {
        igoi_class *k = &c->classes.v[i];
        int64_t p = k->prestatie_id ? prestatie_index(c, k->prestatie_id) : 0;
        if (p < 0)
            e = igoi_fail(c->errmsg, IGO_ERROR_UNKNOWN, "indeling: code %s: ig_prestatie '%s' "
                          "is not in the catalogue", igoi_pool_text(&c->codes, i, NULL),
                          k->prestatie_id);
        k->prestatie = (uint32_t)p;
    }
    if (e) { /* the order is made again on the next try */
        for (size_t p = 0; p < c->prestaties.n; p++)
            free(c->prestaties.v[p]);
        c->prestaties.n = 0;
        return e;
    }
    c->reading = 1;
    return IGO_OK;
}
