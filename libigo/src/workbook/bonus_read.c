/* The quality bonuses of Kwaliteitsbonussen back into the model: the pool, the indicators and
 * each provider's values, every value through the model's own setters, a refusal naming the
 * sheet and cell. A workbook without the sheet (an older one) has none. */
#include <stdlib.h>

#include "read.h"

/* The pool: given as an amount or a percentage, the other cell empty; neither: no pool. */
static igo_error read_pool(rd *x, const char *const modes[2])
{
    int mode, given_amount, given_share;
    double amount, share;
    igo_error e = igoi_rd_choice(x, RD_BONUS_POOL, 0, 0, modes, 2, &mode);
    if (e)
        return e;
    RD_NUMBER(x, RD_BONUS_POOL, 0, 1, &amount, &given_amount);
    RD_NUMBER(x, RD_BONUS_POOL, 0, 2, &share, &given_share);
    if (mode == 0 ? given_share : given_amount)
        return igoi_rd_fail(x, RD_BONUS_POOL, 0, mode == 0 ? 2 : 1, IGO_ERROR_VALUE,
                            "the pool is given as %s, but this cell holds a value: clear it or "
                            "choose the other way", modes[mode]);
    if (!given_amount && !given_share)
        return IGO_OK;
    RD_SET(x, RD_BONUS_POOL, 0, 1 + (uint32_t)mode,
           igo_model_set_bonus_pool(x->model, mode ? IGO_COST_SHARE : IGO_COST_AMOUNT,
                                    mode ? share : amount));
    return IGO_OK;
}

/* An indicator row: its id, label, target, direction and weight, all but the label required. */
static igo_error read_indicator(rd *x, const char *const better[2], uint32_t r)
{
    const int b = RD_BONUS_INDICATORS;
    const char *id, *label;
    double target, weight;
    int has_target, has_weight, lower;
    RD_TEXT(x, b, r, 0, &id);
    RD_TEXT(x, b, r, 1, &label);
    RD_NUMBER(x, b, r, 2, &target, &has_target);
    RD_NUMBER(x, b, r, 4, &weight, &has_weight);
    if (!*id)
        return igoi_rd_fail(x, b, r, 0, IGO_ERROR_VALUE, "an indicator without an id");
    if (!has_target)
        return igoi_rd_fail(x, b, r, 2, IGO_ERROR_VALUE, "indicator '%s': the target is missing",
                            id);
    if (!has_weight)
        return igoi_rd_fail(x, b, r, 4, IGO_ERROR_VALUE, "indicator '%s': the points are missing",
                            id);
    igo_error e = igoi_rd_choice(x, b, r, 3, better, 2, &lower);
    if (e)
        return e;
    /* (a refusal of the target or the weight names their cell, with the core's message) */
    uint32_t at = !(fabs(target) <= IGO_MAX_EUR) ? 2 : !(weight >= 0 && weight <= IGO_MAX_EUR) ? 4
                                                                                            : 0;
    RD_SET(x, b, r, at,
           igo_model_add_indicator(x->model, id, *label ? label : NULL, target, lower, weight));
    return IGO_OK;
}

/* A provider's values: each in the column of an indicator row that holds one (column[j], or
 * NULL), on a row of a provider. */
static igo_error read_values(rd *x, const char *const *column, uint32_t r)
{
    const int b = RD_BONUS_VALUES;
    const char *id;
    igo_error e = igoi_rd_provider_id(x, b, r, &id);
    for (uint32_t j = 0; !e && j + 2 < x->blocks[b].cols; j++) {
        double value;
        int given;
        RD_NUMBER(x, b, r, 2 + j, &value, &given);
        if (!given)
            continue;
        if (!column[j])
            return igoi_rd_fail(x, b, r, 2 + j, IGO_ERROR_VALUE,
                                "a value in a column without an indicator");
        if (!*id)
            return igoi_rd_fail(x, b, r, 2 + j, IGO_ERROR_VALUE,
                                "a value on a row without a provider");
        RD_SET(x, b, r, 2 + j, igo_model_set_indicator_value(x->model, column[j], id, value));
    }
    return e;
}

/* All three blocks, or none (an older workbook): 1, 0, or a refusal naming the one missing. */
static igo_error present(rd *x, int *all)
{
    const int blocks[] = {RD_BONUS_POOL, RD_BONUS_INDICATORS, RD_BONUS_VALUES};
    int found = 0, missing = -1;
    for (int i = 0; i < 3; i++) {
        if (x->want >> blocks[i] & 1)
            found++;
        else
            missing = blocks[i];
    }
    *all = found == 3;
    if (found == 0 || found == 3)
        return IGO_OK;
    return igoi_fail(x->model->errmsg, IGO_ERROR_VALUE,
                     "%s: the quality bonuses' defined name %s is missing (the workbook has the "
                     "others)", x->path, igoi_rd_names[missing]);
}

igo_error igoi_rd_bonuses(rd *x, const char *const modes[2], const char *const better[2])
{
    int all;
    igo_error e = present(x, &all);
    if (e || !all)
        return e;
    const uint32_t rows = x->blocks[RD_BONUS_INDICATORS].rows;
    e = igoi_rd_shape(x, RD_BONUS_POOL, 1, 3);
    if (!e)
        e = igoi_rd_shape(x, RD_BONUS_INDICATORS, 0, 5);
    if (!e)
        e = igoi_rd_shape(x, RD_BONUS_VALUES, 0, 2 + rows);
    if (!e)
        e = read_pool(x, modes);
    const char **column = e ? NULL : calloc(rows + 1, sizeof *column);
    if (!e && !column)
        e = igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (uint32_t r = 0; !e && r < rows; r++) {
        if (igoi_rd_empty_row(x, RD_BONUS_INDICATORS, r, 4))
            continue;
        e = read_indicator(x, better, r);
        if (!e) /* (the model's copy of the id: the cell's text is the block's) */
            column[r] = x->model->indicators.v[x->model->indicators.n - 1].id;
    }
    for (uint32_t r = 0; !e && r < x->blocks[RD_BONUS_VALUES].rows; r++)
        e = read_values(x, column, r);
    free(column);
    return e;
}
