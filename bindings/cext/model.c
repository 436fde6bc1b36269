/* libigo._cext.Model: an igo_model, its setters, igo_distribute and igo_distribute_batch. */
#include "cext.h"

#define SETTER(...) CEXT_SETTER(ModelObject, model, igo_model_errmsg, __VA_ARGS__)

static PyObject *done(ModelObject *self, igo_error e)
{
    return cext_done((PyObject *)self, e, igo_model_errmsg(self->core));
}

SETTER(set_name, "s", const char *a, (&a), igo_model_set_name(self->core, a))
SETTER(add_prestatie, "s|zzz", const char *a; const char *b = NULL; const char *c = NULL;
       const char *d = NULL, (&a, &b, &c, &d), igo_model_add_prestatie(self->core, a, b, c, d))
SETTER(add_discipline, "s|z", const char *a; const char *b = NULL, (&a, &b),
       igo_model_add_discipline(self->core, a, b))
SETTER(add_provider, "szs", const char *a; const char *b; const char *c, (&a, &b, &c),
       igo_model_add_provider(self->core, a, b, c))
SETTER(set_production, "sdd", const char *a; double b; double c, (&a, &b, &c),
       igo_model_set_production(self->core, a, b, c))
SETTER(set_cost, "iid", int a; int b; double c, (&a, &b, &c),
       igo_model_set_cost(self->core, (igo_cost)a, (igo_cost_mode)b, c))
SETTER(set_prestatie_costs, "sd", const char *a; double b, (&a, &b),
       igo_model_set_prestatie_costs(self->core, a, b))
SETTER(set_fixed_part, "sddd", const char *a; double b; double c; double d, (&a, &b, &c, &d),
       igo_model_set_fixed_part(self->core, a, b, c, d))
SETTER(set_bonus_pool, "id", int a; double b, (&a, &b),
       igo_model_set_bonus_pool(self->core, (igo_cost_mode)a, b))
SETTER(add_indicator, "szdpd", const char *a; const char *b; double c; int d; double e,
       (&a, &b, &c, &d, &e), igo_model_add_indicator(self->core, a, b, c, d, e))
SETTER(set_indicator_value, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_model_set_indicator_value(self->core, a, b, c))
SETTER(set_key, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_model_set_key(self->core, a, b, c))
SETTER(set_volume, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_model_set_volume(self->core, a, b, c))
SETTER(set_regio, "sd", const char *a; double b, (&a, &b), igo_model_set_regio(self->core, a, b))
SETTER(set_transfer_reason, "sd", const char *a; double b, (&a, &b),
       igo_model_set_transfer_reason(self->core, a, b))
SETTER(add_history, "sssdd", const char *a; const char *b; const char *c; double d; double e,
       (&a, &b, &c, &d, &e), igo_model_add_history(self->core, a, b, c, d, e))
SETTER(add_default_catalogue, "", (void)0, (NULL), igo_model_add_default_catalogue(self->core))
SETTER(add_default_disciplines, "", (void)0, (NULL), igo_model_add_default_disciplines(self->core))
SETTER(add_default_transfer_reasons, "", (void)0, (NULL),
       igo_model_add_default_transfer_reasons(self->core))

static PyObject *model_set_normalise_keys(ModelObject *self, PyObject *arg)
{
    int flag = PyObject_IsTrue(arg);
    if (cext_idle(self->busy) || flag < 0)
        return NULL;
    return done(self, igo_model_set_normalise_keys(self->core, flag));
}

/* The baseline of write_workbook: None, or another (idle) Model, marked busy while the call
 * runs without the GIL; *out is NULL for None or for self. -1 with an exception otherwise. */
