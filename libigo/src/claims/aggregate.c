/* Claim lines into running totals, as they stream by: each line read (parse.c) is set aside with
 * its reason or classified. Hour lines are counted at once; the other lines are kept per
 * traject-phase (code, lines, money; providers) until igo_claims_finish() knows each
 * traject-phase's prestatie. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"

static igo_error out_of_memory(char *errmsg)
{
    return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
}

/* ---- the aggregation's life ---- */

static void store_free(igoi_store *s)
{
    for (size_t i = 0; i < s->blocks.n; i++)
        free(s->blocks.v[i]);
    free(s->blocks.v);
    s->blocks.v = NULL, s->blocks.n = s->blocks.cap = s->n = 0;
}

void igoi_claims_agg_release(struct igoi_agg *a)
{
    store_free(&a->codes);
    store_free(&a->providers_of);
    free(a->phases.v);
    a->phases.v = NULL, a->phases.n = a->phases.cap = 0;
    igoi_pool_free(&a->trajecten);
}

void igoi_claims_agg_free(igo_claims *c)
{
    struct igoi_agg *a = c->agg;
    if (!a)
        return;
    igoi_claims_agg_release(a);
    for (size_t i = 0; i < a->files.n; i++)
        free(a->files.v[i]);
    free(a->files.v);
    igoi_pool_free(&a->providers);
    free(a->income.v), free(a->provider_money.v), free(a->provider_lines.v);
    free(a->provider_hours.v), free(a->last_phase.v);
    free(a->money), free(a->production), free(a->history_count), free(a->history_cents);
    free(a->volume), free(a->history.v);
    free(a->provider_discipline), free(a->provider_disciplines);
    free(a);
    c->agg = NULL;
}

/* Begins reading: the table fixed, the per-prestatie totals allocated. */
static igo_error agg_start(igo_claims *c)
{
    if (c->finished)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "the claims are finished: no file can "
                         "be read after igo_claims_finish()");
    igo_error e = igoi_claims_begin(c);
    if (e || c->agg)
        return e;
    size_t P = c->prestaties.n, D = igoi_pool_count(&c->disciplines), K = c->classes.n;
    struct igoi_agg *a = calloc(1, sizeof *a);
    if (!a)
        return out_of_memory(c->errmsg);
    c->agg = a;
    a->codes.size = sizeof(igoi_code_entry);
    a->providers_of.size = sizeof(igoi_member);
    a->money = calloc(P * D, sizeof *a->money);
    a->production = calloc(P, sizeof *a->production);
    a->history_count = calloc(K * P, sizeof *a->history_count);
    a->history_cents = calloc(K * P, sizeof *a->history_cents);
    if (!a->money || !a->production || !a->history_count || !a->history_cents) {
        igoi_claims_agg_free(c); /* so that a retry starts afresh */
        return out_of_memory(c->errmsg);
    }
    return IGO_OK;
}

/* ---- setting aside ---- */

static void set_aside(struct igoi_agg *a, igo_claim_reason r, int64_t cents, uint64_t line)
{
    a->totals.rows_set_aside++;
    a->totals.cents_set_aside += cents;
    a->reason_rows[r]++;
    a->reason_cents[r] += cents;
    if (a->example_count[r] < IGO_CLAIMS_EXAMPLES)
        a->examples[r][a->example_count[r]++] = (igoi_example){(uint32_t)(a->files.n - 1), line};
}

/* ---- a classified line ---- */

static igo_error grow_providers(igo_claims *c, size_t o)
{
    struct igoi_agg *a = c->agg;
    size_t D = igoi_pool_count(&c->disciplines), P = c->prestaties.n, have = a->income.n;
    if (o < have)
        return IGO_OK;
    if (IGO_VEC_ROOM(a->income, 1) || IGO_VEC_ROOM(a->last_phase, 1) ||
        IGO_VEC_ROOM(a->provider_money, D) ||
        IGO_VEC_ROOM(a->provider_lines, D) || IGO_VEC_ROOM(a->provider_hours, P))
        return out_of_memory(c->errmsg);
    a->income.v[a->income.n++] = 0;
    a->last_phase.v[a->last_phase.n++] = 0;
    memset(a->provider_money.v + a->provider_money.n, 0, D * sizeof(int64_t));
    memset(a->provider_lines.v + a->provider_lines.n, 0, D * sizeof(uint64_t));
    memset(a->provider_hours.v + a->provider_hours.n, 0, P * sizeof(int64_t));
    a->provider_money.n += D, a->provider_lines.n += D, a->provider_hours.n += P;
    return IGO_OK;
}

