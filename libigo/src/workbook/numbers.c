#define _POSIX_C_SOURCE 200809L /* close */
/* Numbers as their shortest text. libxlsxwriter writes every number cell and every formula's
 * cached value with %.16G, so the tariff 859.055 is written 859.0549999999999. Excel and
 * LibreOffice read that back as the same double, but Gnumeric reads decimals into a long double
 * and gets a number below 859.055, which a ROUND then takes to the cent below the core's. So once
 * the book is closed, its sheets are copied with every number value written as the shortest of
 * %.15G, %.16G and %.17G that reads back as the same double; the other members are copied as
 * their compressed bytes, in the same order, and text values (t="s", "str", "b", ...) are left
 * as they are.
 *
 * The sheets are scanned as text, not parsed: they are libxlsxwriter's XML, in which a '<' starts
 * markup and nothing else (text and attributes are escaped, there is no CDATA), so a cell is its
 * <c ...> tag and its value the text after <v> up to the next '<'. They stream in chunks; a cell's
 * tag or value cut by the end of a chunk is carried over to the next. */
#include <errno.h>
#include <locale.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../xlsx/reader.h"
#include "numbers.h"
#include "wb.h"

/* CARRY: more than a cell tag of libxlsxwriter's (under 60 bytes) and a value's NUMBER_MAX. A
 * member is our own output, but what it inflates to is held to the reader's IGO_XLSX_MAX_PART. */
enum { CHUNK = 1 << 16, CARRY = 256, NUMBER_MAX = 40 };

typedef struct copier {
    unzFile in;
    zipFile out;
    char *text;      /* CHUNK + CARRY bytes: the carried-over bytes, then the chunk read */
    char *queue;     /* CHUNK bytes of output waiting to be deflated (most pieces are small) */
    size_t kept;     /* bytes carried over at the start of text */
    size_t queued;   /* bytes waiting in queue */
    int numeric;     /* inside a <c> whose value is a number */
    int out_error;   /* the first error of writing the copy (a ZIP_ code), os_error its errno */
    int os_error;
    char point[8];   /* the locale's decimal separator, which snprintf writes */
    size_t point_len;
    const char *member; /* the member being copied, for messages */
    char *errmsg;
    const char *path;
    igo_ticker *tk;
} copier;

/* ---- the shortest text of a number ---- */

/* The significant digits of a number's text: from its first non-zero digit to its last, the
 * exponent left out ("0.0250" and "25E-3" have two). */
static int significant_digits(const char *s, size_t n)
{
    int from_first = 0, to_last = 0;
    for (size_t i = 0; i < n && s[i] != 'E' && s[i] != 'e'; i++) {
        if (s[i] < '0' || s[i] > '9' || (!from_first && s[i] == '0'))
            continue;
        from_first++;
        if (s[i] != '0')
            to_last = from_first;
    }
    return to_last;
}

/* Puts '.' for the locale's decimal separator in s[0..n) (a comma in a Dutch locale an
 * application may have set); returns the new length. */
static size_t c_point(const copier *c, char *s, size_t n)
{
    char *at = strstr(s, c->point);
    if (!at || (c->point_len == 1 && *at == '.'))
        return n;
    *at = '.';
    size_t after = n - (size_t)(at - s) - c->point_len;
    memmove(at + 1, at + c->point_len, after + 1);
    return n - c->point_len + 1;
}

/* Writes into out the shortest of %.15G, %.16G and %.17G that reads back as the double s[0..n)
 * reads as. Returns its length, or 0 to keep s: not a finite number in the XML's syntax, or of
 * at most 15 significant digits (any two such decimals are different doubles, so no shorter text
 * reads back as the same one). */
static size_t shortest(const copier *c, const char *s, size_t n, char *out, size_t size)
{
    double v, back;
    if (significant_digits(s, n) <= 15 || igoi_parse_number_n(s, n, &v) != 0)
        return 0;
    for (int digits = 15; digits <= 17; digits++) {
        int len = snprintf(out, size, "%.*G", digits, v);
        if (len <= 0 || (size_t)len >= size)
            return 0;
        size_t m = c_point(c, out, (size_t)len);
        if (igoi_parse_number_n(out, m, &back) == 0 && back == v)
            return m;
    }
    return 0;
}

/* ---- writing the copy ---- */

static void write_out(copier *c, const char *s, size_t n)
{
    if (!c->out_error && n && (c->out_error = zipWriteInFileInZip(c->out, s, (unsigned)n)))
        c->os_error = errno;
}

static void flush(copier *c)
{
    write_out(c, c->queue, c->queued);
    c->queued = 0;
}

/* Appends s[0..n) to the member being written: through the queue, so that zlib is not called
 * for every few bytes between two numbers. */
static void emit(copier *c, const char *s, size_t n)
{
    if (c->queued + n > CHUNK)
        flush(c);
    if (n > CHUNK) {
        write_out(c, s, n);
        return;
    }
    memcpy(c->queue + c->queued, s, n);
    c->queued += n;
}

/* ---- scanning a sheet ---- */

/* Whether the cell tag s[0..n) (from "<c" to its '>') holds a number: no t attribute or t="n",
 * and not an empty element "<c .../>". */
