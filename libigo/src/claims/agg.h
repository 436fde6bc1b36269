/* The state of an aggregation and its results (aggregate.c, finish.c, results.c). Not
 * installed. */
#ifndef IGO_CLAIMS_AGG_H
#define IGO_CLAIMS_AGG_H

#include "claims.h"
#include "csv.h"

/* The lines of traject-phases, kept until every line of a traject is known: per traject-phase a
 * list of (code, lines, money) and a list of its providers. Entries live in blocks of
 * IGOI_BLOCK that never move, so a store grows without copying what it holds; they are kept
 * small (16 and 8 bytes) as there is about one per line of a traject-phase. */
#define IGOI_BLOCK_BITS 12
#define IGOI_BLOCK ((size_t)1 << IGOI_BLOCK_BITS)
/* The most lines one code entry counts; more start another entry of the same code. */
#define IGOI_ENTRY_LINES UINT16_MAX

typedef struct {
    uint32_t next;  /* the next entry of the list + 1; 0 ends it */
    uint16_t key;   /* the class (at most IGO_CLAIMS_MAX_CODES) */
    uint16_t lines; /* up to IGOI_ENTRY_LINES */
    int64_t cents;
} igoi_code_entry;

typedef struct {
    uint32_t next; /* as above */
    uint32_t key;  /* the provider */
} igoi_member;

typedef struct {
    IGO_VEC(char *) blocks;
    size_t n, size; /* entries used; the size of one */
} igoi_store;

/* Entry i of a store. */
static inline void *igoi_store_at(const igoi_store *s, size_t i)
{
    return s->blocks.v[i >> IGOI_BLOCK_BITS] + (i & (IGOI_BLOCK - 1)) * s->size;
}

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

/* A value of a claim line: text (trimmed; empty when absent), or a spreadsheet's number. */
typedef struct {
    igoi_field text;
    int is_number;
    double number;
} igoi_value;

/* Where lines come from: a CSV file or a sheet. */
typedef struct igoi_source igoi_source;
struct igoi_source {
    const char *name;
    char *errmsg;  /* where the reading side's messages go (IGO_ERRMSG_SIZE bytes) */
    uint64_t line; /* of the line being handled */
    int date1904;  /* a sheet's date system */
    /* Reads the source again from its start for the first value in the amount or units column
     * that shows the decimal convention (*found: IGOI_NO_CONVENTION when none does). Only the
     * progress callback's stop is a failure (IGO_ERROR_CANCELLED, message in errmsg). */
    igo_error (*look_ahead)(igo_claims *c, igoi_source *s, igoi_convention *found);
    void *ctx;
    double done;           /* the fraction of the source read so far, for progress reports */
    igo_callback progress; /* the caller's, for a look-ahead */
};

struct igoi_agg {
    /* ---- the file being read ---- */
    int column[IGO_CLAIM_COLUMNS]; /* field index, -1 absent */
    size_t header_fields;
    int header_done;
    igoi_convention convention;
    uint64_t convention_line;
    /* ---- everything read ---- */
    IGO_VEC(char *) files;
    igo_claims_totals totals;
    uint64_t reason_rows[IGO_CLAIM_REASONS];
    int64_t reason_cents[IGO_CLAIM_REASONS];
    igoi_example examples[IGO_CLAIM_REASONS][IGO_CLAIMS_EXAMPLES];
    size_t example_count[IGO_CLAIM_REASONS];
    uint64_t magnitude_cents, magnitude_units; /* the sums of |cents|, |hundredths| (+100) */
    uint64_t attempted, attempted_before;      /* lines handed to counting: all, before the file */
    igoi_pool trajecten;
    IGO_VEC(igoi_phase) phases; /* 3 per traject */
    igoi_store codes, providers_of; /* of igoi_code_entry, igoi_member */
    /* per provider: income, and per discipline money and lines; per prestatie hours */
    igoi_pool providers;
    IGO_VEC(int64_t) income;
    IGO_VEC(int64_t) provider_money; /* o * D + d */
    IGO_VEC(uint64_t) provider_lines;
    IGO_VEC(int64_t) provider_hours; /* o * P + p, hundredths */
    IGO_VEC(uint32_t) last_phase;    /* the traject-phase o was last added to, + 1 */
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

/* The decimal convention the first of n amount or units texts to show one shows (a look-ahead's
 * test of each line), or IGOI_NO_CONVENTION. */
igoi_convention igoi_claims_reveals(const igoi_field *values, size_t n);

/* A progress callback for a look-ahead (data: its igoi_source): the caller's callback with the
 * read's progress as it stood, so that the bar holds still and the look-ahead can be stopped. */
int igoi_claims_progress_held(void *data, double done);

/* Handles the header of a file (fields: its names), then each line (its values by column;
 * wrong_count: the line has another number of fields than the header). */
igo_error igoi_claims_header(igo_claims *c, igoi_source *src, const igoi_field *f, size_t n);
igo_error igoi_claims_line(igo_claims *c, igoi_source *src, const igoi_value *v, int wrong_count);

/* A line read and typed, not yet counted: the two halves of igoi_claims_line, so that reading
 * and counting may run on two threads. reason is IGO_CLAIM_REASONS for a line to classify. */
typedef struct {
    uint64_t line;
    igo_claim_reason reason;
    uint32_t k; /* the class */
    int amount_ok;
    int64_t cents, units;
} igoi_parsed;

/* Reads the values of a line (the reading side: the file's convention, its messages in
 * src->errmsg). */
igo_error igoi_claims_parse(igo_claims *c, igoi_source *src, const igoi_value *v, int wrong_count,
                            igoi_parsed *out);
/* Counts a line read: set aside, or classified with its traject and provider. */
igo_error igoi_claims_apply(igo_claims *c, igoi_source *src, const igoi_parsed *line,
                            const igoi_field *traject, const igoi_field *provider);
/* The name of column k: the user's or the default. */
const char *igoi_claims_column_name(const igo_claims *c, int k);
/* Marks the aggregation as failed when e is an error met after some line of the file was handed
 * to counting (its lines are then partly counted); returns e. */
igo_error igoi_claims_failed(igo_claims *c, igo_error e);
/* Begins a file: reading opened, its name kept for the examples, its convention unknown. */
igo_error igoi_claims_file(igo_claims *c, const char *name);
/* The value of column k of a CSV record (text, trimmed). */
igoi_value igoi_claims_field(const struct igoi_agg *a, const igoi_field *f, size_t n, int k);

/* Frees what only reading needs: the traject-phases and their lines (aggregate.c). */
void igoi_claims_agg_release(struct igoi_agg *a);

#endif
