/* libigo._cext.Xlsx: an igo_xlsx reader and the table of the sheet it read last
 * (igo_xlsx_read_table), handed to Python column by column into caller-made arrays. */
#include "cext.h"

typedef struct {
    PyObject_HEAD
    igo_xlsx *core;
    int busy;
    igo_xlsx_table *table; /* NULL until read_table */
} XlsxObject;

static PyObject *xlsx_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (cext_no_arguments("Xlsx", args, kwds))
        return NULL;
    XlsxObject *self = (XlsxObject *)type->tp_alloc(type, 0);
    if (self && !(self->core = igo_xlsx_new())) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static void xlsx_dealloc(XlsxObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    igo_xlsx_table_free(self->table);
    igo_xlsx_free(self->core);
    type->tp_free((PyObject *)self);
    Py_DECREF(type);
}

/* A long call on the reader, without the GIL and with Ctrl-C honoured: None or IgoError. */
#define XLSX_RUN(self, call)                                                                   \
    do {                                                                                       \
        igo_error e_;                                                                          \
        CEXT_RUN_UNLOCKED(self, igo_xlsx_set_progress, e_, call);                              \
        done = cext_finish((PyObject *)(self), e_, igo_xlsx_errmsg((self)->core));            \
    } while (0)

/* open(path): the workbook's sheets and shared strings, read without the GIL. */
static PyObject *xlsx_open(XlsxObject *self, PyObject *args)
{
    PyObject *path_bytes;
    if (cext_idle(self->busy) ||
        !PyArg_ParseTuple(args, "O&:open", PyUnicode_FSConverter, &path_bytes))
        return NULL;
    PyObject *done;
    XLSX_RUN(self, igo_xlsx_open(self->core, PyBytes_AS_STRING(path_bytes)));
    Py_DECREF(path_bytes);
    return done;
}

static PyObject *xlsx_sheet_names(XlsxObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    size_t n = igo_xlsx_sheet_count(self->core);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *name = PyUnicode_FromString(igo_xlsx_sheet_name(self->core, i));
        if (!name)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, name);
    }
    return list;
}

static PyObject *xlsx_sheet_index(XlsxObject *self, PyObject *args)
{
    const char *name;
    size_t index = 0;
    if (cext_idle(self->busy) || !PyArg_ParseTuple(args, "s:sheet_index", &name))
        return NULL;
    igo_error e = igo_xlsx_sheet_index(self->core, name, &index);
    if (e)
        return cext_done((PyObject *)self, e, igo_xlsx_errmsg(self->core));
    return PyLong_FromSize_t(index);
}

static PyObject *xlsx_date1904(XlsxObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    return PyBool_FromLong(igo_xlsx_date1904(self->core));
}

/* read_table(index) -> (rows, columns): the sheet read whole, without the GIL. */
static PyObject *xlsx_read_table(XlsxObject *self, PyObject *args)
{
    size_t index;
    if (cext_idle(self->busy) || !PyArg_ParseTuple(args, "O&:read_table", cext_size, &index))
        return NULL;
    igo_xlsx_table_free(self->table);
    self->table = NULL; /* igo_xlsx_read_table sets it, NULL on failure */
    PyObject *done;
    XLSX_RUN(self, igo_xlsx_read_table(self->core, index, &self->table));
    if (!done)
        return NULL;
    Py_DECREF(done);
    return Py_BuildValue("nn", (Py_ssize_t)igo_xlsx_table_rows(self->table),
                         (Py_ssize_t)igo_xlsx_table_columns(self->table));
}

static int has_table(XlsxObject *self, size_t column)
{
    if (cext_idle(self->busy))
        return 0;
    if (self->table && column < igo_xlsx_table_columns(self->table))
        return 1;
    PyErr_SetString(PyExc_IndexError, "no table read, or a column out of range");
    return 0;
}

