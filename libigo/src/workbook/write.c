#define _POSIX_C_SOURCE 200809L /* mkstemp, fsync */
/* igo_workbook_write: distribute the model, write the seven sheets into a temporary file next to
 * the target, check the file, and only then rename it into place. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "wb.h"

/* A new empty file next to path (".name.xlsx.<pid>.<n>.tmp"), in *tmp for the caller to free.
 * Created with O_EXCL (never an existing file) and mode 0666 less the umask, like any new file. */
static igo_error temp_file(char *errmsg, const char *path, char **tmp)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0, n = strlen(path) + 48;
    if (!(*tmp = malloc(n)))
        return igo_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    int fd = -1;
    for (unsigned i = 0; fd < 0 && i < 1000; i++) {
        snprintf(*tmp, n, "%.*s.%s.%ld.%u.tmp", (int)dir, path, path + dir, (long)getpid(), i);
        fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        igo_error e = igo_fail(errmsg, IGO_ERROR_IO, "%s: cannot write in this directory: %s", path,
                               strerror(errno));
        free(*tmp), *tmp = NULL;
        return e;
    }
    close(fd);
    return IGO_OK;
}

/* Flushes the finished file to the disk, so that the rename cannot expose a file in pieces. */
static igo_error sync_file(char *errmsg, const char *tmp, const char *path)
{
    int fd = open(tmp, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return igo_fail(errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", path,
                        strerror(err));
    }
    close(fd);
    return IGO_OK;
}

/* The workbook matches prestaties and disciplines with SUMIF and =, which ignore case and read
 * * ? ~ as wildcards and a leading < > = as a comparison: such ids would silently mismatch. */
static igo_error check_id(igo_model *m, const char *kind, const char *id, const char *earlier)
{
    if (strpbrk(id, "*?~") || strchr("<>=", id[0]))
        return igo_fail(m->errmsg, IGO_ERROR_ARGUMENT,
                        "%s '%s': a workbook cannot match an id with * ? ~ or a leading < > =",
                        kind, id);
    if (earlier && strcasecmp(id, earlier) == 0)
        return igo_fail(m->errmsg, IGO_ERROR_DUPLICATE,
                        "%s '%s' and '%s': a workbook does not tell ids apart by case", kind,
                        earlier, id);
    return IGO_OK;
}

static igo_error check_ids(igo_model *m)
{
    for (size_t i = 0; i < m->prestaties.n; i++)
        for (size_t j = 0; j <= i; j++) {
            igo_error e = check_id(m, "prestatie", m->prestaties.v[i].code,
                                   j < i ? m->prestaties.v[j].code : NULL);
            if (e)
                return e;
        }
    for (size_t i = 0; i < m->disciplines.n; i++)
        for (size_t j = 0; j <= i; j++) {
            igo_error e = check_id(m, "discipline", m->disciplines.v[i].id,
                                   j < i ? m->disciplines.v[j].id : NULL);
            if (e)
                return e;
        }
    return IGO_OK;
}

static void write_sheets(wb *w)
{
    wb_sheet_intro(w);
    wb_sheet_regio(w);
    wb_sheet_results(w);
    wb_sheet_regio_input(w);
    wb_sheet_care_input(w);
    wb_sheet_split_input(w);
    wb_sheet_calc(w);
    lxw_doc_properties props = {.title = (char *)w->t->intro_title,
                                .subject = (char *)(w->m->name ? w->m->name : ""),
                                .author = "libigo", .comments = "libigo"};
    wb_keep(w, workbook_set_properties(w->book, &props));
}

/* Creates the book in tmp, adds the sheets, fills them and closes the book. */
static igo_error write_book(wb *w, char *errmsg, const char *tmp, const char *path,
                            void (*fill)(wb *w))
{
    lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .use_zip64 = LXW_FALSE};
    w->book = workbook_new_opt(tmp, &opts);
    if (!w->book)
        return igo_fail(errmsg, IGO_ERROR_MEMORY, "%s: cannot start the workbook", path);
    for (int s = 0; s < w->sheets; s++)
        if (!(w->ws[s] = workbook_add_worksheet(w->book, w->sheet_name[s])))
            wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    if (!w->error) {
        wb_make_formats(w->book, &w->f);
        fill(w);
    }
    lxw_error closed = workbook_close(w->book); /* frees the book, whatever happens */
    lxw_error first = w->error ? w->error : closed;
    if (first)
        return igo_fail(errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", path,
                        lxw_strerror(first));
    return IGO_OK;
}

igo_error wb_write_safely(wb *w, char *errmsg, const char *path, void (*fill)(wb *w))
{
    char *tmp = NULL;
    igo_error e = temp_file(errmsg, path, &tmp);
    if (!e)
        e = write_book(w, errmsg, tmp, path, fill);
    if (!e)
        e = wb_verify_zip(errmsg, tmp);
    if (!e)
        e = sync_file(errmsg, tmp, path);
    if (!e && rename(tmp, path) != 0)
        e = igo_fail(errmsg, IGO_ERROR_IO, "%s: cannot put the workbook in place: %s", path,
                     strerror(errno));
    if (e && tmp)
        remove(tmp);
    free(tmp);
    return e;
}

igo_error igo_workbook_write(igo_model *m, const char *path, const igo_workbook_options *options)
{
    if (!m)
        return IGO_ERROR_ARGUMENT;
    if (!path || !*path)
        return igo_fail(m->errmsg, IGO_ERROR_ARGUMENT, "no file name for the workbook");
    igo_result *r;
    igo_plan pl;
    igo_error e = igo_distribute_plan(m, &r, &pl);
    if (e)
        return e;
    e = check_ids(m);
    wb *w = e ? NULL : calloc(1, sizeof *w);
    if (!e && !w)
        e = igo_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (w) {
        w->m = m, w->pl = &pl, w->r = r;
        w->t = wb_texts(options ? options->lang : IGO_LANG_NL);
        w->sheets = WB_SHEETS;
        for (int s = 0; s < WB_SHEETS; s++)
            w->sheet_name[s] = w->t->sheet[s];
        wb_make_layout(m, &w->at);
        e = wb_write_safely(w, m->errmsg, path, write_sheets);
        free(w);
    }
    igo_plan_free(&pl);
    igo_result_free(r);
    return e;
}
