/* libigo._cext.transition(): the C core's transition clauses, built from Python lists and
 * returned as lists (libigo.transition makes the tables). */
#include "cext.h"

/* The i-th item of a sequence as an int64 (cents), or -1 with an exception. */
static int item_cents(PyObject *seq, Py_ssize_t i, int64_t *out)
{
    long long v = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(seq, i));
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = (int64_t)v;
    return 0;
}

/* Providers: ids, history and guarantees (-1 for none) in cents. */
static igo_error set_providers(igo_transition *tr, PyObject *ids, PyObject *history,
                               PyObject *guarantee)
{
    for (Py_ssize_t o = 0; o < PySequence_Fast_GET_SIZE(ids); o++) {
        const char *id = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(ids, o));
        int64_t h, g;
        if (!id || item_cents(history, o, &h) || item_cents(guarantee, o, &g))
            return IGO_ERROR_COUNT_; /* a Python exception is set */
        igo_error e = igo_transition_set_provider(tr, (size_t)o, id, h);
        if (!e)
            e = igo_transition_set_guarantee(tr, (size_t)o, g);
        if (e)
            return e;
    }
    return IGO_OK;
}

/* Years: (year, share, model cents per provider). */
static igo_error add_years(igo_transition *tr, PyObject *years, Py_ssize_t n)
{
    int64_t *model = PyMem_Calloc((size_t)n + 1, sizeof *model);
    if (!model)
        return PyErr_NoMemory(), IGO_ERROR_COUNT_;
    igo_error e = IGO_OK;
    for (Py_ssize_t y = 0; !e && y < PySequence_Fast_GET_SIZE(years); y++) {
        int year;
        double share;
        PyObject *cents, *fast = NULL;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(years, y), "idO", &year, &share, &cents) ||
            !(fast = PySequence_Fast(cents, "model incomes must be a sequence")) ||
            PySequence_Fast_GET_SIZE(fast) != n) {
            if (fast)
                PyErr_SetString(PyExc_ValueError, "a model income per provider is needed");
            e = IGO_ERROR_COUNT_;
        }
        for (Py_ssize_t o = 0; !e && o < n; o++)
            if (item_cents(fast, o, &model[o]))
                e = IGO_ERROR_COUNT_;
        if (!e)
            e = igo_transition_add_year(tr, year, share, model);
        Py_XDECREF(fast);
    }
    PyMem_Free(model);
    return e;
}

/* A list of n int64 values. */
static PyObject *cents_list(const int64_t *v, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *x = PyLong_FromLongLong(v[i]);
        if (!x)
            return Py_DECREF(list), NULL;
        PyList_SET_ITEM(list, (Py_ssize_t)i, x);
    }
    return list;
}

/* One year's figures: {"year", "pot", "rounds", "bounds": [...], "columns": [[...] x 7]}. */
static PyObject *year_dict(const igo_transition_result *r, size_t y)
{
    size_t n = igo_transition_result_providers(r);
    const uint8_t *b = igo_transition_result_bounds(r, y);
    PyObject *bound_list = PyList_New((Py_ssize_t)n);
    for (size_t o = 0; bound_list && o < n; o++) {
        PyObject *x = PyLong_FromLong(b[o]);
        if (!x)
            return Py_DECREF(bound_list), NULL;
        PyList_SET_ITEM(bound_list, (Py_ssize_t)o, x);
    }
    if (!bound_list)
        return NULL;
    PyObject *columns = PyList_New(IGO_TRANSITION_COLUMNS);
    for (int c = 0; columns && c < IGO_TRANSITION_COLUMNS; c++) {
        PyObject *col = cents_list(igo_transition_result_column(r, y, c), n);
        if (!col) {
            Py_DECREF(columns), Py_DECREF(bound_list);
            return NULL;
        }
        PyList_SET_ITEM(columns, c, col);
    }
    if (!columns)
        return Py_DECREF(bound_list), NULL;
    return Py_BuildValue("{s:i,s:L,s:n,s:N,s:N}", "year",
                                             igo_transition_result_year(r, y), "pot",
                                             (long long)igo_transition_result_pot(r, y),
                                             "rounds",
                                             (Py_ssize_t)igo_transition_result_rounds(r, y),
                                             "bounds", bound_list, "columns", columns);
}