static int numeric_cell(const char *s, size_t n)
{
    if (n < 3 || s[n - 2] == '/')
        return 0;
    for (size_t i = 2; i + 5 < n; i++)
        if (s[i] == ' ' && s[i + 1] == 't' && s[i + 2] == '=' && s[i + 3] == '"')
            return s[i + 4] == 'n' && s[i + 5] == '"';
    return 1;
}

/* At a cell tag p[0..avail): its length (c->numeric set), or 0 when it is cut by the chunk's
 * end. A tag longer than CARRY is none of libxlsxwriter's cells: it is passed over. */
static size_t cell_tag(copier *c, const char *p, size_t avail, int last)
{
    const char *gt = memchr(p, '>', avail < CARRY ? avail : CARRY);
    if (!gt && !last && avail < CARRY)
        return 0;
    c->numeric = gt && numeric_cell(p, (size_t)(gt - p) + 1);
    return gt ? (size_t)(gt - p) + 1 : 1;
}

/* At the <v> at s[i] of a number cell: writes what precedes it from *from and the shortest
 * number in place of the value, and returns where the value ends; i when it is cut by the
 * chunk's end. A value without its end within NUMBER_MAX bytes is no number: it is kept. */
static size_t value(copier *c, const char *s, size_t i, size_t n, size_t *from, int last)
{
    const char *v = s + i + 3;
    size_t avail = n - i - 3;
    const char *end = memchr(v, '<', avail < NUMBER_MAX ? avail : NUMBER_MAX);
    if (!end && !last && avail < NUMBER_MAX)
        return i;
    c->numeric = 0;
    if (!end)
        return i + 3;
    char out[40];
    size_t len = shortest(c, v, (size_t)(end - v), out, sizeof out);
    if (len) {
        emit(c, s + *from, (size_t)(v - s) - *from);
        emit(c, out, len);
        *from = (size_t)(end - s);
    }
    return (size_t)(end - s);
}

/* At the '<' at s[i]: where the scan goes on after it, or i when more text is needed. */
static size_t markup(copier *c, const char *s, size_t i, size_t n, size_t *from, int last)
{
    const char *p = s + i;
    size_t avail = n - i;
    if (avail < 4 && !last)
        return i; /* "<c ", "</c>" and "<v>" are told apart by their first four bytes */
    if (avail >= 3 && p[1] == 'c' && (p[2] == ' ' || p[2] == '>'))
        return i + cell_tag(c, p, avail, last);
    if (avail >= 4 && memcmp(p, "</c>", 4) == 0) {
        c->numeric = 0;
        return i + 4;
    }
    if (c->numeric && avail >= 3 && memcmp(p, "<v>", 3) == 0)
        return value(c, s, i, n, from, last);
    return i + 1;
}

/* Copies s[0..n) with each number value shortened. Returns how many bytes it took: the rest, a
 * cell's tag or value cut by the chunk's end, waits for the next chunk (none when last). */
static size_t copy_text(copier *c, const char *s, size_t n, int last)
{
    size_t i = 0, from = 0;
    const char *lt;
    while ((lt = memchr(s + i, '<', n - i))) {
        size_t at = (size_t)(lt - s);
        if ((i = markup(c, s, at, n, &from, last)) == at)
            break;
    }
    if (!lt)
        i = n;
    emit(c, s + from, i - from);
    return i;
}

/* ---- the members ---- */

static void put_sheet(copier *c, size_t got, int last)
{
    size_t n = c->kept + got, used = copy_text(c, c->text, n, last);
    c->kept = n - used;
    memmove(c->text, c->text + used, c->kept);
    if (last)
        flush(c);
}

static void put_raw(copier *c, size_t got, int last)
{
    (void)last;
    write_out(c, c->text, got);
}

static igo_error write_failed(copier *c)
{
    if (c->out_error == ZIP_ERRNO)
        return igoi_fail(c->errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", c->path,
                         strerror(c->os_error));
    return igoi_fail(c->errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s: zip error %d",
                     c->path, c->member, c->out_error);
}

static igo_error read_failed(copier *c, int rc)
{
    return igoi_fail(c->errmsg, IGO_ERROR_IO,
                     "%s: the written workbook does not read back (%s: zip error %d)", c->path,
                     c->member, rc);
}

/* Reads the open member to its end, handing each chunk to put; refuses a member beyond
 * IGO_XLSX_MAX_PART and stops when the ticker asks. */
static igo_error pump(copier *c, void (*put)(copier *c, size_t got, int last))
{
    uint64_t total = 0;
    int got;
    c->kept = c->queued = 0, c->numeric = 0;
    do {
        if ((got = unzReadCurrentFile(c->in, c->text + c->kept, CHUNK)) < 0)
            return read_failed(c, got);
        if ((total += (uint64_t)got) > IGO_XLSX_MAX_PART)
            return igoi_fail(c->errmsg, IGO_ERROR_LIMIT, "%s: %s inflates beyond %d bytes",
                             c->path, c->member, IGO_XLSX_MAX_PART);
        if (igoi_tick(c->tk, (uint64_t)got, (double)WB_SHEETS / (WB_SHEETS + 1)))
            return igoi_fail(c->errmsg, IGO_ERROR_CANCELLED, "%s: stopped; no workbook written",
                             c->path);
        put(c, (size_t)got, got == 0);
    } while (got > 0 && !c->out_error);
    return c->out_error ? write_failed(c) : IGO_OK;
}

