/* Model.distribute_batch: many variants through igo_distribute_batch, on caller-owned buffers
 * (numpy arrays, array.array, ...) so that no Python object is made per variant. */
#include "cext.h"

enum { BUFFERS = 6 };

/* The buffers' names (igo_batch's fields) and their sizes in the core's shape, in one order. */
static const char *const names[BUFFERS] = {"counts",          "tariffs",           "costs",
                                           "provider_totals", "discipline_totals", "summary"};

static void sizes_of(const igo_batch_shape *s, size_t sizes[BUFFERS])
{
    const size_t all[BUFFERS] = {s->counts,          s->tariffs,           s->costs,
                                 s->provider_totals, s->discipline_totals, s->summary};
    memcpy(sizes, all, sizeof all);
}

static PyObject *run(ModelObject *self, size_t variants, Py_buffer views[BUFFERS])
{
    igo_batch b = {variants,     views[0].buf, views[1].buf, views[2].buf,
                   views[3].buf, views[4].buf, views[5].buf, 0};
    igo_error e;
    CEXT_RUN_UNLOCKED(self, igo_model_set_progress, e, igo_distribute_batch(self->core, &b));
    if (e == IGO_ERROR_CANCELLED && PyErr_Occurred())
        return NULL; /* Ctrl-C: its KeyboardInterrupt propagates */
    if (e)
        return cext_raise((cext_state *)PyType_GetModuleState(Py_TYPE(self)), e,
                          igo_model_errmsg(self->core), (Py_ssize_t)b.failed_variant);
    Py_RETURN_NONE;
}

PyObject *cext_model_distribute_batch(ModelObject *self, PyObject *args)
{
    size_t variants;
    PyObject *objs[BUFFERS];
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&OOOOOO:distribute_batch", cext_size, &variants, &objs[0],
                          &objs[1], &objs[2], &objs[3], &objs[4], &objs[5]))
        return NULL;
    igo_batch_shape shape;
    igo_error e = igo_distribute_batch_shape(self->core, variants, &shape);
    if (e)
        return cext_done((PyObject *)self, e, igo_model_errmsg(self->core));
    size_t sizes[BUFFERS];
    sizes_of(&shape, sizes);
    Py_buffer views[BUFFERS];
    int got = 0;
    for (; got < BUFFERS; got++)
        if (cext_get_buffer(objs[got], &views[got], got < 3 ? 'd' : 'q', sizes[got], got >= 3,
                            "distribute_batch", names[got]))
            break;
    PyObject *result = got == BUFFERS ? run(self, variants, views) : NULL;
    while (got--)
        if (views[got].buf)
            PyBuffer_Release(&views[got]);
    return result;
}
