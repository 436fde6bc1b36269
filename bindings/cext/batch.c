/* Model.distribute_batch: many variants through igo_distribute_batch, on caller-owned buffers
 * (numpy arrays, array.array, ...) so that no Python object is made per variant. */
#include "cext.h"

PyObject *cext_model_distribute_batch(ModelObject *self, PyObject *args)
{
    Py_ssize_t variants;
    PyObject *in[3], *out[3];
    if (!PyArg_ParseTuple(args, "nOOOOOO:distribute_batch", &variants, &in[0], &in[1], &in[2],
                          &out[0], &out[1], &out[2]))
        return NULL;
    if (variants < 0)
        return PyErr_Format(PyExc_ValueError, "distribute_batch: variants must be >= 0");
    if (cext_idle(self->busy))
        return NULL;
    size_t V = (size_t)variants, P = igo_model_prestatie_count(self->model);
    size_t width = P + igo_model_provider_count(self->model) +
                   igo_model_discipline_count(self->model) + IGO_SUMMARY_COUNT;
    if (V > PY_SSIZE_T_MAX / 8 / width)
        return PyErr_Format(PyExc_ValueError, "distribute_batch: too many variants");
    size_t sizes[6] = {V * P, V * P, V * IGO_COST_COUNT, V * igo_model_provider_count(self->model),
                       V * igo_model_discipline_count(self->model), V * IGO_SUMMARY_COUNT};
    static const char *names[6] = {"counts", "tariffs", "costs", "provider_totals",
                                   "discipline_totals", "summary"};
    Py_buffer views[6];
    int got = 0;
    for (; got < 6; got++) {
        PyObject *obj = got < 3 ? in[got] : out[got - 3];
        if (cext_get_buffer(obj, &views[got], got < 3 ? 'd' : 'q', sizes[got], got >= 3,
                            "distribute_batch", names[got]))
            break;
    }
    PyObject *result = NULL;
    cext_unlocked u;
    if (got == 6 && !cext_unlocked_init(&u)) {
        igo_batch b = {V, views[0].buf, views[1].buf, views[2].buf,
                       views[3].buf, views[4].buf, views[5].buf, 0};
        igo_error e;
        CEXT_RUN_UNLOCKED(self, u, igo_model_set_progress, self->model, e,
                          igo_distribute_batch(self->model, &b));
        if (e == IGO_ERROR_CANCELLED && PyErr_Occurred())
            ; /* Ctrl-C: its KeyboardInterrupt propagates */
        else if (e)
            cext_raise((cext_state *)PyType_GetModuleState(Py_TYPE(self)), e,
                       igo_model_errmsg(self->model), (Py_ssize_t)b.failed_variant);
        else
            result = Py_NewRef(Py_None);
    }
    while (got--)
        if (views[got].buf)
            PyBuffer_Release(&views[got]);
    return result;
}