static int is_sheet(const char *name)
{
    static const char prefix[] = "xl/worksheets/sheet";
    size_t n = strlen(name), p = sizeof prefix - 1;
    return n > p + 4 && strncmp(name, prefix, p) == 0 && !strchr(name + p, '/') &&
           strcmp(name + n - 4, ".xml") == 0;
}

/* Copies the current member: a sheet inflated, rewritten and deflated again (with its method and
 * level), any other as its raw compressed bytes with its size and CRC. The date and attributes
 * are kept; libxlsxwriter writes no extra fields or comments. */
static igo_error copy_member(copier *c)
{
    unz_file_info64 info;
    char name[256];
    c->member = "a member";
    int rc = unzGetCurrentFileInfo64(c->in, &info, name, sizeof name, NULL, 0, NULL, 0);
    if (rc != UNZ_OK || info.size_filename >= sizeof name)
        return read_failed(c, rc);
    c->member = name;
    int sheet = is_sheet(name), method = 0, level = 0;
    if ((rc = unzOpenCurrentFile2(c->in, &method, &level, !sheet)) != UNZ_OK)
        return read_failed(c, rc);
    zip_fileinfo zi = {.dosDate = info.dosDate, .internal_fa = info.internal_fa,
                       .external_fa = info.external_fa};
    igo_error e = IGO_OK;
    if ((c->out_error = zipOpenNewFileInZip2_64(c->out, name, &zi, NULL, 0, NULL, 0, NULL,
                                                method, level, !sheet, 0)))
        e = write_failed(c);
    if (!e)
        e = pump(c, sheet ? put_sheet : put_raw);
    rc = unzCloseCurrentFile(c->in); /* UNZ_CRCERROR when a sheet inflated wrong */
    if (!e && rc != UNZ_OK)
        e = read_failed(c, rc);
    rc = sheet ? zipCloseFileInZip(c->out)
               : zipCloseFileInZipRaw64(c->out, info.uncompressed_size, info.crc);
    if (!e && rc != ZIP_OK) {
        c->os_error = errno, c->out_error = rc;
        e = write_failed(c);
    }
    return e;
}

static igo_error copy_members(copier *c)
{
    igo_error e = IGO_OK;
    int rc = unzGoToFirstFile(c->in);
    while (!e && rc == UNZ_OK) {
        e = copy_member(c);
        rc = e ? rc : unzGoToNextFile(c->in);
    }
    c->member = "the zip directory";
    return e ? e : rc != UNZ_END_OF_LIST_OF_FILE ? read_failed(c, rc) : IGO_OK;
}

/* ---- the copy as a whole ---- */

static igo_error open_copier(copier *c, const char *tmp, const char *copy)
{
    const char *point = localeconv()->decimal_point;
    size_t len = point ? strlen(point) : 0;
    if (len == 0 || len >= sizeof c->point)
        point = ".", len = 1; /* then a number that does not read back is kept as it was */
    memcpy(c->point, point, len + 1);
    c->point_len = len;
    c->text = malloc(CHUNK + CARRY);
    c->queue = malloc(CHUNK);
    if (!c->text || !c->queue)
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (!(c->in = unzOpen64(tmp)))
        return igoi_fail(c->errmsg, IGO_ERROR_IO,
                         "%s: the written workbook is not a complete zip file", c->path);
    if (!(c->out = zipOpen64(copy, APPEND_STATUS_CREATE)))
        return igoi_fail(c->errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", c->path,
                         strerror(errno));
    return IGO_OK;
}

/* Finishes the copy (its central directory) and frees everything; returns e or the first
 * failure of closing. */
static igo_error close_copier(copier *c, igo_error e)
{
    int rc = c->out ? zipClose(c->out, NULL) : ZIP_OK;
    if (!e && rc != ZIP_OK) {
        c->member = "the zip directory", c->os_error = errno, c->out_error = rc;
        e = write_failed(c);
    }
    if (c->in)
        unzClose(c->in);
    free(c->text);
    free(c->queue);
    return e;
}

igo_error igoi_wb_short_numbers(char *errmsg, const char *tmp, const char *path, igo_ticker *tk)
{
    char *copy;
    int fd;
    igo_error e = igoi_temp_file(errmsg, path, &copy, &fd);
    if (e)
        return e;
    close(fd); /* minizip opens it by name */
    copier c = {.errmsg = errmsg, .path = path, .tk = tk, .member = "the zip"};
    e = open_copier(&c, tmp, copy);
    e = e ? e : copy_members(&c);
    e = close_copier(&c, e);
    if (!e && rename(copy, tmp) != 0)
        e = igoi_fail(errmsg, IGO_ERROR_IO, "%s: cannot write the workbook: %s", path,
                      strerror(errno));
    if (e)
        remove(copy);
    free(copy);
    return e;
}
