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
