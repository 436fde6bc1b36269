/* An aggregation of claims: its life and its options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims.h"

igo_claims *igo_claims_new(void)
{
    return calloc(1, sizeof(igo_claims));
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

void igo_claims_free(igo_claims *c)
{
    if (!c)
        return;
    igoi_claims_agg_free(c);
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
        free(c->column_names[k]);
    free_ids(c->catalogue.v, c->catalogue.n);
    free_ids(c->prestaties.v, c->prestaties.n);
    for (size_t i = 0; i < c->classes.n; i++)
        free(c->classes.v[i].prestatie_id);
    free(c->classes.v);
    igoi_pool_free(&c->codes);
    igoi_pool_free(&c->disciplines);
    free(c);
}

const char *igo_claims_errmsg(const igo_claims *c)
{
    return c ? c->errmsg : "";
}

void igo_claims_set_progress(igo_claims *c, igo_progress_fn fn, void *user_data)
{
    if (c)
        igoi_callback_set(&c->progress, fn, user_data);
}

/* The common checks of a setter: c given, reading not begun. */
static igo_error setter(igo_claims *c, const char *what)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (c->reading)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "%s: set before the first claim file "
                         "is read", what);
    return IGO_OK;
}

igo_error igo_claims_set_column(igo_claims *c, igo_claim_column column, const char *name)
{
    igo_error e = setter(c, "igo_claims_set_column");
    if (e)
        return e;
    if ((unsigned)column >= IGO_CLAIM_COLUMNS)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_set_column: no column %d",
                         (int)column);
    if ((e = igoi_check_text(c->errmsg, name, IGO_TEXT_ID, "column name")))
        return e;
    char *copy = igoi_strdup(name);
    if (!copy)
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    free(c->column_names[column]);
    c->column_names[column] = copy;
    return IGO_OK;
}

igo_error igo_claims_set_encoding(igo_claims *c, const char *encoding)
{
    igo_error e = setter(c, "igo_claims_set_encoding");
    if (e)
        return e;
    if (encoding && (!strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8")))
        c->windows_1252 = 0;
    else if (encoding && (!strcasecmp(encoding, "windows-1252") ||
                          !strcasecmp(encoding, "cp1252")))
        c->windows_1252 = 1;
    else
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "encoding: '%s' is not utf-8 or "
                         "windows-1252", encoding && strlen(encoding) < 40 ? encoding : "?");
    return IGO_OK;
}

igo_error igo_claims_set_decimal(igo_claims *c, char separator)
{
    igo_error e = setter(c, "igo_claims_set_decimal");
    if (e)
        return e;
    if (separator != ',' && separator != '.' && separator != 0)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "decimal sign: '%c' is not ',' or '.'",
                         separator >= 0x20 && separator < 0x7f ? separator : '?');
    c->convention = separator == ',' ? IGOI_DUTCH : separator == '.' ? IGOI_ENGLISH
                                                                    : IGOI_NO_CONVENTION;
    return IGO_OK;
}

/* Reads one bound of the period; NULL is none. */
static igo_error bound(igo_claims *c, const char *text, const char *what, int *has, igoi_day *day)
{
    *has = text != NULL;
    if (!text)
        return IGO_OK;
    if (igoi_parse_claim_date(text, strlen(text), day))
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "period: %s '%.40s' is not a date "
                         "(2024-03-01)", what, text);
    return IGO_OK;
}

igo_error igo_claims_set_period(igo_claims *c, const char *from, const char *to)
{
    igo_error e = setter(c, "igo_claims_set_period");
    int has_from, has_to;
    igoi_day f = 0, t = 0;
    if (e || (e = bound(c, from, "from", &has_from, &f)) || (e = bound(c, to, "to", &has_to, &t)))
        return e;
    if (has_from && has_to && t <= f)
        return igoi_fail(c->errmsg, IGO_ERROR_VALUE, "period: to (%s) is not after from (%s)",
                         to, from);
    c->has_from = has_from, c->has_to = has_to, c->from = f, c->to = t;
    return IGO_OK;
}

igo_error igo_claims_set_catalogue(igo_claims *c, const char *const *ids, size_t n)
{
    igo_error e = setter(c, "igo_claims_set_catalogue");
    if (e)
        return e;
    if (!ids && n)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_set_catalogue: ids is NULL");
    for (size_t i = 0; i < n; i++) {
        if ((e = igoi_check_text(c->errmsg, ids[i], IGO_TEXT_ID, "catalogue: prestatie")))
            return e;
        for (size_t k = 0; k < i; k++)
            if (strcmp(ids[k], ids[i]) == 0)
                return igoi_fail(c->errmsg, IGO_ERROR_DUPLICATE, "catalogue: prestatie '%s' "
                                 "is given twice", ids[i]);
    }
    IGO_VEC(char *) copy = {calloc(n ? n : 1, sizeof(char *)), n, n};
    for (size_t i = 0; copy.v && i < n; i++)
        if (!(copy.v[i] = igoi_strdup(ids[i]))) {
            free_ids(copy.v, n);
            copy.v = NULL;
        }
    if (!copy.v)
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    free_ids(c->catalogue.v, c->catalogue.n);
    c->catalogue.v = copy.v, c->catalogue.n = c->catalogue.cap = n;
    return IGO_OK;
}
