/* Internal declarations of the transition clauses (libigo/src/transition). Not installed. */
#ifndef IGO_TRANSITION_INTERNAL_H
#define IGO_TRANSITION_INTERNAL_H

#include "../internal.h"

/* One year's inputs. */
typedef struct igoi_transition_year {
    int year;
    double share;   /* of income still matched to history, 0..1 */
    int64_t *model; /* cents per provider */
} igoi_transition_year;

struct igo_transition {
    char errmsg[IGO_ERRMSG_SIZE];
    size_t n;
    char **ids;
    int64_t *history;   /* cents per provider */
    int64_t *guarantee; /* cents per provider, -1 for none */
    double down, up;    /* the maximum decrease and increase, fractions; -1 for none */
    IGO_VEC(igoi_transition_year) years;
};

struct igo_transition_result {
    size_t n, years;
    int *year;
    int64_t *pot;
    int64_t *figures; /* year x column x provider */
    uint8_t *bounds;  /* year x provider */
    size_t *rounds;
    size_t *splits; /* of the rounds, those after the cent split (the workbook sizes its own) */
};

/* One year's work: the inputs, and where its figures go. */
typedef struct igoi_transition_run {
    const igo_transition *t;
    size_t y;
    int64_t pot, previous_pot;
    const int64_t *previous_paid; /* NULL in the first year */
    int64_t *col[IGO_TRANSITION_COLUMNS];
    uint8_t *bound;
    size_t *rounds, *splits;
    /* scratch, n each */
    double *weight;
    int64_t *part;
    size_t *index;
    uint8_t *fixed;
} igoi_transition_run;

/* base x (1 + sign x limit) in whole cents, exactly: the limit counts in basis points (0.01 %)
 * and half a cent rounds up. Exact arithmetic, not base * (1 + limit) in floating point, whose
 * ties (a 5 % cap on EUR 252,416.10 is EUR 265,036.905) each spreadsheet engine rounds its own
 * way; the workbook computes the same in whole cents. */
int64_t igoi_transition_bound(int64_t base, double limit, int sign);

/* A part of the target's split in cents: ROUND(ROUND(P * w / sum * 10^6; 0) / 10^4; 0), P in EUR.
 * The weights m * H + (1 - m) * T sum to the pot, so a part is the weight itself: with the share
 * in whole percents or basis points a number of at most 6 decimals, and often a half cent
 * exactly (0.33 x 464,867.95 + 0.67 x 499,660.45 = 488,178.925). ROUND(P * w / sum; 2) leaves
 * such a tie to floating point's noise, which each engine rounds its own way (Gnumeric computes
 * in long double and rounds without LibreOffice's 15 digits); whole micro-euros first make it
 * exact, half a cent rounded up. The workbook computes the same. */
int64_t igoi_transition_target_part(double pot, double w, double sum);

/* A copy of t's inputs (NULL when out of memory): to compute without writing t's message. */
igo_transition *igoi_transition_copy(const igo_transition *t);

/* Computes one year (transition_year.c): history scaled, target, base, bounds, paid. Errors go
 * to the transition's message. */
igo_error igoi_transition_year_compute(igoi_transition_run *run, char *errmsg);

#endif
