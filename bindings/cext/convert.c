/* Turning core results into Python objects. */
#include "cext.h"

PyObject *cext_list_i64(const int64_t *values, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *v = PyLong_FromLongLong(values[i]);
        if (!v) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, v);
    }
    return list;
}

PyObject *cext_list_f64(const double *values, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *v = PyFloat_FromDouble(values[i]);
        if (!v) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, v);
    }
    return list;
}

/* Sets d[key] = value and drops the reference to value; -1 on failure (also when value is NULL). */
static int put(PyObject *d, const char *key, PyObject *value)
{
    if (!value)
        return -1;
    int rc = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return rc;
}

PyObject *cext_result_dict(const igo_result *r)
{
    size_t P = igo_result_prestatie_count(r), D = igo_result_discipline_count(r);
    size_t O = igo_result_provider_count(r), L = igo_result_outside_count(r);
    int64_t costs[IGO_COST_COUNT];
    for (int k = 0; k < IGO_COST_COUNT; k++)
        costs[k] = igo_result_cost(r, (igo_cost)k);
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    int rc = put(d, "income", PyLong_FromLongLong(igo_result_income(r)));
    rc = rc ? rc : put(d, "costs", cext_list_i64(costs, IGO_COST_COUNT));
    rc = rc ? rc : put(d, "costs_total", PyLong_FromLongLong(igo_result_costs_total(r)));
    rc = rc ? rc : put(d, "outside_total", PyLong_FromLongLong(igo_result_outside_total(r)));
    rc = rc ? rc : put(d, "distributed", PyLong_FromLongLong(igo_result_distributed(r)));
    rc = rc ? rc : put(d, "prestatie_income", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_INCOME), P));
    rc = rc ? rc : put(d, "prestatie_costs", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_COSTS), P));
    rc = rc ? rc : put(d, "prestatie_outside", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_OUTSIDE), P));
    rc = rc ? rc : put(d, "prestatie_distributable", cext_list_i64(igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE), P));
    rc = rc ? rc : put(d, "outside_costs", cext_list_i64(igo_result_outside_costs(r), L));
    rc = rc ? rc : put(d, "outside_parts", cext_list_i64(igo_result_outside_parts(r), L * P));
    rc = rc ? rc : put(d, "keys", cext_list_f64(igo_result_keys(r), P * D));
    rc = rc ? rc : put(d, "disciplines", cext_list_i64(igo_result_disciplines(r), P * D));
    rc = rc ? rc : put(d, "providers", cext_list_i64(igo_result_providers(r), P * O));
    rc = rc ? rc : put(d, "discipline_totals", cext_list_i64(igo_result_discipline_totals(r), D));
    rc = rc ? rc : put(d, "provider_totals", cext_list_i64(igo_result_provider_totals(r), O));
    if (rc) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}
