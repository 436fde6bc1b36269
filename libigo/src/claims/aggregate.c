/* The aggregation of claim lines (to be written). */
#include <stdlib.h>

#include "claims.h"

void igoi_claims_agg_free(igo_claims *c)
{
    (void)c;
}
