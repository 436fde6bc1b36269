#define _POSIX_C_SOURCE 200809L /* mkstemp, fsync */
/* igo_workbook_write: distribute the model, write the seven sheets into a temporary file next to
 * the target, check the file, and only then rename it into place. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bonus_wb.h"
#include "numbers.h"
#include "trans_wb.h"
#include "whatif_wb.h"

/* A new empty file next to path for libxlsxwriter to write (it opens the file by name). */
static igo_error temp_file(char *errmsg, const char *path, char **tmp)
{
    int fd;
    igo_error e = igoi_temp_file(errmsg, path, tmp, &fd);
    if (!e)
        close(fd);
    return e;
}

/* Flushes the finished file to the disk, so that the rename cannot expose a file in pieces. */
static igo_error sync_file(char *errmsg, const char *tmp, const char *path)
{
    int fd = open(tmp, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", path,
                        strerror(err));
    }
    close(fd);
    return IGO_OK;
}

/* A spreadsheet's size, and what libigo writes at most (every cell is held in memory until the
 * book is closed: a few hundred bytes each). */
enum { WB_MAX_COLUMNS = 16384, WB_MAX_ROWS = 1048576, WB_MAX_CELLS = 4000000 };

/* Refuses a model whose workbook would not fit a sheet, or would take gigabytes to write. */
static igo_error check_size(igo_model *m, size_t class_rows, const igo_transition_result *tres,
                            wb_layout *at)
{
    const char *kinds[] = {"prestaties", "disciplines", "quality indicators", "providers",
                           "outside activities", "history lines", "reasons for transfer"};
    size_t counts[] = {m->prestaties.n, m->disciplines.n, m->indicators.n, m->providers.n,
                       m->outside.n, m->history.n, m->reasons.n};
    /* Prestaties, disciplines and indicators are columns of a sheet: the values grid of
     * Kwaliteitsbonussen has its id and name, two spare indicators and its outputs beside. */
    const size_t most[] = {WB_MAX_COLUMNS - 8, WB_MAX_COLUMNS - 8,
                           WB_MAX_COLUMNS - (BV_VALUES + 2 + BV_AFTER)};
    for (int k = 0; k < 7; k++) {
        size_t max = k < 3 ? most[k] : WB_MAX_ROWS / 4;
        if (counts[k] > max)
            return igoi_fail(m->errmsg, IGO_ERROR_LIMIT,
                            "too many %s for a workbook: %zu, where a sheet has room for %zu",
                            kinds[k], counts[k], max);
    }
    igoi_wb_make_layout(m, class_rows, tres ? WB_CHECKS : WB_MODEL_CHECKS, at);
    double cells =
        4.0 * (double)at->prestatie_count * (double)(at->provider_rows + at->outside_rows) +
        3.0 * (double)at->prestatie_count * (double)at->provider_rows + /* (fixed parts) */
        8.0 * (double)(at->provider_rows + at->prestatie_count + at->discipline_count) +
        8.0 * (double)at->history_rows +
        (double)at->provider_rows * (double)(at->bn.indicator_rows + 8);
    if (tres) {
        size_t rounds = 0, splits = 0, years = igo_transition_result_years(tres);
        for (size_t y = 0; y < years; y++) {
            size_t s = tres->splits[y], r = tres->rounds[y] - s;
            rounds = r > rounds ? r : rounds, splits = s > splits ? s : splits;
        }
        igoi_wb_make_trans_layout(at, years, rounds, splits);
        cells += (double)at->tr.year_rows * (double)at->provider_rows *
                 (TC_ROUNDS + 2 * at->tr.rounds + 3 * at->tr.splits + 12);
    }
    if (at->calc.totals + 16 > WB_MAX_ROWS || cells > WB_MAX_CELLS)
        return igoi_fail(m->errmsg, IGO_ERROR_LIMIT,
                         "a workbook of %zu prestaties and %zu providers would hold about %.0f "
                         "cells; libigo writes at most %d",
                         at->prestatie_count, m->providers.n, cells, WB_MAX_CELLS);
    return IGO_OK;
}