static int baseline_from(ModelObject *self, PyObject *obj, ModelObject **out)
{
    *out = NULL;
    if (obj == Py_None || obj == (PyObject *)self)
        return 0;
    PyTypeObject *type = ((cext_state *)PyType_GetModuleState(Py_TYPE(self)))->model_type;
    if (!PyObject_TypeCheck(obj, type)) {
        PyErr_Format(PyExc_TypeError, "write_workbook: baseline must be a Model, not %.80s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *out = (ModelObject *)obj;
    return cext_idle((*out)->busy);
}

/* write_workbook(path, lang, transition=None, baseline=None, threshold=0, threshold_share=0):
 * the filled-in model as .xlsx, written without the GIL; transition is (ids, history,
 * guarantee, max_decrease, max_increase, years); baseline a Model whose distribution the Wat
 * als sheet starts from. */
static PyObject *model_write_workbook(ModelObject *self, PyObject *args)
{
    PyObject *path_bytes, *spec = Py_None, *base = Py_None;
    int lang = IGO_LANG_NL;
    double threshold = 0, share = 0;
    if (cext_idle(self->busy) || !PyArg_ParseTuple(args, "O&|iOOdd:write_workbook",
                                                   PyUnicode_FSConverter, &path_bytes, &lang,
                                                   &spec, &base, &threshold, &share))
        return NULL;
    ModelObject *baseline;
    igo_transition *tr = NULL;
    if (baseline_from(self, base, &baseline) ||
        (spec != Py_None &&
         !(tr = cext_transition_build(PyType_GetModuleState(Py_TYPE(self)), spec)))) {
        Py_DECREF(path_bytes);
        return NULL;
    }
    igo_workbook_options options = {.lang = lang ? IGO_LANG_EN : IGO_LANG_NL, .transition = tr,
                                     .baseline = baseline ? baseline->core : NULL,
                                     .threshold = threshold, .threshold_share = share};
    const char *path = PyBytes_AS_STRING(path_bytes);
    igo_error e;
    if (baseline)
        baseline->busy = 1;
    CEXT_RUN_UNLOCKED(self, igo_model_set_progress, e,
                      igo_workbook_write(self->core, path, &options));
    if (baseline)
        baseline->busy = 0;
    Py_DECREF(path_bytes);
    igo_transition_free(tr);
    return cext_finish((PyObject *)self, e, igo_model_errmsg(self->core));
}

/* read_workbook(path) -> lang: a model workbook read into this (new) model, without the GIL. */
static PyObject *model_read_workbook(ModelObject *self, PyObject *args)
{
    PyObject *path_bytes;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&:read_workbook", PyUnicode_FSConverter, &path_bytes))
        return NULL;
    const char *path = PyBytes_AS_STRING(path_bytes);
    igo_lang lang = IGO_LANG_NL;
    igo_error e;
    CEXT_RUN_UNLOCKED(self, igo_model_set_progress, e, igo_workbook_read(self->core, path, &lang));
    Py_DECREF(path_bytes);
    PyObject *done = cext_finish((PyObject *)self, e, igo_model_errmsg(self->core));
    if (!done)
        return NULL;
    Py_DECREF(done);
    return PyLong_FromLong((long)lang);
}

/* read_transition(path) -> None or the inputs of the workbook's Overgang sheet (see
 * cext_transition_inputs), for the model read from the same workbook. */
static PyObject *model_read_transition(ModelObject *self, PyObject *args)
{
    PyObject *path_bytes;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&:read_transition", PyUnicode_FSConverter, &path_bytes))
        return NULL;
    const char *path = PyBytes_AS_STRING(path_bytes);
    igo_transition *tr = NULL;
    igo_error e;
    CEXT_RUN_UNLOCKED(self, igo_model_set_progress, e,
                      igo_workbook_read_transition(self->core, path, &tr));
    Py_DECREF(path_bytes);
    PyObject *done = cext_finish((PyObject *)self, e, igo_model_errmsg(self->core));
    PyObject *out = done ? cext_transition_inputs(tr) : NULL;
    Py_XDECREF(done);
    igo_transition_free(tr);
    return out;
}

static PyObject *model_add_outside(ModelObject *self, PyObject *args)
{
    const char *label;
    double count = 0, tariff = 0;
    PyObject *targets;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "sddO:add_outside", &label, &count, &tariff, &targets))
        return NULL;
    if (PyUnicode_Check(targets))
        return PyErr_Format(PyExc_TypeError, "add_outside: targets must be a list of str");
    PyObject *seq = PySequence_Fast(targets, "add_outside: targets must be a list of str");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), i;
    const char **ids = PyMem_Calloc((size_t)n + 1, sizeof *ids);
    if (!ids) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "add_outside: target %zd is %.100s, not str", i,
                         Py_TYPE(item)->tp_name);
            break;
        }
        if (!(ids[i] = PyUnicode_AsUTF8(item)))
            break;
    }
    PyObject *result = NULL;
    if (i == n)
        result = done(self,
                      igo_model_add_outside(self->core, label, count, tariff, ids, (size_t)n));
    PyMem_Free(ids);
    Py_DECREF(seq);
    return result;
}

