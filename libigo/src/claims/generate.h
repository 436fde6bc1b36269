/* The synthetic claims generator's parts (generate.c writes the file, generate_mix.c holds the
 * claim codes, their tariffs and the care paths). Not installed. */
#ifndef IGO_CLAIMS_GENERATE_H
#define IGO_CLAIMS_GENERATE_H

#include "claims.h"

/* xoshiro256** (Blackman and Vigna): fast, and seeded from the caller's seed alone, so the same
 * seed gives the same file on every machine. */
typedef struct igoi_rng {
    uint64_t s[4];
} igoi_rng;

static inline uint64_t igoi_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t igoi_rng_next(igoi_rng *r)
{
    uint64_t *s = r->s, out = igoi_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0], s[3] ^= s[1], s[1] ^= s[2], s[0] ^= s[3], s[2] ^= t;
    s[3] = igoi_rotl(s[3], 45);
    return out;
}

/* Seeds from *seed with splitmix64 (which also advances *seed, for the next stream). */
static inline void igoi_rng_seed(igoi_rng *r, uint64_t *seed)
{
    for (int i = 0; i < 4; i++) {
        uint64_t z = (*seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        r->s[i] = z ^ (z >> 31);
    }
}

/* Uniform in 0 .. n-1 (n > 0), by a multiply instead of a division (Lemire); the bias of at most
 * n / 2^32 does not matter for test data. */
static inline uint32_t igoi_rng_below(igoi_rng *r, uint32_t n)
{
    return (uint32_t)(((igoi_rng_next(r) >> 32) * n) >> 32);
}

/* 1 with probability permille / 1000. */
static inline int igoi_rng_chance(igoi_rng *r, uint32_t permille)
{
    return igoi_rng_below(r, 1000) < permille;
}

/* The disciplines of the default classification, as the generator's providers have them. */
enum { IGOI_VERLOSKUNDE, IGOI_KRAAMZORG, IGOI_ZIEKENHUIS, IGOI_DISCIPLINES };

/* Who in a traject claims a line: its midwifery practice (and a second one, when the woman moved
 * to another practice during the pregnancy), its hospital, its kraamzorg organisation (and a second
 * one that takes over part of the hours). */
enum {
    IGOI_ROLE_PRACTICE,
    IGOI_ROLE_PRACTICE2,
    IGOI_ROLE_HOSPITAL,
    IGOI_ROLE_KRAAMZORG,
    IGOI_ROLE_KRAAMZORG2,
    IGOI_ROLES
};

/* A claim code of the default classification with its tariff. */
typedef struct igoi_gen_code {
    const char *code;
    int32_t cents; /* the tariff of a line, or of an hour for an hour code */
    uint8_t len;   /* of code */
    uint8_t discipline;
    uint8_t hourly; /* eenheid = uur: aantal is the hours, the amount hours times the tariff */
} igoi_gen_code;

extern const igoi_gen_code igoi_gen_codes[];

/* One claim line of a care path. */
typedef struct igoi_gen_line {
    uint16_t code;   /* an index into igoi_gen_codes */
    uint8_t role;    /* IGOI_ROLE_PRACTICE ... */
    uint16_t day;    /* the date of care: a day of the year, 0 is 1 January */
    uint16_t halves; /* an hour code's hours times 2; 0 otherwise */
} igoi_gen_line;

/* The most lines one care path has (the paths stay far below it). */
enum { IGOI_GEN_MAX_LINES = 64 };

/* Draws one pregnancy's care path: its claim lines in the order of care, dated in a year of ndays
 * days. Returns the number of lines (at least 1). */
size_t igoi_gen_path(igoi_rng *r, int ndays, igoi_gen_line *out);

#endif