/* The comparison sheet's starting points and its layout. The baseline's ids the model lacks
 * take a row of 8 cells each, beyond the model's own: at most WB_MAX_ROWS / 8 of them (a million
 * cells more), so that the sheet fits and the cells stay within reach of check_size's budget. */
static igo_error whatif_figures(wb_whatif *wi, igo_model *m, const igo_result *r,
                                const igo_workbook_options *options, wb_layout *at)
{
    igo_error e = igoi_wb_whatif_start(wi, m, r, at->provider_rows, options);
    if (e)
        return e;
    size_t extra = wi->extra[WI_PROVIDERS] + wi->extra[WI_DISCIPLINES] + wi->extra[WI_PRESTATIES];
    if (extra > WB_MAX_ROWS / 8)
        return igoi_fail(m->errmsg, IGO_ERROR_LIMIT,
                         "baseline: %zu providers, disciplines and prestaties the model lacks; "
                         "the comparison sheet has room for %d",
                         extra, WB_MAX_ROWS / 8);
    igoi_wb_make_whatif_layout(at, wi);
    return IGO_OK;
}

static void write_sheets(wb *w)
{
    void (*const sheets[WB_SHEETS])(wb *) = {
        igoi_wb_sheet_intro,      igoi_wb_sheet_regio,       igoi_wb_sheet_results,
        igoi_wb_sheet_regio_input, igoi_wb_sheet_care_input, igoi_wb_sheet_split_input,
        igoi_wb_sheet_classes,    igoi_wb_sheet_calc,        igoi_wb_sheet_bonus,
        igoi_wb_sheet_whatif,     igoi_wb_sheet_trans,       igoi_wb_sheet_trans_calc};
    for (int k = 0; k < w->sheets; k++) {
        w->done = (double)k / w->sheets;
        sheets[k](w);
    }
    lxw_doc_properties props = {.title = (char *)w->t->intro_title,
                                .subject = (char *)(w->m->name ? w->m->name : ""),
                                .author = "libigo", .comments = "libigo"};
    igoi_wb_keep(w, workbook_set_properties(w->book, &props));
}

/* Creates the book in tmp, adds the sheets, fills them and closes the book. */
static igo_error write_book(wb *w, char *errmsg, const char *tmp, const char *path,
                            void (*fill)(wb *w))
{
    lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .use_zip64 = LXW_FALSE};
    w->book = workbook_new_opt(tmp, &opts);
    if (!w->book)
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "%s: cannot start the workbook", path);
    for (int s = 0; s < w->sheets; s++)
        if (!(w->ws[s] = workbook_add_worksheet(w->book, w->sheet_name[s])))
            igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    if (!w->error) {
        igoi_wb_make_formats(w->book, &w->f);
        fill(w);
    }
    int os_error = 0;
    lxw_error closed = LXW_NO_ERROR;
    if (w->cancelled)
        lxw_workbook_free(w->book); /* without writing it */
    else
        closed = igoi_wb_close(w, &os_error); /* frees the book, whatever happens */
    if (w->cancelled)
        return igoi_fail(errmsg, IGO_ERROR_CANCELLED, "%s: stopped; no workbook written", path);
    lxw_error first = w->error ? w->error : closed;
    if (first == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "%s: out of memory", path);
    if (first)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", path,
                        !w->error && os_error ? strerror(os_error) : lxw_strerror(first));
    return IGO_OK;
}

igo_error igoi_wb_write_safely(wb *w, char *errmsg, const char *path, void (*fill)(wb *w))
{
    char *tmp = NULL;
    igo_error e = igoi_check_target(errmsg, path);
    if (!e)
        e = temp_file(errmsg, path, &tmp);
    if (!e)
        e = write_book(w, errmsg, tmp, path, fill);
    if (!e)
        e = igoi_wb_short_numbers(errmsg, tmp, path, &w->tk);
    if (!e)
        e = igoi_wb_verify_zip(errmsg, tmp);
    if (!e)
        e = sync_file(errmsg, tmp, path);
    if (!e && rename(tmp, path) != 0)
        e = igoi_fail(errmsg, IGO_ERROR_IO, "%s: cannot put the workbook in place: %s", path,
                     strerror(errno));
    if (e && tmp)
        remove(tmp);
    free(tmp);
    return e;
}

