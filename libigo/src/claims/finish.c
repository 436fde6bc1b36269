/* igo_claims_finish(): every traject-phase gets the prestatie of its most complex line, and its
 * lines and providers count for that prestatie: production, money per discipline, history
 * lines, volumes. Then the per-traject state is freed; the results stay. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"

/* Adds the lines of one traject-phase to prestatie p; stamp marks this phase in last_phase. */
static void count_phase(igo_claims *c, const igoi_phase *ph, size_t p, size_t O, uint32_t stamp)
{
    struct igoi_agg *a = c->agg;
    size_t D = igoi_pool_count(&c->disciplines), P = c->prestaties.n;
    a->production[p] += 100;
    for (uint32_t at = ph->codes; at;) {
        const igoi_code_entry *e = igoi_store_at(&a->codes, at - 1);
        size_t k = e->key;
        a->money[p * D + c->classes.v[k].discipline] += e->cents;
        a->history_count[k * P + p] += 100 * (int64_t)e->lines;
        a->history_cents[k * P + p] += e->cents;
        at = e->next;
    }
    for (uint32_t at = ph->providers; at;) { /* a provider may be listed twice: counted once */
        const igoi_member *m = igoi_store_at(&a->providers_of, at - 1);
        if (a->last_phase.v[m->key] != stamp)
            a->volume[p * O + m->key] += 100;
        a->last_phase.v[m->key] = stamp;
        at = m->next;
    }
}

/* The history lines, ordered by prestatie, discipline and code (the table's order), into room
 * made before. */
static void list_history(igo_claims *c)
{
    struct igoi_agg *a = c->agg;
    size_t P = c->prestaties.n, D = igoi_pool_count(&c->disciplines), K = c->classes.n;
    for (size_t p = 0; p < P; p++)
        for (size_t d = 0; d < D; d++)
            for (size_t k = 0; k < K; k++) {
                size_t at = k * P + p;
                if (c->classes.v[k].discipline != d ||
                    (!a->history_count[at] && !a->history_cents[at]))
                    continue;
                a->history.v[a->history.n++] = (uint32_t)at;
            }
}

/* Each provider's discipline: that of most of its money, then of most of its lines, then the
 * first in the table's order; and how many disciplines it claimed codes of. */
static void provider_disciplines(igo_claims *c, size_t O)
{
    struct igoi_agg *a = c->agg;
    size_t D = igoi_pool_count(&c->disciplines);
    for (size_t o = 0; o < O; o++) {
        const int64_t *money = a->provider_money.v + o * D;
        const uint64_t *lines = a->provider_lines.v + o * D;
        size_t best = D, claimed = 0; /* among the disciplines it claimed codes of */
        for (size_t d = 0; d < D; d++) {
            if (!lines[d])
                continue;
            claimed++;
            if (best == D || money[d] > money[best] ||
                (money[d] == money[best] && lines[d] > lines[best]))
                best = d;
        }
        best = best == D ? 0 : best;
        a->provider_discipline[o] = (uint32_t)best;
        a->provider_disciplines[o] = (uint32_t)claimed;
    }
}

igo_error igo_claims_finish(igo_claims *c)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (c->finished)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_finish: called twice");
    if (!c->agg || c->failed)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_finish: %s",
                         c->failed ? "a claim file failed part way, so its lines are partly "
                                     "counted: start a new aggregation" : "no claim file was read");
    struct igoi_agg *a = c->agg;
    size_t P = c->prestaties.n, O = igoi_pool_count(&a->providers), K = c->classes.n;
    /* everything that can fail comes first, so that a failure leaves the totals as read */
    free(a->volume), free(a->provider_discipline), free(a->provider_disciplines);
    a->volume = calloc(P * O > 0 ? P * O : 1, sizeof *a->volume);
    a->provider_discipline = calloc(O ? O : 1, sizeof *a->provider_discipline);
    a->provider_disciplines = calloc(O ? O : 1, sizeof *a->provider_disciplines);
    a->history.n = 0;
    if (!a->volume || !a->provider_discipline || !a->provider_disciplines ||
        IGO_VEC_ROOM(a->history, K * P))
        return igoi_fail(c->errmsg, IGO_ERROR_MEMORY, "out of memory");
    a->volume_providers = O;
    for (size_t o = 0; o < O; o++)
        a->last_phase.v[o] = 0;
    for (size_t i = 0; i < a->phases.n; i++) {
        const igoi_phase *ph = &a->phases.v[i];
        if (ph->best >= 0)
            count_phase(c, ph, c->classes.v[ph->best].prestatie, O, (uint32_t)i + 1);
    }
    for (size_t o = 0; o < O; o++)
        for (size_t p = 0; p < P; p++)
            a->volume[p * O + o] += a->provider_hours.v[o * P + p];
    list_history(c);
    provider_disciplines(c, O);
    igoi_claims_agg_release(a);
    c->finished = 1;
    return IGO_OK;
}
