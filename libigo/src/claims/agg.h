/* The state of an aggregation and its results (aggregate.c, finish.c, results.c). Not
 * installed. */
#ifndef IGO_CLAIMS_AGG_H
#define IGO_CLAIMS_AGG_H

#include "claims.h"

/* The lines of traject-phases, kept until every line of a traject is known: per traject-phase a
 * list of (code, lines, money) and a list of providers. Entries live in blocks that never move,
 * so the store grows without copying what it holds. */
#define IGOI_BLOCK_BITS 12
#define IGOI_BLOCK ((size_t)1 << IGOI_BLOCK_BITS)

typedef struct {
    uint32_t next[IGOI_BLOCK]; /* the next entry of the list + 1; 0 ends it */
    uint32_t key[IGOI_BLOCK];  /* the class, or the provider */
    uint32_t lines[IGOI_BLOCK];
    int64_t cents[IGOI_BLOCK];
} igoi_entries;

typedef struct {
    IGO_VEC(igoi_entries *) blocks;
    size_t n;
} igoi_store;

/* A traject-phase: its most complex class so far (-1 none) and its two lists (index + 1). */
typedef struct {
    int32_t best;
    uint32_t codes, providers;
} igoi_phase;

/* A line kept as an example of a reason. */
typedef struct {
    uint32_t file;
    uint64_t line;
} igoi_example;

struct igoi_agg {
    /* ---- the file being read ---- */
    int column[IGO_CLAIM_COLUMNS]; /* field index, -1 absent */
    size_t header_fields;
    int header_done;
    igoi_convention convention;
    uint64_t convention_line;
    const char *path; /* the source, for the convention's look-ahead */
    const char *data;
    size_t size;
    /* ---- everything read ---- */
    IGO_VEC(char *) files;
    igo_claims_totals totals;
    uint64_t reason_rows[IGO_CLAIM_REASONS];
    int64_t reason_cents[IGO_CLAIM_REASONS];
    igoi_example examples[IGO_CLAIM_REASONS][IGO_CLAIMS_EXAMPLES];
    size_t example_count[IGO_CLAIM_REASONS];
    igoi_pool trajecten;
    IGO_VEC(igoi_phase) phases; /* 3 per traject */
    igoi_store codes, providers_of;
    /* per provider: income, and per discipline money and lines; per prestatie hours */
    igoi_pool providers;
    IGO_VEC(int64_t) income;
    IGO_VEC(int64_t) provider_money; /* o * D + d */
    IGO_VEC(uint64_t) provider_lines;
    IGO_VEC(int64_t) provider_hours; /* o * P + p, hundredths */
    /* per prestatie and discipline, per class and prestatie (hour lines added as read) */
    int64_t *money;      /* p * D + d */
    int64_t *production; /* p, hundredths */
    int64_t *history_count, *history_cents; /* k * P + p; counts in hundredths */
    /* ---- the results (igo_claims_finish) ---- */
    int64_t *volume; /* p * O + o, hundredths */
    size_t volume_providers;
    IGO_VEC(uint32_t) history; /* k * P + p of each history line, in the results' order */
    uint32_t *provider_discipline, *provider_disciplines;
};

/* Frees what only reading needs: the traject-phases and their lines (aggregate.c). */
void igoi_claims_agg_release(struct igoi_agg *a);

#endif
