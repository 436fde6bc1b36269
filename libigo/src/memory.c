/* Growable arrays and owned strings. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *igoi_grow(void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return items;
    size_t grown = *cap ? *cap : 8;
    while (grown < need) {
        if (grown > SIZE_MAX / 2)
            return items;
        grown *= 2;
    }
    if (grown > SIZE_MAX / size)
        return items;
    void *p = realloc(items, grown * size);
    if (!p)
        return items;
    *cap = grown;
    return p;
}

char *igoi_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}
