/* A streaming CSV reader: RFC 4180 quoting (delimiters, doubled quotes and line breaks inside
 * quotes), CRLF, LF or CR line ends, a last line without its end, a UTF-8 byte order mark,
 * Windows-1252 on request, the delimiter detected from the header line. Files come from other
 * organisations, so every malformation is refused with the file and line (an unterminated quote,
 * text after a closing quote, a NUL or control byte, invalid UTF-8, a UTF-16 file) and a
 * record is limited to IGO_CLAIMS_MAX_RECORD bytes and IGO_CLAIMS_MAX_FIELDS fields. Memory
 * stays at one chunk and one record. */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"

/* Chunks as large as the longest record, so that the header line lies in the first one. */
#define CHUNK ((size_t)IGO_CLAIMS_MAX_RECORD)

enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN };

struct igoi_csv_state {
    int mode;
    int in_record;  /* a byte of the current record was seen */
    int skip_lf;    /* the previous byte was a CR ending a record */
    int quoted_cr;  /* the previous byte was a CR inside quotes */
    uint64_t line;  /* the line being scanned */
    uint64_t quote_line; /* where the open quoted field began */
    igoi_buf rec;   /* the record's fields, each followed by its NUL */
    IGO_VEC(size_t) starts;
    IGO_VEC(igoi_field) fields;
    igoi_buf decoded; /* a chunk decoded from Windows-1252 */
    igo_ticker ticker;
};

/* ---- messages ---- */

static igo_error fail_at(igoi_csv *csv, igo_error code, uint64_t line, const char *what)
{
    return igoi_fail(csv->errmsg, code, "%s line %llu: %s", csv->name, (unsigned long long)line,
                     what);
}

static igo_error out_of_memory(igoi_csv *csv)
{
    return igoi_fail(csv->errmsg, IGO_ERROR_MEMORY, "out of memory");
}

/* ---- the record ---- */

/* Grows the record's buffer for n more bytes (the slow path of append). */
static igo_error grow_record(igoi_csv *csv, size_t n)
{
    igoi_buf *b = &csv->state->rec;
    if (b->n + n + 1 > (size_t)IGO_CLAIMS_MAX_RECORD)
        return fail_at(csv, IGO_ERROR_LIMIT, csv->line,
                       "a record longer than 1 MiB (a line without its end, or a quote left "
                       "open?)");
    b->v = igoi_grow(b->v, &b->cap, b->n + n + 1, 1);
    return b->cap < b->n + n + 1 ? out_of_memory(csv) : IGO_OK;
}

static inline igo_error append(igoi_csv *csv, const char *s, size_t n)
{
    igoi_buf *b = &csv->state->rec;
    igo_error e = b->n + n + 1 <= b->cap ? IGO_OK : grow_record(csv, n);
    if (e)
        return e;
    memcpy(b->v + b->n, s, n);
    b->n += n;
    return IGO_OK;
}

static igo_error end_field(igoi_csv *csv)
{
    struct igoi_csv_state *st = csv->state;
    static const char nul = '\0';
    if (st->starts.n >= IGO_CLAIMS_MAX_FIELDS)
        return fail_at(csv, IGO_ERROR_LIMIT, csv->line, "more than 1024 fields");
    igo_error e = append(csv, &nul, 1);
    if (e)
        return e;
    if (st->starts.n == st->starts.cap && IGO_VEC_ROOM(st->starts, 1))
        return out_of_memory(csv);
    st->starts.v[st->starts.n++] = st->rec.n; /* where the next field begins */
    st->mode = FIELD_START;
    return IGO_OK;
}

/* The length of the valid UTF-8 prefix of s[0..n). ASCII, the common case, is skipped eight
 * bytes at a time. */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint64_t word;
        if (i + 8 <= n && (memcpy(&word, s + i, 8), !(word & 0x8080808080808080u))) {
            i += 8;
            continue;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : s[i] >= 0xC2 ? 2 : 0;
        if (len == 0 || s[i] > 0xF4 || i + len > n)
            return i;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        if ((s[i] == 0xE0 && s[i + 1] < 0xA0) || (s[i] == 0xED && s[i + 1] >= 0xA0) ||
            (s[i] == 0xF0 && s[i + 1] < 0x90) || (s[i] == 0xF4 && s[i + 1] >= 0x90))
            return i; /* overlong, a surrogate, or beyond U+10FFFF */
        i += len;
    }
    return n;
}

static int blank(const igoi_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < f[i].n; k++)
            if (f[i].s[k] != ' ' && f[i].s[k] != '\t')
                return 0;
    return 1;
}

