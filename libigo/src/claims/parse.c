/* The reading side of a claim line: the header's columns, the file's decimal convention, and
 * each line's values typed (amount and units in hundredths, date, class) with the reason it is
 * set aside, if any. Nothing here is counted (aggregate.c counts), so that reading may run on a
 * thread of its own. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "agg.h"

static const char *const default_columns[IGO_CLAIM_COLUMNS] = {
    "traject", "zorgaanbieder", "prestatiecode", "bedrag", "datum", "aantal"};

const char *igoi_claims_column_name(const igo_claims *c, int k)
{
    return c->column_names[k] ? c->column_names[k] : default_columns[k];
}

/* ---- the header ---- */

igo_error igoi_claims_header(igo_claims *c, igoi_source *src, const igoi_field *f, size_t n)
{
    struct igoi_agg *a = c->agg;
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++) {
        const char *name = igoi_claims_column_name(c, k);
        a->column[k] = -1;
        for (size_t i = 0; i < n; i++) {
            if (!igoi_header_is(&f[i], name))
                continue;
            if (a->column[k] >= 0)
                return igoi_fail(src->errmsg, IGO_ERROR_VALUE, "%s line %llu: the column '%s' "
                                 "is named twice in the header", src->name,
                                 (unsigned long long)src->line, name);
            a->column[k] = (int)i;
        }
        if (a->column[k] < 0 && k < IGO_CLAIM_DATE)
            return igoi_fail(src->errmsg, IGO_ERROR_VALUE, "%s line %llu: no column '%s' in the "
                             "header (a required column)", src->name,
                             (unsigned long long)src->line, name);
    }
    a->header_fields = n;
    a->header_done = 1;
    return IGO_OK;
}

/* ---- the convention ---- */

static const char *decimal_name(igoi_convention conv)
{
    return conv == IGOI_DUTCH ? "comma (Dutch)" : "point (English)";
}

/* Records the convention a value reveals; a file error when it contradicts the file's. */
static igo_error note_convention(igo_claims *c, igoi_source *src, igoi_convention revealed,
                                 const igoi_field *value)
{
    struct igoi_agg *a = c->agg;
    if (revealed == IGOI_NO_CONVENTION || revealed == a->convention)
        return IGO_OK;
    if (a->convention == IGOI_NO_CONVENTION) {
        a->convention = revealed;
        a->convention_line = src->line;
        return IGO_OK;
    }
    return igoi_fail(src->errmsg, IGO_ERROR_VALUE, "%s line %llu: '%.40s' has a decimal %s, but "
                     "line %llu has a decimal %s: a file must use one convention", src->name,
                     (unsigned long long)src->line, value->s, decimal_name(revealed),
                     (unsigned long long)a->convention_line, decimal_name(a->convention));
}

/* A value reads differently in each convention and none is known yet: the source is read ahead
 * for the first value that shows it. When none does, the file is refused: guessing would make
 * every such amount a thousand times too large or too small. */
static igo_error decide_convention(igo_claims *c, igoi_source *src, const igoi_field *value)
{
    struct igoi_agg *a = c->agg;
    igoi_convention found;
    igo_error e = src->look_ahead(c, src, &found);
    if (e)
        return e;
    if (found == IGOI_NO_CONVENTION)
        return igoi_fail(src->errmsg, IGO_ERROR_VALUE, "%s line %llu: '%.40s' is a thousand "
                         "times more in Dutch notation than in English, and no amount in the "
                         "file shows which it uses: give the decimal sign (',' or '.')",
                         src->name, (unsigned long long)src->line, value->s);
    a->convention = found;
    a->convention_line = src->line;
    return IGO_OK;
}

igoi_convention igoi_claims_reveals(const igoi_field *values, size_t n)
{
    igoi_convention found = IGOI_NO_CONVENTION;
    for (size_t i = 0; i < n && found == IGOI_NO_CONVENTION; i++) {
        int64_t h;
        igoi_parse_amount(values[i].s, values[i].n, IGOI_NO_CONVENTION, &h, &found);
    }
    return found;
}

int igoi_claims_progress_held(void *data, double done)
{
    igoi_source *src = data;
    (void)done;
    return src->progress.fn(src->progress.data, src->done);
}

/* A spreadsheet's number in hundredths: amounts have at most two decimals (a difference in
 * the last bits of the double is its binary form, not a third decimal). */
static int hundredths_of(double x, int64_t *v)
{
    double h = x * 100;
    if (!(h > -(double)IGO_MAX_CENTS && h < (double)IGO_MAX_CENTS))
        return -1; /* beyond the limit, or not finite */
    double r = round(h);
    if (fabs(h - r) > fabs(r) * 4 * DBL_EPSILON + 1e-9)
        return -1; /* a third decimal, not the double's last bits */
    *v = (int64_t)r;
    return 0;
}

