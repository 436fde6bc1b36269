/* Building a model: every setter checks its input at once and leaves the model unchanged when it
 * refuses it, with a message naming the prestatie, discipline or provider. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

igo_model *igo_model_new(void)
{
    return calloc(1, sizeof(igo_model));
}

void igo_model_free(igo_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->prestaties.n; i++) {
        igo_prestatie *p = &m->prestaties.v[i];
        free(p->code), free(p->label), free(p->phase), free(p->unit);
    }
    for (size_t i = 0; i < m->disciplines.n; i++)
        free(m->disciplines.v[i].id), free(m->disciplines.v[i].label);
    for (size_t i = 0; i < m->providers.n; i++)
        free(m->providers.v[i].id), free(m->providers.v[i].name);
    for (size_t i = 0; i < m->outside.n; i++)
        free(m->outside.v[i].label);
    for (size_t i = 0; i < m->history.n; i++)
        free(m->history.v[i].code);
    for (size_t i = 0; i < m->reasons.n; i++)
        free(m->reasons.v[i].reason);
    free(m->reasons.v);
    free(m->prestaties.v), free(m->disciplines.v), free(m->providers.v), free(m->outside.v);
    free(m->targets.v), free(m->given_targets.v), free(m->keys.v), free(m->volumes.v);
    free(m->history.v);
    igoi_indicators_free(m);
    igoi_strmap_free(&m->prestatie_ids);
    igoi_strmap_free(&m->discipline_ids);
    igoi_strmap_free(&m->provider_ids);
    free(m->name);
    free(m);
}

const char *igo_model_errmsg(const igo_model *m)
{
    return m ? m->errmsg : "no model (NULL)";
}

igo_error igo_model_set_progress(igo_model *m, igo_progress_fn progress, void *user_data)
{
    return igoi_callback_set(m ? &m->progress : NULL, progress, user_data);
}

/* ---- helpers ---- */

igo_error igoi_nomem(igo_model *m)
{
    return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
}

/* A new id must be a valid, non-empty text and not yet taken. */
igo_error igoi_check_new_id(igo_model *m, const igo_strmap *ids, const char *id,
                            const char *kind)
{
    char what[64];
    snprintf(what, sizeof what, "%s id", kind);
    igo_error e = igoi_check_text(m->errmsg, id, IGO_TEXT_ID, what);
    if (!e && igoi_strmap_get(ids, id) != (size_t)-1)
        e = igoi_fail(m->errmsg, IGO_ERROR_DUPLICATE, "duplicate %s '%s'", kind, id);
    return e;
}

/* Checks the optional texts of the entity named context ("provider 'vp1'"): labels[i] is called
 * names[i]; NULL is allowed (a default is used). */
igo_error igoi_check_labels(igo_model *m, const char *context, const char *const *labels,
                            const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char what[IGO_WHERE_SIZE + 16]; /* context and a short name */
        snprintf(what, sizeof what, "%s: %s", context, names[i]);
        igo_error e = labels[i] ? igoi_check_text(m->errmsg, labels[i], IGO_TEXT_LABEL, what) : 0;
        if (e)
            return e;
    }
    return IGO_OK;
}

/* Finds an id; otherwise records "<context>: unknown <kind> '<id>'". */
igo_error igoi_lookup(igo_model *m, const igo_strmap *ids, const char *id, const char *kind,
                      const char *context, size_t *index)
{
    char what[IGO_WHERE_SIZE];
    snprintf(what, sizeof what, "%s: %s id", context, kind);
    igo_error e = igoi_check_text(m->errmsg, id, IGO_TEXT_ID, what);
    if (e)
        return e;
    *index = igoi_strmap_get(ids, id);
    if (*index == (size_t)-1)
        return igoi_fail(m->errmsg, IGO_ERROR_UNKNOWN, "%s: unknown %s '%s'", context, kind, id);
    return IGO_OK;
}

/* Copies n strings into *out[i]; on failure frees what it made and returns -1. */
static int dup_all(char **out[], const char *const in[], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        *out[i] = igoi_strdup(in[i]);
        if (!*out[i]) {
            while (i--)
                free(*out[i]), *out[i] = NULL;
            return -1;
        }
    }
    return 0;
}

static void free_all(char **out[], size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(*out[i]);
}

/* Copies the strings of a new entity and indexes it under its id (the first string).
 * Room for the entity must already be reserved. */
