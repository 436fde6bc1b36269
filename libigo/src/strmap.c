/* An open-addressing hash index from string ids to positions, so that looking up one of many
 * thousands of providers stays O(1). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* The slot holding key, or the empty slot where it belongs. */
static size_t find_slot(const igo_strmap *map, const char *key)
{
    size_t mask = map->cap - 1, i = hash(key) & mask;
    while (map->keys[i] && strcmp(map->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

static int grow(igo_strmap *map)
{
    igo_strmap bigger = {0};
    bigger.cap = map->cap ? map->cap * 2 : 16;
    bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
    bigger.index = malloc(bigger.cap * sizeof *bigger.index);
    if (!bigger.keys || !bigger.index) {
        igoi_strmap_free(&bigger);
        return -1;
    }
    for (size_t i = 0; i < map->cap; i++) {
        if (map->keys[i]) {
            size_t slot = find_slot(&bigger, map->keys[i]);
            bigger.keys[slot] = map->keys[i];
            bigger.index[slot] = map->index[i];
        }
    }
    bigger.used = map->used;
    igoi_strmap_free(map);
    *map = bigger;
    return 0;
}

int igoi_strmap_put(igo_strmap *map, const char *key, size_t index)
{
    if ((map->used + 1) * 2 > map->cap && grow(map) != 0)
        return -1;
    size_t slot = find_slot(map, key);
    if (!map->keys[slot])
        map->used++;
    map->keys[slot] = key;
    map->index[slot] = index;
    return 0;
}

size_t igoi_strmap_get(const igo_strmap *map, const char *key)
{
    if (!map->cap)
        return (size_t)-1;
    size_t slot = find_slot(map, key);
    return map->keys[slot] ? map->index[slot] : (size_t)-1;
}

void igoi_strmap_free(igo_strmap *map)
{
    free(map->keys);
    free(map->index);
    memset(map, 0, sizeof *map);
}
