/* Claim files in CSV, on two threads: a reader thread tokenizes the file and hands each line's
 * six values through a pipe to the calling thread, which types and counts them
 * (igoi_claims_line) and reports progress. Tokenizing is about half the work, so the two
 * threads carry about as much. The first failure in file order is the one reported, as when
 * reading on one thread. */
#include <stdlib.h>
#include <string.h>

#include "../xlsx/pipe.h"
#include "agg.h"

#define LINE_BLOCK ((size_t)1 << 18)

typedef struct {
    igo_claims *c;
    igoi_source src;  /* the reader thread's: its messages in errmsg */
    const char *path; /* the file, or data[0..size) */
    const char *data;
    size_t size;
    int windows_1252;
    char delimiter;
    /* the pipe to the counting thread */
    igoi_pipe pipe;
    igoi_block *block; /* being filled; NULL when none is claimed */
    igo_error error;   /* the reader thread's failure */
    char errmsg[IGO_ERRMSG_SIZE];
} csv_source;

igoi_value igoi_claims_field(const struct igoi_agg *a, const igoi_field *f, size_t n, int k)
{
    igoi_value v = {{"", 0}, 0, 0};
    if (a->column[k] >= 0 && (size_t)a->column[k] < n)
        v.text = f[a->column[k]];
    igoi_trim(&v.text.s, &v.text.n);
    return v;
}

/* Whether a record's field count differs from the header's. Even extra empty fields count: a
 * stray delimiter in an unquoted value shifts the columns after it (a spreadsheet that pads
 * rows pads its header too). */
static int wrong_field_count(const struct igoi_agg *a, size_t n)
{
    return n != a->header_fields;
}

/* ---- the reader thread: lines into blocks ---- */

/* A line in a block: its line number, whether its field count is wrong, and its six values,
 * each as a size_t length, the bytes and a NUL (a value is a field, which ends in one). */
static size_t line_size(const igoi_value *v)
{
    size_t n = sizeof(uint64_t) + 1 + IGO_CLAIM_COLUMNS * (sizeof(size_t) + 1);
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
        n += v[k].text.n;
    return n;
}

static char *put(char *at, const void *bytes, size_t n)
{
    memcpy(at, bytes, n);
    return at + n;
}

/* Room for n bytes in the block being filled: a full one is handed on, an empty one grown. */
static char *room(csv_source *s, size_t n)
{
    igoi_block *b = s->block;
    if (b && b->len + n > b->cap && b->len) {
        igoi_pipe_push(&s->pipe);
        b = s->block = NULL;
    }
    if (!b && !(b = s->block = igoi_pipe_claim(&s->pipe)))
        return NULL; /* the counting thread stopped */
    if (b->len + n > b->cap) {
        char *grown = realloc(b->data, b->len + n);
        if (!grown)
            return NULL;
        b->data = grown, b->cap = b->len + n;
    }
    char *at = b->data + b->len;
    b->len += n;
    return at;
}

static igo_error send_line(csv_source *s, igoi_csv *csv, const igoi_value *v, int wrong_count)
{
    char *at = room(s, line_size(v));
    if (!at) /* out of memory, or the counting thread stopped (then this is not reported) */
        return igoi_fail(s->errmsg, IGO_ERROR_MEMORY, "out of memory");
    uint64_t line = csv->line;
    char wrong = (char)wrong_count;
    at = put(put(at, &line, sizeof line), &wrong, 1);
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
        at = put(put(put(at, &v[k].text.n, sizeof(size_t)), v[k].text.s, v[k].text.n), "", 1);
    s->block->done = csv->done;
    return IGO_OK;
}

static igo_error on_record(igoi_csv *csv, const igoi_field *f, size_t n)
{
    csv_source *s = csv->user;
    struct igoi_agg *a = s->c->agg;
    s->src.line = csv->line;
    if (!a->header_done) { /* for the look-ahead: fixed from the header on */
        s->delimiter = csv->delimiter, s->windows_1252 = csv->windows_1252;
        return igoi_claims_header(s->c, &s->src, f, n);
    }
    igoi_value v[IGO_CLAIM_COLUMNS];
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
        v[k] = igoi_claims_field(a, f, n, k);
    return send_line(s, csv, v, wrong_field_count(a, n));
}

static void *read_file(void *arg)
{
    csv_source *s = arg;
    igoi_csv csv = {.name = s->src.name, .errmsg = s->errmsg, .windows_1252 = s->windows_1252,
                    .on_record = on_record, .user = s};
    s->error = s->path ? igoi_csv_read_path(&csv, s->path)
                       : igoi_csv_read_buffer(&csv, s->data, s->size);
    /* after a failure, the lines before it are still counted (an earlier line's failure then
     * is the one reported: the first in file order) */
    if (s->error && s->block && s->block->len)
        igoi_pipe_push(&s->pipe);
    else if (!s->error && (s->block || (s->block = igoi_pipe_claim(&s->pipe)))) {
        s->block->last = 1;
        igoi_pipe_push(&s->pipe);
    }
    s->block = NULL;
    igoi_pipe_close(&s->pipe);
    return NULL;
}

/* ---- the calling thread: counting ---- */

static const char *get(const char *at, void *bytes, size_t n)
{
    memcpy(bytes, at, n);
    return at + n;
}