igo_error igoi_own_and_index(igo_model *m, igo_strmap *ids, size_t index, char **out[],
                             const char *const in[], size_t n)
{
    if (dup_all(out, in, n))
        return igoi_nomem(m);
    if (igoi_strmap_put(ids, *out[0], index)) {
        free_all(out, n);
        return igoi_nomem(m);
    }
    return IGO_OK;
}

/* ---- catalogue, disciplines, providers ---- */

igo_error igo_model_set_name(igo_model *m, const char *name)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_text(m->errmsg, name, IGO_TEXT_NAME, "region name");
    if (e)
        return e;
    char *copy = igoi_strdup(name);
    if (!copy)
        return igoi_nomem(m);
    free(m->name);
    m->name = copy;
    return IGO_OK;
}

igo_error igo_model_add_prestatie(igo_model *m, const char *code, const char *label,
                                  const char *phase, const char *unit)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_new_id(m, &m->prestatie_ids, code, "prestatie");
    if (!e) {
        char context[IGO_WHERE_SIZE];
        snprintf(context, sizeof context, "prestatie %s", code);
        const char *const texts[] = {label, phase, unit};
        const char *const names[] = {"label", "phase", "unit"};
        e = igoi_check_labels(m, context, texts, names, 3);
    }
    if (e)
        return e;
    if (IGO_VEC_ROOM(m->prestaties, 1))
        return igoi_nomem(m);
    igo_prestatie p = {0};
    char **out[] = {&p.code, &p.label, &p.phase, &p.unit};
    const char *const in[] = {code, label ? label : code, phase ? phase : "", unit ? unit : ""};
    e = igoi_own_and_index(m, &m->prestatie_ids, m->prestaties.n, out, in, 4);
    if (!e)
        m->prestaties.v[m->prestaties.n++] = p;
    return e;
}

igo_error igo_model_add_discipline(igo_model *m, const char *id, const char *label)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_new_id(m, &m->discipline_ids, id, "discipline");
    if (!e) {
        char context[IGO_WHERE_SIZE];
        snprintf(context, sizeof context, "discipline '%s'", id);
        const char *const names[] = {"label"};
        e = igoi_check_labels(m, context, &label, names, 1);
    }
    if (e)
        return e;
    if (IGO_VEC_ROOM(m->disciplines, 1))
        return igoi_nomem(m);
    igo_discipline d = {0};
    char **out[] = {&d.id, &d.label};
    const char *const in[] = {id, label ? label : id};
    e = igoi_own_and_index(m, &m->discipline_ids, m->disciplines.n, out, in, 2);
    if (!e)
        m->disciplines.v[m->disciplines.n++] = d;
    return e;
}

igo_error igo_model_add_provider(igo_model *m, const char *id, const char *name,
                                 const char *discipline)
{
    CHECK_MODEL(m);
    igo_provider o = {0};
    igo_error e = igoi_check_new_id(m, &m->provider_ids, id, "provider");
    if (!e) {
        char context[IGO_WHERE_SIZE];
        const char *const names[] = {"name"};
        snprintf(context, sizeof context, "provider '%s'", id);
        e = igoi_check_labels(m, context, &name, names, 1);
        if (!e)
            e = igoi_lookup(m, &m->discipline_ids, discipline, "discipline", context,
                            &o.discipline);
    }
    if (e)
        return e;
    if (IGO_VEC_ROOM(m->providers, 1))
        return igoi_nomem(m);
    char **out[] = {&o.id, &o.name};
    const char *const in[] = {id, name ? name : id};
    e = igoi_own_and_index(m, &m->provider_ids, m->providers.n, out, in, 2);
    if (!e)
        m->providers.v[m->providers.n++] = o;
    return e;
}

/* ---- production and costs ---- */

/* A prestatie's setter: looks it up (*p its index) and checks its n numbers, each 0..1e12 and
 * named in a refusal. */
static igo_error prestatie_figures(igo_model *m, const char *prestatie, const char *context,
                                   const char *const *names, const double *values, int n,
                                   size_t *p)
{
    igo_error e = igoi_lookup(m, &m->prestatie_ids, prestatie, "prestatie", context, p);
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "prestatie %s", e ? "" : prestatie);
    for (int i = 0; !e && i < n; i++)
        e = igoi_check_number(m->errmsg, values[i], IGO_MAX_EUR, where, names[i]);
    return e;
}

