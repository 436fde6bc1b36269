#include <stdio.h>
#include <stdlib.h>

#include "random_region.h"

static void add_entities(igo_model *m, igo_rng *r, size_t P, size_t D, size_t O)
{
    char id[32];
    for (size_t p = 0; p < P; p++) {
        snprintf(id, sizeof id, "P%zu", p);
        igo_model_add_prestatie(m, id, NULL, NULL, NULL);
        /* Tariffs in tenths of cents make ties at the third decimal common. */
        igo_model_set_production(m, id, (double)rng_below(r, 4000),
                                 (double)rng_below(r, 5000000) / 1000.0);
    }
    for (size_t d = 0; d < D; d++) {
        snprintf(id, sizeof id, "D%zu", d);
        igo_model_add_discipline(m, id, NULL);
    }
    for (size_t o = 0; o < O; o++) {
        char disc[32];
        snprintf(id, sizeof id, "O%zu", o);
        snprintf(disc, sizeof disc, "D%zu", o < D ? o : (size_t)rng_below(r, D));
        igo_model_add_provider(m, id, NULL, disc);
    }
}

/* A key row for prestatie p: direct percentages, or history lines. Returns which disciplines got
 * a share, so that volumes can be given to them. */
static void add_key(igo_model *m, igo_rng *r, size_t p, size_t D, int *has_share)
{
    char pid[32], did[32];
    snprintf(pid, sizeof pid, "P%zu", p);
    int history = rng_below(r, 3) == 0;
    unsigned left = 100;
    for (size_t d = 0; d < D; d++) {
        snprintf(did, sizeof did, "D%zu", d);
        unsigned pct = d + 1 == D ? left : (unsigned)rng_below(r, left + 1);
        left -= pct;
        has_share[d] = pct > 0;
        if (history && pct > 0)
            igo_model_add_history(m, "code", did, pid, pct, (double)rng_below(r, 100000) / 100.0 + 1);
        else if (!history)
            igo_model_set_key(m, pid, did, pct / 100.0);
    }
}

static void add_outside(igo_model *m, igo_rng *r, size_t P)
{
    size_t L = rng_below(r, 3);
    for (size_t l = 0; l < L; l++) {
        char names[8][32];
        const char *targets[8];
        size_t n = 1 + rng_below(r, P < 8 ? P : 8), first = rng_below(r, P - n + 1);
        for (size_t i = 0; i < n; i++) {
            snprintf(names[i], sizeof names[i], "P%zu", first + i);
            targets[i] = names[i];
        }
        igo_model_add_outside(m, "activity", (double)rng_below(r, 50),
                              (double)rng_below(r, 20000) / 100.0, targets, n);
    }
}

igo_model *random_region(igo_rng *r)
{
    size_t P = 1 + rng_below(r, 12), D = 1 + rng_below(r, 4), O = D + rng_below(r, 30);
    igo_model *m = igo_model_new();
    add_entities(m, r, P, D, O);
    int has_share[8];
    for (size_t p = 0; p < P; p++) {
        add_key(m, r, p, D, has_share);
        char pid[32], oid[32];
        snprintf(pid, sizeof pid, "P%zu", p);
        for (size_t o = 0; o < O; o++) {
            size_t d = igo_model_provider_discipline(m, o);
            /* The first provider of a discipline always has volume where it has a share. */
            int must = has_share[d] && o == d;
            if (must || rng_below(r, 3) != 0) {
                snprintf(oid, sizeof oid, "O%zu", o);
                igo_model_set_volume(m, pid, oid, (double)(must + rng_below(r, 400)));
            }
        }
    }
    add_outside(m, r, P);
    for (int k = 0; k < IGO_COST_COUNT; k++) {
        if (rng_below(r, 2))
            igo_model_set_cost(m, (igo_cost)k, IGO_COST_SHARE, (double)rng_below(r, 300) / 10000);
        else
            igo_model_set_cost(m, (igo_cost)k, IGO_COST_AMOUNT, (double)rng_below(r, 500000) / 100);
    }
    return m;
}

igo_model *random_distributable_region(igo_rng *r)
{
    for (;;) {
        igo_model *m = random_region(r);
        igo_result *res = NULL;
        if (igo_distribute(m, &res) == IGO_OK) {
            igo_result_free(res);
            return m;
        }
        igo_model_free(m);
    }
}

