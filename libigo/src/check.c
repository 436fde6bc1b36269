/* Input checks shared by the model setters and the batch entry point, so that a bad number gets
 * the same message wherever it comes in. */
#include "internal.h"

const char *const igo_cost_names[IGO_COST_COUNT] = {"beheerskosten", "innovatie_kwaliteit",
                                                    "overig"};

igo_error igo_check_number(igo_model *m, double value, double max, const char *where,
                           const char *what)
{
    if (isnan(value))
        return igo_fail(m, IGO_ERROR_VALUE, "%s: %s is not a number", where, what);
    if (isinf(value))
        return igo_fail(m, IGO_ERROR_VALUE, "%s: %s is infinite", where, what);
    if (value < 0)
        return igo_fail(m, IGO_ERROR_VALUE, "%s: %s %.15g is negative", where, what, value);
    if (value > max)
        return igo_fail(m, IGO_ERROR_TOO_LARGE, "%s: %s %.15g exceeds the limit of %.0f", where,
                        what, value, max);
    return IGO_OK;
}

igo_error igo_check_fraction(igo_model *m, double value, const char *where, const char *what)
{
    if (!isfinite(value))
        return igo_fail(m, IGO_ERROR_VALUE, "%s: %s is not a finite number", where, what);
    if (value < 0 || value > 1)
        return igo_fail(m, IGO_ERROR_VALUE, "%s: %s %.15g %% is outside 0-100 %%", where, what,
                        value * 100);
    return IGO_OK;
}

igo_error igo_check_cost(igo_model *m, igo_cost cost, igo_cost_mode mode, double value)
{
    const char *where = igo_cost_names[cost];
    if (mode == IGO_COST_SHARE)
        return igo_check_fraction(m, value, where, "percentage of income");
    return igo_check_number(m, value, IGO_MAX_EUR, where, "amount (EUR)");
}
