/* libigo._cext.Claims: an igo_claims aggregation. Files are read without the GIL; results()
 * hands every figure over as plain Python lists, which libigo.claims turns into DataFrames. */
#include "cext.h"

CEXT_OBJECT(ClaimsObject, igo_claims)

static void set_progress(igo_claims *c, igo_progress_fn fn, void *data)
{
    igo_claims_set_progress(c, fn, data);
}

/* A long call on the aggregation, without the GIL and with Ctrl-C honoured. */
#define CLAIMS_RUN(self, call)                                                                 \
    do {                                                                                       \
        igo_error e_;                                                                          \
        CEXT_RUN_UNLOCKED(self, set_progress, e_, call);                                       \
        done = cext_finish((PyObject *)(self), e_, igo_claims_errmsg((self)->core));          \
    } while (0)

CEXT_SETTER(ClaimsObject, claims, igo_claims_errmsg, set_column, "is",
            int column; const char *name, (&column, &name),
            igo_claims_set_column(self->core, (igo_claim_column)column, name))
CEXT_SETTER(ClaimsObject, claims, igo_claims_errmsg, set_encoding, "s", const char *name,
            (&name), igo_claims_set_encoding(self->core, name))
CEXT_SETTER(ClaimsObject, claims, igo_claims_errmsg, set_decimal, "C", int sign, (&sign),
            igo_claims_set_decimal(self->core, (char)(sign > 0 && sign < 128 ? sign : '?')))
CEXT_SETTER(ClaimsObject, claims, igo_claims_errmsg, set_period, "zz",
            const char *from; const char *to, (&from, &to),
            igo_claims_set_period(self->core, from, to))
CEXT_SETTER(ClaimsObject, claims, igo_claims_errmsg, add_class, "sszisp",
            igo_claim_class k, (&k.code, &k.discipline, &k.phase, &k.rank, &k.ig_prestatie,
                                &k.hourly), igo_claims_add_class(self->core, &k))

/* set_catalogue(ids): the order of the IG-prestaties. */
static PyObject *claims_set_catalogue(ClaimsObject *self, PyObject *args)
{
    PyObject *list;
    if (cext_idle(self->busy) || !PyArg_ParseTuple(args, "O!:set_catalogue", &PyList_Type, &list))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list);
    const char **ids = PyMem_Calloc((size_t)n + 1, sizeof *ids);
    if (!ids)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++)
        if (!(ids[i] = PyUnicode_AsUTF8(PyList_GET_ITEM(list, i)))) {
            PyMem_Free(ids);
            return NULL;
        }
    PyObject *done = cext_done((PyObject *)self, igo_claims_set_catalogue(self->core, ids,
                                                                          (size_t)n),
                               igo_claims_errmsg(self->core));
    PyMem_Free(ids);
    return done;
}

static PyObject *claims_use_default_indeling(ClaimsObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    return cext_done((PyObject *)self, igo_claims_use_default_indeling(self->core),
                     igo_claims_errmsg(self->core));
}

static PyObject *claims_default_indeling(ClaimsObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    return PyUnicode_FromString(igo_claims_default_indeling_csv());
}

/* read_indeling(path) / read_csv(path) / read_xlsx(path, sheet or None) / finish(). */
static PyObject *claims_read_indeling(ClaimsObject *self, PyObject *args)
{
    PyObject *path, *done;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&:read_indeling", PyUnicode_FSConverter, &path))
        return NULL;
    CLAIMS_RUN(self, igo_claims_read_indeling(self->core, PyBytes_AS_STRING(path)));
    Py_DECREF(path);
    return done;
}

static PyObject *claims_read_csv(ClaimsObject *self, PyObject *args)
{
    PyObject *path, *done;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&:read_csv", PyUnicode_FSConverter, &path))
        return NULL;
    CLAIMS_RUN(self, igo_claims_read_csv(self->core, PyBytes_AS_STRING(path)));
    Py_DECREF(path);
    return done;
}

