/**
 * @file error.h
 * @brief Error codes: every fallible call returns an igo_error.
 *
 * A call that fails returns one of these codes and, when it was given a valid object, leaves a
 * detailed one-line message on that object (UTF-8, at most 511 bytes): igo_model_errmsg() for a
 * model, igo_scenarios_errmsg() for a scenario set. The message names what is wrong and where
 * ("prestatie IG4: verdeelsleutel sums to 95 % (...), not 100 %"). A call given a NULL object
 * returns #IGO_ERROR_ARGUMENT without a message, as it has nowhere to put one.
 *
 * @code
 * igo_error err = igo_model_set_key(model, "IG1", "verloskunde", 0.6);
 * if (err != IGO_OK)
 *     fprintf(stderr, "%s: %s\n", igo_error_name(err), igo_model_errmsg(model));
 * @endcode
 */
#ifndef IGO_ERROR_H
#define IGO_ERROR_H

#include "common.h"

IGO_BEGIN_DECLS

/**
 * @brief The result of a fallible call: #IGO_OK (0) or the reason it failed.
 *
 * A call that fails records a message on the object it acted on. A setter that fails changes
 * nothing; what other calls leave behind on failure is said with each call.
 */
typedef enum igo_error {
    /** No error: the call did what was asked. */
    IGO_OK = 0,
    /** Out of memory. */
    IGO_ERROR_MEMORY,
    /** A NULL pointer, an empty id or name, or an enum value out of range: a programming
     *  error. Also a model without prestaties or disciplines, a scenario set without drivers or
     *  sectors, a driver with neither studies nor an override for a scenario that needs an
     *  effect, or a Monte Carlo request without draws. */
    IGO_ERROR_ARGUMENT,
    /** A negative or non-finite number, a fraction outside 0..1 (0-100 %), an effect outside
     *  -1..1, another number outside its range (a percentile outside 0..100, a year outside
     *  1900..2200), or a text that is not valid UTF-8, holds a control character or is too
     *  long (an id longer than 255 UTF-16 units, another text longer than 32767, a spreadsheet
     *  cell's limit). */
    IGO_ERROR_VALUE,
    /** An amount beyond what the model counts exactly in cents: more than EUR 1e12 (or a count,
     *  tariff or volume above 1e12). */
    IGO_ERROR_TOO_LARGE,
    /** An id (prestatie, discipline, provider, driver, sector) given twice, or an outside
     *  activity's target prestatie listed twice. */
    IGO_ERROR_DUPLICATE,
    /** A reference to a prestatie, discipline, provider, driver, sector or regiokenmerken field
     *  that does not exist. */
    IGO_ERROR_UNKNOWN,
    /** A direct verdeelsleutel whose fractions for a prestatie do not sum to 100 % (within
     *  1e-9), while normalising is off (igo_model_set_normalise_keys()). */
    IGO_ERROR_KEY_SUM,
    /** Money to distribute in a prestatie that has no verdeelsleutel (neither direct fractions
     *  nor history lines with money). */
    IGO_ERROR_KEY_MISSING,
    /** A prestatie with both a direct verdeelsleutel and historical claim lines. */
    IGO_ERROR_KEY_CONFLICT,
    /** IGO costs plus outside activities charged to a prestatie exceed its income. */
    IGO_ERROR_NEGATIVE_DISTRIBUTABLE,
    /** Money for a discipline in a prestatie where none of that discipline's providers has
     *  volume. */
    IGO_ERROR_NO_VOLUME,
    /** IGO costs or an outside activity's cost to charge to prestaties that have no income. */
    IGO_ERROR_NO_INCOME,
    /** A file could not be written (or read): the message names it and says why. */
    IGO_ERROR_IO,
    /** The progress callback asked to stop (see igo_progress_fn); no file was written. */
    IGO_ERROR_CANCELLED,
    /** A request beyond a fixed limit: a workbook beyond a spreadsheet's rows or columns or the
     *  library's cell limit, or a Monte Carlo call with more than #IGO_MAX_DRAWS draws or more
     *  than 64 drivers. */
    IGO_ERROR_LIMIT,
    /** A transition year its bounds cannot pay: its floors and guarantees need more than the
     *  pot, or its caps allow less. */
    IGO_ERROR_INFEASIBLE,
    /** Not an error: the number of codes (one more than the largest). */
    IGO_ERROR_COUNT_
} igo_error;

/**
 * @brief A short description of an error code.
 *
 * For example "verdeelsleutel does not sum to 100 %" for #IGO_ERROR_KEY_SUM. The detailed
 * message of a failed call is on its object: igo_model_errmsg(), igo_scenarios_errmsg().
 *
 * @param error An error code.
 * @return A constant, static English string, never NULL; "unknown error code" for a value
 *         that is not a code. Do not free it.
 */
IGO_API const char *igo_strerror(igo_error error);

/**
 * @brief The symbolic name of an error code.
 *
 * For example "IGO_ERROR_KEY_SUM" for #IGO_ERROR_KEY_SUM: useful in logs and for bindings that
 * map codes to exceptions.
 *
 * @param error An error code.
 * @return A constant, static string, never NULL; "IGO_ERROR_UNKNOWN_CODE" for a value that is
 *         not a code. Do not free it.
 */
IGO_API const char *igo_error_name(igo_error error);

IGO_END_DECLS

#endif
