/* Claims from a sheet of an xlsx workbook (to be written: the sheet reader's rows, typed cells,
 * through the same line handling as CSV). */
#include "claims.h"

igo_error igo_claims_read_xlsx(igo_claims *c, const char *path, const char *sheet)
{
    (void)path, (void)sheet;
    if (!c)
        return IGO_ERROR_ARGUMENT;
    return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "igo_claims_read_xlsx: not yet available");
}
