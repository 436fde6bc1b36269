/* libigo._cext.Scenarios: an igo_scenarios set: its setters, compute, uncertainty, workbook. */
#include "cext.h"

#define ERRMSG igo_scenarios_errmsg(self->core)
#define SETTER(...) CEXT_SETTER(ScenariosObject, scenarios, igo_scenarios_errmsg, __VA_ARGS__)

SETTER(set_name, "s", const char *a, (&a), igo_scenarios_set_name(self->core, a))
SETTER(add_sector, "s|z", const char *a; const char *b = NULL, (&a, &b),
       igo_scenarios_add_sector(self->core, a, b))
SETTER(add_driver, "szdd", const char *a; const char *b; double c; double d, (&a, &b, &c, &d),
       igo_scenarios_add_driver(self->core, a, b, c, d))
SETTER(set_unit_delta, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_scenarios_set_unit_delta(self->core, a, b, c))
SETTER(add_study, "szdd", const char *a; const char *b; double c; double d, (&a, &b, &c, &d),
       igo_scenarios_add_study(self->core, a, b, c, d))
SETTER(set_override, "isd", int a; const char *b; double c, (&a, &b, &c),
       igo_scenarios_set_override(self->core, (igo_scenario)a, b, c))
SETTER(set_phase_in, "id", int a; double b, (&a, &b), igo_scenarios_set_phase_in(self->core, a, b))
SETTER(set_national_births, "d", double a, (&a), igo_scenarios_set_national_births(self->core, a))

static PyObject *scenarios_sizes(ScenariosObject *self, PyObject *unused)
{
    (void)unused;
    return Py_BuildValue("nn", (Py_ssize_t)igo_scenarios_driver_count(self->core),
                         (Py_ssize_t)igo_scenarios_sector_count(self->core));
}

/* The scaling arguments (births, volumes or None) as an igo_scaling; view holds the volumes. */
static int scaling_from(ScenariosObject *self, double births, PyObject *volumes,
                        Py_buffer *view, igo_scaling *scaling, const char *fn)
{
    if (cext_get_buffer(volumes, view, 'd', igo_scenarios_driver_count(self->core), 0, fn,
                        "volumes"))
        return -1;
    scaling->births = births;
    scaling->volumes = view->buf;
    return 0;
}

static void release(Py_buffer *view)
{
    if (view->buf)
        PyBuffer_Release(view);
}

/* One list per scenario, of n values each from get(result, scenario). */
static PyObject *per_scenario(const igo_scenario_result *r, size_t n,
                              const int64_t *(*get)(const igo_scenario_result *, igo_scenario))
{
    PyObject *lists[IGO_SCENARIO_COUNT];
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        lists[sc] = cext_list_i64(get(r, (igo_scenario)sc), n);
    return cext_list_of(lists, IGO_SCENARIO_COUNT);
}

static PyObject *result_dict(const igo_scenario_result *r)
{
    size_t D = igo_scenario_result_driver_count(r), S = igo_scenario_result_sector_count(r);
    size_t Y = igo_scenario_result_year_count(r);
    PyObject *effects[IGO_SCENARIO_COUNT];
    int64_t totals[IGO_SCENARIO_COUNT];
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++) {
        effects[sc] = cext_list_f64(igo_scenario_result_effects(r, (igo_scenario)sc), D);
        totals[sc] = igo_scenario_result_total(r, (igo_scenario)sc);
    }
    cext_item figures[] = {
        {"volumes", cext_list_f64(igo_scenario_result_volumes(r), D)},
        {"potentials", cext_list_i64(igo_scenario_result_potentials(r), D * S)},
        {"effects", cext_list_of(effects, IGO_SCENARIO_COUNT)},
        {"impacts", per_scenario(r, D * S, igo_scenario_result_impacts)},
        {"sector_totals", per_scenario(r, S, igo_scenario_result_sector_totals)},
        {"driver_totals", per_scenario(r, D, igo_scenario_result_driver_totals)},
        {"totals", cext_list_i64(totals, IGO_SCENARIO_COUNT)},
        {"years", cext_list_int(igo_scenario_result_years(r), Y)},
        {"fractions", cext_list_f64(igo_scenario_result_fractions(r), Y)},
        {"phase_in", per_scenario(r, Y * (S + 1), igo_scenario_result_phase_in)},
        {"tornado_low", cext_list_i64(igo_scenario_result_tornado_low(r), D)},
        {"tornado_high", cext_list_i64(igo_scenario_result_tornado_high(r), D)},
    };
    return cext_dict(figures, sizeof figures / sizeof figures[0]);
}

/* compute(births, volumes) -> dict */
static PyObject *scenarios_compute(ScenariosObject *self, PyObject *args)
{
    double births;
    PyObject *volumes;
    Py_buffer view;
    igo_scaling scaling;
    if (cext_idle(self->busy) || !PyArg_ParseTuple(args, "dO:compute", &births, &volumes) ||
        scaling_from(self, births, volumes, &view, &scaling, "compute"))
        return NULL;
    igo_scenario_result *r = NULL;
    igo_error e;
    CEXT_RUN_UNLOCKED(self, igo_scenarios_set_progress, e,
                      igo_scenarios_compute(self->core, &scaling, &r));
    release(&view);
    if (e)
        return cext_finish((PyObject *)self, e, ERRMSG);
    PyObject *d = result_dict(r);
    igo_scenario_result_free(r);
    return d;
}

