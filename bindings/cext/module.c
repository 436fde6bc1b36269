/* Module definition of libigo._cext: functions, constants and the module state. */
#include "cext.h"

cext_state *cext_state_of(PyObject *module)
{
    return (cext_state *)PyModule_GetState(module);
}

PyObject *cext_raise(cext_state *st, igo_error code, const char *message, Py_ssize_t variant)
{
    if (code == IGO_ERROR_MEMORY)
        return PyErr_NoMemory();
    PyObject *exc = variant >= 0
                        ? PyObject_CallFunction(st->igo_error, "ssn", message, igo_error_name(code),
                                                variant)
                        : PyObject_CallFunction(st->igo_error, "ss", message, igo_error_name(code));
    if (exc) {
        PyErr_SetObject(st->igo_error, exc);
        Py_DECREF(exc);
    }
    return NULL;
}

static PyObject *py_round(PyObject *module, PyObject *args)
{
    (void)module;
    double x;
    int decimals;
    if (!PyArg_ParseTuple(args, "di:round", &x, &decimals))
        return NULL;
    return PyFloat_FromDouble(igo_round(x, decimals));
}

static PyObject *py_round_cents(PyObject *module, PyObject *arg)
{
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    int64_t cents;
    igo_error e = igo_round_cents_checked(x, &cents);
    if (!e)
        return PyLong_FromLongLong(cents);
    PyObject *message = PyUnicode_FromFormat("round_cents: %R: %s", arg, igo_strerror(e));
    const char *text = message ? PyUnicode_AsUTF8(message) : NULL;
    if (text)
        cext_raise(cext_state_of(module), e, text, -1);
    Py_XDECREF(message);
    return NULL;
}

static PyObject *py_version(PyObject *module, PyObject *unused)
{
    (void)module, (void)unused;
    return PyUnicode_FromString(igo_version());
}

static PyObject *py_regio_fields(PyObject *module, PyObject *unused)
{
    (void)module, (void)unused;
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list && igo_regio_field(i); i++) {
        PyObject *name = PyUnicode_FromString(igo_regio_field(i));
        if (!name || PyList_Append(list, name) < 0)
            Py_CLEAR(list);
        Py_XDECREF(name);
    }
    return list;
}

static PyMethodDef functions[] = {
    {"regio_fields", py_regio_fields, METH_NOARGS, "regio_fields() -> list[str]"},
    {"round", py_round, METH_VARARGS, "round(x, decimals) -> float: the spreadsheet's ROUND."},
    {"round_cents", py_round_cents, METH_O, "round_cents(x) -> int: ROUND(x; 2) in whole cents."},
    {"version", py_version, METH_NOARGS, "version() -> str: the C core's version."},
    {"transition", cext_transition, METH_VARARGS,
     "transition(ids, history, guarantee, max_decrease, max_increase, years) -> list[dict]"},
    {NULL, NULL, 0, NULL},
};

/* The constants the backends expose: the names of libigo._constants.NAMES (a test holds them to
 * it), each the core's IGO_<name>. */
static int add_constants(PyObject *m)
{
    static const struct {
        const char *name;
        long value;
    } constants[] = {
        {"COST_BEHEERSKOSTEN", IGO_COST_BEHEERSKOSTEN},
        {"COST_INNOVATIE_KWALITEIT", IGO_COST_INNOVATIE_KWALITEIT},
        {"COST_OVERIG", IGO_COST_OVERIG},
        {"COST_AMOUNT", IGO_COST_AMOUNT},
        {"COST_SHARE", IGO_COST_SHARE},
        {"SUMMARY_COUNT", IGO_SUMMARY_COUNT},
        {"LANG_NL", IGO_LANG_NL},
        {"LANG_EN", IGO_LANG_EN},
        {"SCENARIO_OPTIMISTIC", IGO_SCENARIO_OPTIMISTIC},
        {"SCENARIO_MIDDLE", IGO_SCENARIO_MIDDLE},
        {"SCENARIO_CONSERVATIVE", IGO_SCENARIO_CONSERVATIVE},
        {"DRAW_UNIFORM", IGO_DRAW_UNIFORM},
        {"DRAW_TRIANGULAR", IGO_DRAW_TRIANGULAR},
        {"MAX_DRAWS", IGO_MAX_DRAWS},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        if (PyModule_AddIntConstant(m, constants[i].name, constants[i].value) < 0)
            return -1;
    return 0;
}

int cext_add_type(PyObject *module, PyType_Spec *spec, PyTypeObject **slot)
{
    *slot = (PyTypeObject *)PyType_FromModuleAndSpec(module, spec, NULL);
    return *slot ? PyModule_AddType(module, *slot) : -1;
}

static int exec_module(PyObject *m)
{
    cext_state *st = cext_state_of(m);
    PyObject *errors = PyImport_ImportModule("libigo._errors");
    if (!errors)
        return -1;
    st->igo_error = PyObject_GetAttrString(errors, "IgoError");
    Py_DECREF(errors);
    if (!st->igo_error || add_constants(m) < 0)
        return -1;
    if (cext_add_type(m, &cext_model_spec, &st->model_type) < 0)
        return -1;
    if (cext_add_type(m, &cext_scenarios_spec, &st->scenarios_type) < 0)
        return -1;
    if (cext_add_type(m, &cext_xlsx_spec, &st->xlsx_type) < 0)
        return -1;
    return cext_add_type(m, &cext_claims_spec, &st->claims_type);
}

static int traverse(PyObject *m, visitproc visit, void *arg)
{
    cext_state *st = cext_state_of(m);
    Py_VISIT(st->igo_error);
    Py_VISIT(st->model_type);
    Py_VISIT(st->scenarios_type);
    Py_VISIT(st->xlsx_type);
    Py_VISIT(st->claims_type);
    return 0;
}

static int clear(PyObject *m)
{
    cext_state *st = cext_state_of(m);
    Py_CLEAR(st->igo_error);
    Py_CLEAR(st->model_type);
    Py_CLEAR(st->scenarios_type);
    Py_CLEAR(st->xlsx_type);
    Py_CLEAR(st->claims_type);
    return 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, exec_module},
    {0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "libigo._cext",
    .m_doc = "The libigo C core as a CPython extension (the 'cext' backend).",
    .m_size = sizeof(cext_state),
    .m_methods = functions,
    .m_slots = slots,
    .m_traverse = traverse,
    .m_clear = clear,
};

PyMODINIT_FUNC PyInit__cext(void)
{
    return PyModuleDef_Init(&moduledef);
}
