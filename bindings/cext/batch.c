/* Model.distribute_batch: many variants through igo_distribute_batch, on caller-owned buffers
 * (numpy arrays, array.array, ...) so that no Python object is made per variant. */
#include "cext.h"

enum { BUFFERS = 7 };

/* The buffers' names (igo_batch's fields) and their sizes in the core's shape, in one order. */
static const char *const names[BUFFERS] = {"counts",          "tariffs",           "costs",
                                           "provider_totals", "discipline_totals", "summary",
                                           "bonuses"};

static void sizes_of(const igo_batch_shape *s, size_t sizes[BUFFERS])
{
    const size_t all[BUFFERS] = {s->counts,          s->tariffs,           s->costs,
                                 s->provider_totals, s->discipline_totals, s->summary,
                                 s->bonuses};
    memcpy(sizes, all, sizeof all);
}

static PyObject *run(ModelObject *self, size_t variants, Py_buffer views[BUFFERS])
{
    igo_batch b = {.variants = variants,
                   .counts = views[0].buf,
                   .tariffs = views[1].buf,
                   .costs = views[2].buf,
                   .provider_totals = views[3].buf,
                   .discipline_totals = views[4].buf,
                   .summary = views[5].buf,
                   .bonuses = views[6].buf};
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
    objs[BUFFERS - 1] = Py_None; /* bonuses: optional */
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&OOOOOO|O:distribute_batch", cext_size, &variants, &objs[0],
                          &objs[1], &objs[2], &objs[3], &objs[4], &objs[5], &objs[6]))
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