static PyObject *result_list(const igo_transition_result *r)
{
    size_t years = igo_transition_result_years(r);
    PyObject *list = PyList_New((Py_ssize_t)years);
    for (size_t y = 0; list && y < years; y++) {
        PyObject *d = year_dict(r, y);
        if (!d)
            return Py_DECREF(list), NULL;
        PyList_SET_ITEM(list, (Py_ssize_t)y, d);
    }
    return list;
}

/* A transition of sequences (made fast) and limits; NULL with a Python exception set. */
static igo_transition *build(cext_state *st, PyObject *ids, PyObject *history,
                             PyObject *guarantee, double down, double up, PyObject *years)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(ids);
    if (PySequence_Fast_GET_SIZE(history) != n || PySequence_Fast_GET_SIZE(guarantee) != n) {
        PyErr_SetString(PyExc_ValueError, "a history and a guarantee per provider are needed");
        return NULL;
    }
    igo_transition *tr = igo_transition_new((size_t)n);
    if (!tr)
        return (igo_transition *)PyErr_NoMemory();
    igo_error e = set_providers(tr, ids, history, guarantee);
    if (!e)
        e = igo_transition_set_limits(tr, down, up);
    if (!e)
        e = add_years(tr, years, n);
    if (e && e != IGO_ERROR_COUNT_) /* (else the Python exception is set) */
        cext_raise(st, e, igo_transition_errmsg(tr), -1);
    if (e) {
        igo_transition_free(tr);
        return NULL;
    }
    return tr;
}

igo_transition *cext_transition_build(cext_state *st, PyObject *spec)
{
    PyObject *ids, *history, *guarantee, *years;
    double down, up;
    if (!PyArg_ParseTuple(spec, "OOOddO:transition", &ids, &history, &guarantee, &down, &up,
                          &years))
        return NULL;
    PyObject *fast[4] = {PySequence_Fast(ids, "ids must be a sequence"),
                         PySequence_Fast(history, "history must be a sequence"),
                         PySequence_Fast(guarantee, "guarantee must be a sequence"),
                         PySequence_Fast(years, "years must be a sequence")};
    igo_transition *tr = fast[0] && fast[1] && fast[2] && fast[3]
                             ? build(st, fast[0], fast[1], fast[2], down, up, fast[3])
                             : NULL;
    for (int i = 0; i < 4; i++)
        Py_XDECREF(fast[i]);
    return tr;
}

PyObject *cext_transition(PyObject *module, PyObject *args)
{
    cext_state *st = cext_state_of(module);
    igo_transition *tr = cext_transition_build(st, args);
    if (!tr)
        return NULL;
    igo_transition_result *r = NULL;
    igo_error e;
    Py_BEGIN_ALLOW_THREADS e = igo_transition_compute(tr, &r);
    Py_END_ALLOW_THREADS
    PyObject *out = e ? cext_raise(st, e, igo_transition_errmsg(tr), -1) : result_list(r);
    igo_transition_result_free(r);
    igo_transition_free(tr);
    return out;
}

PyObject *cext_transition_inputs(const igo_transition *t)
{
    if (!t)
        Py_RETURN_NONE;
    size_t n = igo_transition_providers(t), years = igo_transition_years(t);
    PyObject *providers = PyList_New((Py_ssize_t)n), *schedule = PyList_New((Py_ssize_t)years);
    for (size_t o = 0; providers && schedule && o < n; o++) {
        int64_t h = 0, g = -1;
        const char *id = igo_transition_provider(t, o, &h, &g);
        PyObject *row = Py_BuildValue("(sLL)", id ? id : "", (long long)h, (long long)g);
        if (!row)
            goto fail;
        PyList_SET_ITEM(providers, (Py_ssize_t)o, row);
    }
    for (size_t y = 0; providers && schedule && y < years; y++) {
        double share = 0;
        int year = igo_transition_year(t, y, &share, NULL);
        PyObject *row = Py_BuildValue("(id)", year, share);
        if (!row)
            goto fail;
        PyList_SET_ITEM(schedule, (Py_ssize_t)y, row);
    }
    if (!providers || !schedule)
        goto fail;
    double down, up;
    igo_transition_limits(t, &down, &up);
    return Py_BuildValue("{s:N,s:N,s:d,s:d}", "providers", providers, "years", schedule,
                         "max_decrease", down, "max_increase", up);
fail:
    Py_XDECREF(providers), Py_XDECREF(schedule);
    return NULL;
}
