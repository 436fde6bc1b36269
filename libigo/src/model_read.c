/* Reading a model's inputs back, each as the model keeps it and whether it was given, so that a
 * binding can rebuild the calls that made the model (a region read from a workbook, say). None
 * allocates; out of range, each says "not given" and writes zeros. */
#include <string.h>

#include "internal.h"

static void put(double *out, double value)
{
    if (out)
        *out = value;
}

static void put_index(size_t *out, size_t value)
{
    if (out)
        *out = value;
}

int igo_model_production(const igo_model *m, size_t p, double *count, double *tariff)
{
    const igo_prestatie *x = m && p < m->prestaties.n ? &m->prestaties.v[p] : NULL;
    put(count, x ? x->count : 0);
    put(tariff, x ? x->tariff : 0);
    return x ? x->produced : 0;
}

int igo_model_cost(const igo_model *m, igo_cost cost, igo_cost_mode *mode, double *value)
{
    int ok = m && (unsigned)cost < IGO_COST_COUNT;
    if (mode)
        *mode = ok ? m->cost_mode[cost] : IGO_COST_AMOUNT;
    put(value, ok ? m->cost_value[cost] : 0);
    return ok ? m->cost_set[cost] : 0;
}

int igo_model_fixed_part(const igo_model *m, size_t o, double *eur, double *min_volume,
                         double *reduction)
{
    const igo_provider *x = m && o < m->providers.n ? &m->providers.v[o] : NULL;
    int given = x && x->fixed_given;
    put(eur, given ? x->fixed : 0);
    put(min_volume, given ? x->fixed_min_volume : 0);
    put(reduction, given ? x->fixed_reduction : 0);
    return given;
}

int igo_model_prestatie_costs(const igo_model *m, size_t p, double *eur)
{
    const igo_prestatie *x = m && p < m->prestaties.n ? &m->prestaties.v[p] : NULL;
    put(eur, x ? x->costs : 0);
    return x ? x->costs_given : 0;
}

const char *igo_model_outside(const igo_model *m, size_t i, double *count, double *tariff)
{
    const igo_outside *x = m && i < m->outside.n ? &m->outside.v[i] : NULL;
    put(count, x ? x->count : 0);
    put(tariff, x ? x->tariff : 0);
    return x ? x->label : NULL;
}

size_t igo_model_outside_target_count(const igo_model *m, size_t i)
{
    return m && i < m->outside.n ? m->outside.v[i].ntargets : 0;
}

size_t igo_model_outside_target(const igo_model *m, size_t i, size_t target)
{
    if (target >= igo_model_outside_target_count(m, i))
        return (size_t)-1;
    return m->given_targets.v[m->outside.v[i].first_target + target];
}

/* The cells of the direct keys or of the volumes, addressed through the model's vectors. */
#define CELLS(m, volume) ((volume) ? (m)->volumes.v : (m)->keys.v)

/* The value at (row, col) of cells kept in call order: the last one set counts, as in
 * igo_distribute(), so the search runs backwards. */
static int cell(const igo_model *m, int volume, size_t row, size_t col, double *value)
{
    for (size_t i = m ? (volume ? m->volumes.n : m->keys.n) : 0; i-- > 0;)
        if (CELLS(m, volume)[i].row == row && CELLS(m, volume)[i].col == col) {
            put(value, CELLS(m, volume)[i].value);
            return 1;
        }
    put(value, 0);
    return 0;
}

int igo_model_key(const igo_model *m, size_t p, size_t d, double *fraction)
{
    return cell(m, 0, p, d, fraction);
}

int igo_model_volume(const igo_model *m, size_t p, size_t o, double *volume)
{
    return cell(m, 1, p, o, volume);
}

size_t igoi_cells_row(const igoi_cell *cells, size_t n, size_t r, size_t columns, double *values,
                      unsigned char *given)
{
    size_t set = 0;
    memset(values, 0, columns * sizeof *values);
    memset(given, 0, columns);
    for (size_t i = 0; i < n; i++) {
        const igoi_cell *c = &cells[i];
        if (c->row == r) {
            set += !given[c->col];
            values[c->col] = c->value, given[c->col] = 1;
        }
    }
    return set;
}

/* A row of keys or volumes in one pass over the cells. */
static size_t row(const igo_model *m, int volume, size_t p, double *values, unsigned char *given)
{
    if (!m || p >= m->prestaties.n || !values || !given)
        return 0;
    size_t columns = volume ? m->providers.n : m->disciplines.n;
    return igoi_cells_row(CELLS(m, volume), volume ? m->volumes.n : m->keys.n, p, columns,
                          values, given);
}

size_t igo_model_key_row(const igo_model *m, size_t p, double *fractions, unsigned char *given)
{
    return row(m, 0, p, fractions, given);
}

size_t igo_model_volume_row(const igo_model *m, size_t p, double *volumes, unsigned char *given)
{
    return row(m, 1, p, volumes, given);
}

size_t igo_model_history_count(const igo_model *m)
{
    return m ? m->history.n : 0;
}

const char *igo_model_history(const igo_model *m, size_t i, size_t *discipline,
                              size_t *prestatie, double *count, double *tariff)
{
    const igo_history *x = m && i < m->history.n ? &m->history.v[i] : NULL;
    put_index(discipline, x ? x->discipline : (size_t)-1);
    put_index(prestatie, x ? x->prestatie : (size_t)-1);
    put(count, x ? x->count : 0);
    put(tariff, x ? x->tariff : 0);
    return x ? x->code : NULL;
}

int igo_model_normalise_keys(const igo_model *m)
{
    return m ? m->normalise_keys : 0;
}

int igo_model_regio(const igo_model *m, size_t field, double *count)
{
    int ok = m && field < IGO_REGIO_COUNT;
    put(count, ok ? m->regio[field] : 0);
    return ok ? m->regio_set[field] : 0;
}

size_t igo_model_transfer_reason_count(const igo_model *m)
{
    return m ? m->reasons.n : 0;
}

const char *igo_model_transfer_reason(const igo_model *m, size_t i, double *count)
{
    const igo_reason *x = m && i < m->reasons.n ? &m->reasons.v[i] : NULL;
    put(count, x ? x->count : 0);
    return x ? x->reason : NULL;
}
