/* igo_workbook_read_transition: the Overgang sheet's inputs back into a transition, every value
 * through the transition's own setters, a refusal naming the sheet and cell. */
#include <stdlib.h>
#include <string.h>

#include "../transition/transition.h"
#include "../xlsx/reader.h"
#include "read.h"

enum { WANTED = 1u << RD_PROVIDERS | 1u << RD_TR_LIMITS | 1u << RD_TR_YEARS |
                1u << RD_TR_PROVIDERS };
/* The most model incomes the years may hold in all (years x providers). */
enum { RD_TR_MAX_FIGURES = 4 << 20 };

/* The limits: fractions 0..1, or -1 for an empty cell (no limit). */
static igo_error read_limits(rd *x, igo_transition *t)
{
    double limit[2];
    for (uint32_t r = 0; r < 2; r++) {
        int given;
        RD_NUMBER(x, RD_TR_LIMITS, r, 0, &limit[r], &given);
        if (given && !(limit[r] >= 0 && limit[r] <= 1))
            return igoi_rd_fail(x, RD_TR_LIMITS, r, 0, IGO_ERROR_VALUE,
                                "%.15g is not a percentage from 0%% to 100%%", limit[r]);
        limit[r] = given ? limit[r] : -1;
    }
    return igo_transition_set_limits(t, limit[0], limit[1]);
}

/* The years: rows until the last one used; an empty row before a used one is refused. */
static igo_error read_years(rd *x, igo_transition *t, const int64_t *model)
{
    uint32_t gap = UINT32_MAX; /* the first empty row */
    for (uint32_t r = 0; r < x->blocks[RD_TR_YEARS].rows; r++) {
        if (igoi_rd_empty(x, RD_TR_YEARS, r, 0) && igoi_rd_empty(x, RD_TR_YEARS, r, 1)) {
            gap = gap < r ? gap : r;
            continue;
        }
        if (gap != UINT32_MAX)
            return igoi_rd_fail(x, RD_TR_YEARS, r, 0, IGO_ERROR_VALUE,
                                "a year after an empty row");
        double year, share;
        int given_year, given_share;
        RD_NUMBER(x, RD_TR_YEARS, r, 0, &year, &given_year);
        RD_NUMBER(x, RD_TR_YEARS, r, 1, &share, &given_share);
        if (!given_year)
            return igoi_rd_fail(x, RD_TR_YEARS, r, 0, IGO_ERROR_VALUE,
                                "a share matched to history without a year");
        if (!(year >= 1 && year <= 9999) || year != (int)year) /* (the cast only in range) */
            return igoi_rd_fail(x, RD_TR_YEARS, r, 0, IGO_ERROR_VALUE,
                                "a year is a whole number from 1 to 9999");
        if (!given_share)
            return igoi_rd_fail(x, RD_TR_YEARS, r, 1, IGO_ERROR_VALUE,
                                "the share matched to history is missing");
        /* Each year keeps its own copy of the model incomes: bounded as the blocks are. */
        if ((t->years.n + 1) * (x->model->providers.n + 1) > RD_TR_MAX_FIGURES)
            return igoi_rd_fail(x, RD_TR_YEARS, r, 0, IGO_ERROR_LIMIT,
                                "too many years for %zu providers", x->model->providers.n);
        igo_error e = igo_transition_add_year(t, (int)year, share, model);
        if (e) {
            snprintf(x->model->errmsg, IGO_ERRMSG_SIZE, "%s", igo_transition_errmsg(t));
            return igoi_rd_prefix(x, RD_TR_YEARS, r, 0, e);
        }
    }
    return IGO_OK;
}

/* An amount in EUR as cents; given is 0 for an empty cell. */
static igo_error amount(rd *x, uint32_t r, uint32_t c, int64_t *cents, int *given)
{
    double eur;
    RD_NUMBER(x, RD_TR_PROVIDERS, r, c, &eur, given);
    if (*given && igo_round_cents_checked(eur, cents) != IGO_OK)
        return igoi_rd_fail(x, RD_TR_PROVIDERS, r, c, IGO_ERROR_VALUE,
                            "%.15g is not an amount of money", eur);
    return IGO_OK;
}