/* column_counts(j) -> (empty, numbers, strings, booleans, errors) */
static PyObject *xlsx_column_counts(XlsxObject *self, PyObject *args)
{
    size_t j;
    if (!PyArg_ParseTuple(args, "O&:column_counts", cext_size, &j) || !has_table(self, j))
        return NULL;
    const igo_xlsx_table *t = self->table;
    return Py_BuildValue("nnnnn", (Py_ssize_t)igo_xlsx_table_count(t, j, IGO_CELL_EMPTY),
                         (Py_ssize_t)igo_xlsx_table_count(t, j, IGO_CELL_NUMBER),
                         (Py_ssize_t)igo_xlsx_table_count(t, j, IGO_CELL_STRING),
                         (Py_ssize_t)igo_xlsx_table_count(t, j, IGO_CELL_BOOLEAN),
                         (Py_ssize_t)igo_xlsx_table_count(t, j, IGO_CELL_ERROR));
}

/* Copies rows items of size bytes into a writable C-contiguous buffer of exactly that size. */
static int copy_into(PyObject *obj, const void *from, size_t rows, size_t size, const char *name)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0)
        return -1;
    int ok = (size_t)view.len == rows * size;
    if (ok && rows)
        memcpy(view.buf, from, rows * size);
    else if (!ok)
        PyErr_Format(PyExc_ValueError, "column: %s must be %zu bytes, not %zd", name,
                     rows * size, view.len);
    PyBuffer_Release(&view);
    return ok ? 0 : -1;
}

/* column(j, numbers, types, ids): fills float64, uint8 and uint32 arrays of one entry per row
 * (ids may be None; zeros when the column has no text). */
static PyObject *xlsx_column(XlsxObject *self, PyObject *args)
{
    size_t j;
    PyObject *numbers, *types, *ids;
    if (!PyArg_ParseTuple(args, "O&OOO:column", cext_size, &j, &numbers, &types, &ids) ||
        !has_table(self, j))
        return NULL;
    const igo_xlsx_table *t = self->table;
    size_t rows = igo_xlsx_table_rows(t);
    if (copy_into(numbers, igo_xlsx_table_numbers(t, j), rows, sizeof(double), "numbers") ||
        copy_into(types, igo_xlsx_table_types(t, j), rows, 1, "types"))
        return NULL;
    const uint32_t *from = igo_xlsx_table_string_ids(t, j);
    if (ids != Py_None && from && copy_into(ids, from, rows, sizeof *from, "ids"))
        return NULL;
    if (ids != Py_None && !from) {
        Py_buffer view;
        if (PyObject_GetBuffer(ids, &view, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0)
            return NULL;
        memset(view.buf, 0, (size_t)view.len);
        PyBuffer_Release(&view);
    }
    Py_RETURN_NONE;
}

/* strings() -> list[str]: the table's texts by id, each made once. */
static PyObject *xlsx_strings(XlsxObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    size_t n = igo_xlsx_table_string_count(self->table);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        size_t length;
        const char *text = igo_xlsx_table_string(self->table, i, &length);
        PyObject *s = PyUnicode_DecodeUTF8(text, (Py_ssize_t)length, "strict");
        if (!s)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static PyObject *xlsx_close_table(XlsxObject *self, PyObject *unused)
{
    (void)unused;
    if (cext_idle(self->busy))
        return NULL;
    igo_xlsx_table_free(self->table);
    self->table = NULL;
    Py_RETURN_NONE;
}

static PyMethodDef xlsx_methods[] = {
#define METHOD(name, flags) CEXT_METHOD(xlsx, name, flags)
    METHOD(open, METH_VARARGS)
    METHOD(sheet_names, METH_NOARGS)
    METHOD(sheet_index, METH_VARARGS)
    METHOD(date1904, METH_NOARGS)
    METHOD(read_table, METH_VARARGS)
    METHOD(column_counts, METH_VARARGS)
    METHOD(column, METH_VARARGS)
    METHOD(strings, METH_NOARGS)
    METHOD(close_table, METH_NOARGS)
#undef METHOD
    {NULL, NULL, 0, NULL},
};

static PyType_Slot xlsx_slots[] = {
    {Py_tp_new, xlsx_new},         {Py_tp_dealloc, xlsx_dealloc},
    {Py_tp_methods, xlsx_methods}, {Py_tp_doc, "An igo_xlsx reader and its last table."},
    {0, NULL},
};

PyType_Spec cext_xlsx_spec = {
    .name = "libigo._cext.Xlsx",
    .basicsize = sizeof(XlsxObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = xlsx_slots,
};