enum { PERCENTILES, OUT, MEAN, SAMPLES, VOLUMES, VIEWS };

/* The request's buffers, checked against the core's shape of it: 0, or -1 with the exception
 * set (and every view released). */
static int uncertainty_views(ScenariosObject *self, igo_uncertainty *u, PyObject *objs[4],
                             Py_buffer views[VIEWS])
{
    igo_uncertainty_shape shape;
    igo_error e = igo_scenarios_uncertainty_shape(self->core, u, &shape);
    if (e) {
        cext_done((PyObject *)self, e, ERRMSG);
        return -1;
    }
    static const char *names[4] = {"percentiles", "out", "mean", "samples"};
    size_t counts[4] = {u->npercentiles, shape.out, shape.mean, shape.samples};
    for (int k = 0; k < 4; k++)
        if (cext_get_buffer(objs[k], &views[k], 'd', counts[k], k > 0, "uncertainty", names[k])) {
            while (k--)
                release(&views[k]);
            return -1;
        }
    u->percentiles = views[PERCENTILES].buf, u->out = views[OUT].buf;
    u->mean = views[MEAN].buf, u->samples = views[SAMPLES].buf;
    return 0;
}

/* uncertainty(births, volumes, draws, seed, distribution, percentiles, out, mean, samples):
 * fills out (and mean, samples when not None) without the GIL. */
static PyObject *scenarios_uncertainty(ScenariosObject *self, PyObject *args)
{
    double births;
    unsigned long long seed;
    int distribution;
    igo_uncertainty u = {0};
    PyObject *volumes, *objs[4];
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "dOO&KiOOOO:uncertainty", &births, &volumes, cext_size,
                          &u.draws, &seed, &distribution, &objs[0], &objs[1], &objs[2], &objs[3]))
        return NULL;
    Py_ssize_t np = objs[0] == Py_None ? 0 : PyObject_Length(objs[0]);
    if (np < 0)
        return NULL;
    u.seed = (uint64_t)seed, u.distribution = (igo_draw)distribution, u.npercentiles = (size_t)np;
    Py_buffer views[VIEWS];
    igo_scaling scaling;
    if (scaling_from(self, births, volumes, &views[VOLUMES], &scaling, "uncertainty"))
        return NULL;
    PyObject *result = NULL;
    if (!uncertainty_views(self, &u, objs, views)) {
        igo_error e;
        CEXT_RUN_UNLOCKED(self, igo_scenarios_set_progress, e,
                          igo_scenarios_uncertainty(self->core, &scaling, &u));
        result = cext_finish((PyObject *)self, e, ERRMSG);
        for (int k = 0; k < VOLUMES; k++)
            release(&views[k]);
    }
    release(&views[VOLUMES]);
    return result;
}

/* write_workbook(path, births, volumes, lang) */
static PyObject *scenarios_write_workbook(ScenariosObject *self, PyObject *args)
{
    PyObject *path_bytes, *volumes;
    double births;
    int lang;
    Py_buffer view;
    igo_scaling scaling;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&dOi:write_workbook", PyUnicode_FSConverter, &path_bytes,
                          &births, &volumes, &lang))
        return NULL;
    if (scaling_from(self, births, volumes, &view, &scaling, "write_workbook")) {
        Py_DECREF(path_bytes);
        return NULL;
    }
    igo_workbook_options options = {.lang = lang ? IGO_LANG_EN : IGO_LANG_NL};
    const char *path = PyBytes_AS_STRING(path_bytes);
    igo_error e;
    CEXT_RUN_UNLOCKED(self, igo_scenarios_set_progress, e,
                      igo_scenarios_workbook_write(self->core, &scaling, path, &options));
    release(&view);
    Py_DECREF(path_bytes);
    return cext_finish((PyObject *)self, e, ERRMSG);
}

static PyMethodDef scenarios_methods[] = {
#define METHOD(name, flags) CEXT_METHOD(scenarios, name, flags)
    METHOD(set_name, METH_VARARGS)
    METHOD(add_sector, METH_VARARGS)
    METHOD(add_driver, METH_VARARGS)
    METHOD(set_unit_delta, METH_VARARGS)
    METHOD(add_study, METH_VARARGS)
    METHOD(set_override, METH_VARARGS)
    METHOD(set_phase_in, METH_VARARGS)
    METHOD(set_national_births, METH_VARARGS)
    METHOD(sizes, METH_NOARGS)
    METHOD(compute, METH_VARARGS)
    METHOD(uncertainty, METH_VARARGS)
    METHOD(write_workbook, METH_VARARGS)
#undef METHOD
    {NULL, NULL, 0, NULL},
};

CEXT_TYPE(ScenariosObject, scenarios, "Scenarios", igo_scenarios_new, igo_scenarios_free,
          "An igo_scenarios set: cost scenarios in the C core.")
