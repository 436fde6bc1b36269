/* The results of a finished aggregation: getters, each safe on NULL and out of range. */
#include "agg.h"

static const char *const reason_ids[IGO_CLAIM_REASONS] = {
    "field_count", "no_traject", "no_provider", "unknown_code",
    "bad_amount",  "bad_units",  "bad_date",    "outside_period"};

static const char *const reason_texts[IGO_CLAIM_REASONS] = {
    "another number of fields than the header",
    "the traject is empty",
    "the provider is empty",
    "code not in the classification table",
    "the amount is not a number",
    "the units are not a positive number",
    "the date cannot be read",
    "the date lies outside the period"};

const char *igo_claim_reason_id(igo_claim_reason reason)
{
    return (unsigned)reason < IGO_CLAIM_REASONS ? reason_ids[reason] : "unknown";
}

const char *igo_claim_reason_text(igo_claim_reason reason)
{
    return (unsigned)reason < IGO_CLAIM_REASONS ? reason_texts[reason] : "unknown reason";
}

/* The aggregation, when finished. */
static const struct igoi_agg *done(const igo_claims *c)
{
    return c && c->finished ? c->agg : NULL;
}

igo_claims_totals igo_claims_totals_of(const igo_claims *c)
{
    igo_claims_totals zero = {0, 0, 0, 0, 0, 0, 0, 0};
    return done(c) ? done(c)->totals : zero;
}

uint64_t igo_claims_set_aside(const igo_claims *c, igo_claim_reason reason, int64_t *cents)
{
    const struct igoi_agg *a = done(c);
    int ok = a && (unsigned)reason < IGO_CLAIM_REASONS;
    if (cents)
        *cents = ok ? a->reason_cents[reason] : 0;
    return ok ? a->reason_rows[reason] : 0;
}

size_t igo_claims_example_count(const igo_claims *c, igo_claim_reason reason)
{
    const struct igoi_agg *a = done(c);
    return a && (unsigned)reason < IGO_CLAIM_REASONS ? a->example_count[reason] : 0;
}

const char *igo_claims_example(const igo_claims *c, igo_claim_reason reason, size_t index,
                               uint64_t *line)
{
    if (index >= igo_claims_example_count(c, reason))
        return NULL;
    const igoi_example *x = &done(c)->examples[reason][index];
    if (line)
        *line = x->line;
    return done(c)->files.v[x->file];
}

size_t igo_claims_prestatie_count(const igo_claims *c)
{
    return done(c) ? c->prestaties.n : 0;
}

const char *igo_claims_prestatie(const igo_claims *c, size_t p)
{
    return p < igo_claims_prestatie_count(c) ? c->prestaties.v[p] : NULL;
}

int igo_claims_hourly(const igo_claims *c, size_t p)
{
    if (p >= igo_claims_prestatie_count(c))
        return 0;
    for (size_t k = 0; k < c->classes.n; k++)
        if (c->classes.v[k].hourly && c->classes.v[k].prestatie == p)
            return 1;
    return 0;
}

double igo_claims_production(const igo_claims *c, size_t p)
{
    return p < igo_claims_prestatie_count(c) ? (double)done(c)->production[p] / 100 : 0;
}

size_t igo_claims_discipline_count(const igo_claims *c)
{
    return done(c) ? igoi_pool_count(&c->disciplines) : 0;
}

const char *igo_claims_discipline(const igo_claims *c, size_t d)
{
    return d < igo_claims_discipline_count(c) ? igoi_pool_text(&c->disciplines, d, NULL) : NULL;
}

int64_t igo_claims_money(const igo_claims *c, size_t p, size_t d)
{
    size_t D = igo_claims_discipline_count(c);
    return p < igo_claims_prestatie_count(c) && d < D ? done(c)->money[p * D + d] : 0;
}

size_t igo_claims_history_count(const igo_claims *c)
{
    return done(c) ? done(c)->history.n : 0;
}

const char *igo_claims_history(const igo_claims *c, size_t k, size_t *prestatie,
                               size_t *discipline, double *count, int64_t *cents)
{
    if (k >= igo_claims_history_count(c))
        return NULL;
    const struct igoi_agg *a = done(c);
    size_t at = a->history.v[k], P = c->prestaties.n, cls = at / P;
    if (prestatie)
        *prestatie = at % P;
    if (discipline)
        *discipline = c->classes.v[cls].discipline;
    if (count)
        *count = (double)a->history_count[at] / 100;
    if (cents)
        *cents = a->history_cents[at];
    return igoi_pool_text(&c->codes, cls, NULL);
}

size_t igo_claims_provider_count(const igo_claims *c)
{
    return done(c) ? done(c)->volume_providers : 0;
}

const char *igo_claims_provider(const igo_claims *c, size_t o, size_t *discipline,
                                size_t *disciplines, int64_t *income)
{
    if (o >= igo_claims_provider_count(c))
        return NULL;
    const struct igoi_agg *a = done(c);
    if (discipline)
        *discipline = a->provider_discipline[o];
    if (disciplines)
        *disciplines = a->provider_disciplines[o];
    if (income)
        *income = a->income.v[o];
    return igoi_pool_text(&a->providers, o, NULL);
}

double igo_claims_volume(const igo_claims *c, size_t p, size_t o)
{
    size_t O = igo_claims_provider_count(c);
    return p < igo_claims_prestatie_count(c) && o < O ? (double)done(c)->volume[p * O + o] / 100
                                                      : 0;
}