/* (P, D, O, L): the numbers of prestaties, disciplines, providers and outside activities. */
static PyObject *model_sizes(ModelObject *self, PyObject *unused)
{
    (void)unused;
    const igo_model *m = self->core;
    return Py_BuildValue("nnnn", (Py_ssize_t)igo_model_prestatie_count(m),
                         (Py_ssize_t)igo_model_discipline_count(m),
                         (Py_ssize_t)igo_model_provider_count(m),
                         (Py_ssize_t)igo_model_outside_count(m));
}

/* A list of tuples of strings, one per entity, from n getters. */
static PyObject *entities(const igo_model *m, size_t count,
                          const char *(*const get[])(const igo_model *, size_t), int fields)
{
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; list && i < count; i++) {
        PyObject *row = PyTuple_New(fields);
        for (int f = 0; row && f < fields; f++) {
            PyObject *s = PyUnicode_FromString(get[f](m, i));
            if (!s)
                Py_CLEAR(row);
            else
                PyTuple_SET_ITEM(row, f, s);
        }
        if (!row)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

static PyObject *model_prestaties(ModelObject *self, PyObject *unused)
{
    (void)unused;
    static const char *(*const get[])(const igo_model *, size_t) = {
        igo_model_prestatie_code, igo_model_prestatie_label, igo_model_prestatie_phase,
        igo_model_prestatie_unit};
    return entities(self->core, igo_model_prestatie_count(self->core), get, 4);
}

static PyObject *model_disciplines(ModelObject *self, PyObject *unused)
{
    (void)unused;
    static const char *(*const get[])(const igo_model *, size_t) = {igo_model_discipline_id,
                                                                     igo_model_discipline_label};
    return entities(self->core, igo_model_discipline_count(self->core), get, 2);
}

/* ---- inputs(): every input as plain data (see _cext.pyi); None where one was not set ---- */

/* A list of n items, item i made by make(m, i); NULL when one fails. */
static PyObject *rows(const igo_model *m, size_t n, PyObject *(*make)(const igo_model *, size_t))
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *item = make(m, i);
        if (!item)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    return list;
}

static PyObject *float_or_none(int given, double value)
{
    return given ? PyFloat_FromDouble(value) : Py_NewRef(Py_None);
}

static PyObject *prestatie_code(const igo_model *m, size_t p)
{
    return PyUnicode_FromString(igo_model_prestatie_code(m, p));
}

static PyObject *provider_row(const igo_model *m, size_t o)
{
    return Py_BuildValue("(sss)", igo_model_provider_id(m, o), igo_model_provider_name(m, o),
                         igo_model_discipline_id(m, igo_model_provider_discipline(m, o)));
}

static PyObject *production_row(const igo_model *m, size_t p)
{
    double count = 0, tariff = 0;
    if (!igo_model_production(m, p, &count, &tariff))
        return Py_NewRef(Py_None);
    return Py_BuildValue("(dd)", count, tariff);
}

static PyObject *fixed_part_row(const igo_model *m, size_t o)
{
    double eur = 0, min_volume = 0, reduction = 0;
    if (!igo_model_fixed_part(m, o, &eur, &min_volume, &reduction))
        return Py_NewRef(Py_None);
    return Py_BuildValue("(ddd)", eur, min_volume, reduction);
}

static PyObject *prestatie_costs_row(const igo_model *m, size_t p)
{
    double eur = 0;
    if (!igo_model_prestatie_costs(m, p, &eur))
        return Py_NewRef(Py_None);
    return PyFloat_FromDouble(eur);
}