/* The provider's index, added when new (its id checked as any id entering the core). */
static int64_t provider(igo_claims *c, igoi_source *src, const char *s, size_t n)
{
    struct igoi_agg *a = c->agg;
    int64_t o = igoi_pool_find(&a->providers, s, n);
    if (o >= 0)
        return o;
    char id[IGO_MAX_ID_CHARS * 4 + 1], what[64];
    snprintf(what, sizeof what, "line %llu: zorgaanbieder", (unsigned long long)src->line);
    if (n >= sizeof id)
        n = sizeof id - 1; /* longer than any valid id: refused below */
    memcpy(id, s, n);
    id[n] = '\0';
    if (igoi_check_text(c->errmsg, id, IGO_TEXT_ID, what)) {
        char where[IGO_ERRMSG_SIZE];
        snprintf(where, sizeof where, "%s ", src->name);
        igoi_fail_prefix(c->errmsg, where);
        return -2;
    }
    /* its totals first: a provider in the pool always has them */
    if (grow_providers(c, igoi_pool_count(&a->providers)) ||
        (o = igoi_pool_intern(&a->providers, s, n)) < 0) {
        out_of_memory(c->errmsg);
        return -1;
    }
    return o;
}

/* A new entry at the head of a list (*head: index + 1), its fields after next zeroed; -1 when
 * out of memory. */
static int64_t push_entry(igoi_store *s, uint32_t *head)
{
    if ((s->n & (IGOI_BLOCK - 1)) == 0) {
        char *b = malloc(IGOI_BLOCK * s->size);
        if (!b || s->n >= UINT32_MAX - IGOI_BLOCK || IGO_VEC_ROOM(s->blocks, 1)) {
            free(b);
            return -1;
        }
        s->blocks.v[s->blocks.n++] = b;
    }
    size_t i = s->n++;
    uint32_t *next = igoi_store_at(s, i);
    memset(next, 0, s->size);
    *next = *head; /* next is every entry's first field */
    *head = (uint32_t)i + 1;
    return (int64_t)i;
}

/* The entry of class k in a traject-phase's list with room for a line, added when none. */
static igoi_code_entry *code_entry(igoi_store *s, uint32_t *head, uint32_t k)
{
    for (uint32_t at = *head; at;) {
        igoi_code_entry *e = igoi_store_at(s, at - 1);
        if (e->key == k && e->lines < IGOI_ENTRY_LINES)
            return e;
        at = e->next;
    }
    int64_t i = push_entry(s, head);
    igoi_code_entry *e = i < 0 ? NULL : igoi_store_at(s, (size_t)i);
    if (e)
        e->key = (uint16_t)k;
    return e;
}

/* Adds provider o to a traject-phase's providers, unless it is the phase o was last added to.
 * So a list may hold a provider more than once (when lines of other phases came between);
 * igo_claims_finish counts each once. A check of the whole list would be quadratic in one
 * phase's providers. -1 when out of memory. */
static int add_member(struct igoi_agg *a, uint32_t phase, uint32_t *head, uint32_t o)
{
    if (a->last_phase.v[o] == phase + 1)
        return 0;
    int64_t i = push_entry(&a->providers_of, head);
    if (i < 0)
        return -1;
    ((igoi_member *)igoi_store_at(&a->providers_of, (size_t)i))->key = o;
    a->last_phase.v[o] = phase + 1;
    return 0;
}

/* Whether class k beats class best as a traject-phase's most complex line: a higher rank, or
 * on a tie a prestatie earlier in the catalogue. */
static int beats(const igo_claims *c, uint32_t k, int32_t best)
{
    if (best < 0)
        return 1;
    const igoi_class *x = &c->classes.v[k], *y = &c->classes.v[best];
    return x->rank > y->rank || (x->rank == y->rank && x->prestatie < y->prestatie);
}

/* A line of a traject-phase. */
static igo_error phase_line(igo_claims *c, const igoi_field *traject, uint32_t k, uint32_t o,
                            int64_t cents)
{
    struct igoi_agg *a = c->agg;
    int64_t t = igoi_pool_intern(&a->trajecten, traject->s, traject->n);
    if (t < 0)
        return out_of_memory(c->errmsg);
    while (a->phases.n < 3 * ((size_t)t + 1)) {
        if (IGO_VEC_ROOM(a->phases, 1))
            return out_of_memory(c->errmsg);
        a->phases.v[a->phases.n++] = (igoi_phase){-1, 0, 0};
    }
    size_t phase = 3 * (size_t)t + (size_t)c->classes.v[k].phase - 1;
    igoi_phase *ph = &a->phases.v[phase];
    if (beats(c, k, ph->best))
        ph->best = (int32_t)k;
    igoi_code_entry *e = code_entry(&a->codes, &ph->codes, k);
    if (!e || add_member(a, (uint32_t)phase, &ph->providers, o) < 0)
        return out_of_memory(c->errmsg);
    e->lines++;
    e->cents += cents;
    return IGO_OK;
}

