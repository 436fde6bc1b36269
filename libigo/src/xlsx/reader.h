/* Internal declarations of the xlsx reader (libigo/src/xlsx). Not installed. */
#ifndef IGO_XLSX_READER_H
#define IGO_XLSX_READER_H

#include <minizip/unzip.h>

#include "../internal.h"
#include "pipe.h"

/* Parts inflate in chunks of this size; each chunk is checked against the limits before it is
 * parsed, so a zip bomb is stopped after at most one chunk beyond a limit. */
#define IGOI_CHUNK 65536
/* Below this many inflated bytes a part is not held to IGO_XLSX_MAX_RATIO: small parts of
 * repetitive XML legitimately compress very well. */
#define IGOI_RATIO_FLOOR ((uint64_t)1 << 20)
/* The most bytes of an untrusted value quoted in a message. */
#define IGOI_QUOTE 40

typedef struct igoi_sheet {
    char *name, *part; /* part: the member's name in the zip, e.g. "xl/worksheets/sheet1.xml" */
} igoi_sheet;

typedef struct igoi_name {
    char *name, *formula;
} igoi_name;

/* The shared strings: string i is text + offset[i], NUL-terminated, offset[i + 1] - 1 bytes long
 * (offset has one more entry than there are strings once the table is complete). */
typedef struct igoi_strings {
    igoi_buf text;
    IGO_VEC(size_t) offset;
} igoi_strings;

struct igo_xlsx {
    char *path; /* as given to igo_xlsx_open; NULL when no workbook is open */
    unzFile zip;
    int date1904;
    IGO_VEC(igoi_sheet) sheets;
    IGO_VEC(igoi_name) names;
    igoi_strings strings;
    igo_callback progress;
    char errmsg[IGO_ERRMSG_SIZE];
};

/* ---- zip.c: the container ---- */

/* Checks the file is a regular, non-empty zip (naming an .xls, encrypted workbook, .xlsb or .ods)
 * and opens it into book->zip. */
igo_error igoi_zip_open(igo_xlsx *book, const char *path);
/* Whether the zip holds a member of that name (case-insensitively, as OPC names compare). */
int igoi_zip_has(igo_xlsx *book, const char *member);

/* Receives a member's bytes chunk by chunk; last is 1 on the final call (len may be 0). Returns
 * IGO_OK to go on; otherwise the sink has recorded the message. */
typedef igo_error (*igoi_sink)(void *ctx, const char *data, size_t len, int last);

/* Streams a member to sink, checking IGO_XLSX_MAX_PART and IGO_XLSX_MAX_RATIO while inflating
 * (on a thread of its own, so that inflating and parsing use both cores) and the CRC at the
 * end; where names the member in messages. sink runs on the calling thread. ticker may be
 * NULL. */
igo_error igoi_zip_read(igo_xlsx *book, const char *member, const char *where, igoi_sink sink,
                        void *ctx, igo_ticker *ticker);

/* ---- xml.c: expat, hardened ---- */

typedef struct igoi_xml igoi_xml;
struct igoi_xml {
    igo_xlsx *book;
    const char *where; /* the part or sheet, for messages */
    int lines;         /* 1: messages from handlers name the line */
    void *user;        /* the handlers' state */
    /* Element names are passed without their namespace prefix ("x:row" is "row"). */
    void (*start)(igoi_xml *x, const char *name, const char **attrs);
    void (*end)(igoi_xml *x, const char *name);
    void (*text)(igoi_xml *x, const char *s, size_t len); /* may be NULL */
    /* filled in by igoi_xml_parse */
    void *parser;
    unsigned depth;
    igo_error error;
    uint64_t fed; /* bytes given to expat so far */
};

/* Parses a member with x's handlers. */
igo_error igoi_xml_parse(igoi_xml *x, const char *member, igo_ticker *ticker);
/* Records the first error of a parse ("<file>: <where>[ line N]: <message>") and stops it. */
void igoi_xml_fail(igoi_xml *x, igo_error code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A name without its namespace prefix ("x:row" is "row"). */
const char *igoi_local(const char *name);
/* The value of the attribute with that local name, or NULL. */
const char *igoi_xml_attr(const char **attrs, const char *name);
/* Appends len bytes to a text buffer (NUL-terminated, not counted in n); fails the parse when out
 * of memory. Returns 0 on success. */
int igoi_xml_append(igoi_xml *x, igoi_buf *buf, const char *s, size_t len);
/* Copies at most IGOI_QUOTE bytes of an untrusted value into out (IGOI_QUOTE + 4 bytes), control
 * characters replaced, "..." marking a cut. */
const char *igoi_quote(char *out, const char *s);

/* ---- book.c, strings.c, sheet.c ---- */

igo_error igoi_book_read(igo_xlsx *book);
/* Reads the shared strings from member (none when member is NULL). */
igo_error igoi_strings_read(igo_xlsx *book, const char *member);
void igoi_strings_free(igoi_strings *s);
/* ASCII case-insensitive equality, as Excel compares sheet and defined names. */
int igoi_same_name(const char *a, const char *b);

/* ---- cellref.c ---- */

/* Parses "B7" into 0-based row and column. Returns 0, or -1 when malformed, -2 when beyond
 * XFD1048576. */
int igoi_cellref_parse(const char *s, uint32_t *row, uint32_t *column);
/* Parses a decimal number in the XML's syntax (no locale, no "inf" or hex), correctly rounded,
 * blanks around it allowed. 0 on success. */
int igoi_parse_number(const char *s, double *out);
/* The same for s[0..n). */
int igoi_parse_number_n(const char *s, size_t n, double *out);
/* Whether c is blank as XML counts it. */
static inline int igoi_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
/* Parses an ISO 8601 date, date-time or time into a serial number. 0 on success. */
int igoi_parse_date(const char *s, int date1904, double *out);

#endif