/* Hands the complete record over (unless blank) and starts the next. */
static igo_error end_record(igoi_csv *csv)
{
    struct igoi_csv_state *st = csv->state;
    igo_error e = end_field(csv);
    if (e)
        return e;
    if (!csv->windows_1252 && utf8_valid((unsigned char *)st->rec.v, st->rec.n) < st->rec.n)
        return fail_at(csv, IGO_ERROR_VALUE, csv->line,
                       "not valid UTF-8 (save the file as UTF-8 CSV, or read it as "
                       "windows-1252)");
    size_t n = st->starts.n;
    if (st->fields.cap < n && IGO_VEC_ROOM(st->fields, n))
        return out_of_memory(csv);
    for (size_t i = 0; i < n; i++) {
        size_t from = i ? st->starts.v[i - 1] : 0;
        st->fields.v[i] = (igoi_field){st->rec.v + from, st->starts.v[i] - from - 1};
    }
    if (!blank(st->fields.v, n) && (e = csv->on_record(csv, st->fields.v, n)))
        return e;
    st->rec.n = st->starts.n = 0;
    st->in_record = 0;
    st->mode = FIELD_START;
    return IGO_OK;
}

/* ---- scanning ---- */

/* Bytes that end a run of plain field text: controls (a tab is text unless it delimits). */
static int special(unsigned char c)
{
    return (c < 0x20 && c != '\t') || c == 0x7F;
}

static igo_error control_byte(igoi_csv *csv, unsigned char c)
{
    char what[96];
    snprintf(what, sizeof what, "a %s byte (0x%02X): not a text file, or a damaged one",
             c == 0 ? "NUL" : "control", c);
    return fail_at(csv, IGO_ERROR_VALUE, csv->state->line, what);
}

/* Starts a record at the byte being scanned. */
static void begin_record(igoi_csv *csv)
{
    struct igoi_csv_state *st = csv->state;
    st->in_record = 1;
    csv->line = st->line;
}

/* A line end outside quotes (c is '\n' or '\r'). */
static igo_error line_end(igoi_csv *csv, unsigned char c)
{
    struct igoi_csv_state *st = csv->state;
    igo_error e = st->in_record ? end_record(csv) : IGO_OK;
    st->line++;
    st->skip_lf = c == '\r';
    return e;
}

/* Scans plain text of an unquoted field from p[*i]: up to the delimiter or a special byte. */
static igo_error plain_run(igoi_csv *csv, const char *p, size_t n, size_t *i)
{
    size_t from = *i, k = from;
    while (k < n && p[k] != csv->delimiter && !special((unsigned char)p[k]))
        k++;
    *i = k;
    return append(csv, p + from, k - from);
}

static igo_error scan_quoted(igoi_csv *csv, unsigned char c)
{
    struct igoi_csv_state *st = csv->state;
    int after_cr = st->quoted_cr;
    st->quoted_cr = c == '\r';
    if (c == '"') {
        st->mode = QUOTE_SEEN;
        return IGO_OK;
    }
    /* a line break inside quotes: CRLF, LF or a lone CR (as outside them) is one line */
    if (c == '\r' || (c == '\n' && !after_cr))
        st->line++;
    if (special(c) && c != '\r' && c != '\n')
        return control_byte(csv, c);
    return append(csv, (const char *)&c, 1);
}

static igo_error scan_quote_seen(igoi_csv *csv, unsigned char c)
{
    struct igoi_csv_state *st = csv->state;
    if (c == '"') { /* a doubled quote */
        st->mode = QUOTED;
        return append(csv, "\"", 1);
    }
    if (c == (unsigned char)csv->delimiter)
        return end_field(csv);
    if (c == '\n' || c == '\r')
        return line_end(csv, c);
    return fail_at(csv, IGO_ERROR_VALUE, st->line,
                   "text after the closing quote of a field (a quote inside a quoted field "
                   "must be doubled)");
}

/* One byte outside quotes, other than plain text. */
static igo_error scan_other(igoi_csv *csv, unsigned char c)
{
    struct igoi_csv_state *st = csv->state;
    if (c == '\n' || c == '\r')
        return line_end(csv, c);
    if (!st->in_record)
        begin_record(csv);
    if (c == (unsigned char)csv->delimiter)
        return end_field(csv);
    if (c == '"' && st->mode == FIELD_START) {
        st->mode = QUOTED;
        st->quote_line = st->line;
        return IGO_OK;
    }
    if (special(c))
        return control_byte(csv, c);
    st->mode = UNQUOTED; /* a quote inside an unquoted field is kept as it is */
    return append(csv, (const char *)&c, 1);
}

