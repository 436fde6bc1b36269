/* Random regions for property tests: any number of prestaties, disciplines and providers, tariffs
 * with ties at the third decimal, direct or historical keys, outside activities and costs. Every
 * discipline with a key in a prestatie gets a provider with volume there, so each region is valid
 * unless its costs exceed a prestatie's income. */
#ifndef IGO_RANDOM_REGION_H
#define IGO_RANDOM_REGION_H

#include "../src/internal.h"
#include "check.h"

igo_model *random_region(igo_rng *r);
/* The first random region that distributes. */
igo_model *random_distributable_region(igo_rng *r);
/* A transition of m's providers over three years on m's own distribution: a history up to
 * 40 % off the model, limits of 5 % and 8 %, a guarantee for the first provider; NULL when m
 * does not distribute or out of memory (test_transition_workbook.c). */
igo_transition *transition_of(igo_model *m, igo_rng *r);
/* The hand-computed region: prestaties A and B, disciplines x (x1, x2) and y (y1), costs of
 * EUR 100 and 1 % of income (innovatie_kwaliteit), an outside activity on A. */
igo_model *hand_model(igo_t *t);
/* Adds a bonus pool and 0-3 indicators with values for some providers to m. */
void add_random_bonuses(igo_model *m, igo_rng *r);
/* A region with n providers over the default catalogue, every one with volume everywhere. */
igo_model *large_region(size_t n);

#endif
