/* libigo._cext.Model: an igo_model, its setters, igo_distribute and igo_distribute_batch. */
#include "cext.h"

static int ensure_idle(ModelObject *self)
{
    return cext_idle(self->busy);
}

static PyObject *done(ModelObject *self, igo_error e)
{
    return cext_done((PyObject *)self, e, igo_model_errmsg(self->model));
}

static PyObject *model_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) || (kwds && PyDict_GET_SIZE(kwds)))
        return PyErr_Format(PyExc_TypeError, "Model() takes no arguments");
    ModelObject *self = (ModelObject *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    self->model = igo_model_new();
    if (!self->model) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static void model_dealloc(ModelObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    igo_model_free(self->model);
    type->tp_free((PyObject *)self);
    Py_DECREF(type);
}

#define SETTER(name, format, decls, args, call)                                                \
    CEXT_SETTER(ModelObject, model_##name, format ":" #name, igo_model_errmsg(self->model),   \
                decls, args, call)

SETTER(set_name, "s", const char *a, (&a), igo_model_set_name(self->model, a))
SETTER(add_prestatie, "s|zzz", const char *a; const char *b = NULL; const char *c = NULL;
       const char *d = NULL, (&a, &b, &c, &d), igo_model_add_prestatie(self->model, a, b, c, d))
SETTER(add_discipline, "s|z", const char *a; const char *b = NULL, (&a, &b),
       igo_model_add_discipline(self->model, a, b))
SETTER(add_provider, "szs", const char *a; const char *b; const char *c, (&a, &b, &c),
       igo_model_add_provider(self->model, a, b, c))
SETTER(set_production, "sdd", const char *a; double b; double c, (&a, &b, &c),
       igo_model_set_production(self->model, a, b, c))
SETTER(set_cost, "iid", int a; int b; double c, (&a, &b, &c),
       igo_model_set_cost(self->model, (igo_cost)a, (igo_cost_mode)b, c))
SETTER(set_key, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_model_set_key(self->model, a, b, c))
SETTER(set_volume, "ssd", const char *a; const char *b; double c, (&a, &b, &c),
       igo_model_set_volume(self->model, a, b, c))
SETTER(set_regio, "sd", const char *a; double b, (&a, &b), igo_model_set_regio(self->model, a, b))
SETTER(set_transfer_reason, "sd", const char *a; double b, (&a, &b),
       igo_model_set_transfer_reason(self->model, a, b))
SETTER(add_history, "sssdd", const char *a; const char *b; const char *c; double d; double e,
       (&a, &b, &c, &d, &e), igo_model_add_history(self->model, a, b, c, d, e))

static PyObject *model_set_normalise_keys(ModelObject *self, PyObject *arg)
{
    int flag = PyObject_IsTrue(arg);
    if (ensure_idle(self) || flag < 0)
        return NULL;
    return done(self, igo_model_set_normalise_keys(self->model, flag));
}

static PyObject *model_add_default_catalogue(ModelObject *self, PyObject *unused)
{
    (void)unused;
    return ensure_idle(self) ? NULL : done(self, igo_model_add_default_catalogue(self->model));
}

static PyObject *model_add_default_disciplines(ModelObject *self, PyObject *unused)
{
    (void)unused;
    return ensure_idle(self) ? NULL : done(self, igo_model_add_default_disciplines(self->model));
}

static PyObject *model_add_default_transfer_reasons(ModelObject *self, PyObject *unused)
{
    (void)unused;
    return ensure_idle(self) ? NULL
                             : done(self, igo_model_add_default_transfer_reasons(self->model));
}

/* write_workbook(path, lang): the filled-in model as .xlsx, written without the GIL. */
static PyObject *model_write_workbook(ModelObject *self, PyObject *args)
{
    PyObject *path_bytes;
    int lang = IGO_LANG_NL;
    if (ensure_idle(self) ||
        !PyArg_ParseTuple(args, "O&|i:write_workbook", PyUnicode_FSConverter, &path_bytes, &lang))
        return NULL;
    igo_workbook_options options = {.lang = lang ? IGO_LANG_EN : IGO_LANG_NL};
    const char *path = PyBytes_AS_STRING(path_bytes);
    igo_error e;
    cext_unlocked u;
    if (cext_unlocked_init(&u)) {
        Py_DECREF(path_bytes);
        return NULL;
    }
    CEXT_RUN_UNLOCKED(self, u, igo_model_set_progress, self->model, e,
                      igo_workbook_write(self->model, path, &options));
    Py_DECREF(path_bytes);
    return cext_finish((PyObject *)self, e, igo_model_errmsg(self->model));
}

static PyObject *model_add_outside(ModelObject *self, PyObject *args)
{
    const char *label;
    double count, tariff;
    PyObject *targets;
    if (ensure_idle(self) ||
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
        result = done(self, igo_model_add_outside(self->model, label, count, tariff, ids, (size_t)n));
    PyMem_Free(ids);
    Py_DECREF(seq);
    return result;
}

/* (P, D, O, L): the numbers of prestaties, disciplines, providers and outside activities. */
static PyObject *model_sizes(ModelObject *self, PyObject *unused)
{
    (void)unused;
    const igo_model *m = self->model;
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
    return entities(self->model, igo_model_prestatie_count(self->model), get, 4);
}

static PyObject *model_disciplines(ModelObject *self, PyObject *unused)
{
    (void)unused;
    static const char *(*const get[])(const igo_model *, size_t) = {igo_model_discipline_id,
                                                                     igo_model_discipline_label};
    return entities(self->model, igo_model_discipline_count(self->model), get, 2);
}

static PyObject *model_distribute(ModelObject *self, PyObject *unused)
{
    (void)unused;
    if (ensure_idle(self))
        return NULL;
    igo_result *r = NULL;
    igo_error e;
    cext_unlocked u;
    if (cext_unlocked_init(&u))
        return NULL;
    CEXT_RUN_UNLOCKED(self, u, igo_model_set_progress, self->model, e,
                      igo_distribute(self->model, &r));
    if (e)
        return cext_finish((PyObject *)self, e, igo_model_errmsg(self->model));
    PyObject *d = cext_result_dict(r);
    igo_result_free(r);
    return d;
}

PyObject *cext_model_distribute_batch(ModelObject *self, PyObject *args);

static PyMethodDef model_methods[] = {
#define METHOD(name, flags) {#name, (PyCFunction)model_##name, flags, NULL},
    METHOD(set_name, METH_VARARGS)
    METHOD(add_default_catalogue, METH_NOARGS)
    METHOD(add_default_disciplines, METH_NOARGS)
    METHOD(add_prestatie, METH_VARARGS)
    METHOD(add_discipline, METH_VARARGS)
    METHOD(add_provider, METH_VARARGS)
    METHOD(set_production, METH_VARARGS)
    METHOD(set_cost, METH_VARARGS)
    METHOD(add_outside, METH_VARARGS)
    METHOD(set_key, METH_VARARGS)
    METHOD(add_history, METH_VARARGS)
    METHOD(set_normalise_keys, METH_O)
    METHOD(set_volume, METH_VARARGS)
    METHOD(set_regio, METH_VARARGS)
    METHOD(set_transfer_reason, METH_VARARGS)
    METHOD(add_default_transfer_reasons, METH_NOARGS)
    METHOD(write_workbook, METH_VARARGS)
    METHOD(sizes, METH_NOARGS)
    METHOD(prestaties, METH_NOARGS)
    METHOD(disciplines, METH_NOARGS)
    METHOD(distribute, METH_NOARGS)
#undef METHOD
    {"distribute_batch", (PyCFunction)cext_model_distribute_batch, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot model_slots[] = {
    {Py_tp_new, model_new},
    {Py_tp_dealloc, model_dealloc},
    {Py_tp_methods, model_methods},
    {Py_tp_doc, "An igo_model: a region's distribution model in the C core."},
    {0, NULL},
};

static PyType_Spec model_spec = {
    .name = "libigo._cext.Model",
    .basicsize = sizeof(ModelObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = model_slots,
};

int cext_add_model_type(PyObject *module, cext_state *st)
{
    st->model_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &model_spec, NULL);
    if (!st->model_type)
        return -1;
    return PyModule_AddType(module, st->model_type);
}
