/* Building a scenario set: sectors, drivers, unit deltas, studies, overrides, phase-in. Each
 * setter checks its input and leaves the set unchanged when it refuses it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

#define CHECK_SET(s)                                                                           \
    do {                                                                                       \
        if (!(s))                                                                              \
            return IGO_ERROR_ARGUMENT;                                                         \
        (s)->errmsg[0] = '\0';                                                                 \
    } while (0)

static const char *const scenario_names[IGO_SCENARIO_COUNT] = {"optimistic", "middle",
                                                               "conservative"};

igo_scenarios *igo_scenarios_new(void)
{
    igo_scenarios *s = calloc(1, sizeof *s);
    if (s)
        s->national_births = 167500; /* NL: about 165,000-170,000 births a year */
    return s;
}

void igo_scenarios_free(igo_scenarios *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->sectors.n; i++)
        free(s->sectors.v[i].id), free(s->sectors.v[i].label);
    for (size_t i = 0; i < s->drivers.n; i++)
        free(s->drivers.v[i].id), free(s->drivers.v[i].label);
    for (size_t i = 0; i < s->studies.n; i++)
        free(s->studies.v[i].label);
    free(s->sectors.v), free(s->drivers.v), free(s->studies.v), free(s->deltas.v);
    free(s->overrides.v), free(s->phases.v), free(s->name);
    igoi_strmap_free(&s->driver_ids);
    igoi_strmap_free(&s->sector_ids);
    free(s);
}

const char *igo_scenarios_errmsg(const igo_scenarios *s)
{
    return s ? s->errmsg : "no scenario set (NULL)";
}

igo_error igo_scenarios_set_progress(igo_scenarios *s, igo_progress_fn progress, void *user_data)
{
    return igoi_callback_set(s ? &s->progress : NULL, progress, user_data);
}

static igo_error nomem(igo_scenarios *s)
{
    return igoi_fail(s->errmsg, IGO_ERROR_MEMORY, "out of memory");
}

/* A new id: a valid text, not empty, not taken; its label (NULL: the id) a valid text. */
static igo_error new_id(igo_scenarios *s, const igo_strmap *ids, const char *id, const char *label,
                        const char *kind)
{
    char what[IGO_WHERE_SIZE];
    snprintf(what, sizeof what, "%s id", kind);
    igo_error e = igoi_check_text(s->errmsg, id, IGO_TEXT_ID, what);
    if (e)
        return e;
    if (igoi_strmap_get(ids, id) != (size_t)-1)
        return igoi_fail(s->errmsg, IGO_ERROR_DUPLICATE, "duplicate %s '%s'", kind, id);
    snprintf(what, sizeof what, "%s '%s': label", kind, id);
    return label ? igoi_check_text(s->errmsg, label, IGO_TEXT_LABEL, what) : IGO_OK;
}

static igo_error find(igo_scenarios *s, const igo_strmap *ids, const char *id, const char *kind,
                      size_t *index)
{
    char what[64];
    snprintf(what, sizeof what, "%s id", kind);
    igo_error e = igoi_check_text(s->errmsg, id, IGO_TEXT_ID, what);
    if (e)
        return e;
    *index = igoi_strmap_get(ids, id);
    if (*index == (size_t)-1)
        return igoi_fail(s->errmsg, IGO_ERROR_UNKNOWN, "unknown %s '%s'", kind, id);
    return IGO_OK;
}

/* Copies id and label (label defaults to id) into *id_out, *label_out and indexes the id. */
static igo_error own(igo_scenarios *s, igo_strmap *ids, size_t index, const char *id,
                     const char *label, char **id_out, char **label_out)
{
    *id_out = igoi_strdup(id);
    *label_out = igoi_strdup(label ? label : id);
    if (!*id_out || !*label_out || igoi_strmap_put(ids, *id_out, index)) {
        free(*id_out), free(*label_out);
        return nomem(s);
    }
    return IGO_OK;
}