igo_error igo_model_set_production(igo_model *m, const char *prestatie, double count,
                                   double tariff)
{
    CHECK_MODEL(m);
    size_t p;
    const char *names[] = {"count", "tariff"};
    igo_error e = prestatie_figures(m, prestatie, "production", names,
                                    (double[]){count, tariff}, 2, &p);
    if (e)
        return e;
    m->prestaties.v[p].count = igo_canonical(count);
    m->prestaties.v[p].tariff = igo_canonical(tariff);
    m->prestaties.v[p].produced = 1;
    return IGO_OK;
}

igo_error igo_model_set_cost(igo_model *m, igo_cost cost, igo_cost_mode mode, double value)
{
    CHECK_MODEL(m);
    if ((unsigned)cost >= IGO_COST_COUNT)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "cost component %d does not exist",
                         (int)cost);
    if (mode != IGO_COST_AMOUNT && mode != IGO_COST_SHARE)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "%s: cost mode %d does not exist",
                        igoi_cost_names[cost], (int)mode);
    igo_error e = igoi_check_cost(m->errmsg, cost, mode, value);
    if (e)
        return e;
    m->cost_mode[cost] = mode;
    m->cost_value[cost] = igo_canonical(value);
    m->cost_set[cost] = 1;
    return IGO_OK;
}

igo_error igo_model_set_prestatie_costs(igo_model *m, const char *prestatie, double eur)
{
    CHECK_MODEL(m);
    size_t p;
    const char *names[] = {"IGO costs"};
    igo_error e = prestatie_figures(m, prestatie, "IGO costs", names, &eur, 1, &p);
    if (e)
        return e;
    m->prestaties.v[p].costs = igo_canonical(eur);
    m->prestaties.v[p].costs_given = 1;
    m->costs_per_prestatie = 1;
    return IGO_OK;
}

igo_error igo_model_set_fixed_part(igo_model *m, const char *provider, double eur,
                                   double min_volume, double reduction)
{
    CHECK_MODEL(m);
    size_t o;
    igo_error e = igoi_lookup(m, &m->provider_ids, provider, "provider", "fixed part", &o);
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "provider '%s'", e ? "" : provider);
    if (!e)
        e = igoi_check_number(m->errmsg, eur, IGO_MAX_EUR, where, "fixed part");
    if (!e)
        e = igoi_check_number(m->errmsg, min_volume, IGO_MAX_EUR, where, "minimum volume");
    if (!e)
        e = igoi_check_fraction(m->errmsg, reduction, where, "reduction");
    if (e)
        return e;
    igo_provider *x = &m->providers.v[o];
    x->fixed = igo_canonical(eur), x->fixed_min_volume = igo_canonical(min_volume);
    x->fixed_reduction = igo_canonical(reduction), x->fixed_given = eur > 0;
    m->fixed_parts = 0;
    for (size_t i = 0; i < m->providers.n; i++)
        m->fixed_parts |= m->providers.v[i].fixed_given;
    return IGO_OK;
}

void igo_model_clear_prestatie_costs(igo_model *m)
{
    if (!m)
        return;
    for (size_t p = 0; p < m->prestaties.n; p++)
        m->prestaties.v[p].costs = 0, m->prestaties.v[p].costs_given = 0;
    m->costs_per_prestatie = 0;
}

/* ---- outside activities ---- */

static igo_error check_targets(igo_model *m, const char *label, const char *const *targets,
                               size_t ntargets, size_t *index)
{
    char context[IGO_WHERE_SIZE];
    snprintf(context, sizeof context, "outside activity '%s'", label);
    if (!targets || ntargets == 0)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "%s: no target prestaties", context);
    for (size_t i = 0; i < ntargets; i++) {
        igo_error e =
            igoi_lookup(m, &m->prestatie_ids, targets[i], "prestatie", context, &index[i]);
        if (e)
            return e;
        for (size_t j = 0; j < i; j++)
            if (index[j] == index[i])
                return igoi_fail(m->errmsg, IGO_ERROR_DUPLICATE,
                                 "%s: target prestatie %s given twice", context, targets[i]);
    }
    return IGO_OK;
}