/* A line to classify (v: its values by column): its totals, its provider's, and its
 * prestatie's or traject-phase's. */
static igo_error classify(igo_claims *c, igoi_source *src, const igoi_field *traject,
                          const igoi_field *prov, uint32_t k, int64_t cents, int64_t units)
{
    struct igoi_agg *a = c->agg;
    const igoi_class *cl = &c->classes.v[k];
    size_t D = igoi_pool_count(&c->disciplines), P = c->prestaties.n;
    int64_t o = provider(c, src, prov->s, prov->n);
    if (o < 0)
        return o == -2 ? IGO_ERROR_VALUE : IGO_ERROR_MEMORY;
    a->totals.rows_classified++;
    a->totals.cents_classified += cents;
    a->income.v[o] += cents;
    a->provider_money.v[(size_t)o * D + cl->discipline] += cents;
    a->provider_lines.v[(size_t)o * D + cl->discipline]++;
    if (!cl->phase && !cl->hourly) {
        a->totals.rows_without_prestatie++;
        a->totals.cents_without_prestatie += cents;
        return IGO_OK;
    }
    if (cl->hourly) {
        a->production[cl->prestatie] += units;
        a->money[(size_t)cl->prestatie * D + cl->discipline] += cents;
        a->history_count[(size_t)k * P + cl->prestatie] += units;
        a->history_cents[(size_t)k * P + cl->prestatie] += cents;
        a->provider_hours.v[(size_t)o * P + cl->prestatie] += units;
        return IGO_OK;
    }
    return phase_line(c, traject, k, (uint32_t)o, cents);
}

/* Every sum of the aggregation adds up some of the lines' amounts (or hundredths), so bounding
 * the sum of their magnitudes keeps every one of them far from overflowing. */
#define SUM_LIMIT ((uint64_t)INT64_MAX / 4)

static igo_error check_sums(igo_claims *c, igoi_source *src, const igoi_parsed *line)
{
    struct igoi_agg *a = c->agg;
    uint64_t cents = line->cents < 0 ? (uint64_t)0 - (uint64_t)line->cents : (uint64_t)line->cents;
    uint64_t units = (line->units < 0 ? (uint64_t)0 - (uint64_t)line->units : (uint64_t)line->units)
                     + 100; /* a traject-phase counts 100 */
    if (a->magnitude_cents > SUM_LIMIT - cents || a->magnitude_units > SUM_LIMIT - units)
        return igoi_fail(c->errmsg, IGO_ERROR_LIMIT, "%s line %llu: the amounts or units add "
                         "up beyond what libigo counts exactly", src->name,
                         (unsigned long long)line->line);
    a->magnitude_cents += cents, a->magnitude_units += units;
    return IGO_OK;
}

igo_error igoi_claims_apply(igo_claims *c, igoi_source *src, const igoi_parsed *line,
                            const igoi_field *traject, const igoi_field *provider)
{
    struct igoi_agg *a = c->agg;
    src->line = line->line;
    a->attempted++;
    igo_error e = check_sums(c, src, line);
    if (!e && line->reason == IGO_CLAIM_REASONS)
        e = classify(c, src, traject, provider, line->k, line->cents, line->units);
    else if (!e)
        set_aside(a, line->reason, line->cents, line->line);
    if (e)
        return e;
    a->totals.rows_read++;
    if (line->amount_ok)
        a->totals.cents_read += line->cents;
    return IGO_OK;
}

igo_error igoi_claims_line(igo_claims *c, igoi_source *src, const igoi_value *v, int wrong_count)
{
    igoi_parsed line;
    igo_error e = igoi_claims_parse(c, src, v, wrong_count, &line);
    return e ? e : igoi_claims_apply(c, src, &line, &v[IGO_CLAIM_TRAJECT].text,
                                     &v[IGO_CLAIM_PROVIDER].text);
}

igo_error igoi_claims_file(igo_claims *c, const char *name)
{
    if (c->failed)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "an earlier claim file failed part way, "
                         "so its lines are partly counted: start a new aggregation");
    igo_error e = agg_start(c);
    if (e)
        return e;
    struct igoi_agg *a = c->agg;
    char *copy = igoi_strdup(name);
    if (!copy || IGO_VEC_ROOM(a->files, 1)) {
        free(copy);
        return out_of_memory(c->errmsg);
    }
    a->files.v[a->files.n++] = copy;
    a->header_done = 0, a->convention = c->convention;
    a->attempted_before = a->attempted;
    return IGO_OK;
}

igo_error igoi_claims_failed(igo_claims *c, igo_error e)
{
    if (e && c->agg && c->agg->attempted != c->agg->attempted_before)
        c->failed = 1; /* some line of the file was (perhaps partly) counted */
    return e;
}