static igo_error count_block(igo_claims *c, igoi_source *src, const igoi_block *b)
{
    igo_error e = IGO_OK;
    for (const char *at = b->data, *end = b->data + b->len; at < end && !e;) {
        igoi_value v[IGO_CLAIM_COLUMNS];
        char wrong;
        at = get(get(at, &src->line, sizeof src->line), &wrong, 1);
        for (int k = 0; k < IGO_CLAIM_COLUMNS; k++) {
            v[k] = (igoi_value){{"", 0}, 0, 0};
            at = get(at, &v[k].text.n, sizeof(size_t));
            v[k].text.s = at, at += v[k].text.n + 1;
        }
        e = igoi_claims_line(c, src, v, wrong);
    }
    return e;
}

/* Counts every block until the reader's last; 1 when it came. */
static igo_error count_lines(csv_source *s, igoi_source *src, int *complete)
{
    igo_ticker ticker = igoi_ticker_start(s->c->progress);
    igoi_block *b;
    *complete = 0;
    while ((b = igoi_pipe_next(&s->pipe))) {
        src->done = b->done;
        igo_error e = count_block(s->c, src, b);
        int last = b->last;
        double done = b->done;
        igoi_pipe_done(&s->pipe);
        if (e)
            return e;
        if (last) {
            *complete = 1;
            return IGO_OK;
        }
        if (igoi_tick(&ticker, LINE_BLOCK, done))
            return igoi_fail(s->c->errmsg, IGO_ERROR_CANCELLED,
                             "%s: reading stopped by the progress callback", src->name);
    }
    return IGO_OK;
}

/* ---- reading ahead for the decimal convention (on the calling thread) ---- */

typedef struct {
    const struct igoi_agg *a;
    int header_done;
    igoi_convention found;
} lookahead;

static igo_error look_at(igoi_csv *csv, const igoi_field *f, size_t n)
{
    lookahead *l = csv->user;
    if (!l->header_done) {
        l->header_done = 1;
        return IGO_OK;
    }
    igoi_field values[2] = {igoi_claims_field(l->a, f, n, IGO_CLAIM_AMOUNT).text,
                            igoi_claims_field(l->a, f, n, IGO_CLAIM_UNITS).text};
    l->found = igoi_claims_reveals(values, 2);
    return l->found == IGOI_NO_CONVENTION ? IGO_OK : IGO_ERROR_CANCELLED; /* found: stop */
}

/* A fault met ahead is ignored here: the main read meets it where it lies. */
static igo_error look_ahead(igo_claims *c, igoi_source *src, igoi_convention *found)
{
    csv_source *s = src->ctx;
    lookahead l = {c->agg, 0, IGOI_NO_CONVENTION};
    char errmsg[IGO_ERRMSG_SIZE] = "";
    igoi_csv ahead = {.name = src->name, .errmsg = errmsg, .windows_1252 = s->windows_1252,
                      .delimiter = s->delimiter, .on_record = look_at, .user = &l};
    if (src->progress.fn)
        ahead.progress = (igo_callback){igoi_claims_progress_held, src};
    igo_error e = s->path ? igoi_csv_read_path(&ahead, s->path)
                          : igoi_csv_read_buffer(&ahead, s->data, s->size);
    *found = l.found;
    if (e == IGO_ERROR_CANCELLED && l.found == IGOI_NO_CONVENTION) /* stopped by the caller */
        return igoi_fail(src->errmsg, e, "%s", errmsg);
    return IGO_OK;
}

/* ---- the calls ---- */

/* Runs the reader thread and counts what it sends. */
static igo_error read_and_count(igo_claims *c, csv_source *s)
{
    if (igoi_pipe_init(&s->pipe, LINE_BLOCK))
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    pthread_t thread;
    if (igoi_thread_start(&thread, read_file, s)) {
        igoi_pipe_free(&s->pipe);
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of resources: cannot start a thread");
    }
    igoi_source counting = {s->src.name, c->errmsg, 1, 0, look_ahead, s, 0, c->progress};
    int complete;
    igo_error e = count_lines(s, &counting, &complete);
    igoi_pipe_abort(&s->pipe); /* frees the reader if it waits for room */
    pthread_join(thread, NULL);
    igoi_pipe_free(&s->pipe);
    if (!e && !complete) { /* the reader failed first */
        e = s->error ? s->error : IGO_ERROR_MEMORY;
        memcpy(c->errmsg, s->errmsg, IGO_ERRMSG_SIZE);
    }
    return e;
}

static igo_error read_claims(igo_claims *c, const char *name, const char *path, const char *data,
                             size_t size)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (!name || (!path && !data && size))
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_read_csv: no file given");
    igo_error e = igoi_claims_file(c, name);
    if (e)
        return e;
    csv_source *s = calloc(1, sizeof *s);
    if (!s)
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    *s = (csv_source){.c = c, .path = path, .data = data ? data : "", .size = size,
                      .windows_1252 = c->windows_1252};
    s->src = (igoi_source){name, s->errmsg, 1, 0, NULL, s, 0, {NULL, NULL}};
    e = read_and_count(c, s);
    free(s);
    if (!e && !c->agg->header_done)
        e = igoi_fail(c->errmsg, IGO_ERROR_VALUE, "%s: is empty: no header line", name);
    return igoi_claims_failed(c, e);
}

igo_error igo_claims_read_csv(igo_claims *c, const char *path)
{
    return read_claims(c, path, path, NULL, 0);
}

igo_error igo_claims_read_csv_buffer(igo_claims *c, const char *name, const char *data,
                                     size_t size)
{
    return read_claims(c, name, NULL, data, size);
}