static igo_error read_provider(rd *x, igo_transition *t, igo_strmap *ids, uint8_t *seen,
                               uint32_t r)
{
    const char *id;
    int64_t history = 0, guarantee = -1;
    int has_history, has_guarantee;
    igo_error e = igoi_rd_provider_id(x, RD_TR_PROVIDERS, r, &id);
    if (!e)
        e = amount(x, r, 2, &history, &has_history);
    if (!e)
        e = amount(x, r, 3, &guarantee, &has_guarantee);
    if (e || (!*id && !has_history && !has_guarantee))
        return e;
    if (!*id)
        return igoi_rd_fail(x, RD_TR_PROVIDERS, r, 2, IGO_ERROR_VALUE,
                            "amounts on a row without a provider");
    size_t o = igoi_strmap_get(ids, id);
    if (o == (size_t)-1)
        return igoi_rd_fail(x, RD_TR_PROVIDERS, r, 0, IGO_ERROR_UNKNOWN,
                            "provider '%s' is not one of the model's", id);
    if (seen[o]++)
        return igoi_rd_fail(x, RD_TR_PROVIDERS, r, 0, IGO_ERROR_DUPLICATE,
                            "provider '%s' has a second row", id);
    if (!has_history)
        return igoi_rd_fail(x, RD_TR_PROVIDERS, r, 2, IGO_ERROR_VALUE,
                            "no historical income for provider '%s' (give 0 for none)", id);
    e = igo_transition_set_provider(t, o, id, history);
    if (!e && has_guarantee)
        e = igo_transition_set_guarantee(t, o, guarantee);
    if (e) {
        snprintf(x->model->errmsg, IGO_ERRMSG_SIZE, "%s", igo_transition_errmsg(t));
        return igoi_rd_prefix(x, RD_TR_PROVIDERS, r, has_guarantee ? 3 : 2, e);
    }
    return IGO_OK;
}

/* Every provider row; then every model provider must have had one. */
static igo_error read_providers(rd *x, igo_transition *t)
{
    const igo_model *m = x->model;
    igo_strmap ids = {0};
    uint8_t *seen = calloc(m->providers.n + 1, 1);
    igo_error e = seen ? IGO_OK : igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (size_t o = 0; !e && o < m->providers.n; o++)
        if (igoi_strmap_put(&ids, m->providers.v[o].id, o) != 0)
            e = igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (uint32_t r = 0; !e && r < x->blocks[RD_TR_PROVIDERS].rows; r++)
        e = read_provider(x, t, &ids, seen, r);
    for (size_t o = 0; !e && o < m->providers.n; o++)
        if (!seen[o])
            e = igoi_fail(x->model->errmsg, IGO_ERROR_VALUE,
                          "%s: '%s': no row for provider '%s' (give 0 for a provider without "
                          "history)", x->path, x->blocks[RD_TR_PROVIDERS].sheet_name,
                          m->providers.v[o].id);
    igoi_strmap_free(&ids);
    free(seen);
    return e;
}

static igo_error read_transition(rd *x, const int64_t *model, igo_transition **out)
{
    igo_error e = igoi_rd_load(x);
    if (!e)
        e = igoi_rd_shape(x, RD_TR_LIMITS, 2, 1);
    if (!e)
        e = igoi_rd_shape(x, RD_TR_YEARS, 0, 2);
    if (!e)
        e = igoi_rd_shape(x, RD_TR_PROVIDERS, 0, 4);
    igo_transition *t = e ? NULL : igo_transition_new(x->model->providers.n);
    if (!e && !t)
        e = igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (!e)
        e = read_limits(x, t);
    if (!e)
        e = read_years(x, t, model);
    if (!e)
        e = read_providers(x, t);
    if (e || !t->years.n) { /* no year: no transition */
        igo_transition_free(t);
        t = NULL;
    }
    *out = t;
    return e;
}

/* Reads the transition of an opened workbook that has the sheet, on the model's distribution. */
static igo_error read_opened(rd *x, igo_transition **out)
{
    igo_result *r = NULL;
    igo_error e = igo_distribute(x->model, &r);
    if (!e)
        e = read_transition(x, igo_result_provider_totals(r), out);
    igo_result_free(r);
    return e;
}

igo_error igo_workbook_read_transition(igo_model *model, const char *path, igo_transition **out)
{
    if (!model || !out)
        return model ? igoi_fail(model->errmsg, IGO_ERROR_ARGUMENT, "no place for the transition")
                     : IGO_ERROR_ARGUMENT;
    *out = NULL;
    if (!path || !*path)
        return igoi_fail(model->errmsg, IGO_ERROR_ARGUMENT, "workbook: no file name");
    rd x = {.book = igo_xlsx_new(), .model = model, .path = path, .want = WANTED};
    if (!x.book)
        return igoi_fail(model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    igo_xlsx_set_progress(x.book, model->progress.fn, model->progress.data); /* Ctrl-C */
    igo_error e = igo_xlsx_open(x.book, path);
    if (e)
        igoi_fail(model->errmsg, e, "%s", igo_xlsx_errmsg(x.book));
    else if (igo_xlsx_defined_name(x.book, igoi_rd_names[RD_TR_YEARS])) /* (else none) */
        e = read_opened(&x, out);
    igoi_rd_free(&x);
    igo_xlsx_free(x.book);
    if (!e)
        model->errmsg[0] = '\0';
    return e;
}
