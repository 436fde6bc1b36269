/**
 * @file round.h
 * @brief Spreadsheet rounding.
 *
 * Excel and LibreOffice do not round the binary double: ROUND(2.675; 2) is 2.68 although the
 * double nearest 2.675 lies below it. LibreOffice first rounds the scaled value to 15
 * significant digits and then rounds half away from zero; libigo does exactly the same, so a
 * recalculated workbook shows the cents the library computed.
 *
 * These functions are pure: they keep no state and may be called from any thread.
 */
#ifndef IGO_ROUND_H
#define IGO_ROUND_H

#include "common.h"
#include "error.h"

IGO_BEGIN_DECLS

/**
 * @brief ROUND(x; decimals) with the spreadsheet's semantics.
 *
 * Half away from zero, after rounding the scaled value to 15 significant digits as LibreOffice
 * does: igo_round(2.675, 2) is 2.68.
 *
 * @param x        The value to round.
 * @param decimals The number of decimals to keep, from -15 to 15 (negative: round to tens,
 *                 hundreds, ...).
 * @return x rounded. x itself when it is 0, NaN or infinite, or when decimals is outside
 *         -15..15.
 */
IGO_API double igo_round(double x, int decimals);

/**
 * @brief ROUND(euros; 2) as a whole number of cents.
 *
 * @param euros An amount in EUR (a double).
 * @return The amount in cents (int64): igo_round_cents(2.675) is 268. Defined for
 *         |euros| < 2^52 / 100 (about EUR 4.5e13); the model itself refuses amounts beyond
 *         EUR 1e12.
 */
IGO_API int64_t igo_round_cents(double euros);

/** The bound of igo_round_cents_checked(), in EUR: below it every cent of a double is exact. */
#define IGO_ROUND_CENTS_MAX 4e13

/**
 * @brief ROUND(euros; 2) as a whole number of cents, with the amount checked first.
 *
 * For callers that cannot vouch for their input (the Python bindings use it).
 *
 * @param euros An amount in EUR (a double).
 * @param cents Receives the rounded amount in cents; untouched on an error. Not NULL.
 * @return #IGO_OK;
 *         #IGO_ERROR_VALUE for NaN or an infinity;
 *         #IGO_ERROR_TOO_LARGE when |euros| >= #IGO_ROUND_CENTS_MAX;
 *         #IGO_ERROR_ARGUMENT when cents is NULL.
 */
IGO_API igo_error igo_round_cents_checked(double euros, int64_t *cents);

/**
 * @brief x kept to 15 significant digits, as a spreadsheet keeps a typed number.
 *
 * The double nearest to x's correctly rounded 15-digit decimal. Every number that enters a
 * model or a scenario set passes through it, so that a workbook holds exactly the values the
 * core computed with.
 *
 * @param x Any double.
 * @return x to 15 significant digits; x itself when it is 0, NaN or infinite, or an integer
 *         below 1e15.
 */
IGO_API double igo_canonical(double x);

IGO_END_DECLS

#endif
