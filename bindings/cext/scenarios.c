/* libigo._cext.Scenarios: an igo_scenarios set: its setters, compute, uncertainty, workbook. */
#include "cext.h"

#define ERRMSG igo_scenarios_errmsg(self->set)
#define SETTER(name, format, decls, args, call)                                                \
    CEXT_SETTER(ScenariosObject, scenarios_##name, format ":" #name, ERRMSG, decls, args, call)

static PyObject *scenarios_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) || (kwds && PyDict_GET_SIZE(kwds)))
        return PyErr_Format(PyExc_TypeError, "Scenarios() takes no arguments");
    ScenariosObject *self = (ScenariosObject *)type->tp_alloc(type, 0);
    if (self && !(self->set = igo_scenarios_new())) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static void scenarios_dealloc(ScenariosObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    igo_scenarios_free(self->set);
    type->tp_free((PyObject *)self);
    Py_DECREF(type);
}

SETTER(set_name, "s", const char *a, (&a), igo_scenarios_set_name(self->set, a))
SETTER(add_sector, "s|z", const char *a; const char *b = NULL, (&a, &b),
       igo_scenarios_add_sector(self->set, a, b))
SETTER(add_driver, "szdd", const char *a; const char *b; double c; double d, (&a, &b, &c, &d),
       igo_scenarios_add_driver(self->set, a, b, c, d))
SETTER(set_unit_delta, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_scenarios_set_unit_delta(self->set, a, b, c))
SETTER(add_study, "szdd", const char *a; const char *b; double c; double d, (&a, &b, &c, &d),
       igo_scenarios_add_study(self->set, a, b, c, d))
SETTER(set_override, "isd", int a; const char *b; double c, (&a, &b, &c),
       igo_scenarios_set_override(self->set, (igo_scenario)a, b, c))
SETTER(set_phase_in, "id", int a; double b, (&a, &b), igo_scenarios_set_phase_in(self->set, a, b))
SETTER(set_national_births, "d", double a, (&a), igo_scenarios_set_national_births(self->set, a))

static PyObject *scenarios_sizes(ScenariosObject *self, PyObject *unused)
{
    (void)unused;
    return Py_BuildValue("nn", (Py_ssize_t)igo_scenarios_driver_count(self->set),
                         (Py_ssize_t)igo_scenarios_sector_count(self->set));
}

/* The scaling arguments (births, volumes or None) as an igo_scaling; view holds the volumes. */
static int scaling_from(ScenariosObject *self, double births, PyObject *volumes,
                        Py_buffer *view, igo_scaling *scaling, const char *fn)
{
    if (cext_get_buffer(volumes, view, 'd', igo_scenarios_driver_count(self->set), 0, fn,
                        "volumes"))
        return -1;
    scaling->births = births;
    scaling->volumes = view->buf;
    return 0;
}

static PyObject *put(PyObject *d, const char *key, PyObject *value)
{
    if (!d || !value || PyDict_SetItemString(d, key, value) < 0)
        Py_CLEAR(d);
    Py_XDECREF(value);
    return d;
}

/* Three lists, one per scenario, of n values each from get(result, scenario). */
static PyObject *per_scenario(const igo_scenario_result *r, size_t n,
                              const int64_t *(*get)(const igo_scenario_result *, igo_scenario))
{
    PyObject *list = PyList_New(IGO_SCENARIO_COUNT);
    for (int sc = 0; list && sc < IGO_SCENARIO_COUNT; sc++) {
        PyObject *values = cext_list_i64(get(r, (igo_scenario)sc), n);
        if (!values)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, sc, values);
    }
    return list;
}

static PyObject *result_dict(const igo_scenario_result *r)
{
    size_t D = igo_scenario_result_driver_count(r), S = igo_scenario_result_sector_count(r);
    size_t Y = igo_scenario_result_year_count(r);
    PyObject *effects = PyList_New(IGO_SCENARIO_COUNT), *years = PyList_New((Py_ssize_t)Y);
    for (int sc = 0; effects && sc < IGO_SCENARIO_COUNT; sc++) {
        PyObject *e = cext_list_f64(igo_scenario_result_effects(r, (igo_scenario)sc), D);
        if (!e)
            Py_CLEAR(effects);
        else
            PyList_SET_ITEM(effects, sc, e);
    }
    for (size_t y = 0; years && y < Y; y++)
        PyList_SET_ITEM(years, (Py_ssize_t)y, PyLong_FromLong(igo_scenario_result_years(r)[y]));
    int64_t totals[IGO_SCENARIO_COUNT];
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        totals[sc] = igo_scenario_result_total(r, (igo_scenario)sc);
    PyObject *d = PyDict_New();
    d = put(d, "volumes", cext_list_f64(igo_scenario_result_volumes(r), D));
    d = put(d, "potentials", cext_list_i64(igo_scenario_result_potentials(r), D * S));
    d = put(d, "effects", effects);
    d = put(d, "impacts", per_scenario(r, D * S, igo_scenario_result_impacts));
    d = put(d, "sector_totals", per_scenario(r, S, igo_scenario_result_sector_totals));
    d = put(d, "driver_totals", per_scenario(r, D, igo_scenario_result_driver_totals));
    d = put(d, "totals", cext_list_i64(totals, IGO_SCENARIO_COUNT));
    d = put(d, "years", years);
    d = put(d, "fractions", cext_list_f64(igo_scenario_result_fractions(r), Y));
    d = put(d, "phase_in", per_scenario(r, Y * (S + 1), igo_scenario_result_phase_in));
    d = put(d, "tornado_low", cext_list_i64(igo_scenario_result_tornado_low(r), D));
    d = put(d, "tornado_high", cext_list_i64(igo_scenario_result_tornado_high(r), D));
    return d;
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
    cext_unlocked u;
    if (cext_unlocked_init(&u)) {
        if (view.buf)
            PyBuffer_Release(&view);
        return NULL;
    }
    CEXT_RUN_UNLOCKED(self, u, igo_scenarios_set_progress, self->set, e,
                      igo_scenarios_compute(self->set, &scaling, &r));
    if (view.buf)
        PyBuffer_Release(&view);
    if (e)
        return cext_finish((PyObject *)self, e, ERRMSG);
    PyObject *d = result_dict(r);
    igo_scenario_result_free(r);
    return d;
}