static PyObject *claims_read_csv_buffer(ClaimsObject *self, PyObject *args)
{
    const char *name;
    Py_buffer data;
    PyObject *done;
    if (cext_idle(self->busy) || !PyArg_ParseTuple(args, "sy*:read_csv_buffer", &name, &data))
        return NULL;
    CLAIMS_RUN(self, igo_claims_read_csv_buffer(self->core, name, data.buf, (size_t)data.len));
    PyBuffer_Release(&data);
    return done;
}

static PyObject *claims_read_xlsx(ClaimsObject *self, PyObject *args)
{
    PyObject *path, *done;
    const char *sheet;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&z:read_xlsx", PyUnicode_FSConverter, &path, &sheet))
        return NULL;
    CLAIMS_RUN(self, igo_claims_read_xlsx(self->core, PyBytes_AS_STRING(path), sheet));
    Py_DECREF(path);
    return done;
}

static PyObject *claims_finish(ClaimsObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    return cext_done((PyObject *)self, igo_claims_finish(self->core),
                     igo_claims_errmsg(self->core));
}

/* generate(path, seed, births, error_percent, english, year) -> (rows, cents, bad_rows,
 * bad_cents). */
static PyObject *claims_generate(ClaimsObject *self, PyObject *args)
{
    PyObject *path, *done;
    igo_claims_synthetic o;
    unsigned long long seed, births;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&KKdpi:generate", PyUnicode_FSConverter, &path, &seed,
                          &births, &o.error_percent, &o.english, &o.year))
        return NULL;
    o.seed = seed, o.births = births;
    igo_claims_written w;
    CLAIMS_RUN(self, igo_claims_generate(self->core, PyBytes_AS_STRING(path), &o, &w));
    Py_DECREF(path);
    if (!done)
        return NULL;
    Py_DECREF(done);
    return Py_BuildValue("KLNN", (unsigned long long)w.rows, (long long)w.cents,
                         cext_list_i64((const int64_t *)w.bad_rows, IGO_CLAIM_REASONS),
                         cext_list_i64(w.bad_cents, IGO_CLAIM_REASONS));
}

/* ---- results ---- */

/* A list of n items, item i made by make(c, i) (a new reference, NULL on failure). */
static PyObject *list_of(const igo_claims *c, size_t n,
                         PyObject *(*make)(const igo_claims *, size_t))
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *item = make(c, i);
        if (!item)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    return list;
}

static PyObject *reason(const igo_claims *c, size_t r)
{
    igo_claim_reason why = (igo_claim_reason)r;
    int64_t cents;
    uint64_t rows = igo_claims_set_aside(c, why, &cents);
    size_t n = igo_claims_example_count(c, why);
    PyObject *examples[IGO_CLAIMS_EXAMPLES];
    for (size_t i = 0; i < n; i++) {
        uint64_t line;
        const char *file = igo_claims_example(c, why, i, &line);
        examples[i] = Py_BuildValue("(sK)", file, (unsigned long long)line);
    }
    return Py_BuildValue("(ssKLN)", igo_claim_reason_id(why), igo_claim_reason_text(why),
                         (unsigned long long)rows, (long long)cents, cext_list_of(examples, n));
}

static PyObject *prestatie(const igo_claims *c, size_t p)
{
    return Py_BuildValue("(sNd)", igo_claims_prestatie(c, p),
                         PyBool_FromLong(igo_claims_hourly(c, p)), igo_claims_production(c, p));
}

static PyObject *discipline(const igo_claims *c, size_t d)
{
    return PyUnicode_FromString(igo_claims_discipline(c, d));
}

static PyObject *history_line(const igo_claims *c, size_t k)
{
    size_t p, d;
    double count;
    int64_t cents;
    const char *code = igo_claims_history(c, k, &p, &d, &count, &cents);
    return Py_BuildValue("(snndL)", code, (Py_ssize_t)p, (Py_ssize_t)d, count, (long long)cents);
}