igo_error igo_scenarios_set_name(igo_scenarios *s, const char *name)
{
    CHECK_SET(s);
    igo_error e = igoi_check_text(s->errmsg, name, IGO_TEXT_NAME, "scenario set name");
    if (e)
        return e;
    char *copy = igoi_strdup(name);
    if (!copy)
        return nomem(s);
    free(s->name);
    s->name = copy;
    return IGO_OK;
}

igo_error igo_scenarios_add_sector(igo_scenarios *s, const char *id, const char *label)
{
    CHECK_SET(s);
    igo_error e = new_id(s, &s->sector_ids, id, label, "sector");
    if (e || IGO_VEC_ROOM(s->sectors, 1))
        return e ? e : nomem(s);
    sc_sector sector;
    e = own(s, &s->sector_ids, s->sectors.n, id, label, &sector.id, &sector.label);
    if (!e)
        s->sectors.v[s->sectors.n++] = sector;
    return e;
}

igo_error igo_scenarios_add_driver(igo_scenarios *s, const char *id, const char *label,
                                   double volume, double per_volume)
{
    CHECK_SET(s);
    char where[IGO_WHERE_SIZE];
    igo_error e = new_id(s, &s->driver_ids, id, label, "driver");
    snprintf(where, sizeof where, "driver '%s'", e ? "" : id);
    if (!e)
        e = igoi_check_number(s->errmsg, volume, IGO_MAX_EUR, where, "volume");
    if (!e)
        e = igoi_check_number(s->errmsg, per_volume, IGO_MAX_EUR, where, "units per volume");
    if (e || IGO_VEC_ROOM(s->drivers, 1))
        return e ? e : nomem(s);
    sc_driver d = {.volume = igo_canonical(volume), .per_volume = igo_canonical(per_volume)};
    e = own(s, &s->driver_ids, s->drivers.n, id, label, &d.id, &d.label);
    if (!e)
        s->drivers.v[s->drivers.n++] = d;
    return e;
}

igo_error igo_scenarios_set_unit_delta(igo_scenarios *s, const char *driver, const char *sector,
                                       double eur)
{
    CHECK_SET(s);
    size_t d, c;
    char where[IGO_WHERE_SIZE];
    igo_error e = find(s, &s->driver_ids, driver, "driver", &d);
    if (!e && (e = find(s, &s->sector_ids, sector, "sector", &c))) {
        snprintf(where, sizeof where, "driver '%s': ", driver);
        igoi_fail_prefix(s->errmsg, where);
    }
    if (e)
        return e;
    snprintf(where, sizeof where, "driver '%s', sector '%s'", driver, sector);
    e = igoi_check_number(s->errmsg, fabs(eur), IGO_MAX_EUR, where, "cost per unit");
    if (e || IGO_VEC_ROOM(s->deltas, 1))
        return e ? e : nomem(s);
    s->deltas.v[s->deltas.n++] = (igoi_cell){d, c, igo_canonical(eur)};
    return IGO_OK;
}

/* An effect: a fraction from -1 (-100 %) to 1 (+100 %). */
static igo_error check_effect(igo_scenarios *s, double effect, const char *where)
{
    if (!isfinite(effect) || effect < -1 || effect > 1)
        return igoi_fail(s->errmsg, IGO_ERROR_VALUE, "%s: effect %.15g %% is outside -100..100 %%",
                        where, effect * 100);
    return IGO_OK;
}

igo_error igo_scenarios_add_study(igo_scenarios *s, const char *driver, const char *label,
                                  double effect, double weight)
{
    CHECK_SET(s);
    size_t d;
    igo_error e = find(s, &s->driver_ids, driver, "driver", &d);
    char where[IGO_WHERE_SIZE];
    if (!e) {
        snprintf(where, sizeof where, "driver '%s': study label", driver);
        e = label ? igoi_check_text(s->errmsg, label, IGO_TEXT_LABEL, where) : IGO_OK;
    }
    if (!e) {
        snprintf(where, sizeof where, "driver '%s', study '%s'", driver, label ? label : "");
        e = check_effect(s, effect, where);
    }
    if (!e)
        e = igoi_check_fraction(s->errmsg, weight, where, "weight");
    if (e || IGO_VEC_ROOM(s->studies, 1))
        return e ? e : nomem(s);
    sc_study study = {igoi_strdup(label ? label : ""), d, igo_canonical(effect),
                      igo_canonical(weight)};
    if (!study.label)
        return nomem(s);
    s->studies.v[s->studies.n++] = study;
    return IGO_OK;
}