igo_model *large_region(size_t n)
{
    static const char *disc[] = {"verloskunde", "ziekenhuis", "kraamzorg"};
    static const double key[] = {0.5, 0.3, 0.2};
    igo_model *m = igo_model_new();
    igo_model_add_default_catalogue(m);
    igo_model_add_default_disciplines(m);
    char id[32];
    for (size_t o = 0; o < n; o++) {
        snprintf(id, sizeof id, "p%zu", o);
        igo_model_add_provider(m, id, NULL, disc[o % 3]);
    }
    for (size_t p = 0; p < igo_model_prestatie_count(m); p++) {
        const char *code = igo_model_prestatie_code(m, p);
        igo_model_set_production(m, code, 1000 + (double)p, 333.33 + (double)p);
        for (int d = 0; d < 3; d++)
            igo_model_set_key(m, code, disc[d], key[d]);
        for (size_t o = 0; o < n; o++) {
            snprintf(id, sizeof id, "p%zu", o);
            igo_model_set_volume(m, code, id, 1 + (double)((o * 7 + p) % 13));
        }
    }
    return m;
}

/* The small region whose every cent test_distribute.c works out by hand. */
igo_model *hand_model(igo_t *t)
{
    igo_model *m = igo_model_new();
    const char *only_a[] = {"A"};
    CHECK_OK(m, igo_model_add_prestatie(m, "A", "Prestatie A", "prenataal", "vrouw"));
    CHECK_OK(m, igo_model_add_prestatie(m, "B", "Prestatie B", "nataal", "vrouw"));
    CHECK_OK(m, igo_model_add_discipline(m, "x", "Discipline x"));
    CHECK_OK(m, igo_model_add_discipline(m, "y", "Discipline y"));
    CHECK_OK(m, igo_model_add_provider(m, "x1", "X een", "x"));
    CHECK_OK(m, igo_model_add_provider(m, "x2", "X twee", "x"));
    CHECK_OK(m, igo_model_add_provider(m, "y1", "Y een", "y"));
    CHECK_OK(m, igo_model_set_production(m, "A", 10, 100));
    CHECK_OK(m, igo_model_set_production(m, "B", 3, 333.335));
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_BEHEERSKOSTEN, IGO_COST_AMOUNT, 100));
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_INNOVATIE_KWALITEIT, IGO_COST_SHARE, 0.01));
    CHECK_OK(m, igo_model_add_outside(m, "Echo", 2, 25, only_a, 1));
    CHECK_OK(m, igo_model_set_key(m, "A", "x", 0.6));
    CHECK_OK(m, igo_model_set_key(m, "A", "y", 0.4));
    CHECK_OK(m, igo_model_set_key(m, "B", "x", 0.5));
    CHECK_OK(m, igo_model_set_key(m, "B", "y", 0.5));
    CHECK_OK(m, igo_model_set_volume(m, "A", "x1", 3));
    CHECK_OK(m, igo_model_set_volume(m, "A", "x2", 1));
    CHECK_OK(m, igo_model_set_volume(m, "B", "x1", 1));
    CHECK_OK(m, igo_model_set_volume(m, "B", "x2", 1));
    CHECK_OK(m, igo_model_set_volume(m, "A", "y1", 5));
    CHECK_OK(m, igo_model_set_volume(m, "B", "y1", 5));
    return m;
}

void add_random_bonuses(igo_model *m, igo_rng *r)
{
    if (rng_below(r, 4) == 0)
        igo_model_set_bonus_pool(m, IGO_COST_AMOUNT, (double)rng_below(r, 500000) / 100.0);
    else
        igo_model_set_bonus_pool(m, IGO_COST_SHARE, (double)rng_below(r, 10001) / 10000.0);
    size_t I = rng_below(r, 4), O = igo_model_provider_count(m);
    for (size_t i = 0; i < I; i++) {
        char id[16];
        snprintf(id, sizeof id, "K%zu", i);
        igo_model_add_indicator(m, id, NULL, (double)rng_below(r, 100), (int)rng_below(r, 2),
                                (double)rng_below(r, 7) / 2.0);
        for (size_t o = 0; o < O; o++)
            if (rng_below(r, 4) != 0)
                igo_model_set_indicator_value(m, id, igo_model_provider_id(m, o),
                                              (double)rng_below(r, 100));
    }
}
