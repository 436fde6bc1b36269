/* The workbook: its relationships (where each sheet's part is), its sheets, defined names and
 * date system; the reader's life cycle and lookups. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

#define REL_WORKSHEET "/relationships/worksheet"
#define REL_STRINGS "/relationships/sharedStrings"

/* One relationship of xl/_rels/workbook.xml.rels, its target resolved to a member name. */
typedef struct {
    char *id, *part;
    int kind; /* 1 worksheet, 2 shared strings, 0 anything else */
} rel;

typedef struct {
    IGO_VEC(rel) rels;
    igoi_buf formula; /* the text of the current <definedName> */
    char *name;       /* its name, when it is workbook-wide */
    int in_sheets, in_name;
} book_state;

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

int igoi_same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char ca = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a;
        char cb = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (ca != cb)
            return 0;
    }
    return *a == *b;
}

/* A target relative to xl/ (or absolute from the package root) as a member name, "../" and "./"
 * resolved; NULL when out of memory. A target escaping the package simply names no member. */
static char *resolve(const char *target)
{
    size_t n = strlen(target);
    char *out = malloc(n + 4);
    if (!out)
        return NULL;
    size_t len = 0;
    if (target[0] == '/')
        target++;
    else
        memcpy(out, "xl/", 3), len = 3;
    while (*target) {
        const char *slash = strchr(target, '/');
        size_t seg = slash ? (size_t)(slash - target) : strlen(target);
        if (seg == 2 && target[0] == '.' && target[1] == '.') {
            while (len > 0 && out[len - 1] == '/')
                len--;
            while (len > 0 && out[len - 1] != '/')
                len--;
        } else if (!(seg == 1 && target[0] == '.') && seg > 0) {
            memcpy(out + len, target, seg);
            len += seg;
            if (slash)
                out[len++] = '/';
        }
        target += seg + (slash != NULL);
    }
    out[len] = '\0';
    return out;
}

