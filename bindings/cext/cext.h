/* The CPython extension module libigo._cext: the C core behind the same API as the CFFI backend. */
#ifndef IGO_CEXT_H
#define IGO_CEXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "igo/igo.h"

/* Per-module state (multi-phase init, no C globals). */
typedef struct {
    PyObject *igo_error; /* libigo._errors.IgoError */
    PyTypeObject *model_type, *scenarios_type, *xlsx_type, *claims_type;
} cext_state;

/* An object of the module owns one core object; busy is set while a call runs without the GIL,
 * and every method refuses to run meanwhile. */
#define CEXT_OBJECT(Object, core_type)                                                         \
    typedef struct {                                                                           \
        PyObject_HEAD                                                                          \
        core_type *core;                                                                       \
        int busy;                                                                              \
    } Object;

CEXT_OBJECT(ModelObject, igo_model)
CEXT_OBJECT(ScenariosObject, igo_scenarios)

cext_state *cext_state_of(PyObject *module);
/* transition(ids, history, guarantee, max_decrease, max_increase, years) -> list of years. */
PyObject *cext_transition(PyObject *module, PyObject *args);
/* A transition built from (ids, history, guarantee, max_decrease, max_increase, years), not
 * computed; NULL with a Python exception set. */
igo_transition *cext_transition_build(cext_state *st, PyObject *spec);
/* A transition's inputs as {"providers": [(id, history, guarantee)], "years": [(year, share)],
 * "max_decrease", "max_increase"}; None for NULL. */
PyObject *cext_transition_inputs(const igo_transition *t);
/* Raises IgoError(message, code=<name>, variant=...) for a core error code; returns NULL. */
PyObject *cext_raise(cext_state *st, igo_error code, const char *message, Py_ssize_t variant);

/* The object types, and how the module adds one (its type kept in *slot of the state). */
extern PyType_Spec cext_model_spec, cext_scenarios_spec, cext_xlsx_spec, cext_claims_spec;
int cext_add_type(PyObject *module, PyType_Spec *spec, PyTypeObject **slot);

/* Refuses what type() refuses for an object made without arguments: -1 with TypeError. */
int cext_no_arguments(const char *type_name, PyObject *args, PyObject *kwds);

/* The type of an object that owns one core object, made by core_new and freed by core_free:
 * its tp_new (no arguments), tp_dealloc and spec (cext_<prefix>_spec), with <prefix>_methods. */
#define CEXT_TYPE(Object, prefix, type_name, core_new, core_free, doc)                         \
    static PyObject *prefix##_new(PyTypeObject *type, PyObject *args, PyObject *kwds)          \
    {                                                                                          \
        if (cext_no_arguments(type_name, args, kwds))                                          \
            return NULL;                                                                       \
        Object *self = (Object *)type->tp_alloc(type, 0);                                      \
        if (self && !(self->core = core_new())) {                                              \
            Py_DECREF(self);                                                                   \
            return PyErr_NoMemory();                                                           \
        }                                                                                      \
        return (PyObject *)self;                                                               \
    }                                                                                          \
    static void prefix##_dealloc(Object *self)                                                 \
    {                                                                                          \
        PyTypeObject *type = Py_TYPE(self);                                                    \
        core_free(self->core);                                                                 \
        type->tp_free((PyObject *)self);                                                       \
        Py_DECREF(type);                                                                       \
    }                                                                                          \
    static PyType_Slot prefix##_slots[] = {                                                    \
        {Py_tp_new, prefix##_new},         {Py_tp_dealloc, prefix##_dealloc},                  \
        {Py_tp_methods, prefix##_methods}, {Py_tp_doc, doc},                                   \
        {0, NULL},                                                                             \
    };                                                                                         \
    PyType_Spec cext_##prefix##_spec = {                                                       \
        .name = "libigo._cext." type_name,                                                     \
        .basicsize = sizeof(Object),                                                           \
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,                                \
        .slots = prefix##_slots,                                                               \
    };

/* A method table entry for <prefix>_<name>. */
#define CEXT_METHOD(prefix, name, flags) {#name, (PyCFunction)prefix##_##name, flags, NULL},

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

/* Runs call on obj (with busy set) without the GIL, with the progress callback installed by
 * set_progress(obj->core, fn, data) for its duration; e receives the result, or
 * IGO_ERROR_CANCELLED with the exception set when the call could not be prepared. */
#define CEXT_RUN_UNLOCKED(obj, set_progress, e, call)                                          \
    do {                                                                                       \
        cext_unlocked u_;                                                                      \
        e = IGO_ERROR_CANCELLED;                                                               \
        if (cext_unlocked_init(&u_) == 0) {                                                    \
            set_progress((obj)->core, u_.fn, &u_);                                             \
            (obj)->busy = 1;                                                                   \
            u_.ts = PyEval_SaveThread();                                                       \
            e = (call);                                                                        \
            PyEval_RestoreThread(u_.ts);                                                       \
            (obj)->busy = 0;                                                                   \
            set_progress((obj)->core, NULL, NULL);                                             \
        }                                                                                      \
    } while (0)
/* None, or IgoError with the object's detailed message. */
PyObject *cext_done(PyObject *self, igo_error e, const char *errmsg);
/* A C-contiguous buffer of count 8-byte items ('d' float64, 'q' int64), or view->buf NULL for
 * None; -1 with TypeError/ValueError naming fn and name otherwise. */
int cext_get_buffer(PyObject *obj, Py_buffer *view, char kind, size_t count, int writable,
                    const char *fn, const char *name);

/* A method of an object type that parses its arguments with format into decls and makes one core
 * call, whose message errmsg(self->core) gives. */
#define CEXT_UNPAREN(...) __VA_ARGS__
#define CEXT_SETTER(Object, prefix, errmsg, name, format, decls, args, call)                   \
    static PyObject *prefix##_##name(Object *self, PyObject *pyargs)                           \
    {                                                                                          \
        decls;                                                                                 \
        if (cext_idle(self->busy) ||                                                           \
            !PyArg_ParseTuple(pyargs, format ":" #name, CEXT_UNPAREN args))                    \
            return NULL;                                                                       \
        return cext_done((PyObject *)self, call, errmsg(self->core));                          \
    }

/* A PyArg_ParseTuple converter ("O&") to size_t: an integer, refused when negative (as cffi
 * refuses it) rather than wrapped around. */
int cext_size(PyObject *obj, void *out);

/* A Python list of n ints / floats. */
PyObject *cext_list_i64(const int64_t *values, size_t n);
PyObject *cext_list_f64(const double *values, size_t n);
PyObject *cext_list_int(const int *values, size_t n);
/* A list of the n objects items[], whose references it takes; NULL when one is NULL. */
PyObject *cext_list_of(PyObject **items, size_t n);

/* One figure of a result: its key and its value, a new reference (NULL when making it failed). */
typedef struct cext_item {
    const char *key;
    PyObject *value;
} cext_item;
/* A dict of the n items, whose references it takes; NULL when one is NULL. */
PyObject *cext_dict(cext_item *items, size_t n);
/* A dict with every figure of a result. */
PyObject *cext_result_dict(const igo_result *result);

#endif
