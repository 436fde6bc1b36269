/* The CPython extension module libigo._cext: the C core behind the same API as the CFFI backend. */
#ifndef IGO_CEXT_H
#define IGO_CEXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "igo/igo.h"

/* Per-module state (multi-phase init, no C globals). */
typedef struct {
    PyObject *igo_error; /* libigo._errors.IgoError */
    PyTypeObject *model_type;
} cext_state;

typedef struct {
    PyObject_HEAD
    igo_model *model;
    int busy; /* set while a call runs without the GIL; every method refuses to run meanwhile */
} ModelObject;

cext_state *cext_state_of(PyObject *module);
/* Raises IgoError(message, code=<name>, variant=...) for a core error code; returns NULL. */
PyObject *cext_raise(cext_state *st, igo_error code, const char *message, Py_ssize_t variant);

int cext_add_model_type(PyObject *module, cext_state *st);

/* A Python list of n ints / floats. */
PyObject *cext_list_i64(const int64_t *values, size_t n);
PyObject *cext_list_f64(const double *values, size_t n);
/* A dict with every figure of a result. */
PyObject *cext_result_dict(const igo_result *result);

#endif
