/* Quality bonuses: indicators with targets, each provider's values, a pool from the innovation
 * and quality budget split over the providers by the points they earn. The setters check their
 * input as every model setter does; the plan fixes the points (values do not vary between
 * variants), a run fixes the pool (it may follow the variant's budget) and splits it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

void igoi_indicators_free(igo_model *m)
{
    for (size_t i = 0; i < m->indicators.n; i++)
        free(m->indicators.v[i].id), free(m->indicators.v[i].label);
    free(m->indicators.v), free(m->indicator_values.v);
    igoi_strmap_free(&m->indicator_ids);
}

/* A number that may be negative (a target, a value): finite and within +-1e12. */
static igo_error check_signed(igo_model *m, double value, const char *where, const char *what)
{
    if (fabs(value) <= IGO_MAX_EUR)
        return IGO_OK;
    if (isfinite(value))
        return igoi_fail(m->errmsg, IGO_ERROR_TOO_LARGE, "%s: %s %.15g is outside -%.0f..%.0f",
                         where, what, value, IGO_MAX_EUR, IGO_MAX_EUR);
    return igoi_check_number(m->errmsg, value, IGO_MAX_EUR, where, what); /* (NaN, infinite) */
}

igo_error igo_model_set_bonus_pool(igo_model *m, igo_cost_mode mode, double value)
{
    CHECK_MODEL(m);
    if (mode != IGO_COST_AMOUNT && mode != IGO_COST_SHARE)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "bonus pool: mode %d is out of range",
                         (int)mode);
    igo_error e = mode == IGO_COST_SHARE
                      ? igoi_check_fraction(m->errmsg, value, "bonus pool", "share of the budget")
                      : igoi_check_number(m->errmsg, value, IGO_MAX_EUR, "bonus pool", "amount");
    if (e)
        return e;
    m->bonus_mode = mode, m->bonus_value = igo_canonical(value), m->bonus_set = 1;
    return IGO_OK;
}

igo_error igo_model_add_indicator(igo_model *m, const char *id, const char *label,
                                  double target, int lower_is_better, double weight)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_new_id(m, &m->indicator_ids, id, "indicator");
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "indicator '%s'", e ? "" : id);
    if (!e) {
        const char *const names[] = {"label"};
        e = igoi_check_labels(m, where, &label, names, 1);
    }
    if (!e)
        e = check_signed(m, target, where, "target");
    if (!e)
        e = igoi_check_number(m->errmsg, weight, IGO_MAX_EUR, where, "weight");
    if (e)
        return e;
    if (IGO_VEC_ROOM(m->indicators, 1))
        return igoi_nomem(m);
    igo_indicator x = {.target = igo_canonical(target), .weight = igo_canonical(weight),
                       .lower_is_better = lower_is_better != 0};
    char **out[] = {&x.id, &x.label};
    const char *const in[] = {id, label ? label : id};
    e = igoi_own_and_index(m, &m->indicator_ids, m->indicators.n, out, in, 2);
    if (!e)
        m->indicators.v[m->indicators.n++] = x;
    return e;
}

igo_error igo_model_set_indicator_value(igo_model *m, const char *indicator, const char *provider,
                                        double value)
{
    CHECK_MODEL(m);
    size_t i, o;
    igo_error e = igoi_lookup(m, &m->indicator_ids, indicator, "indicator", "indicator value", &i);
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "indicator '%s'", e ? "" : indicator);
    if (!e)
        e = igoi_lookup(m, &m->provider_ids, provider, "provider", where, &o);
    if (!e) {
        snprintf(where, sizeof where, "indicator '%s', provider '%s'", indicator, provider);
        e = check_signed(m, value, where, "value");
    }
    if (e)
        return e;
    if (IGO_VEC_ROOM(m->indicator_values, 1))
        return igoi_nomem(m);
    m->indicator_values.v[m->indicator_values.n++] = (igoi_cell){i, o, igo_canonical(value)};
    return IGO_OK;
}

/* ---- reading back ---- */

int igo_model_bonus_pool(const igo_model *m, igo_cost_mode *mode, double *value)
{
    int set = m && m->bonus_set;
    if (mode)
        *mode = set ? m->bonus_mode : IGO_COST_AMOUNT;
    if (value)
        *value = set ? m->bonus_value : 0;
    return set;
}

size_t igo_model_indicator_count(const igo_model *m)
{
    return m ? m->indicators.n : 0;
}

