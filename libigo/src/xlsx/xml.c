/* expat, set up for untrusted parts: no document type declaration (so no entity is ever declared,
 * expanded or fetched), a nesting limit, UTF-8 or UTF-16 only, errors named with part and line. */
#include <expat.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* expat allocates through the library's own malloc, so that allocation failures are tested
 * (libigo/tests/test_alloc.c) like the core's. */
static void *xml_malloc(size_t n)
{
    return malloc(n);
}

static void *xml_realloc(void *p, size_t n)
{
    return realloc(p, n);
}

static void xml_free(void *p)
{
    free(p);
}

void igoi_xml_fail(igoi_xml *x, igo_error code, const char *fmt, ...)
{
    if (x->error)
        return;
    char what[IGO_ERRMSG_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (x->lines)
        igoi_fail(x->book->errmsg, code, "%s: %s line %lu: %s", x->book->path, x->where,
                  (unsigned long)XML_GetCurrentLineNumber(x->parser), what);
    else
        igoi_fail(x->book->errmsg, code, "%s: %s %s", x->book->path, x->where, what);
    x->error = code;
    XML_StopParser(x->parser, XML_FALSE);
}

const char *igoi_local(const char *name)
{
    const char *local = name;
    for (const char *p = name; *p; p++)
        if (*p == ':')
            local = p + 1;
    return local;
}

const char *igoi_xml_attr(const char **attrs, const char *name)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(igoi_local(attrs[i]), name) == 0)
            return attrs[i + 1];
    return NULL;
}

int igoi_xml_append(igoi_xml *x, igoi_buf *buf, const char *s, size_t len)
{
    if (len > SIZE_MAX - buf->n - 1 ||
        (buf->v = igoi_grow(buf->v, &buf->cap, buf->n + len + 1, 1), buf->cap < buf->n + len + 1)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return -1;
    }
    memcpy(buf->v + buf->n, s, len);
    buf->n += len;
    buf->v[buf->n] = '\0';
    return 0;
}

const char *igoi_quote(char *out, const char *s)
{
    size_t n = igoi_utf8_fit(s, IGOI_QUOTE);
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
    strcpy(out + n, s[n] ? "..." : "");
    return out;
}

static void on_start(void *data, const char *name, const char **attrs)
{
    igoi_xml *x = data;
    if (++x->depth > IGO_XLSX_MAX_DEPTH) {
        igoi_xml_fail(x, IGO_ERROR_LIMIT, "elements nest deeper than %d", IGO_XLSX_MAX_DEPTH);
        return;
    }
    if (!x->error)
        x->start(x, igoi_local(name), attrs);
}

static void on_end(void *data, const char *name)
{
    igoi_xml *x = data;
    if (!x->error)
        x->end(x, igoi_local(name));
    x->depth--;
}

static void on_text(void *data, const char *s, int len)
{
    igoi_xml *x = data;
    if (!x->error && x->text)
        x->text(x, s, (size_t)len);
}

/* A DOCTYPE is where entities are declared: refusing it refuses billion laughs and external
 * entities before any declaration is read. The entity handler is a second lock. */
static void on_doctype(void *data, const char *name, const char *sysid, const char *pubid,
                       int has_internal)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    igoi_xml_fail(data, IGO_ERROR_VALUE, "a document type declaration (DOCTYPE) is not allowed");
}

static void on_entity(void *data, const char *name, int is_param, const char *value, int len,
                      const char *base, const char *sysid, const char *pubid,
                      const char *notation)
{
    (void)name, (void)is_param, (void)value, (void)len, (void)base, (void)sysid, (void)pubid;
    (void)notation;
    igoi_xml_fail(data, IGO_ERROR_VALUE, "an entity declaration is not allowed");
}

static void on_decl(void *data, const char *version, const char *encoding, int standalone)
{
    (void)version, (void)standalone;
    char q[IGOI_QUOTE + 4];
    if (encoding && strncasecmp(encoding, "utf-8", 6) != 0 && strncasecmp(encoding, "utf-16", 6))
        igoi_xml_fail(data, IGO_ERROR_VALUE, "the encoding '%s' is not UTF-8 or UTF-16",
                      igoi_quote(q, encoding));
}

static XML_Parser create(igoi_xml *x)
{
    static const XML_Memory_Handling_Suite suite = {xml_malloc, xml_realloc, xml_free};
    XML_Parser p = XML_ParserCreate_MM(NULL, &suite, NULL);
    if (!p)
        return NULL;
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity);
    XML_SetXmlDeclHandler(p, on_decl);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    return p;
}

/* Whether a part starts as UTF-32 does ('<' or a byte order mark in four bytes): expat knows no
 * UTF-32 and would call it malformed, which sends the user looking for the wrong fault. */
static int utf32(const char *data, size_t len)
{
    static const char marks[4][4] = {{0, 0, '\xFE', '\xFF'}, {'\xFF', '\xFE', 0, 0},
                                     {0, 0, 0, '<'}, {'<', 0, 0, 0}};
    for (size_t i = 0; len >= 4 && i < 4; i++)
        if (memcmp(data, marks[i], 4) == 0)
            return 1;
    return 0;
}

static igo_error feed(void *ctx, const char *data, size_t len, int last)
{
    igoi_xml *x = ctx;
    if (x->fed == 0 && utf32(data, len)) {
        igoi_xml_fail(x, IGO_ERROR_VALUE, "the encoding UTF-32 is not UTF-8 or UTF-16");
        return x->error;
    }
    x->fed += len;
    if (XML_Parse(x->parser, data, (int)len, last) == XML_STATUS_OK)
        return IGO_OK;
    if (x->error) /* a handler's error, already recorded */
        return x->error;
    enum XML_Error code = XML_GetErrorCode(x->parser);
    if (code == XML_ERROR_NO_MEMORY) {
        x->error = IGO_ERROR_MEMORY;
        return igoi_fail(x->book->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    x->error = IGO_ERROR_VALUE;
    return igoi_fail(x->book->errmsg, IGO_ERROR_VALUE, "%s: %s line %lu: malformed XML: %s",
                     x->book->path, x->where,
                     (unsigned long)XML_GetCurrentLineNumber(x->parser), XML_ErrorString(code));
}

igo_error igoi_xml_parse(igoi_xml *x, const char *member, igo_ticker *ticker)
{
    x->depth = 0;
    x->error = IGO_OK;
    x->fed = 0;
    x->parser = create(x);
    if (!x->parser)
        return igoi_fail(x->book->errmsg, IGO_ERROR_MEMORY, "out of memory");
    igo_error e = igoi_zip_read(x->book, member, x->where, feed, x, ticker);
    XML_ParserFree(x->parser);
    x->parser = NULL;
    return e;
}
