/* Spreadsheet rounding.
 *
 * Excel and LibreOffice do not round the binary double: ROUND(2.675; 2) is 2.68 although the
 * double nearest 2.675 lies below it. LibreOffice first rounds the scaled value to 15 significant
 * digits and then rounds half away from zero; libigo does exactly the same, so a recalculated
 * workbook shows the cents the library computed. */
#ifndef IGO_ROUND_H
#define IGO_ROUND_H

#include "common.h"
#include "error.h"

IGO_BEGIN_DECLS

/* ROUND(x; decimals) with the spreadsheet's semantics, for decimals in -15..15
 * (outside that range x is returned unchanged). */
IGO_API double igo_round(double x, int decimals);

/* ROUND(euros; 2) as a whole number of cents. Defined for |euros| < 2^52 / 100. */
IGO_API int64_t igo_round_cents(double euros);

/** The bound of igo_round_cents_checked, in EUR: below it every cent of a double is exact. */
#define IGO_ROUND_CENTS_MAX 4e13

/**
 * ROUND(euros; 2) as a whole number of cents, for callers that cannot vouch for their input
 * (the Python bindings): the amount is checked first.
 * @param euros an amount in EUR
 * @param cents receives the rounded amount in cents; untouched on an error
 * @return IGO_OK; IGO_ERROR_VALUE for NaN or an infinity; IGO_ERROR_TOO_LARGE when
 *         |euros| >= IGO_ROUND_CENTS_MAX; IGO_ERROR_ARGUMENT when cents is NULL
 */
IGO_API igo_error igo_round_cents_checked(double euros, int64_t *cents);

/* x kept to 15 significant digits, as a spreadsheet keeps a typed number: the double nearest to
 * x's correctly rounded 15-digit decimal. Every input of a model passes through it, so that a
 * workbook holds exactly the values the core computed with. */
IGO_API double igo_canonical(double x);

IGO_END_DECLS

#endif
