/* The CPython extension module libigo._cext: the C core behind the same API as the CFFI backend. */
#ifndef IGO_CEXT_H
#define IGO_CEXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "igo/igo.h"

/* Per-module state (multi-phase init, no C globals). */
typedef struct {
    PyObject *igo_error; /* libigo._errors.IgoError */
    PyTypeObject *model_type, *scenarios_type;
} cext_state;

typedef struct {
    PyObject_HEAD
    igo_model *model;
    int busy; /* set while a call runs without the GIL; every method refuses to run meanwhile */
} ModelObject;

typedef struct {
    PyObject_HEAD
    igo_scenarios *set;
    int busy;
} ScenariosObject;

cext_state *cext_state_of(PyObject *module);
/* Raises IgoError(message, code=<name>, variant=...) for a core error code; returns NULL. */
PyObject *cext_raise(cext_state *st, igo_error code, const char *message, Py_ssize_t variant);

int cext_add_model_type(PyObject *module, cext_state *st);
int cext_add_scenarios_type(PyObject *module, cext_state *st);

/* Refuses to touch an object (-1, RuntimeError) while another thread runs a calculation on it
 * without the GIL. */
int cext_idle(int busy);

/* A long core call runs without the GIL. On the main thread its progress callback takes the GIL
 * back now and then to run Python's signal handlers, so that Ctrl-C stops the call: the callback
 * returns nonzero when a handler raised (KeyboardInterrupt), which then stays set. */
typedef struct cext_unlocked {
    PyThreadState *ts;  /* this thread's state while the GIL is released */
    igo_progress_fn fn; /* cext_check_signals on the main thread, else NULL */
} cext_unlocked;
/* Prepares a long call; -1 with an exception set on failure. */
int cext_unlocked_init(cext_unlocked *u);
int cext_check_signals(void *data, double done);
/* After the call: NULL (the exception of a signal handler propagates) when it was stopped so,
 * else whatever cext_done makes of the result. */
PyObject *cext_finish(PyObject *self, igo_error e, const char *errmsg);

/* Runs call on obj (with busy set) without the GIL, with the progress callback of u installed by
 * set_progress(core, fn, data) for its duration; e receives the result. */
#define CEXT_RUN_UNLOCKED(obj, u, set_progress, core, e, call)                                 \
    do {                                                                                       \
        set_progress(core, (u).fn, &(u));                                                      \
        (obj)->busy = 1;                                                                       \
        (u).ts = PyEval_SaveThread();                                                          \
        e = (call);                                                                            \
        PyEval_RestoreThread((u).ts);                                                          \
        (obj)->busy = 0;                                                                       \
        set_progress(core, NULL, NULL);                                                        \
    } while (0)
/* None, or IgoError with the object's detailed message. */
PyObject *cext_done(PyObject *self, igo_error e, const char *errmsg);
/* A C-contiguous buffer of count 8-byte items ('d' float64, 'q' int64), or view->buf NULL for
 * None; -1 with TypeError/ValueError naming fn and name otherwise. */
int cext_get_buffer(PyObject *obj, Py_buffer *view, char kind, size_t count, int writable,
                    const char *fn, const char *name);

/* A method of an object type that parses its arguments with format into decls and makes one core
 * call, whose message errmsg gives. */
#define CEXT_UNPAREN(...) __VA_ARGS__
#define CEXT_SETTER(type, method, format, errmsg, decls, args, call)                           \
    static PyObject *method(type *self, PyObject *pyargs)                                      \
    {                                                                                          \
        decls;                                                                                 \
        if (cext_idle(self->busy) ||                                                           \
            !PyArg_ParseTuple(pyargs, format, CEXT_UNPAREN args))                              \
            return NULL;                                                                       \
        return cext_done((PyObject *)self, call, errmsg);                                      \
    }

/* A Python list of n ints / floats. */
PyObject *cext_list_i64(const int64_t *values, size_t n);
PyObject *cext_list_f64(const double *values, size_t n);
/* A dict with every figure of a result. */
PyObject *cext_result_dict(const igo_result *result);

#endif