igo_error igo_model_add_outside(igo_model *m, const char *label, double count, double tariff,
                                const char *const *targets, size_t ntargets)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_text(m->errmsg, label, IGO_TEXT_NAME, "outside activity label");
    if (e)
        return e;
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "outside activity '%s'", label);
    e = igoi_check_number(m->errmsg, count, IGO_MAX_EUR, where, "count");
    if (!e)
        e = igoi_check_number(m->errmsg, tariff, IGO_MAX_EUR, where, "tariff");
    if (e)
        return e;
    if (ntargets > SIZE_MAX / 2 || IGO_VEC_ROOM(m->targets, ntargets) ||
        IGO_VEC_ROOM(m->given_targets, ntargets) || IGO_VEC_ROOM(m->outside, 1))
        return igoi_nomem(m);
    e = check_targets(m, label, targets, ntargets, m->targets.v + m->targets.n);
    if (e)
        return e;
    memcpy(m->given_targets.v + m->given_targets.n, m->targets.v + m->targets.n,
           ntargets * sizeof *m->targets.v);
    /* Targets in catalogue order: a tie for the largest part then goes to the first prestatie,
     * as in the workbook, whatever order the caller listed them in. */
    size_t *t = m->targets.v + m->targets.n;
    for (size_t i = 1; i < ntargets; i++)
        for (size_t j = i; j > 0 && t[j - 1] > t[j]; j--) {
            size_t swap = t[j];
            t[j] = t[j - 1], t[j - 1] = swap;
        }
    igo_outside line = {.count = igo_canonical(count), .tariff = igo_canonical(tariff),
                        .first_target = m->targets.n, .ntargets = ntargets,
                        .label = igoi_strdup(label)};
    if (!line.label)
        return igoi_nomem(m);
    m->targets.n += ntargets;
    m->given_targets.n += ntargets;
    m->outside.v[m->outside.n++] = line;
    return IGO_OK;
}

/* ---- verdeelsleutel and volumes ---- */

/* Records a value at (prestatie, column): a key share (the column is a discipline) or a volume (the
 * column is a provider). A later value for the same cell replaces the earlier one. */
static igo_error set_cell(igo_model *m, int volume, const char *prestatie, const char *column,
                          double value)
{
    const char *what = volume ? "volume" : "verdeelsleutel";
    const char *kind = volume ? "provider" : "discipline";
    size_t p, c;
    char where[IGO_WHERE_SIZE];
    igo_error e = igoi_lookup(m, &m->prestatie_ids, prestatie, "prestatie", what, &p);
    snprintf(where, sizeof where, "%s of prestatie %s", what, e ? "" : prestatie);
    if (!e)
        e = igoi_lookup(m, volume ? &m->provider_ids : &m->discipline_ids, column, kind, where, &c);
    if (!e) {
        snprintf(where, sizeof where, "%s of prestatie %s, %s '%s'", what, prestatie, kind, column);
        e = volume ? igoi_check_number(m->errmsg, value, IGO_MAX_EUR, where, "volume")
                   : igoi_check_fraction(m->errmsg, value, where, "percentage");
    }
    if (e)
        return e;
    if (volume ? IGO_VEC_ROOM(m->volumes, 1) : IGO_VEC_ROOM(m->keys, 1))
        return igoi_nomem(m);
    igoi_cell cell = {p, c, igo_canonical(value)};
    if (volume)
        m->volumes.v[m->volumes.n++] = cell;
    else
        m->keys.v[m->keys.n++] = cell;
    return IGO_OK;
}

igo_error igo_model_set_key(igo_model *m, const char *prestatie, const char *discipline,
                            double fraction)
{
    CHECK_MODEL(m);
    return set_cell(m, 0, prestatie, discipline, fraction);
}

igo_error igo_model_add_history(igo_model *m, const char *code, const char *discipline,
                                const char *prestatie, double count, double tariff)
{
    CHECK_MODEL(m);
    igo_history line = {0};
    igo_error e = igoi_check_text(m->errmsg, code, IGO_TEXT_ID, "history claim code");
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "history line %s", e ? "" : code);
    if (!e)
        e = igoi_lookup(m, &m->discipline_ids, discipline, "discipline", where, &line.discipline);
    if (!e)
        e = igoi_lookup(m, &m->prestatie_ids, prestatie, "prestatie", where, &line.prestatie);
    if (!e)
        e = igoi_check_number(m->errmsg, count, IGO_MAX_EUR, where, "count");
    if (!e)
        e = igoi_check_number(m->errmsg, tariff, IGO_MAX_EUR, where, "tariff");
    if (e)
        return e;
    if (IGO_VEC_ROOM(m->history, 1) || !(line.code = igoi_strdup(code)))
        return igoi_nomem(m);
    line.count = igo_canonical(count);
    line.tariff = igo_canonical(tariff);
    m->history.v[m->history.n++] = line;
    return IGO_OK;
}