igo_error igo_scenarios_set_override(igo_scenarios *s, igo_scenario scenario, const char *driver,
                                     double effect)
{
    CHECK_SET(s);
    if ((unsigned)scenario >= IGO_SCENARIO_COUNT)
        return igoi_fail(s->errmsg, IGO_ERROR_ARGUMENT, "scenario %d does not exist",
                        (int)scenario);
    size_t d;
    igo_error e = find(s, &s->driver_ids, driver, "driver", &d);
    char where[IGO_WHERE_SIZE];
    snprintf(where, sizeof where, "driver '%s', %s scenario", e ? "" : driver,
             scenario_names[scenario]);
    if (!e)
        e = check_effect(s, effect, where);
    if (e || IGO_VEC_ROOM(s->overrides, 1))
        return e ? e : nomem(s);
    s->overrides.v[s->overrides.n++] = (igoi_cell){(size_t)scenario, d, igo_canonical(effect)};
    return IGO_OK;
}

igo_error igo_scenarios_set_phase_in(igo_scenarios *s, int year, double fraction)
{
    CHECK_SET(s);
    char where[64];
    snprintf(where, sizeof where, "phase-in %d", year);
    if (year < 1900 || year > 2200)
        return igoi_fail(s->errmsg, IGO_ERROR_VALUE, "%s: not a year from 1900 to 2200", where);
    igo_error e = igoi_check_fraction(s->errmsg, fraction, where, "fraction of the full effect");
    if (e)
        return e;
    size_t at = 0;
    while (at < s->phases.n && s->phases.v[at].year < year)
        at++;
    if (at < s->phases.n && s->phases.v[at].year == year) {
        s->phases.v[at].fraction = igo_canonical(fraction);
        return IGO_OK;
    }
    if (IGO_VEC_ROOM(s->phases, 1))
        return nomem(s);
    memmove(&s->phases.v[at + 1], &s->phases.v[at], (s->phases.n - at) * sizeof *s->phases.v);
    s->phases.v[at] = (sc_phase){year, igo_canonical(fraction)};
    s->phases.n++;
    return IGO_OK;
}

igo_error igo_scenarios_set_national_births(igo_scenarios *s, double births)
{
    CHECK_SET(s);
    igo_error e = igoi_check_number(s->errmsg, births, IGO_MAX_EUR, "national births", "number");
    if (!e && births == 0)
        e = igoi_fail(s->errmsg, IGO_ERROR_VALUE, "national births: must be more than 0");
    if (!e)
        s->national_births = igo_canonical(births);
    return e;
}

const char *igo_scenario_name(igo_scenario scenario)
{
    return (unsigned)scenario < IGO_SCENARIO_COUNT ? scenario_names[scenario] : "";
}

size_t igo_scenarios_driver_count(const igo_scenarios *s)
{
    return s ? s->drivers.n : 0;
}

size_t igo_scenarios_sector_count(const igo_scenarios *s)
{
    return s ? s->sectors.n : 0;
}

#define GETTER(name, vec, field)                                                               \
    const char *name(const igo_scenarios *s, size_t i)                                         \
    {                                                                                          \
        return s && i < s->vec.n ? s->vec.v[i].field : NULL;                                   \
    }

GETTER(igo_scenarios_driver_id, drivers, id)
GETTER(igo_scenarios_driver_label, drivers, label)
GETTER(igo_scenarios_sector_id, sectors, id)
GETTER(igo_scenarios_sector_label, sectors, label)