static PyObject *provider(const igo_claims *c, size_t o)
{
    size_t d, claimed;
    int64_t income;
    const char *id = igo_claims_provider(c, o, &d, &claimed, &income);
    return Py_BuildValue("(snnL)", id, (Py_ssize_t)d, (Py_ssize_t)claimed, (long long)income);
}

/* Prestatie p's row of a matrix: n values of cell(c, p, j). */
static PyObject *row_of(const igo_claims *c, size_t p, size_t n,
                        PyObject *(*cell)(const igo_claims *, size_t, size_t))
{
    PyObject *row = PyList_New((Py_ssize_t)n);
    for (size_t j = 0; row && j < n; j++) {
        PyObject *v = cell(c, p, j);
        if (!v)
            Py_CLEAR(row);
        else
            PyList_SET_ITEM(row, (Py_ssize_t)j, v);
    }
    return row;
}

static PyObject *money_cell(const igo_claims *c, size_t p, size_t d)
{
    return PyLong_FromLongLong(igo_claims_money(c, p, d));
}

static PyObject *volume_cell(const igo_claims *c, size_t p, size_t o)
{
    return PyFloat_FromDouble(igo_claims_volume(c, p, o));
}

/* Prestatie p's money (cents per discipline) and volumes (per provider). */
static PyObject *money_row(const igo_claims *c, size_t p)
{
    return row_of(c, p, igo_claims_discipline_count(c), money_cell);
}

static PyObject *volume_row(const igo_claims *c, size_t p)
{
    return row_of(c, p, igo_claims_provider_count(c), volume_cell);
}

/* results() -> (totals, reasons, prestaties, disciplines, money, history, providers, volumes):
 * see libigo.claims. */
static PyObject *claims_results(ClaimsObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    const igo_claims *c = self->core;
    igo_claims_totals t = igo_claims_totals_of(c);
    size_t P = igo_claims_prestatie_count(c);
    return Py_BuildValue("(KKKKLLLL)NNNNNNN", (unsigned long long)t.rows_read,
                         (unsigned long long)t.rows_classified,
                         (unsigned long long)t.rows_set_aside,
                         (unsigned long long)t.rows_without_prestatie, (long long)t.cents_read,
                         (long long)t.cents_classified, (long long)t.cents_set_aside,
                         (long long)t.cents_without_prestatie,
                         list_of(c, IGO_CLAIM_REASONS, reason), list_of(c, P, prestatie),
                         list_of(c, igo_claims_discipline_count(c), discipline),
                         list_of(c, P, money_row),
                         list_of(c, igo_claims_history_count(c), history_line),
                         list_of(c, igo_claims_provider_count(c), provider),
                         list_of(c, P, volume_row));
}

static PyMethodDef claims_methods[] = {
    CEXT_METHOD(claims, set_column, METH_VARARGS)
    CEXT_METHOD(claims, set_encoding, METH_VARARGS)
    CEXT_METHOD(claims, set_decimal, METH_VARARGS)
    CEXT_METHOD(claims, set_period, METH_VARARGS)
    CEXT_METHOD(claims, set_catalogue, METH_VARARGS)
    CEXT_METHOD(claims, add_class, METH_VARARGS)
    CEXT_METHOD(claims, use_default_indeling, METH_NOARGS)
    CEXT_METHOD(claims, default_indeling, METH_NOARGS)
    CEXT_METHOD(claims, read_indeling, METH_VARARGS)
    CEXT_METHOD(claims, read_csv, METH_VARARGS)
    CEXT_METHOD(claims, read_csv_buffer, METH_VARARGS)
    CEXT_METHOD(claims, read_xlsx, METH_VARARGS)
    CEXT_METHOD(claims, finish, METH_NOARGS)
    CEXT_METHOD(claims, generate, METH_VARARGS)
    CEXT_METHOD(claims, results, METH_NOARGS)
    {NULL, NULL, 0, NULL},
};

CEXT_TYPE(ClaimsObject, claims, "Claims", igo_claims_new, igo_claims_free,
          "An igo_claims aggregation of claim files.")