igo_error igo_model_set_normalise_keys(igo_model *m, int normalise)
{
    CHECK_MODEL(m);
    m->normalise_keys = normalise != 0;
    return IGO_OK;
}

igo_error igo_model_set_volume(igo_model *m, const char *prestatie, const char *provider,
                               double volume)
{
    CHECK_MODEL(m);
    return set_cell(m, 1, prestatie, provider, volume);
}

/* ---- regiokenmerken ---- */

igo_error igo_model_set_regio(igo_model *m, const char *field, double count)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_text(m->errmsg, field, IGO_TEXT_ID, "regiokenmerken field");
    if (e)
        return e;
    for (size_t i = 0; i < IGO_REGIO_COUNT; i++) {
        if (strcmp(field, igoi_regio_fields[i]) != 0)
            continue;
        char where[IGO_WHERE_SIZE];
        snprintf(where, sizeof where, "regiokenmerken %s", field);
        e = igoi_check_number(m->errmsg, count, IGO_MAX_EUR, where, "count");
        if (!e)
            m->regio[i] = igo_canonical(count), m->regio_set[i] = 1;
        return e;
    }
    return igoi_fail(m->errmsg, IGO_ERROR_UNKNOWN, "unknown regiokenmerken field '%s'", field);
}

igo_error igo_model_set_transfer_reason(igo_model *m, const char *reason, double count)
{
    CHECK_MODEL(m);
    igo_error e = igoi_check_text(m->errmsg, reason, IGO_TEXT_NAME, "reason for transfer");
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "reason for transfer '%s'", e ? "" : reason);
    if (!e)
        e = igoi_check_number(m->errmsg, count, IGO_MAX_EUR, where, "count");
    if (e)
        return e;
    for (size_t i = 0; i < m->reasons.n; i++)
        if (strcmp(m->reasons.v[i].reason, reason) == 0) {
            m->reasons.v[i].count = igo_canonical(count);
            return IGO_OK;
        }
    igo_reason r = {igoi_strdup(reason), igo_canonical(count)};
    if (!r.reason || IGO_VEC_ROOM(m->reasons, 1)) {
        free(r.reason);
        return igoi_nomem(m);
    }
    m->reasons.v[m->reasons.n++] = r;
    return IGO_OK;
}

/* ---- reading back ---- */

const char *igo_model_name(const igo_model *m)
{
    return m && m->name ? m->name : "";
}

size_t igo_model_prestatie_count(const igo_model *m)
{
    return m ? m->prestaties.n : 0;
}

size_t igo_model_discipline_count(const igo_model *m)
{
    return m ? m->disciplines.n : 0;
}

size_t igo_model_provider_count(const igo_model *m)
{
    return m ? m->providers.n : 0;
}

size_t igo_model_outside_count(const igo_model *m)
{
    return m ? m->outside.n : 0;
}

#define GETTER(name, vec, field)                                                               \
    const char *name(const igo_model *m, size_t i)                                             \
    {                                                                                          \
        return m && i < m->vec.n ? m->vec.v[i].field : NULL;                                   \
    }

GETTER(igo_model_prestatie_code, prestaties, code)
GETTER(igo_model_prestatie_label, prestaties, label)
GETTER(igo_model_prestatie_phase, prestaties, phase)
GETTER(igo_model_prestatie_unit, prestaties, unit)
GETTER(igo_model_discipline_id, disciplines, id)
GETTER(igo_model_discipline_label, disciplines, label)
GETTER(igo_model_provider_id, providers, id)
GETTER(igo_model_provider_name, providers, name)

size_t igo_model_provider_discipline(const igo_model *m, size_t i)
{
    return m && i < m->providers.n ? m->providers.v[i].discipline : (size_t)-1;
}

igo_cost_mode igo_model_cost_mode(const igo_model *m, igo_cost cost)
{
    return m && (unsigned)cost < IGO_COST_COUNT ? m->cost_mode[cost] : IGO_COST_AMOUNT;
}
