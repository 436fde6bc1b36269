/* An aggregation of claims: its life, its options and its classification table. */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "claims.h"

igo_claims *igo_claims_new(void)
{
    return calloc(1, sizeof(igo_claims));
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

void igo_claims_free(igo_claims *c)
{
    if (!c)
        return;
    igoi_claims_agg_free(c);
    for (int k = 0; k < IGO_CLAIM_COLUMNS; k++)
        free(c->column_names[k]);
    free_ids(c->prestatie_ids.v, c->prestatie_ids.n);
    free_ids(c->catalogue.v, c->catalogue.n);
    free_ids(c->discipline_ids.v, c->discipline_ids.n);
    for (size_t i = 0; i < c->classes.n; i++)
        free(c->classes.v[i].code);
    free(c->classes.v);
    igoi_strmap_free(&c->prestatie_index);
    igoi_strmap_free(&c->discipline_index);
    igoi_strmap_free(&c->class_index);
    free(c);
}

const char *igo_claims_errmsg(const igo_claims *c)
{
    return c ? c->errmsg : "";
}

void igo_claims_set_progress(igo_claims *c, igo_progress_fn fn, void *user_data)
{
    if (c)
        igoi_callback_set(&c->progress, fn, user_data);
}