/* A transition the workbook can hold: the model's providers in its order, and the model's
 * own distribution as every year's model income. */
static igo_error check_transition(igo_model *m, const igo_result *r, const igo_transition *t)
{
    if (t->n != m->providers.n)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT,
                         "the transition has %zu providers, the model %zu", t->n,
                         m->providers.n);
    const int64_t *totals = igo_result_provider_totals(r);
    for (size_t o = 0; o < t->n; o++)
        if (!t->ids[o] || strcmp(t->ids[o], m->providers.v[o].id) != 0)
            return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT,
                             "the transition's provider %zu is '%s', the model's '%s': give "
                             "them in the model's order", o, t->ids[o] ? t->ids[o] : "",
                             m->providers.v[o].id);
    for (size_t y = 0; y < t->years.n; y++)
        if (t->years.v[y].year < 1 || t->years.v[y].year > 9999)
            return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT,
                             "%d: a workbook's years are 1 to 9999", t->years.v[y].year);
    for (size_t y = 0; y < t->years.n; y++)
        for (size_t o = 0; o < t->n; o++)
            if (t->years.v[y].model[o] != totals[o]) {
                char a[32], b[32];
                return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT,
                                 "%d: the model income of '%s' is EUR %s, the model's "
                                 "distribution gives EUR %s: a workbook holds one region for "
                                 "all years", t->years.v[y].year, t->ids[o],
                                 igoi_fmt_cents(a, t->years.v[y].model[o]),
                                 igoi_fmt_cents(b, totals[o]));
            }
    return IGO_OK;
}

/* The transition's figures (NULL without one); errors in the model's message. A copy computes
 * them, so that the caller's transition (const) keeps its message and may be shared. */
static igo_error transition_figures(igo_model *m, const igo_result *r, const igo_transition *t,
                                    igo_transition_result **out)
{
    *out = NULL;
    if (!t)
        return IGO_OK;
    igo_error e = check_transition(m, r, t);
    if (e)
        return e;
    igo_transition *copy = igoi_transition_copy(t);
    if (!copy)
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    e = igo_transition_compute(copy, out);
    if (e)
        igoi_fail(m->errmsg, e, "transition: %s", igo_transition_errmsg(copy));
    igo_transition_free(copy);
    return e;
}

igo_error igo_workbook_write(igo_model *m, const char *path, const igo_workbook_options *options)
{
    if (!m)
        return IGO_ERROR_ARGUMENT;
    if (!path || !*path)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "no file name for the workbook");
    igo_result *r;
    igo_plan pl;
    igo_error e = igoi_distribute_plan(m, &r, &pl);
    if (e)
        return e;
    const igo_transition *tr = options ? options->transition : NULL;
    igo_transition_result *tres = NULL;
    wb *w = calloc(1, sizeof *w);
    e = w ? transition_figures(m, r, tr, &tres)
          : igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (!e)
        e = igoi_wb_load_classes(&w->classes, m->errmsg);
    if (!e)
        e = check_size(m, w->classes.rows, tres, &w->at);
    wb_whatif wi = {0};
    if (!e)
        e = whatif_figures(&wi, m, r, options, &w->at);
    if (!e) {
        igo_lang lang = options ? options->lang : IGO_LANG_NL;
        w->m = m, w->pl = &pl, w->r = r, w->tr = tr, w->tres = tres;
        w->t = igoi_wb_texts(lang), w->tt = igoi_wb_trans_texts(lang);
        w->bt = igoi_wb_bonus_texts(lang);
        w->wi = &wi, w->wt = igoi_wb_whatif_texts(lang);
        w->tk = igoi_ticker_start(m->progress);
        w->sheets = tr ? WB_SHEETS : WB_MODEL_SHEETS;
        for (int s = 0; s < w->sheets; s++)
            w->sheet_name[s] = w->t->sheet[s];
        e = igoi_wb_write_safely(w, m->errmsg, path, write_sheets);
    }
    if (w) {
        igoi_wb_free_classes(&w->classes);
        free(w->fixed_before), free(w->after_fixed);
    }
    free(w);
    igoi_wb_whatif_free(&wi);
    igo_transition_result_free(tres);
    igoi_plan_free(&pl);
    igo_result_free(r);
    return e;
}
