/* Turning core results into Python objects. */
#include "cext.h"

/* A list of n values, each made by make(values, i); NULL when one fails. */
static PyObject *list_of_n(const void *values, size_t n, PyObject *(*make)(const void *, size_t))
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *v = make(values, i);
        if (!v)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, v);
    }
    return list;
}

static PyObject *i64_at(const void *values, size_t i)
{
    return PyLong_FromLongLong(((const int64_t *)values)[i]);
}

static PyObject *f64_at(const void *values, size_t i)
{
    return PyFloat_FromDouble(((const double *)values)[i]);
}

static PyObject *int_at(const void *values, size_t i)
{
    return PyLong_FromLong(((const int *)values)[i]);
}

PyObject *cext_list_i64(const int64_t *values, size_t n)
{
    return list_of_n(values, n, i64_at);
}

PyObject *cext_list_f64(const double *values, size_t n)
{
    return list_of_n(values, n, f64_at);
}

PyObject *cext_list_int(const int *values, size_t n)
{
    return list_of_n(values, n, int_at);
}

PyObject *cext_list_of(PyObject **items, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; i < n; i++) {
        if (!items[i])
            Py_CLEAR(list);
        if (list)
            PyList_SET_ITEM(list, (Py_ssize_t)i, items[i]);
        else
            Py_XDECREF(items[i]);
    }
    return list;
}

PyObject *cext_dict(cext_item *items, size_t n)
{
    PyObject *d = PyDict_New();
    for (size_t i = 0; i < n; i++) {
        if (d && (!items[i].value || PyDict_SetItemString(d, items[i].key, items[i].value) < 0))
            Py_CLEAR(d);
        Py_XDECREF(items[i].value);
    }
    return d;
}

PyObject *cext_result_dict(const igo_result *r)
{
    size_t P = igo_result_prestatie_count(r), D = igo_result_discipline_count(r);
    size_t O = igo_result_provider_count(r), L = igo_result_outside_count(r);
    int64_t costs[IGO_COST_COUNT];
    for (int k = 0; k < IGO_COST_COUNT; k++)
        costs[k] = igo_result_cost(r, (igo_cost)k);
    cext_item figures[] = {
        {"income", PyLong_FromLongLong(igo_result_income(r))},
        {"costs", cext_list_i64(costs, IGO_COST_COUNT)},
        {"costs_total", PyLong_FromLongLong(igo_result_costs_total(r))},
        {"outside_total", PyLong_FromLongLong(igo_result_outside_total(r))},
        {"distributed", PyLong_FromLongLong(igo_result_distributed(r))},
        {"prestatie_income", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_INCOME), P)},
        {"prestatie_costs", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_COSTS), P)},
        {"prestatie_outside", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_OUTSIDE), P)},
        {"prestatie_distributable",
         cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE), P)},
        {"outside_costs", cext_list_i64(igo_result_outside_costs(r), L)},
        {"outside_parts", cext_list_i64(igo_result_outside_parts(r), L * P)},
        {"keys", cext_list_f64(igo_result_keys(r), P * D)},
        {"disciplines", cext_list_i64(igo_result_disciplines(r), P * D)},
        {"providers", cext_list_i64(igo_result_providers(r), P * O)},
        {"fixed_parts", cext_list_i64(igo_result_fixed_parts(r), P * O)},
        {"discipline_totals", cext_list_i64(igo_result_discipline_totals(r), D)},
        {"provider_totals", cext_list_i64(igo_result_provider_totals(r), O)},
        {"bonus_pool", PyLong_FromLongLong(igo_result_bonus_pool(r))},
        {"bonuses_paid", PyLong_FromLongLong(igo_result_bonuses_paid(r))},
        {"bonuses", cext_list_i64(igo_result_bonuses(r), O)},
        {"bonus_points", cext_list_f64(igo_result_bonus_points(r), O)},
    };
    return cext_dict(figures, sizeof figures / sizeof figures[0]);
}
