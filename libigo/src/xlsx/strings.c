/* The shared-string table (sharedStrings.xml): each <si> is a plain <t> or rich-text runs
 * <r><t>, joined; phonetic runs <rPh> are a reading aid, not part of the text. The declared
 * count is not trusted: the table grows as strings arrive. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

typedef struct {
    igoi_strings *table;
    int in_si, in_t;
    unsigned rph; /* depth inside <rPh> */
} strings_state;

/* Closes string i: its terminating NUL is counted in text, and offset gets the next start. */
static void close_string(igoi_xml *x, igoi_strings *s)
{
    static const char nul = '\0';
    if (igoi_xml_append(x, &s->text, &nul, 1))
        return;
    if (IGO_VEC_ROOM(s->offset, 1)) {
        igoi_xml_fail(x, IGO_ERROR_MEMORY, "out of memory");
        return;
    }
    s->offset.v[s->offset.n++] = s->text.n;
}

static void strings_start(igoi_xml *x, const char *name, const char **attrs)
{
    strings_state *st = x->user;
    (void)attrs;
    if (strcmp(name, "si") == 0) {
        if (st->in_si)
            igoi_xml_fail(x, IGO_ERROR_VALUE, "<si> inside <si>");
        else if (st->table->offset.n - 1 >= (size_t)IGO_XLSX_MAX_STRINGS)
            igoi_xml_fail(x, IGO_ERROR_LIMIT, "more than %d shared strings",
                          IGO_XLSX_MAX_STRINGS);
        st->in_si = 1;
    } else if (strcmp(name, "rPh") == 0)
        st->rph++;
    else if (strcmp(name, "t") == 0 && st->in_si && !st->rph)
        st->in_t = 1;
}

static void strings_end(igoi_xml *x, const char *name)
{
    strings_state *st = x->user;
    if (strcmp(name, "si") == 0) {
        st->in_si = 0;
        close_string(x, st->table);
    } else if (strcmp(name, "rPh") == 0)
        st->rph--;
    else if (strcmp(name, "t") == 0)
        st->in_t = 0;
}

static void strings_text(igoi_xml *x, const char *s, size_t len)
{
    strings_state *st = x->user;
    if (st->in_t)
        igoi_xml_append(x, &st->table->text, s, len);
}

igo_error igoi_strings_read(igo_xlsx *book, const char *member)
{
    igoi_strings *s = &book->strings;
    /* offset[0] = 0 is there even without a table, so that the count is offset.n - 1. */
    if (IGO_VEC_ROOM(s->offset, 1))
        return igoi_fail(book->errmsg, IGO_ERROR_MEMORY, "out of memory");
    s->offset.v[s->offset.n++] = 0;
    if (!member)
        return IGO_OK;
    strings_state st = {s, 0, 0, 0};
    igoi_xml x = {.book = book, .where = member, .lines = 1, .user = &st, .start = strings_start,
                  .end = strings_end, .text = strings_text};
    return igoi_xml_parse(&x, member, NULL);
}

void igoi_strings_free(igoi_strings *s)
{
    free(s->text.v);
    free(s->offset.v);
    memset(s, 0, sizeof *s);
}
