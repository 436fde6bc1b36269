/* Spreadsheet rounding.
 *
 * Excel and LibreOffice do not round the binary double: ROUND(2.675; 2) is 2.68 although the
 * double nearest 2.675 lies below it. LibreOffice first rounds the scaled value to 15 significant
 * digits and then rounds half away from zero; libigo does exactly the same, so a recalculated
 * workbook shows the cents the library computed. */
#ifndef IGO_ROUND_H
#define IGO_ROUND_H

#include "common.h"

IGO_BEGIN_DECLS

/* ROUND(x; decimals) with the spreadsheet's semantics, for decimals in -15..15
 * (outside that range x is returned unchanged). */
IGO_API double igo_round(double x, int decimals);

/* ROUND(euros; 2) as a whole number of cents. Defined for |euros| < 2^52 / 100. */
IGO_API int64_t igo_round_cents(double euros);

/* x kept to 15 significant digits, as a spreadsheet keeps a typed number: the double nearest to
 * x's correctly rounded 15-digit decimal. Every input of a model passes through it, so that a
 * workbook holds exactly the values the core computed with. */
IGO_API double igo_canonical(double x);

IGO_END_DECLS

#endif
