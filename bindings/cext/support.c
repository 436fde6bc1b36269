/* Helpers every object type of the extension uses. */
#include "cext.h"

int cext_idle(int busy)
{
    if (!busy)
        return 0;
    PyErr_SetString(PyExc_RuntimeError, "this object is busy in a calculation on another "
                                        "thread; use one object per thread");
    return -1;
}

int cext_no_arguments(const char *type_name, PyObject *args, PyObject *kwds)
{
    if (!PyTuple_GET_SIZE(args) && !(kwds && PyDict_GET_SIZE(kwds)))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s() takes no arguments", type_name);
    return -1;
}

int cext_size(PyObject *obj, void *out)
{
    PyObject *index = PyNumber_Index(obj);
    if (!index)
        return 0;
    size_t value = PyLong_AsSize_t(index);
    Py_DECREF(index);
    if (value == (size_t)-1 && PyErr_Occurred())
        return 0;
    *(size_t *)out = value;
    return 1;
}

int cext_unlocked_init(cext_unlocked *u)
{
    u->ts = NULL;
    u->fn = NULL;
    /* Python runs signal handlers on the main thread only: elsewhere there is nothing to check. */
    PyObject *threading = PyImport_ImportModule("threading");
    PyObject *main = threading ? PyObject_CallMethod(threading, "main_thread", NULL) : NULL;
    PyObject *ident = main ? PyObject_GetAttrString(main, "ident") : NULL;
    Py_XDECREF(threading);
    Py_XDECREF(main);
    if (!ident)
        return -1;
    unsigned long id = PyLong_AsUnsignedLong(ident);
    Py_DECREF(ident);
    if (id == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    if (id == PyThread_get_thread_ident())
        u->fn = cext_check_signals;
    return 0;
}

/* Hands the fraction done to libigo._progress (a progress bar's listener); -1 when it raised. */
static int report_progress(double done)
{
    PyObject *module = PyImport_ImportModule("libigo._progress"); /* from sys.modules */
    PyObject *result = module ? PyObject_CallMethod(module, "report", "d", done) : NULL;
    Py_XDECREF(module);
    Py_XDECREF(result);
    return result ? 0 : -1;
}

int cext_check_signals(void *data, double done)
{
    cext_unlocked *u = data;
    PyEval_RestoreThread(u->ts);
    int stop = PyErr_CheckSignals() < 0 || report_progress(done) < 0;
    u->ts = PyEval_SaveThread();
    return stop;
}

PyObject *cext_finish(PyObject *self, igo_error e, const char *errmsg)
{
    if (e == IGO_ERROR_CANCELLED && PyErr_Occurred())
        return NULL;
    return cext_done(self, e, errmsg);
}

PyObject *cext_done(PyObject *self, igo_error e, const char *errmsg)
{
    if (e)
        return cext_raise((cext_state *)PyType_GetModuleState(Py_TYPE(self)), e, errmsg, -1);
    Py_RETURN_NONE;
}

int cext_get_buffer(PyObject *obj, Py_buffer *view, char kind, size_t count, int writable,
                    const char *fn, const char *name)
{
    view->buf = NULL;
    if (obj == Py_None)
        return 0;
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0)
        return -1;
    const char *f = view->format ? view->format : "B";
    if (*f == '@' || *f == '=' || *f == '<')
        f++;
    int ok_kind = kind == 'd' ? (f[0] == 'd' && !f[1]) : ((f[0] == 'q' || f[0] == 'l') && !f[1]);
    if (!ok_kind || view->itemsize != 8) {
        PyErr_Format(PyExc_TypeError, "%s: %s must hold %s, not format '%s'", fn, name,
                     kind == 'd' ? "float64" : "int64", view->format ? view->format : "B");
    } else if ((size_t)view->len != count * 8) {
        PyErr_Format(PyExc_ValueError, "%s: %s has %zd values, expected %zu", fn, name,
                     view->len / 8, count);
    } else {
        return 0;
    }
    PyBuffer_Release(view);
    view->buf = NULL;
    return -1;
}
