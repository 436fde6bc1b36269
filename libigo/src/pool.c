/* A pool of distinct texts, each kept once and numbered in the order first met: the strings of a
 * sheet read into a table, the trajecten and providers of claim files. An open-addressing index
 * of the texts' hashes finds a text again; the hashes are kept, so the index grows without
 * hashing the texts again. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static uint32_t hash_text(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u ^ n; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return (uint32_t)(h ^ (h >> 32));
}

/* Rebuilds the index at twice the size, from the stored hashes. */
static int grow_slots(igoi_pool *p)
{
    size_t cap = p->slot_cap ? 2 * p->slot_cap : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t id = 0; id < p->hash.n; id++) {
        size_t i = p->hash.v[id] & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)id + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->slot_cap = cap;
    return 0;
}

static int add_text(igoi_pool *p, const char *s, size_t n, uint32_t h)
{
    static const char nul = '\0';
    if (!p->offset.n) {
        if (IGO_VEC_ROOM(p->offset, 1))
            return -1;
        p->offset.v[p->offset.n++] = 0;
    }
    size_t need = p->text.n + n + 1;
    if (need < n || IGO_VEC_ROOM(p->offset, 1) || IGO_VEC_ROOM(p->hash, 1))
        return -1;
    p->text.v = igoi_grow(p->text.v, &p->text.cap, need, 1);
    if (p->text.cap < need)
        return -1;
    memcpy(p->text.v + p->text.n, s, n);
    memcpy(p->text.v + p->text.n + n, &nul, 1);
    p->text.n = need;
    p->offset.v[p->offset.n++] = need;
    p->hash.v[p->hash.n++] = h;
    return 0;
}

/* The slot holding s[0..n) (hash h), or the free slot where it belongs. */
static size_t find_slot(const igoi_pool *p, const char *s, size_t n, uint32_t h)
{
    size_t mask = p->slot_cap - 1, i = h & mask;
    for (; p->slots[i]; i = (i + 1) & mask) {
        size_t id = p->slots[i] - 1;
        if (p->hash.v[id] == h && p->offset.v[id + 1] - p->offset.v[id] - 1 == n &&
            memcmp(p->text.v + p->offset.v[id], s, n) == 0)
            break;
    }
    return i;
}

int64_t igoi_pool_find(const igoi_pool *p, const char *s, size_t n)
{
    if (!p->slot_cap)
        return -1;
    size_t i = find_slot(p, s, n, hash_text(s, n));
    return p->slots[i] ? (int64_t)p->slots[i] - 1 : -1;
}

int64_t igoi_pool_intern(igoi_pool *p, const char *s, size_t n)
{
    if (2 * (p->hash.n + 1) > p->slot_cap && grow_slots(p))
        return -1;
    uint32_t h = hash_text(s, n);
    size_t i = find_slot(p, s, n, h);
    if (p->slots[i])
        return (int64_t)p->slots[i] - 1;
    if (p->hash.n >= UINT32_MAX - 1 || add_text(p, s, n, h))
        return -1;
    p->slots[i] = (uint32_t)p->hash.n;
    return (int64_t)p->hash.n - 1;
}

size_t igoi_pool_count(const igoi_pool *p)
{
    return p->hash.n;
}

const char *igoi_pool_text(const igoi_pool *p, size_t id, size_t *length)
{
    if (id >= p->hash.n)
        return NULL;
    if (length)
        *length = p->offset.v[id + 1] - p->offset.v[id] - 1;
    return p->text.v + p->offset.v[id];
}

void igoi_pool_free(igoi_pool *p)
{
    free(p->text.v);
    free(p->offset.v);
    free(p->hash.v);
    free(p->slots);
    memset(p, 0, sizeof *p);
}