/* (mode, value) of a cost component or the bonus pool, or None when not set. */
static PyObject *mode_value(int given, igo_cost_mode mode, double value)
{
    return given ? Py_BuildValue("(id)", (int)mode, value) : Py_NewRef(Py_None);
}

static PyObject *cost_row(const igo_model *m, size_t k)
{
    igo_cost_mode mode = IGO_COST_AMOUNT;
    double value = 0;
    int given = igo_model_cost(m, (igo_cost)k, &mode, &value);
    return mode_value(given, mode, value);
}

static PyObject *bonus_pool(const igo_model *m)
{
    igo_cost_mode mode = IGO_COST_AMOUNT;
    double value = 0;
    int given = igo_model_bonus_pool(m, &mode, &value);
    return mode_value(given, mode, value);
}

/* The activity's targets as prestatie codes, in the order they were listed. */
static PyObject *outside_targets(const igo_model *m, size_t a)
{
    PyObject *list = PyList_New((Py_ssize_t)igo_model_outside_target_count(m, a));
    for (Py_ssize_t i = 0; list && i < PyList_GET_SIZE(list); i++) {
        PyObject *code = prestatie_code(m, igo_model_outside_target(m, a, (size_t)i));
        if (!code)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, code);
    }
    return list;
}

static PyObject *outside_row(const igo_model *m, size_t a)
{
    double count = 0, tariff = 0;
    const char *label = igo_model_outside(m, a, &count, &tariff);
    return Py_BuildValue("(sddN)", label, count, tariff, outside_targets(m, a));
}

/* A prestatie's row of a matrix of n cells read in one pass by get (keys or volumes), None
 * where a cell was not set. */
static PyObject *cells(const igo_model *m, size_t p, size_t n,
                       size_t (*get)(const igo_model *, size_t, double *, unsigned char *))
{
    double *values = PyMem_Calloc(n + 1, sizeof *values);
    unsigned char *given = PyMem_Calloc(n + 1, 1);
    PyObject *list = values && given ? PyList_New((Py_ssize_t)n) : PyErr_NoMemory();
    if (list)
        get(m, p, values, given);
    for (size_t c = 0; list && c < n; c++) {
        PyObject *v = float_or_none(given[c], values[c]);
        if (!v)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)c, v);
    }
    PyMem_Free(values);
    PyMem_Free(given);
    return list;
}

/* (id, label, target, lower_is_better, weight, [each provider's value or None]) */
static PyObject *indicator_row(const igo_model *m, size_t i)
{
    const char *label = NULL;
    double target = 0, weight = 0;
    int lower = 0;
    const char *id = igo_model_indicator(m, i, &label, &target, &lower, &weight);
    PyObject *values = cells(m, i, igo_model_provider_count(m), igo_model_indicator_row);
    return values ? Py_BuildValue("(ssdNdN)", id, label, target, PyBool_FromLong(lower), weight,
                                  values)
                  : NULL;
}

static PyObject *key_row(const igo_model *m, size_t p)
{
    return cells(m, p, igo_model_discipline_count(m), igo_model_key_row);
}

static PyObject *volume_row(const igo_model *m, size_t p)
{
    return cells(m, p, igo_model_provider_count(m), igo_model_volume_row);
}

static PyObject *history_row(const igo_model *m, size_t i)
{
    size_t d = 0, p = 0;
    double count = 0, tariff = 0;
    const char *code = igo_model_history(m, i, &d, &p, &count, &tariff);
    return Py_BuildValue("(sssdd)", code, igo_model_discipline_id(m, d),
                         igo_model_prestatie_code(m, p), count, tariff);
}

static PyObject *regio_row(const igo_model *m, size_t field)
{
    double count = 0;
    int given = igo_model_regio(m, field, &count);
    return float_or_none(given, count);
}

static PyObject *reason_row(const igo_model *m, size_t i)
{
    double count = 0;
    const char *reason = igo_model_transfer_reason(m, i, &count);
    return Py_BuildValue("(sd)", reason, count);
}