static void rels_start(igoi_xml *x, const char *name, const char **attrs)
{
    book_state *st = x->user;
    const char *id = igoi_xml_attr(attrs, "Id"), *type = igoi_xml_attr(attrs, "Type");
    const char *target = igoi_xml_attr(attrs, "Target"), *mode = igoi_xml_attr(attrs, "TargetMode");
    if (strcmp(name, "Relationship") != 0 || !id || !type || !target ||
        (mode && strcmp(mode, "External") == 0))
        return;
    if (IGO_VEC_ROOM(st->rels, 1)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    rel r = {igoi_strdup(id), resolve(target),
             ends_with(type, REL_WORKSHEET) ? 1 : ends_with(type, REL_STRINGS) ? 2 : 0};
    if (!r.id || !r.part) {
        free(r.id), free(r.part);
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    st->rels.v[st->rels.n++] = r;
}

static void ignore_end(igoi_xml *x, const char *name)
{
    (void)x, (void)name;
}

static const rel *find_rel(const book_state *st, const char *id)
{
    for (size_t i = 0; i < st->rels.n; i++)
        if (strcmp(st->rels.v[i].id, id) == 0)
            return &st->rels.v[i];
    return NULL;
}

static void add_sheet(igoi_xml *x, const char **attrs)
{
    book_state *st = x->user;
    igo_xlsx *book = x->book;
    const char *name = igoi_xml_attr(attrs, "name"), *id = igoi_xml_attr(attrs, "id");
    char q[IGOI_QUOTE + 4];
    if (!name || !id) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "a <sheet> without name or r:id");
        return;
    }
    const rel *r = find_rel(st, id);
    if (!r) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "sheet '%s': no relationship '%s'",
                      igoi_quote(q, name), id);
        return;
    }
    if (r->kind != 1) /* a chart sheet or a dialog sheet: no cells */
        return;
    for (size_t i = 0; i < book->sheets.n; i++)
        if (igoi_same_name(book->sheets.v[i].name, name)) {
            igoi_xml_fail(x, IGO_ERROR_VALUE, "two sheets are named '%s'", igoi_quote(q, name));
            return;
        }
    if (IGO_VEC_ROOM(book->sheets, 1)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    igoi_sheet s = {igoi_strdup(name), igoi_strdup(r->part)};
    if (!s.name || !s.part) {
        free(s.name), free(s.part);
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    book->sheets.v[book->sheets.n++] = s;
}

static int is_true(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void book_start(igoi_xml *x, const char *name, const char **attrs)
{
    book_state *st = x->user;
    if (strcmp(name, "workbookPr") == 0)
        x->book->date1904 = is_true(igoi_xml_attr(attrs, "date1904"));
    else if (strcmp(name, "sheets") == 0)
        st->in_sheets = 1;
    else if (strcmp(name, "sheet") == 0 && st->in_sheets)
        add_sheet(x, attrs);
    else if (strcmp(name, "definedName") == 0) {
        const char *n = igoi_xml_attr(attrs, "name");
        st->in_name = 1;
        st->formula.n = 0;
        free(st->name);
        st->name = NULL;
        if (n && !igoi_xml_attr(attrs, "localSheetId") && !(st->name = igoi_strdup(n)))
            igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
    }
}

/* Keeps a workbook-wide defined name; the first of two with one name wins, as lookups would. */
static void add_name(igoi_xml *x, book_state *st)
{
    igo_xlsx *book = x->book;
    const char *f = st->formula.n ? st->formula.v : "";
    if (igo_xlsx_defined_name(book, st->name))
        return;
    if (IGO_VEC_ROOM(book->names, 1)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    igoi_name n = {st->name, igoi_strdup(f[0] == '=' ? f + 1 : f)};
    if (!n.formula) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    st->name = NULL;
    book->names.v[book->names.n++] = n;
}

static void book_end(igoi_xml *x, const char *name)
{
    book_state *st = x->user;
    if (strcmp(name, "sheets") == 0)
        st->in_sheets = 0;
    else if (strcmp(name, "definedName") == 0) {
        if (st->name)
            add_name(x, st);
        free(st->name);
        st->name = NULL;
        st->in_name = 0;
    }
}

static void book_text(igoi_xml *x, const char *s, size_t len)
{
    book_state *st = x->user;
    if (st->in_name && st->name)
        igoi_xml_append(x, &st->formula, s, len);
}

static const char *strings_part(const book_state *st)
{
    for (size_t i = 0; i < st->rels.n; i++)
        if (st->rels.v[i].kind == 2)
            return st->rels.v[i].part;
    return NULL;
}

static igo_error read_parts(igo_xlsx *book, book_state *st)
{
    igoi_xml rels = {.book = book, .where = "xl/_rels/workbook.xml.rels", .lines = 1, .user = st,
                     .start = rels_start, .end = ignore_end};
    igo_error e = igoi_xml_parse(&rels, rels.where, NULL);
    if (e)
        return e;
    igoi_xml wb = {.book = book, .where = "xl/workbook.xml", .lines = 1, .user = st,
                   .start = book_start, .end = book_end, .text = book_text};
    e = igoi_xml_parse(&wb, wb.where, NULL);
    return e ? e : igoi_strings_read(book, strings_part(st));
}

igo_error igoi_book_read(igo_xlsx *book)
{
    book_state st = {{NULL, 0, 0}, {NULL, 0, 0}, NULL, 0, 0};
    igo_error e = read_parts(book, &st);
    for (size_t i = 0; i < st.rels.n; i++)
        free(st.rels.v[i].id), free(st.rels.v[i].part);
    free(st.rels.v);
    free(st.formula.v);
    free(st.name);
    return e;
}

/* ---- the public API ---- */

igo_xlsx *igo_xlsx_new(void)
{
    return calloc(1, sizeof(igo_xlsx));
}

static void close_book(igo_xlsx *book)
{
    if (book->zip)
        unzClose(book->zip);
    for (size_t i = 0; i < book->sheets.n; i++)
        free(book->sheets.v[i].name), free(book->sheets.v[i].part);
    for (size_t i = 0; i < book->names.n; i++)
        free(book->names.v[i].name), free(book->names.v[i].formula);
    free(book->sheets.v);
    free(book->names.v);
    igoi_strings_free(&book->strings);
    free(book->path);
    igo_callback progress = book->progress;
    memset(book, 0, sizeof *book);
    book->progress = progress;
}

void igo_xlsx_free(igo_xlsx *book)
{
    if (!book)
        return;
    close_book(book);
    free(book);
}

const char *igo_xlsx_errmsg(const igo_xlsx *book)
{
    return book ? book->errmsg : "";
}

igo_error igo_xlsx_set_progress(igo_xlsx *book, igo_progress_fn progress, void *user_data)
{
    if (!book)
        return IGO_ERROR_ARGUMENT;
    return igoi_callback_set(&book->progress, progress, user_data);
}

igo_error igo_xlsx_open(igo_xlsx *book, const char *path)
{
    if (!book)
        return IGO_ERROR_ARGUMENT;
    close_book(book);
    if (!path)
        return igoi_fail(book->errmsg, IGO_ERROR_ARGUMENT, "igo_xlsx_open: path is NULL");
    if (!(book->path = igoi_strdup(path)))
        return igoi_fail(book->errmsg, IGO_ERROR_MEMORY, "out of memory");
    igo_error e = igoi_zip_open(book, path);
    e = e ? e : igoi_book_read(book);
    if (e) {
        char msg[IGO_ERRMSG_SIZE];
        memcpy(msg, book->errmsg, sizeof msg);
        close_book(book);
        memcpy(book->errmsg, msg, sizeof msg);
    }
    return e;
}

size_t igo_xlsx_sheet_count(const igo_xlsx *book)
{
    return book ? book->sheets.n : 0;
}

const char *igo_xlsx_sheet_name(const igo_xlsx *book, size_t index)
{
    return book && index < book->sheets.n ? book->sheets.v[index].name : NULL;
}

igo_error igo_xlsx_sheet_index(igo_xlsx *book, const char *name, size_t *index)
{
    if (!book)
        return IGO_ERROR_ARGUMENT;
    if (!name || !index)
        return igoi_fail(book->errmsg, IGO_ERROR_ARGUMENT, "igo_xlsx_sheet_index: NULL pointer");
    book->errmsg[0] = '\0';
    for (size_t i = 0; i < book->sheets.n; i++)
        if (igoi_same_name(book->sheets.v[i].name, name)) {
            *index = i;
            return IGO_OK;
        }
    char list[IGO_ERRMSG_SIZE] = "", q[IGOI_QUOTE + 4];
    size_t used = 0;
    for (size_t i = 0; i < book->sheets.n && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s'%s'", i ? ", " : "",
                                 book->sheets.v[i].name);
    return igoi_fail(book->errmsg, IGO_ERROR_UNKNOWN, "%s: no sheet is named '%s' (the sheets: %s)",
                     book->path ? book->path : "(no workbook open)", igoi_quote(q, name),
                     book->sheets.n ? list : "none");
}

int igo_xlsx_date1904(const igo_xlsx *book)
{
    return book ? book->date1904 : 0;
}

const char *igo_xlsx_defined_name(const igo_xlsx *book, const char *name)
{
    if (!book || !name)
        return NULL;
    for (size_t i = 0; i < book->names.n; i++)
        if (igoi_same_name(book->names.v[i].name, name))
            return book->names.v[i].formula;
    return NULL;
}