static igo_error scan(igoi_csv *csv, const char *p, size_t n)
{
    struct igoi_csv_state *st = csv->state;
    igo_error e = IGO_OK;
    for (size_t i = 0; i < n && !e;) {
        unsigned char c = (unsigned char)p[i];
        if (st->skip_lf) {
            st->skip_lf = 0;
            if (c == '\n') {
                i++;
                continue;
            }
        }
        if ((st->mode == FIELD_START && c != '"') || st->mode == UNQUOTED) {
            if (c != (unsigned char)csv->delimiter && !special(c)) {
                if (!st->in_record)
                    begin_record(csv);
                st->mode = UNQUOTED;
                e = plain_run(csv, p, n, &i);
                continue;
            }
            e = scan_other(csv, c);
        } else if (st->mode == QUOTED) {
            e = scan_quoted(csv, c);
        } else if (st->mode == QUOTE_SEEN) {
            e = scan_quote_seen(csv, c);
        } else { /* FIELD_START at a quote */
            e = scan_other(csv, c);
        }
        i++;
    }
    return e;
}

/* The end of the input: the last record, unless a quote is left open. */
static igo_error scan_end(igoi_csv *csv)
{
    struct igoi_csv_state *st = csv->state;
    if (st->mode == QUOTED)
        return fail_at(csv, IGO_ERROR_VALUE, st->quote_line,
                       "a quoted field is never closed (a quote missing?)");
    return st->in_record ? end_record(csv) : IGO_OK;
}

/* ---- Windows-1252 ---- */

/* The code points of 0x80..0x9F; 0 where Windows-1252 defines none. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* Decodes a chunk into st->decoded (UTF-8), *p and *n then naming it. */
static igo_error decode_1252(igoi_csv *csv, const char **p, size_t *n)
{
    igoi_buf *d = &csv->state->decoded;
    d->v = igoi_grow(d->v, &d->cap, 3 * *n + 1, 1);
    if (d->cap < 3 * *n + 1)
        return out_of_memory(csv);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        unsigned char c = (unsigned char)(*p)[i];
        unsigned cp = c < 0x80 ? c : c < 0xA0 ? cp1252_high[c - 0x80] : c;
        if (cp == 0 && c) { /* decoded before scanning: its line counted here */
            char what[80];
            uint64_t line = csv->state->line;
            for (size_t j = 0; j < i; j++)
                line += (*p)[j] == '\n';
            snprintf(what, sizeof what, "byte 0x%02X is not a character in windows-1252", c);
            return fail_at(csv, IGO_ERROR_VALUE, line, what);
        }
        if (cp < 0x80)
            d->v[k++] = (char)cp;
        else if (cp < 0x800)
            d->v[k++] = (char)(0xC0 | cp >> 6), d->v[k++] = (char)(0x80 | (cp & 0x3F));
        else
            d->v[k++] = (char)(0xE0 | cp >> 12), d->v[k++] = (char)(0x80 | (cp >> 6 & 0x3F)),
            d->v[k++] = (char)(0x80 | (cp & 0x3F));
    }
    *p = d->v;
    *n = k;
    return IGO_OK;
}

/* ---- the start of a file ---- */

/* Refuses UTF-16 and skips a UTF-8 byte order mark; returns the bytes to skip, or -1. */
static long byte_order_mark(igoi_csv *csv, const unsigned char *p, size_t n)
{
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        igoi_fail(csv->errmsg, IGO_ERROR_VALUE,
                  "%s: is UTF-16 text: save it as UTF-8 CSV (or as CSV for windows-1252)",
                  csv->name);
        return -1;
    }
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        csv->windows_1252 = 0; /* the mark says UTF-8, whatever was asked */
        return 3;
    }
    return 0;
}

/* The delimiter of the header line: the most frequent of ';', tab and ',' outside quotes (';'
 * first on a tie, then tab), ';' when none occurs. -1 when the line does not end in the first
 * chunk of a longer file. */
static int detect_delimiter(const char *p, size_t n, int whole_file)
{
    size_t semi = 0, tab = 0, comma = 0, i = 0;
    int quoted = 0;
    for (; i < n && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
        if (p[i] == '"')
            quoted = !quoted;
        else if (!quoted)
            semi += p[i] == ';', tab += p[i] == '\t', comma += p[i] == ',';
    }
    if (i == n && !whole_file)
        return -1;
    if (semi >= tab && semi >= comma)
        return ';';
    return tab >= comma ? '\t' : ',';
}