/* uncertainty(births, volumes, draws, seed, distribution, percentiles, out, mean, samples):
 * fills out (and mean, samples when not None) without the GIL. */
static PyObject *scenarios_uncertainty(ScenariosObject *self, PyObject *args)
{
    double births;
    Py_ssize_t draws;
    unsigned long long seed;
    int distribution;
    PyObject *volumes, *objs[4];
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "dOnKiOOOO:uncertainty", &births, &volumes, &draws, &seed,
                          &distribution, &objs[0], &objs[1], &objs[2], &objs[3]))
        return NULL;
    if (draws < 0)
        return PyErr_Format(PyExc_ValueError, "uncertainty: draws must not be negative");
    size_t S1 = igo_scenarios_sector_count(self->set) + 1;
    Py_ssize_t np = PyObject_Length(objs[0]);
    if (np < 0)
        return NULL;
    size_t counts[4] = {(size_t)np, (size_t)np * S1, S1, (size_t)draws * S1};
    static const char *names[4] = {"percentiles", "out", "mean", "samples"};
    Py_buffer views[5];
    igo_scaling scaling;
    int got = 0;
    if (scaling_from(self, births, volumes, &views[4], &scaling, "uncertainty"))
        return NULL;
    for (; got < 4; got++)
        if (cext_get_buffer(objs[got], &views[got], 'd', counts[got], got > 0, "uncertainty",
                            names[got]))
            break;
    PyObject *result = NULL;
    cext_unlocked un;
    if (got == 4 && !cext_unlocked_init(&un)) {
        igo_uncertainty u = {(size_t)draws, (uint64_t)seed, (igo_draw)distribution,
                             views[0].buf,   (size_t)np,     views[1].buf,
                             views[2].buf,   views[3].buf};
        igo_error e;
        CEXT_RUN_UNLOCKED(self, un, igo_scenarios_set_progress, self->set, e,
                          igo_scenarios_uncertainty(self->set, &scaling, &u));
        result = cext_finish((PyObject *)self, e, ERRMSG);
    }
    while (got--)
        if (views[got].buf)
            PyBuffer_Release(&views[got]);
    if (views[4].buf)
        PyBuffer_Release(&views[4]);
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
    igo_error e = IGO_ERROR_CANCELLED; /* with the exception set, when the init fails */
    cext_unlocked u;
    if (!cext_unlocked_init(&u))
        CEXT_RUN_UNLOCKED(self, u, igo_scenarios_set_progress, self->set, e,
                          igo_scenarios_workbook_write(self->set, &scaling, path, &options));
    if (view.buf)
        PyBuffer_Release(&view);
    Py_DECREF(path_bytes);
    return cext_finish((PyObject *)self, e, ERRMSG);
}

static PyMethodDef scenarios_methods[] = {
#define METHOD(name, flags) {#name, (PyCFunction)scenarios_##name, flags, NULL},
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

static PyType_Slot scenarios_slots[] = {
    {Py_tp_new, scenarios_new},
    {Py_tp_dealloc, scenarios_dealloc},
    {Py_tp_methods, scenarios_methods},
    {Py_tp_doc, "An igo_scenarios set: cost scenarios in the C core."},
    {0, NULL},
};

static PyType_Spec scenarios_spec = {
    .name = "libigo._cext.Scenarios",
    .basicsize = sizeof(ScenariosObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = scenarios_slots,
};

int cext_add_scenarios_type(PyObject *module, cext_state *st)
{
    st->scenarios_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &scenarios_spec, NULL);
    return st->scenarios_type ? PyModule_AddType(module, st->scenarios_type) : -1;
}