static PyObject *model_inputs(ModelObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    const igo_model *m = self->core;
    size_t P = igo_model_prestatie_count(m), fields = 0;
    while (igo_regio_field(fields))
        fields++;
    cext_item inputs[] = {
        {"name", PyUnicode_FromString(igo_model_name(m))},
        {"prestaties", model_prestaties(self, NULL)},
        {"disciplines", model_disciplines(self, NULL)},
        {"providers", rows(m, igo_model_provider_count(m), provider_row)},
        {"production", rows(m, P, production_row)},
        {"costs", rows(m, IGO_COST_COUNT, cost_row)},
        {"prestatie_costs", rows(m, P, prestatie_costs_row)},
        {"fixed_parts", rows(m, igo_model_provider_count(m), fixed_part_row)},
        {"bonus_pool", bonus_pool(m)},
        {"indicators", rows(m, igo_model_indicator_count(m), indicator_row)},
        {"outside", rows(m, igo_model_outside_count(m), outside_row)},
        {"keys", rows(m, P, key_row)},
        {"history", rows(m, igo_model_history_count(m), history_row)},
        {"normalise_keys", PyBool_FromLong(igo_model_normalise_keys(m))},
        {"volumes", rows(m, P, volume_row)},
        {"regio", rows(m, fields, regio_row)},
        {"reasons", rows(m, igo_model_transfer_reason_count(m), reason_row)},
    };
    return cext_dict(inputs, sizeof inputs / sizeof inputs[0]);
}

static PyObject *model_distribute(ModelObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    igo_result *r = NULL;
    igo_error e;
    CEXT_RUN_UNLOCKED(self, igo_model_set_progress, e, igo_distribute(self->core, &r));
    if (e)
        return cext_finish((PyObject *)self, e, igo_model_errmsg(self->core));
    PyObject *d = cext_result_dict(r);
    igo_result_free(r);
    return d;
}

PyObject *cext_model_distribute_batch(ModelObject *self, PyObject *args);
#define model_distribute_batch cext_model_distribute_batch

static PyMethodDef model_methods[] = {
#define METHOD(name, flags) CEXT_METHOD(model, name, flags)
    METHOD(set_name, METH_VARARGS)
    METHOD(add_default_catalogue, METH_VARARGS)
    METHOD(add_default_disciplines, METH_VARARGS)
    METHOD(add_prestatie, METH_VARARGS)
    METHOD(add_discipline, METH_VARARGS)
    METHOD(add_provider, METH_VARARGS)
    METHOD(set_production, METH_VARARGS)
    METHOD(set_cost, METH_VARARGS)
    METHOD(set_prestatie_costs, METH_VARARGS)
    METHOD(set_fixed_part, METH_VARARGS)
    METHOD(set_bonus_pool, METH_VARARGS)
    METHOD(add_indicator, METH_VARARGS)
    METHOD(set_indicator_value, METH_VARARGS)
    METHOD(add_outside, METH_VARARGS)
    METHOD(set_key, METH_VARARGS)
    METHOD(add_history, METH_VARARGS)
    METHOD(set_normalise_keys, METH_O)
    METHOD(set_volume, METH_VARARGS)
    METHOD(set_regio, METH_VARARGS)
    METHOD(set_transfer_reason, METH_VARARGS)
    METHOD(add_default_transfer_reasons, METH_VARARGS)
    METHOD(write_workbook, METH_VARARGS)
    METHOD(read_workbook, METH_VARARGS)
    METHOD(read_transition, METH_VARARGS)
    METHOD(sizes, METH_NOARGS)
    METHOD(prestaties, METH_NOARGS)
    METHOD(disciplines, METH_NOARGS)
    METHOD(inputs, METH_NOARGS)
    METHOD(distribute, METH_NOARGS)
    METHOD(distribute_batch, METH_VARARGS)
#undef METHOD
    {NULL, NULL, 0, NULL},
};

CEXT_TYPE(ModelObject, model, "Model", igo_model_new, igo_model_free,
          "An igo_model: a region's distribution model in the C core.")