/* Scans one chunk: decoding, then the state machine; reports progress. */
static igo_error feed(igoi_csv *csv, const char *p, size_t n, double done)
{
    csv->done = done;
    igo_error e = csv->windows_1252 ? decode_1252(csv, &p, &n) : IGO_OK;
    if (!e)
        e = scan(csv, p, n);
    if (!e && igoi_tick(&csv->state->ticker, n, done))
        return igoi_fail(csv->errmsg, IGO_ERROR_CANCELLED,
                         "%s: reading stopped by the progress callback", csv->name);
    return e;
}

/* The first chunk: byte order mark and delimiter, then scanned. */
static igo_error first_chunk(igoi_csv *csv, const char *p, size_t n, int whole, double done)
{
    long skip = byte_order_mark(csv, (const unsigned char *)p, n);
    if (skip < 0)
        return IGO_ERROR_VALUE;
    p += skip, n -= (size_t)skip;
    if (!csv->delimiter) {
        int d = detect_delimiter(p, n, whole);
        if (d < 0)
            return fail_at(csv, IGO_ERROR_LIMIT, 1, "a header line longer than 1 MiB");
        csv->delimiter = (char)d;
    }
    return feed(csv, p, n, done);
}

/* ---- sources ---- */

static igo_error start(igoi_csv *csv)
{
    csv->state = calloc(1, sizeof *csv->state);
    if (!csv->state)
        return out_of_memory(csv);
    csv->state->line = csv->line = 1;
    csv->state->ticker = igoi_ticker_start(csv->progress);
    return IGO_OK;
}

static void stop(igoi_csv *csv)
{
    struct igoi_csv_state *st = csv->state;
    if (!st)
        return;
    free(st->rec.v);
    free(st->starts.v);
    free(st->fields.v);
    free(st->decoded.v);
    free(st);
    csv->state = NULL;
}

igo_error igoi_csv_read_buffer(igoi_csv *csv, const char *data, size_t size)
{
    size_t at = 0;
    igo_error e = start(csv);
    for (int first = 1; !e && (first || at < size); first = 0) {
        size_t n = size - at < CHUNK ? size - at : CHUNK;
        double done = size ? (double)(at + n) / (double)size : 1;
        e = first ? first_chunk(csv, data + at, n, at + n == size, done)
                  : feed(csv, data + at, n, done);
        at += n;
    }
    if (!e)
        e = scan_end(csv);
    stop(csv);
    return e;
}

/* Opens a regular file (non-blocking, so a FIFO is refused rather than waited for). */
static int open_regular(igoi_csv *csv, const char *path, uint64_t *size)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        igoi_fail(csv->errmsg, IGO_ERROR_IO, "%s: cannot be opened: %s", path, strerror(errno));
        return -1;
    }
    int stat_failed = fstat(fd, &st) != 0;
    if (stat_failed || !S_ISREG(st.st_mode)) {
        igoi_fail(csv->errmsg, IGO_ERROR_IO, "%s: %s", path,
                  stat_failed ? strerror(errno) : S_ISDIR(st.st_mode) ? "is a directory"
                                                                      : "is not a regular file");
        close(fd);
        return -1;
    }
    *size = (uint64_t)st.st_size;
    return fd;
}

/* Reads up to n bytes (a full chunk unless the file ends). -1 on a read error. */
static ssize_t read_full(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static igo_error read_fd(igoi_csv *csv, int fd, uint64_t size, char *buf)
{
    uint64_t at = 0;
    for (int first = 1;; first = 0) {
        ssize_t n = read_full(fd, buf, CHUNK);
        if (n < 0)
            return igoi_fail(csv->errmsg, IGO_ERROR_IO, "%s: cannot be read: %s", csv->name,
                             strerror(errno));
        at += (uint64_t)n;
        double done = size ? (double)at / (double)size : 1;
        int whole = (size_t)n < CHUNK;
        igo_error e = first ? first_chunk(csv, buf, (size_t)n, whole, done)
                            : feed(csv, buf, (size_t)n, done);
        if (e || whole)
            return e;
    }
}

igo_error igoi_csv_read_path(igoi_csv *csv, const char *path)
{
    uint64_t size;
    int fd = open_regular(csv, path, &size);
    if (fd < 0)
        return IGO_ERROR_IO;
    char *buf = malloc(CHUNK);
    igo_error e = buf ? start(csv) : out_of_memory(csv);
    if (!e)
        e = read_fd(csv, fd, size, buf);
    if (!e)
        e = scan_end(csv);
    stop(csv);
    free(buf);
    close(fd);
    return e;
}
