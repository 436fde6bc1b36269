/* Internal declarations of the claims pipeline (libigo/src/claims). Not installed. */
#ifndef IGO_CLAIMS_INTERNAL_H
#define IGO_CLAIMS_INTERNAL_H

#include "../internal.h"

/* Days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t igoi_day;

/* One row of the classification table; its code is the same index in the table's code pool. */
typedef struct {
    uint32_t discipline; /* an index into discipline_ids */
    int phase;           /* 0 none, 1 prenataal, 2 nataal, 3 postnataal */
    int rank;
    int hourly;
    char *prestatie_id; /* NULL when phase is none and not hourly */
    uint32_t prestatie; /* its index in prestaties, once reading began */
} igoi_class;

struct igo_claims {
    char errmsg[IGO_ERRMSG_SIZE];
    igo_callback progress;
    int reading;  /* a claim file was read: options and table are fixed */
    int finished; /* igo_claims_finish() succeeded */
    int failed;   /* a file failed part way: its totals are incomplete */
    /* ---- options ---- */
    char *column_names[IGO_CLAIM_COLUMNS];
    int windows_1252;
    int convention; /* an igoi_convention: the decimal sign given, or none (per file) */
    int has_from, has_to;
    igoi_day from, to;
    IGO_VEC(char *) catalogue; /* the order asked for; empty: the default catalogue's */
    /* ---- the classification ---- */
    igoi_pool codes; /* normalised; code i is class i */
    IGO_VEC(igoi_class) classes;
    igoi_pool disciplines; /* in the order the table names them */
    IGO_VEC(char *) prestaties; /* the catalogue order, fixed when reading begins */
    /* ---- the aggregation (aggregate.c) and its results (results.c) ---- */
    struct igoi_agg *agg;
    struct igoi_results *results;
};

/* Fixes the options and the table when the first claim file is read: the prestaties' order,
 * each class's prestatie in it. IGO_ERROR_UNKNOWN for a prestatie the catalogue lacks. */
igo_error igoi_claims_begin(igo_claims *c);

/* Frees the aggregation state and the results (aggregate.c). */
void igoi_claims_agg_free(igo_claims *c);

/* ---- values.c ---- */

/* Narrows s[0..n) to leave out surrounding blanks (spaces and tabs). Inline: it runs for every
 * field of every line. */
static inline void igoi_trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* How a file writes numbers: Dutch "1.234,56" or English "1,234.56". */
typedef enum { IGOI_NO_CONVENTION, IGOI_DUTCH, IGOI_ENGLISH } igoi_convention;
typedef enum { IGOI_NUMBER, IGOI_NOT_A_NUMBER, IGOI_UNDECIDED } igoi_number;

/* Reads an amount or a count in hundredths: an optional "€", a sign, digits with thousands
 * separators and at most two decimals (more only as zeros), in the file's convention conv.
 * *revealed receives the convention the notation itself shows (IGOI_NO_CONVENTION for none).
 * IGOI_UNDECIDED: conv is not known and the text reads differently in each ("1.234"). */
igoi_number igoi_parse_amount(const char *s, size_t n, igoi_convention conv, int64_t *hundredths,
                              igoi_convention *revealed);
/* Writes the code s[0..n) as the table keys it: without surrounding blanks and, when all digits,
 * without leading zeros. Returns its length, 0 when empty or longer than size - 1. */
size_t igoi_normalise_code(const char *s, size_t n, char *out, size_t size);
/* Reads an ISO date ("2024-03-01") or a Dutch one ("01-03-2024", "1-3-2024") from s[0..n).
 * 0 on success. */
int igoi_parse_claim_date(const char *s, size_t n, igoi_day *out);

#endif
