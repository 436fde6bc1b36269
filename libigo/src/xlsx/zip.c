/* The zip container: what the file is, and members streamed with the zip-bomb limits checked
 * while they inflate. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader.h"

static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

/* Reads the first bytes of a regular file. Opened non-blocking and checked with fstat, so a FIFO
 * or a device is refused without waiting for a writer. Returns the bytes read, or -1 (message
 * recorded). */
static long sniff(igo_xlsx *book, const char *path, unsigned char *head, size_t size)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: cannot be opened: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    long got = -1;
    if (fstat(fd, &st) != 0)
        igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: cannot be read: %s", path, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: is a directory, not an xlsx file", path);
    else if (!S_ISREG(st.st_mode))
        igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: is not a regular file", path);
    else {
        ssize_t n = read(fd, head, size);
        if (n < 0)
            igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: cannot be read: %s", path,
                      strerror(errno));
        got = n;
    }
    close(fd);
    return got;
}

/* Whether an OLE compound file holds the stream of an encrypted OOXML package: its directory
 * names "EncryptionInfo" in UTF-16LE. The directory may lie anywhere, so the first 32 MiB are
 * searched (chunks overlap by the name's length); an .xls has no such stream. */
static int ole_encrypted(const char *path)
{
    static const char name[] = "EncryptionInfo";
    enum { NAME = 2 * (sizeof name - 1), LIMIT = 32 << 20 };
    char wide[NAME];
    for (size_t i = 0; i < NAME; i++)
        wide[i] = i % 2 ? '\0' : name[i / 2];
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    char *buf = fd < 0 ? NULL : malloc(IGOI_CHUNK + NAME);
    size_t kept = 0, seen = 0;
    int found = 0;
    ssize_t got;
    while (buf && !found && seen < LIMIT && (got = read(fd, buf + kept, IGOI_CHUNK)) > 0) {
        size_t n = kept + (size_t)got;
        for (size_t i = 0; !found && i + NAME <= n; i++)
            found = buf[i] == 'E' && memcmp(buf + i, wide, NAME) == 0;
        kept = n < NAME ? n : NAME - 1;
        memmove(buf, buf + n - kept, kept);
        seen += (size_t)got;
    }
    free(buf);
    if (fd >= 0)
        close(fd);
    return found;
}

/* Names the formats that are not an xlsx zip, from the first bytes. */
static igo_error check_magic(igo_xlsx *book, const char *path, const unsigned char *head,
                             long n)
{
    if (n == 0)
        return igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: is empty: not an xlsx (zip) file",
                         path);
    if (n >= 8 && memcmp(head, ole_magic, 8) == 0 && ole_encrypted(path))
        return igoi_fail(book->errmsg, IGO_ERROR_IO,
                         "%s: the workbook is encrypted (it has a password): save it as .xlsx "
                         "without a password", path);
    if (n >= 8 && memcmp(head, ole_magic, 8) == 0)
        return igoi_fail(book->errmsg, IGO_ERROR_IO,
                         "%s: the workbook is encrypted or an old .xls: save it as .xlsx "
                         "without a password", path);
    if (n < 4 || head[0] != 'P' || head[1] != 'K')
        return igoi_fail(book->errmsg, IGO_ERROR_IO, "%s: not an xlsx (zip) file", path);
    return IGO_OK;
}

/* Collects a small member (the .ods mimetype) into a buffer. */
typedef struct {
    char text[96];
    size_t n;
} small_text;

static igo_error collect(void *ctx, const char *data, size_t len, int last)
{
    small_text *s = ctx;
    (void)last;
    size_t room = sizeof s->text - 1 - s->n;
    len = len < room ? len : room;
    memcpy(s->text + s->n, data, len);
    s->n += len;
    s->text[s->n] = '\0';
    return IGO_OK;
}

/* Names the other zip formats a user may hand over by mistake. */
static igo_error check_kind(igo_xlsx *book, const char *path)
{
    if (igoi_zip_has(book, "xl/workbook.bin"))
        return igoi_fail(book->errmsg, IGO_ERROR_IO,
                         "%s: is an .xlsb (binary) workbook: save it as .xlsx", path);
    if (igoi_zip_has(book, "mimetype")) {
        small_text s = {"", 0};
        igo_error e = igoi_zip_read(book, "mimetype", "mimetype", collect, &s, NULL);
        if (e)
            return e;
        if (strstr(s.text, "opendocument"))
            return igoi_fail(book->errmsg, IGO_ERROR_IO,
                             "%s: is an OpenDocument (.ods) file: save it as .xlsx", path);
    }
    if (!igoi_zip_has(book, "xl/workbook.xml"))
        return igoi_fail(book->errmsg, IGO_ERROR_IO,
                         "%s: has no part xl/workbook.xml: not an xlsx workbook", path);
    return IGO_OK;
}

igo_error igoi_zip_open(igo_xlsx *book, const char *path)
{
    unsigned char head[8];
    long n = sniff(book, path, head, sizeof head);
    if (n < 0)
        return IGO_ERROR_IO;
    igo_error e = check_magic(book, path, head, n);
    if (e)
        return e;
    book->zip = unzOpen64(path);
    if (!book->zip)
        return igoi_fail(book->errmsg, IGO_ERROR_IO,
                         "%s: is a corrupt or truncated zip (no central directory)", path);
    return check_kind(book, path);
}

int igoi_zip_has(igo_xlsx *book, const char *member)
{
    return unzLocateFile(book->zip, member, 2) == UNZ_OK; /* 2: case-insensitive */
}

