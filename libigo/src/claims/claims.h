/* Internal declarations of the claims pipeline (libigo/src/claims). Not installed. */
#ifndef IGO_CLAIMS_INTERNAL_H
#define IGO_CLAIMS_INTERNAL_H

#include "../internal.h"

/* Days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t igoi_day;

/* One row of the classification table, its texts owned by the table. */
typedef struct {
    char *code; /* normalised: no leading zeros */
    uint32_t discipline;
    int phase; /* 0 none, 1 prenataal, 2 nataal, 3 postnataal */
    int rank;
    uint32_t prestatie; /* an index into prestatie_ids (only when phase != 0) */
    int hourly;
} igoi_class;

struct igo_claims {
    char errmsg[IGO_ERRMSG_SIZE];
    igo_callback progress;
    int reading;  /* a claim file was read: the setters are closed */
    int finished; /* igo_claims_finish() succeeded */
    /* ---- options ---- */
    char *column_names[IGO_CLAIM_COLUMNS];
    int windows_1252;
    int has_from, has_to;
    igoi_day from, to;
    /* ---- the classification ---- */
    IGO_VEC(char *) prestatie_ids; /* referenced by the table, in first-met order */
    igo_strmap prestatie_index;
    IGO_VEC(char *) catalogue; /* the order of prestaties asked for; empty: the default */
    IGO_VEC(char *) discipline_ids;
    igo_strmap discipline_index;
    IGO_VEC(igoi_class) classes;
    igo_strmap class_index; /* normalised code -> class */
    /* ---- the aggregation (aggregate.c) and its results (results.c) ---- */
    struct igoi_agg *agg;
    struct igoi_results *results;
};

/* Frees the aggregation state and the results (aggregate.c). */
void igoi_claims_agg_free(igo_claims *c);

/* ---- values.c ---- */

/* Reads an ISO date ("2024-03-01") or a Dutch one ("01-03-2024", "1-3-2024") from s[0..n).
 * 0 on success. */
int igoi_parse_claim_date(const char *s, size_t n, igoi_day *out);

#endif
