/* Error codes, their descriptions, and the detailed messages kept on a model. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const struct {
    const char *name, *text;
} errors[IGO_ERROR_COUNT_] = {
    [IGO_OK] = {"IGO_OK", "no error"},
    [IGO_ERROR_MEMORY] = {"IGO_ERROR_MEMORY", "out of memory"},
    [IGO_ERROR_ARGUMENT] = {"IGO_ERROR_ARGUMENT", "invalid argument"},
    [IGO_ERROR_VALUE] = {"IGO_ERROR_VALUE", "invalid number"},
    [IGO_ERROR_TOO_LARGE] = {"IGO_ERROR_TOO_LARGE", "amount too large"},
    [IGO_ERROR_DUPLICATE] = {"IGO_ERROR_DUPLICATE", "duplicate id"},
    [IGO_ERROR_UNKNOWN] = {"IGO_ERROR_UNKNOWN", "unknown prestatie, discipline or provider"},
    [IGO_ERROR_KEY_SUM] = {"IGO_ERROR_KEY_SUM", "verdeelsleutel does not sum to 100 %"},
    [IGO_ERROR_KEY_MISSING] = {"IGO_ERROR_KEY_MISSING", "prestatie without verdeelsleutel"},
    [IGO_ERROR_KEY_CONFLICT] = {"IGO_ERROR_KEY_CONFLICT",
                                "verdeelsleutel given both directly and from history"},
    [IGO_ERROR_NEGATIVE_DISTRIBUTABLE] = {"IGO_ERROR_NEGATIVE_DISTRIBUTABLE",
                                          "costs and outside activities exceed income"},
    [IGO_ERROR_NO_VOLUME] = {"IGO_ERROR_NO_VOLUME",
                             "money for a discipline without provider volume"},
    [IGO_ERROR_NO_INCOME] = {"IGO_ERROR_NO_INCOME", "costs to charge to prestaties without income"},
    [IGO_ERROR_IO] = {"IGO_ERROR_IO", "file cannot be written or read"},
    [IGO_ERROR_CANCELLED] = {"IGO_ERROR_CANCELLED", "stopped by the caller"},
    [IGO_ERROR_LIMIT] = {"IGO_ERROR_LIMIT", "too large for a workbook or a call"},
    [IGO_ERROR_INFEASIBLE] = {"IGO_ERROR_INFEASIBLE", "a transition year its bounds cannot pay"},
};

const char *igo_strerror(igo_error error)
{
    if ((unsigned)error >= IGO_ERROR_COUNT_)
        return "unknown error code";
    return errors[error].text;
}

const char *igo_error_name(igo_error error)
{
    if ((unsigned)error >= IGO_ERROR_COUNT_)
        return "IGO_ERROR_UNKNOWN_CODE";
    return errors[error].name;
}

/* Callers decode messages as UTF-8: one cut to the buffer must not end inside a character, nor
 * hold a part cut inside one. */
static void fit(char *errmsg, int written)
{
    if (written >= IGO_ERRMSG_SIZE)
        errmsg[igoi_utf8_fit(errmsg, IGO_ERRMSG_SIZE - 4)] = '\0';
    igoi_utf8_repair(errmsg);
}

igo_error igoi_fail(char *errmsg, igo_error code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fit(errmsg, vsnprintf(errmsg, IGO_ERRMSG_SIZE, fmt, ap));
    va_end(ap);
    return code;
}

void igoi_fail_prefix(char *errmsg, const char *prefix)
{
    char old[IGO_ERRMSG_SIZE];
    memcpy(old, errmsg, sizeof old);
    fit(errmsg, snprintf(errmsg, IGO_ERRMSG_SIZE, "%s%s", prefix, old));
}

const char *igoi_fmt_cents(char *buf, int64_t cents)
{
    uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    snprintf(buf, 32, "%s%" PRIu64 ".%02" PRIu64, cents < 0 ? "-" : "", mag / 100, mag % 100);
    return buf;
}