/* Reads an amount or units value; *ok is set when it is a number. */
static igo_error number(igo_claims *c, igoi_source *src, const igoi_value *x, int64_t *v, int *ok)
{
    struct igoi_agg *a = c->agg;
    if (x->is_number) {
        *ok = hundredths_of(x->number, v) == 0;
        return IGO_OK;
    }
    igoi_convention revealed;
    igoi_number r = igoi_parse_amount(x->text.s, x->text.n, a->convention, v, &revealed);
    igo_error e = note_convention(c, src, revealed, &x->text);
    if (!e && r == IGOI_UNDECIDED && !(e = decide_convention(c, src, &x->text)))
        r = igoi_parse_amount(x->text.s, x->text.n, a->convention, v, &revealed);
    *ok = r == IGOI_NUMBER;
    return e;
}

/* A date value: text, or a spreadsheet's serial number. 0 when it is a date. */
static int date_of(const igoi_source *src, const igoi_value *x, igoi_day *day)
{
    if (!x->is_number)
        return igoi_parse_claim_date(x->text.s, x->text.n, day);
    /* 1970-01-01 is serial 25569 in the 1900 date system, 24107 in the 1904 one */
    double d = x->number - (src->date1904 ? 24107 : 25569);
    if (!(d > -25567 && d < 2932897)) /* 1900-01-01 .. 9999-12-31 */
        return -1;
    *day = (igoi_day)floor(d); /* a time of day is a fraction */
    return 0;
}

/* ---- a claim line ---- */

/* The reason a line is set aside for, given its values, or IGO_CLAIM_REASONS to classify it. */
static igo_claim_reason reason(igo_claims *c, const igoi_value *v, int64_t code, int amount_ok,
                               int units_ok, igoi_day day, int date_ok)
{
    if (!v[IGO_CLAIM_TRAJECT].text.n && !v[IGO_CLAIM_TRAJECT].is_number)
        return IGO_CLAIM_NO_TRAJECT;
    if (!v[IGO_CLAIM_PROVIDER].text.n && !v[IGO_CLAIM_PROVIDER].is_number)
        return IGO_CLAIM_NO_PROVIDER;
    if (code < 0)
        return IGO_CLAIM_UNKNOWN_CODE;
    if (!amount_ok)
        return IGO_CLAIM_BAD_AMOUNT;
    if (!units_ok)
        return IGO_CLAIM_BAD_UNITS;
    if (!date_ok)
        return IGO_CLAIM_BAD_DATE;
    int dated = v[IGO_CLAIM_DATE].text.n || v[IGO_CLAIM_DATE].is_number;
    if (dated && ((c->has_from && day < c->from) || (c->has_to && day >= c->to)))
        return IGO_CLAIM_OUTSIDE_PERIOD;
    return IGO_CLAIM_REASONS;
}

/* The code's class, or -1 when the table has none. */
static int64_t class_of(const igo_claims *c, const igoi_value *code)
{
    char text[64];
    size_t n = igoi_normalise_code(code->text.s, code->text.n, text, sizeof text);
    return n ? igoi_pool_find(&c->codes, text, n) : -1;
}

igo_error igoi_claims_parse(igo_claims *c, igoi_source *src, const igoi_value *v, int wrong_count,
                            igoi_parsed *out)
{
    *out = (igoi_parsed){src->line, IGO_CLAIM_FIELD_COUNT, 0, 0, 0, 100};
    if (wrong_count)
        return IGO_OK;
    int units_ok = 1, date_ok = 1;
    igoi_day day = 0;
    const igoi_value *u = &v[IGO_CLAIM_UNITS], *d = &v[IGO_CLAIM_DATE];
    igo_error e = number(c, src, &v[IGO_CLAIM_AMOUNT], &out->cents, &out->amount_ok);
    if (!e && (u->text.n || u->is_number)) {
        e = number(c, src, u, &out->units, &units_ok);
        units_ok = units_ok && out->units > 0;
    }
    if (e)
        return e;
    if (d->text.n || d->is_number)
        date_ok = date_of(src, d, &day) == 0;
    if (!out->amount_ok)
        out->cents = 0;
    int64_t k = class_of(c, &v[IGO_CLAIM_CODE]);
    out->reason = reason(c, v, k, out->amount_ok, units_ok, day, date_ok);
    out->k = k < 0 ? 0 : (uint32_t)k;
    return IGO_OK;
}

