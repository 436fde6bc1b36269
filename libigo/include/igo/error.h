/* Error codes. Every fallible call returns one; the object it acted on keeps a detailed message. */
#ifndef IGO_ERROR_H
#define IGO_ERROR_H

#include "common.h"

IGO_BEGIN_DECLS

typedef enum igo_error {
    IGO_OK = 0,
    /* Out of memory. */
    IGO_ERROR_MEMORY,
    /* A NULL pointer, an empty id or an enum value out of range: a programming error. */
    IGO_ERROR_ARGUMENT,
    /* A negative or non-finite number, a percentage outside 0-100 %, or a text that is not valid
     * UTF-8, holds a control character or is too long for a spreadsheet cell. */
    IGO_ERROR_VALUE,
    /* An amount beyond what the model counts exactly in cents (EUR 1e12). */
    IGO_ERROR_TOO_LARGE,
    /* An id (prestatie, discipline, provider) given twice. */
    IGO_ERROR_DUPLICATE,
    /* A reference to a prestatie, discipline or provider that does not exist. */
    IGO_ERROR_UNKNOWN,
    /* A verdeelsleutel whose percentages for a prestatie do not sum to 100 %. */
    IGO_ERROR_KEY_SUM,
    /* Money to distribute in a prestatie that has no verdeelsleutel. */
    IGO_ERROR_KEY_MISSING,
    /* A prestatie with both a direct verdeelsleutel and historical claim lines. */
    IGO_ERROR_KEY_CONFLICT,
    /* IGO costs plus outside activities exceed a prestatie's income. */
    IGO_ERROR_NEGATIVE_DISTRIBUTABLE,
    /* Money for a discipline in a prestatie where none of its providers has volume. */
    IGO_ERROR_NO_VOLUME,
    /* Costs or an outside activity to charge to prestaties that have no income. */
    IGO_ERROR_NO_INCOME,
    /* A file could not be written (or read): the message names it and says why. */
    IGO_ERROR_IO,
    /* The progress callback asked to stop (igo_progress_fn). */
    IGO_ERROR_CANCELLED,
    /* A region too large for what was asked (a workbook beyond a spreadsheet's rows or columns). */
    IGO_ERROR_LIMIT,
    IGO_ERROR_COUNT_ /* not an error: the number of codes */
} igo_error;

/* A short, constant description of an error code ("verdeelsleutel does not sum to 100 %"). */
IGO_API const char *igo_strerror(igo_error error);

/* The symbolic name of an error code ("IGO_ERROR_KEY_SUM"). */
IGO_API const char *igo_error_name(igo_error error);

IGO_END_DECLS

#endif