/* The limits on one part, checked against what has inflated so far. */
static igo_error check_size(char *errmsg, const char *path, const char *where, uint64_t total,
                            uint64_t compressed)
{
    if (total > (uint64_t)IGO_XLSX_MAX_PART)
        return igoi_fail(errmsg, IGO_ERROR_LIMIT, "%s: %s inflates beyond %d bytes", path, where,
                         IGO_XLSX_MAX_PART);
    if (total > IGOI_RATIO_FLOOR && total / IGO_XLSX_MAX_RATIO > compressed)
        return igoi_fail(errmsg, IGO_ERROR_LIMIT,
                         "%s: %s inflates more than %d times its compressed size of %llu bytes "
                         "(a zip bomb?)", path, where, IGO_XLSX_MAX_RATIO,
                         (unsigned long long)compressed);
    return IGO_OK;
}

/* The inflating thread: chunks of the open member into the pipe, each checked against the
 * limits before it is handed on. Its failure and message are its own until it is joined. */
typedef struct {
    igo_xlsx *book;
    const unz_file_info64 *info;
    const char *where;
    igoi_pipe pipe;
    igo_error error;
    char errmsg[IGO_ERRMSG_SIZE];
} inflater;

static void *inflate_member(void *arg)
{
    inflater *in = arg;
    uint64_t total = 0;
    igoi_block *b;
    while ((b = igoi_pipe_claim(&in->pipe))) {
        int got = unzReadCurrentFile(in->book->zip, b->data, IGOI_CHUNK);
        if (got < 0) {
            in->error = igoi_fail(in->errmsg, IGO_ERROR_IO, "%s: %s is corrupt (zip error %d)",
                                  in->book->path, in->where, got);
            break;
        }
        total += (uint64_t)got;
        in->error = check_size(in->errmsg, in->book->path, in->where, total,
                               in->info->compressed_size);
        if (in->error)
            break;
        b->len = (size_t)got;
        b->last = got == 0;
        b->done = in->info->uncompressed_size ? (double)total / in->info->uncompressed_size : 0;
        igoi_pipe_push(&in->pipe);
        if (got == 0)
            break;
    }
    igoi_pipe_close(&in->pipe);
    return NULL;
}

/* Hands the inflated chunks to sink until the last, a failure on either side, or the ticker
 * asks to stop. Returns the sink's or the ticker's failure; *ended is set when the last chunk
 * was handed over (otherwise, without a failure here, the inflating thread failed). */
static igo_error drain(inflater *in, igoi_sink sink, void *ctx, igo_ticker *ticker, int *ended)
{
    igoi_block *b;
    *ended = 0;
    while ((b = igoi_pipe_next(&in->pipe))) {
        igo_error e = sink(ctx, b->data, b->len, b->last);
        size_t len = b->len;
        double done = b->done;
        *ended = b->last;
        igoi_pipe_done(&in->pipe);
        if (e || *ended)
            return e;
        if (ticker && igoi_tick(ticker, (uint64_t)len, done))
            return igoi_fail(in->book->errmsg, IGO_ERROR_CANCELLED, "%s: %s: reading stopped "
                             "by the progress callback", in->book->path, in->where);
    }
    return IGO_OK;
}

/* The inflate loop of an open member, on a thread of its own. */
static igo_error pump(inflater *in, igoi_sink sink, void *ctx, igo_ticker *ticker)
{
    char *errmsg = in->book->errmsg;
    pthread_t thread;
    if (igoi_pipe_init(&in->pipe, IGOI_CHUNK))
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (igoi_thread_start(&thread, inflate_member, in)) {
        igoi_pipe_free(&in->pipe);
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of resources: cannot start a thread");
    }
    int ended;
    igo_error e = drain(in, sink, ctx, ticker, &ended);
    igoi_pipe_abort(&in->pipe); /* frees the thread if it waits for room */
    pthread_join(thread, NULL);
    igoi_pipe_free(&in->pipe);
    if (!e && !ended) {
        e = in->error ? in->error : IGO_ERROR_IO;
        memcpy(errmsg, in->errmsg, IGO_ERRMSG_SIZE);
    }
    return e;
}

igo_error igoi_zip_read(igo_xlsx *book, const char *member, const char *where, igoi_sink sink,
                        void *ctx, igo_ticker *ticker)
{
    char *errmsg = book->errmsg;
    unz_file_info64 info;
    if (unzLocateFile(book->zip, member, 2) != UNZ_OK)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: the part %s is missing", book->path, member);
    if (unzGetCurrentFileInfo64(book->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: %s: corrupt zip directory entry",
                         book->path, where);
    /* The declared size is untrusted (the loop checks what really inflates), but a declared
     * size beyond the limit is refused before any work. */
    igo_error e = check_size(errmsg, book->path, where, info.uncompressed_size,
                             info.compressed_size);
    if (e)
        return e;
    if (info.flag & 1)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: %s is encrypted", book->path, where);
    if (unzOpenCurrentFile(book->zip) != UNZ_OK)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: %s cannot be inflated (corrupt zip)",
                         book->path, where);
    inflater in = {.book = book, .info = &info, .where = where};
    e = pump(&in, sink, ctx, ticker);
    int closed = unzCloseCurrentFile(book->zip); /* UNZ_CRCERROR when the data was altered */
    if (!e && closed == UNZ_CRCERROR)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: %s is corrupt (CRC mismatch)", book->path,
                         where);
    if (!e && closed != UNZ_OK)
        return igoi_fail(errmsg, IGO_ERROR_IO, "%s: %s is corrupt (zip error %d)", book->path,
                         where, closed);
    return e;
}
