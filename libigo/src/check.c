/* Input checks shared by the model setters and the batch entry point, so that a bad number gets
 * the same message wherever it comes in. */
#include "internal.h"

const char *const igoi_cost_names[IGO_COST_COUNT] = {"beheerskosten", "innovatie_kwaliteit",
                                                    "overig"};

igo_error igoi_check_number(char *errmsg, double value, double max, const char *where,
                           const char *what)
{
    if (isnan(value))
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "%s: %s is not a number", where, what);
    if (isinf(value))
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "%s: %s is infinite", where, what);
    if (value < 0)
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "%s: %s %.15g is negative", where, what, value);
    if (value > max)
        return igoi_fail(errmsg, IGO_ERROR_TOO_LARGE, "%s: %s %.15g exceeds the limit of %.0f",
                         where, what, value, max);
    return IGO_OK;
}

igo_error igoi_check_fraction(char *errmsg, double value, const char *where, const char *what)
{
    if (!isfinite(value))
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "%s: %s is not a finite number", where, what);
    if (value < 0 || value > 1)
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "%s: %s %.15g %% is outside 0-100 %%", where,
                         what, value * 100);
    return IGO_OK;
}

igo_error igoi_check_cost(char *errmsg, igo_cost cost, igo_cost_mode mode, double value)
{
    const char *where = igoi_cost_names[cost];
    if (mode == IGO_COST_SHARE)
        return igoi_check_fraction(errmsg, value, where, "percentage of income");
    return igoi_check_number(errmsg, value, IGO_MAX_EUR, where, "amount (EUR)");
}