const char *igo_model_indicator(const igo_model *m, size_t index, const char **label,
                                double *target, int *lower_is_better, double *weight)
{
    const igo_indicator *x = m && index < m->indicators.n ? &m->indicators.v[index] : NULL;
    if (label)
        *label = x ? x->label : NULL;
    if (target)
        *target = x ? x->target : 0;
    if (lower_is_better)
        *lower_is_better = x ? x->lower_is_better : 0;
    if (weight)
        *weight = x ? x->weight : 0;
    return x ? x->id : NULL;
}

size_t igo_model_indicator_row(const igo_model *m, size_t indicator, double *values,
                               unsigned char *given)
{
    if (!m || indicator >= m->indicators.n || !values || !given)
        return 0;
    return igoi_cells_row(m->indicator_values.v, m->indicator_values.n, indicator,
                          m->providers.n, values, given);
}

int igo_model_indicator_value(const igo_model *m, size_t indicator, size_t provider,
                              double *value)
{
    const igoi_cell *hit = NULL;
    for (size_t k = m ? m->indicator_values.n : 0; !hit && k--;) /* the last set counts */
        if (m->indicator_values.v[k].row == indicator && m->indicator_values.v[k].col == provider)
            hit = &m->indicator_values.v[k];
    if (value)
        *value = hit ? hit->value : 0;
    return hit != NULL;
}

/* ---- the plan and a run ---- */

static int meets(const igo_indicator *x, double value)
{
    return x->lower_is_better ? value <= x->target : value >= x->target;
}

igo_error igoi_plan_points(igo_plan *pl)
{
    const igo_model *m = pl->m;
    size_t I = m->indicators.n, O = pl->provider_count;
    if (!m->bonus_set && I == 0)
        return IGO_OK;
    if (O && I > (SIZE_MAX - 1) / O / sizeof(double))
        return igoi_nomem(pl->m);
    double *value = calloc(I * O + 1, sizeof *value), *terms = calloc(I + 1, sizeof *terms);
    unsigned char *given = calloc(I * O + 1, 1);
    pl->points = calloc(O + 1, sizeof *pl->points);
    igo_error e = value && terms && given && pl->points ? IGO_OK : igoi_nomem(pl->m);
    for (size_t k = 0; !e && k < m->indicator_values.n; k++) { /* in call order: the last counts */
        const igoi_cell *c = &m->indicator_values.v[k];
        value[c->row * O + c->col] = c->value, given[c->row * O + c->col] = 1;
    }
    for (size_t o = 0; !e && o < O; o++) {
        for (size_t i = 0; i < I; i++) {
            const igo_indicator *x = &m->indicators.v[i];
            terms[i] = given[i * O + o] && meets(x, value[i * O + o]) ? x->weight : 0;
        }
        pl->points[o] = igoi_fsum(terms, I);
    }
    if (!e) {
        pl->points_sum = igoi_fsum(pl->points, O);
        pl->points_largest = igoi_argmax(pl->points, O);
    }
    free(value), free(terms), free(given);
    return e;
}

igo_error igoi_run_bonuses(const igo_plan *pl, igo_output *out)
{
    const igo_model *m = pl->m;
    out->bonus_pool = out->bonus_paid = 0;
    if (out->bonuses)
        memset(out->bonuses, 0, pl->provider_count * sizeof *out->bonuses);
    if (!m->bonus_set)
        return IGO_OK;
    int64_t budget = out->costs[IGO_COST_INNOVATIE_KWALITEIT];
    out->bonus_pool = igo_round_cents_fast(
        m->bonus_mode == IGO_COST_SHARE ? m->bonus_value * igo_eur(budget) : m->bonus_value);
    if (out->bonus_pool > budget) {
        char a[32], b[32];
        return igoi_fail(pl->m->errmsg, IGO_ERROR_VALUE,
                         "the bonus pool of EUR %s exceeds the innovation and quality budget "
                         "(innovatie_kwaliteit) of EUR %s",
                         igoi_fmt_cents(a, out->bonus_pool), igoi_fmt_cents(b, budget));
    }
    if (!(pl->points_sum > 0)) /* nobody earned a point: the pool stays in the budget */
        return IGO_OK;
    out->bonus_paid = out->bonus_pool;
    if (out->bonuses)
        igoi_split(out->bonus_pool, pl->points, pl->provider_count, pl->points_sum,
                   pl->points_largest, out->bonuses);
    return IGO_OK;
}
