/* The comparison sheet's starting points: the baseline's figures matched to the written model's
 * rows by id, as libigo.compare matches them (an id in only one of the two counts as 0 in the
 * other). */
#include <math.h>
#include <stdlib.h>

#include "whatif_wb.h"

/* One level of a model: its ids and names, its figure per row, and its index of ids. */
typedef struct level {
    size_t n;
    const char *(*id)(const igo_model *m, size_t i);
    const char *(*name)(const igo_model *m, size_t i);
    const igo_strmap *ids;
} level;

static const char *provider_id(const igo_model *m, size_t i) { return m->providers.v[i].id; }
static const char *provider_name(const igo_model *m, size_t i) { return m->providers.v[i].name; }
static const char *discipline_id(const igo_model *m, size_t i) { return m->disciplines.v[i].id; }
static const char *discipline_name(const igo_model *m, size_t i)
{
    return m->disciplines.v[i].label;
}
static const char *prestatie_id(const igo_model *m, size_t i) { return m->prestaties.v[i].code; }
static const char *prestatie_name(const igo_model *m, size_t i)
{
    return m->prestaties.v[i].label;
}

static level level_of(const igo_model *m, int l)
{
    switch (l) {
    case WI_PROVIDERS:
        return (level){m->providers.n, provider_id, provider_name, &m->provider_ids};
    case WI_DISCIPLINES:
        return (level){m->disciplines.n, discipline_id, discipline_name, &m->discipline_ids};
    default:
        return (level){m->prestaties.n, prestatie_id, prestatie_name, &m->prestatie_ids};
    }
}

int64_t igoi_wb_whatif_figure(const igo_result *r, int l, size_t i)
{
    if (l == WI_PROVIDERS)
        return igo_result_provider_totals(r)[i] + igo_result_bonuses(r)[i];
    if (l == WI_DISCIPLINES)
        return igo_result_discipline_totals(r)[i];
    return igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE)[i];
}

/* One level: the model's rows (and spare ones), then the baseline's ids the model lacks. */
static int prepare_level(wb_whatif *wi, int l, const igo_model *m, size_t spare,
                         const igo_model *b, const igo_result *r)
{
    level own = level_of(m, l), base = level_of(b, l);
    size_t extra = 0;
    for (size_t i = 0; i < base.n; i++)
        extra += igoi_strmap_get(own.ids, base.id(b, i)) == (size_t)-1;
    size_t rows = own.n + spare + extra;
    wi->rows[l] = rows, wi->extra[l] = extra;
    wi->before[l] = calloc(rows + 1, sizeof *wi->before[l]);
    wi->given[l] = calloc(rows + 1, 1);
    wi->extra_id[l] = calloc(extra + 1, sizeof *wi->extra_id[l]);
    wi->extra_name[l] = calloc(extra + 1, sizeof *wi->extra_name[l]);
    if (!wi->before[l] || !wi->given[l] || !wi->extra_id[l] || !wi->extra_name[l])
        return -1;
    for (size_t i = 0; i < own.n; i++) {
        size_t at = igoi_strmap_get(base.ids, own.id(m, i));
        if (at != (size_t)-1)
            wi->before[l][i] = igoi_wb_whatif_figure(r, l, at), wi->given[l][i] = 1;
    }
    size_t row = own.n + spare, k = 0;
    for (size_t i = 0; i < base.n; i++)
        if (igoi_strmap_get(own.ids, base.id(b, i)) == (size_t)-1) {
            wi->extra_id[l][k] = base.id(b, i), wi->extra_name[l][k++] = base.name(b, i);
            wi->before[l][row] = igoi_wb_whatif_figure(r, l, i), wi->given[l][row++] = 1;
        }
    return 0;
}

static igo_error prepare(wb_whatif *wi, const igo_model *m, size_t provider_rows,
                         const igo_model *b, const igo_result *r, char *errmsg)
{
    for (int l = 0; l < WI_LEVELS; l++) {
        size_t spare = l == WI_PROVIDERS ? provider_rows - m->providers.n : 0;
        if (prepare_level(wi, l, m, spare, b, r))
            return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    igoi_wb_whatif_totals(r, wi->totals);
    return IGO_OK;
}

static int bad_threshold(double x, double most)
{
    return !isfinite(x) || x < 0 || x > most;
}

igo_error igoi_wb_whatif_start(wb_whatif *wi, igo_model *m, const igo_result *r,
                               size_t provider_rows, const igo_workbook_options *options)
{
    igo_model *b = options ? options->baseline : NULL;
    if (options) {
        if (bad_threshold(options->threshold, IGO_MAX_EUR) ||
            bad_threshold(options->threshold_share, INFINITY))
            return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT,
                             "the thresholds of a material change must be 0 or more, EUR %g at "
                             "most (EUR %g, share %g)",
                             IGO_MAX_EUR, options->threshold, options->threshold_share);
        wi->threshold = options->threshold, wi->threshold_share = options->threshold_share;
    }
    if (!b || b == m)
        return prepare(wi, m, provider_rows, m, r, m->errmsg);
    igo_result *br;
    igo_error e = igo_distribute(b, &br);
    if (e)
        return igoi_fail(m->errmsg, e, "baseline: %s", igo_model_errmsg(b));
    e = prepare(wi, m, provider_rows, b, br, m->errmsg);
    igo_result_free(br);
    return e;
}

void igoi_wb_whatif_totals(const igo_result *r, int64_t out[WT_ROWS])
{
    int64_t costs = 0;
    for (int k = 0; k < IGO_COST_COUNT; k++)
        costs += igo_result_cost(r, (igo_cost)k);
    const int64_t totals[WT_ROWS] = {igo_result_income(r), costs, igo_result_outside_total(r),
                                     igo_result_distributed(r), igo_result_bonuses_paid(r)};
    for (int k = 0; k < WT_ROWS; k++)
        out[k] = totals[k];
}

void igoi_wb_whatif_free(wb_whatif *wi)
{
    for (int l = 0; l < WI_LEVELS; l++) {
        free(wi->before[l]), free(wi->given[l]);
        free((void *)wi->extra_id[l]), free((void *)wi->extra_name[l]);
    }
}

void igoi_wb_make_whatif_layout(wb_layout *at, const wb_whatif *wi)
{
    at->wi.thresholds = 6;
    at->wi.totals = at->wi.thresholds + WH_ROWS + 3;
    int row = at->wi.totals + WT_ROWS + 4;
    for (int l = 0; l < WI_LEVELS; l++) {
        at->wi.level[l] = row;
        row += (int)wi->rows[l] + 1 + 4; /* its rows, a total row, and room above the next */
    }
}
