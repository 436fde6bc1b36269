/* Checking the texts that enter the core (ids, names, labels). Everything the core keeps ends up
 * in messages, CSV tables and workbook XML, so it must be valid UTF-8 that XML 1.0 can hold, and
 * no longer than a spreadsheet cell takes. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The code point starting at s (n bytes left), its length in *len; -1 for invalid UTF-8
 * (overlong forms, surrogates and values beyond U+10FFFF included). */
static long decode_utf8(const unsigned char *s, size_t n, size_t *len)
{
    static const long min_of[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t k = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
             : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (k == 0 || k > n)
        return -1;
    long cp = k == 1 ? s[0] : s[0] & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min_of[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = k;
    return cp;
}

/* No control characters: XML 1.0 cannot hold most of them, and a tab or line break in a name
 * would break the one-line messages and the CSV tables. U+FFFE and U+FFFF are not XML either. */
static int allowed(long cp)
{
    return cp >= 0x20 && cp != 0x7F && cp != 0xFFFE && cp != 0xFFFF;
}

igo_error igoi_check_text(char *errmsg, const char *text, igo_text kind, const char *what)
{
    int id = kind == IGO_TEXT_ID;
    if (!text)
        return igoi_fail(errmsg, IGO_ERROR_ARGUMENT, "%s is missing (NULL)", what);
    if (kind != IGO_TEXT_LABEL && !*text)
        return igoi_fail(errmsg, IGO_ERROR_ARGUMENT, "%s is empty", what);
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text), units = 0, max = id ? IGO_MAX_ID_CHARS : IGO_MAX_TEXT_CHARS;
    for (size_t at = 0, chars = 1; at < n; chars++) {
        size_t len;
        long cp = decode_utf8(s + at, n - at, &len);
        if (cp < 0)
            return igoi_fail(errmsg, IGO_ERROR_VALUE,
                            "%s is not valid UTF-8 text (byte 0x%02X at character %zu)", what,
                            s[at], chars);
        if (!allowed(cp))
            return igoi_fail(errmsg, IGO_ERROR_VALUE,
                            "%s holds the control character U+%04lX at character %zu (a "
                            "workbook cannot hold it)", what, cp, chars);
        units += cp > 0xFFFF ? 2 : 1; /* a spreadsheet counts UTF-16 units */
        at += len;
    }
    if (units > max)
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "%s is %zu characters long; %s at most %zu", what,
                        units, id ? "an id takes" : "a spreadsheet cell holds", max);
    return IGO_OK;
}

size_t igoi_utf8_fit(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--; /* back to the start of a character */
    return max;
}

void igoi_utf8_repair(char *s)
{
    size_t n = strlen(s);
    for (size_t at = 0, len; at < n; at += len)
        if (decode_utf8((unsigned char *)s + at, n - at, &len) < 0)
            s[at] = '?', len = 1;
}
