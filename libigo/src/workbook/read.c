/* igo_workbook_read: a model workbook, as a user edited and saved it, back into a model. Each
 * block is read from its defined name; every input goes through the model's own setters, so it
 * is checked exactly as when a program sets it, and a refusal names the sheet and cell. */
#include <string.h>

#include "../xlsx/reader.h"
#include "bonus_wb.h"
#include "read.h"

static const char *or_null(const char *s)
{
    return *s ? s : NULL;
}

static igo_error read_catalogue(rd *x)
{
    const char *name, *code, *label, *phase, *unit;
    RD_TEXT(x, RD_REGIO, 0, 0, &name);
    if (*name)
        RD_SET(x, RD_REGIO, 0, 0, igo_model_set_name(x->model, name));
    for (uint32_t p = 0; p < x->blocks[RD_PRESTATIES].rows; p++) {
        RD_TEXT(x, RD_PRESTATIES, p, 0, &code);
        RD_TEXT(x, RD_PRESTATIES, p, 1, &label);
        RD_TEXT(x, RD_PRESTATIES, p, 2, &phase);
        RD_TEXT(x, RD_PRESTATIES, p, 3, &unit);
        RD_SET(x, RD_PRESTATIES, p, 0,
               igo_model_add_prestatie(x->model, code, or_null(label), or_null(phase),
                                       or_null(unit)));
    }
    const rd_block *ids = &x->blocks[RD_DISCIPLINES];
    igo_error e = igoi_rd_shape(x, RD_DISCIPLINE_NAMES, ids->cols, 1);
    for (uint32_t d = 0; !e && d < ids->cols; d++) {
        const char *id;
        RD_TEXT(x, RD_DISCIPLINES, 0, d, &id);
        RD_TEXT(x, RD_DISCIPLINE_NAMES, d, 0, &label);
        RD_SET(x, RD_DISCIPLINES, 0, d, igo_model_add_discipline(x->model, id, or_null(label)));
    }
    return e;
}

static igo_error read_production(rd *x)
{
    for (uint32_t p = 0; p < x->blocks[RD_PRESTATIES].rows; p++) {
        double count, tariff;
        int given_count, given_tariff;
        RD_NUMBER(x, RD_COUNTS, p, 0, &count, &given_count);
        RD_NUMBER(x, RD_TARIFFS, p, 0, &tariff, &given_tariff);
        if (given_count || given_tariff)
            RD_SET(x, RD_COUNTS, p, 0,
                   igo_model_set_production(x->model, x->model->prestaties.v[p].code, count,
                                            tariff));
        double costs;
        int given_costs = 0;
        if (p < x->blocks[RD_PRESTATIE_COSTS].rows) /* (a workbook may lack the column) */
            RD_NUMBER(x, RD_PRESTATIE_COSTS, p, 0, &costs, &given_costs);
        if (given_costs)
            RD_SET(x, RD_PRESTATIE_COSTS, p, 0,
                   igo_model_set_prestatie_costs(x->model, x->model->prestaties.v[p].code,
                                                 costs));
    }
    return IGO_OK;
}

static igo_error read_costs(rd *x, const wb_text *t)
{
    const char *modes[] = {t->mode_amount, t->mode_percent};
    for (uint32_t k = 0; k < IGO_COST_COUNT; k++) {
        int mode, given_amount, given_share;
        double amount, share;
        igo_error e = igoi_rd_choice(x, RD_COSTS, k, 0, modes, 2, &mode);
        if (e)
            return e;
        RD_NUMBER(x, RD_COSTS, k, 1, &amount, &given_amount);
        RD_NUMBER(x, RD_COSTS, k, 2, &share, &given_share);
        if (mode == 0 ? given_share : given_amount)
            return igoi_rd_fail(x, RD_COSTS, k, mode == 0 ? 2 : 1, IGO_ERROR_VALUE,
                                "the cost is given as %s, but this cell holds a value: clear it "
                                "or choose the other way", modes[mode]);
        if (!given_amount && !given_share)
            continue; /* never set: the core's default, no cost */
        RD_SET(x, RD_COSTS, k, 1 + (uint32_t)mode,
               igo_model_set_cost(x->model, (igo_cost)k, mode ? IGO_COST_SHARE : IGO_COST_AMOUNT,
                                  mode ? share : amount));
    }
    return IGO_OK;
}

/* The prestaties an outside line is charged to: its flag cells, 1 or empty/0. */
static igo_error outside_targets(rd *x, uint32_t r, const char **targets, size_t *n)
{
    *n = 0;
    for (uint32_t p = 0; p < x->blocks[RD_PRESTATIES].rows; p++) {
        double flag;
        int given;
        RD_NUMBER(x, RD_OUTSIDE, r, 3 + p, &flag, &given);
        if (flag != 0 && flag != 1)
            return igoi_rd_fail(x, RD_OUTSIDE, r, 3 + p, IGO_ERROR_VALUE,
                                "a target flag is 1 (charged) or 0, not %.15g", flag);
        if (flag == 1)
            targets[(*n)++] = x->model->prestaties.v[p].code;
    }
    return IGO_OK;
}

static igo_error read_outside(rd *x)
{
    const rd_block *b = &x->blocks[RD_OUTSIDE];
    const char **targets = malloc((x->blocks[RD_PRESTATIES].rows + 1) * sizeof *targets);
    igo_error e = targets ? IGO_OK : igoi_fail(x->model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (uint32_t r = 0; !e && r < b->rows; r++) {
        const char *label;
        double count, tariff;
        int given;
        size_t n;
        if (igoi_rd_empty_row(x, RD_OUTSIDE, r, b->cols - 1))
            continue;
        if (!(e = igoi_rd_text(x, RD_OUTSIDE, r, 0, &label)) &&
            !(e = igoi_rd_number(x, RD_OUTSIDE, r, 1, &count, &given)) &&
            !(e = igoi_rd_number(x, RD_OUTSIDE, r, 2, &tariff, &given)) &&
            !(e = outside_targets(x, r, targets, &n)) &&
            (e = igo_model_add_outside(x->model, label, count, tariff, targets, n)))
            igoi_rd_prefix(x, RD_OUTSIDE, r, 0, e);
    }
    free(targets);
    return e;
}

static igo_error read_keys(rd *x, const wb_text *t)
{
    const char *yes_no[] = {t->yes, t->no}, *sources[] = {t->source_direct, t->source_history};
    int normalise, source;
    igo_error e = igoi_rd_choice(x, RD_NORMALISE, 0, 0, yes_no, 2, &normalise);
    if (e)
        return e;
    RD_SET(x, RD_NORMALISE, 0, 0, igo_model_set_normalise_keys(x->model, normalise == 0));
    for (uint32_t p = 0; p < x->blocks[RD_KEYS].rows; p++) {
        if ((e = igoi_rd_choice(x, RD_KEY_SOURCE, p, 0, sources, 2, &source)))
            return e;
        for (uint32_t d = 0; d < x->blocks[RD_KEYS].cols; d++) {
            double fraction;
            int given;
            RD_NUMBER(x, RD_KEYS, p, d, &fraction, &given);
            if (given && source == 1)
                return igoi_rd_fail(x, RD_KEYS, p, d, IGO_ERROR_KEY_CONFLICT,
                                    "prestatie %s takes its key from history, but this cell "
                                    "holds a percentage: clear it or choose %s",
                                    x->model->prestaties.v[p].code, t->source_direct);
            if (given)
                RD_SET(x, RD_KEYS, p, d,
                       igo_model_set_key(x->model, x->model->prestaties.v[p].code,
                                         x->model->disciplines.v[d].id, fraction));
        }
    }
    return IGO_OK;
}

static igo_error read_provider(rd *x, uint32_t r)
{
    const char *id, *name, *discipline;
    RD_TEXT(x, RD_PROVIDERS, r, 0, &id);
    RD_TEXT(x, RD_PROVIDERS, r, 1, &name);
    RD_TEXT(x, RD_PROVIDERS, r, 2, &discipline);
    RD_SET(x, RD_PROVIDERS, r, *discipline ? 0 : 2,
           igo_model_add_provider(x->model, id, or_null(name), discipline));
    for (uint32_t p = 0; p < x->blocks[RD_VOLUMES].cols; p++) {
        double volume;
        int given;
        RD_NUMBER(x, RD_VOLUMES, r, p, &volume, &given);
        if (given)
            RD_SET(x, RD_VOLUMES, r, p,
                   igo_model_set_volume(x->model, x->model->prestaties.v[p].code, id, volume));
    }
    return IGO_OK;
}

static igo_error read_providers(rd *x)
{
    igo_error e = IGO_OK;
    uint32_t last_volume = x->blocks[RD_VOLUMES].cols - 1;
    for (uint32_t r = 0; !e && r < x->blocks[RD_PROVIDERS].rows; r++)
        if (!igoi_rd_empty_row(x, RD_PROVIDERS, r, 2) || !igoi_rd_empty_row(x, RD_VOLUMES, r, last_volume))
            e = read_provider(x, r);
    return e;
}

/* The text in a column of the classification's first row for code ("" when none). */
static igo_error classified(rd *x, const char *code, uint32_t column, const char **text)
{
    *text = "";
    for (uint32_t r = 0; r < x->blocks[RD_CLASSES].rows; r++) {
        const char *other;
        RD_TEXT(x, RD_CLASSES, r, CLASS_CODE, &other);
        if (strcmp(other, code) == 0) {
            RD_TEXT(x, RD_CLASSES, r, column, text);
            return IGO_OK;
        }
    }
    return IGO_OK;
}

/* A history line: its code, count and amount (the core keeps count and tariff = amount /
 * count); its discipline and prestatie as given, else its code's in the classification. */
static igo_error read_history_line(rd *x, uint32_t r)
{
    const char *code, *discipline, *prestatie;
    double count, amount;
    int given;
    RD_TEXT(x, RD_HISTORY, r, 0, &code);
    RD_NUMBER(x, RD_HISTORY, r, HIST_COUNT, &count, &given);
    RD_NUMBER(x, RD_HISTORY, r, HIST_AMOUNT, &amount, &given);
    RD_TEXT(x, RD_HISTORY, r, HIST_DISC, &discipline);
    RD_TEXT(x, RD_HISTORY, r, HIST_PRESTATIE, &prestatie);
    igo_error e = IGO_OK;
    if (!*discipline)
        e = classified(x, code, CLASS_DISCIPLINE, &discipline);
    if (!e && !*prestatie)
        e = classified(x, code, CLASS_PRESTATIE, &prestatie);
    if (e)
        return e;
    if (count == 0 && amount != 0)
        return igoi_rd_fail(x, RD_HISTORY, r, HIST_COUNT, IGO_ERROR_VALUE,
                            "an amount of %.15g without a count", amount);
    RD_SET(x, RD_HISTORY, r, 0,
           igo_model_add_history(x->model, code, discipline, prestatie, count,
                                 count ? amount / count : 0));
    return IGO_OK;
}

static igo_error read_history(rd *x)
{
    igo_error e = IGO_OK;
    for (uint32_t r = 0; !e && r < x->blocks[RD_HISTORY].rows; r++)
        if (!igoi_rd_empty_row(x, RD_HISTORY, r, HIST_PRESTATIE)) /* the columns after are formulas */
            e = read_history_line(x, r);
    return e;
}

static igo_error read_regio(rd *x)
{
    for (uint32_t i = 0; i < IGO_REGIO_COUNT; i++) {
        int block = i < 8 ? RD_REGIO_LINES : RD_REGIO_ADMISSIONS;
        uint32_t r = i < 8 ? i : i - 8;
        double count;
        int given;
        RD_NUMBER(x, block, r, 0, &count, &given);
        if (given)
            RD_SET(x, block, r, 0, igo_model_set_regio(x->model, igo_regio_field(i), count));
    }
    for (uint32_t r = 0; r < x->blocks[RD_REASONS].rows; r++) {
        const char *reason;
        double count;
        int given;
        if (igoi_rd_empty_row(x, RD_REASONS, r, 1))
            continue;
        RD_TEXT(x, RD_REASONS, r, 0, &reason);
        RD_NUMBER(x, RD_REASONS, r, 1, &count, &given);
        RD_SET(x, RD_REASONS, r, 0, igo_model_set_transfer_reason(x->model, reason, count));
    }
    return IGO_OK;
}

/* A provider row's fixed part: amount, minimum volume and reduction, the amount required. */
static igo_error read_fixed_part(rd *x, uint32_t r)
{
    const int b = RD_FIXED;
    double v[3];
    int given[3];
    for (uint32_t c = 0; c < 3; c++)
        RD_NUMBER(x, b, r, FX_AMOUNT + c, &v[c], &given[c]);
    if (!given[0] && !given[1] && !given[2])
        return IGO_OK;
    const char *id;
    igo_error e = igoi_rd_provider_id(x, b, r, &id);
    if (e)
        return e;
    if (!*id)
        return igoi_rd_fail(x, b, r, FX_AMOUNT, IGO_ERROR_VALUE,
                            "a fixed part on a row without a provider");
    if (!given[0])
        return igoi_rd_fail(x, b, r, FX_AMOUNT, IGO_ERROR_VALUE,
                            "provider '%s': the fixed part's amount is missing", id);
    /* (a refusal names the cell of the value refused) */
    uint32_t at = !(v[2] >= 0 && v[2] <= 1) ? FX_REDUCTION
                  : !(v[1] >= 0 && v[1] <= IGO_MAX_EUR) ? FX_MIN : FX_AMOUNT;
    RD_SET(x, b, r, at, igo_model_set_fixed_part(x->model, id, v[0], v[1], v[2]));
    return IGO_OK;
}

static igo_error read_fixed_parts(rd *x)
{
    if (!(x->want >> RD_FIXED & 1))
        return IGO_OK; /* (an older workbook) */
    igo_error e = igoi_rd_shape(x, RD_FIXED, 0, FX_REDUCTION + 1);
    for (uint32_t r = 0; !e && r < x->blocks[RD_FIXED].rows; r++)
        e = read_fixed_part(x, r);
    return e;
}

static igo_error read_bonuses(rd *x, igo_lang lang)
{
    const wb_text *t = igoi_wb_texts(lang);
    const wb_bonus_text *bt = igoi_wb_bonus_texts(lang);
    const char *const modes[2] = {t->mode_amount, t->mode_percent};
    const char *const better[2] = {bt->higher, bt->lower};
    return igoi_rd_bonuses(x, modes, better);
}

/* Every block's shape against the catalogue it depends on. */
static igo_error check_shapes(rd *x)
{
    uint32_t prestaties = x->blocks[RD_PRESTATIES].rows;
    uint32_t disciplines = x->blocks[RD_DISCIPLINES].cols;
    uint32_t providers = x->blocks[RD_PROVIDERS].rows;
    const struct { int block; uint32_t rows, cols; } shapes[] = {
        {RD_REGIO, 1, 1},          {RD_PRESTATIES, 0, 4},        {RD_COUNTS, prestaties, 1},
        {RD_TARIFFS, prestaties, 1}, {RD_COSTS, IGO_COST_COUNT, 3}, {RD_OUTSIDE, 0, 3 + prestaties},
        {RD_DISCIPLINES, 1, 0},    {RD_KEY_SOURCE, prestaties, 1}, {RD_NORMALISE, 1, 1},
        {RD_KEYS, prestaties, disciplines}, {RD_PROVIDERS, 0, 3},
        {RD_VOLUMES, providers, prestaties}, {RD_HISTORY, 0, HIST_COLUMNS},
        {RD_REGIO_LINES, 8, 1}, {RD_REGIO_ADMISSIONS, 4, 1}, {RD_REASONS, 0, 2},
        {RD_CLASSES, 0, CLASS_COLUMNS}};
    igo_error e = IGO_OK;
    for (size_t i = 0; !e && i < sizeof shapes / sizeof shapes[0]; i++)
        e = igoi_rd_shape(x, shapes[i].block, shapes[i].rows, shapes[i].cols);
    /* (when present: an older workbook lacks the IGO costs per prestatie) */
    if (!e && (x->want >> RD_PRESTATIE_COSTS & 1))
        e = igoi_rd_shape(x, RD_PRESTATIE_COSTS, prestaties, 1);
    return e;
}

/* The workbook's language: the one whose sheet names it uses. */
static igo_lang language(const rd *x)
{
    const char *sheet = x->blocks[RD_COUNTS].sheet_name;
    return strcmp(sheet, igoi_wb_texts(IGO_LANG_EN)->sheet[WB_CARE_IN]) == 0 ? IGO_LANG_EN
                                                                             : IGO_LANG_NL;
}

static igo_error read_model(rd *x, igo_lang *lang)
{
    igo_error e = igoi_rd_load(x);
    if (!e)
        e = check_shapes(x);
    if (e)
        return e;
    igo_lang found = language(x);
    const wb_text *t = igoi_wb_texts(found);
    if (!(e = read_catalogue(x)) && !(e = read_production(x)) && !(e = read_costs(x, t)) &&
        !(e = read_outside(x)) && !(e = read_keys(x, t)) && !(e = read_providers(x)) &&
        !(e = read_fixed_parts(x)) &&
        !(e = read_history(x)) && !(e = read_regio(x)) && !(e = read_bonuses(x, found)) &&
        lang)
        *lang = found;
    return e;
}

igo_error igo_workbook_read(igo_model *model, const char *path, igo_lang *lang)
{
    if (!model)
        return IGO_ERROR_ARGUMENT;
    if (!path || !*path)
        return igoi_fail(model->errmsg, IGO_ERROR_ARGUMENT, "workbook: no file name");
    if (model->prestaties.n || model->disciplines.n || model->providers.n)
        return igoi_fail(model->errmsg, IGO_ERROR_ARGUMENT,
                         "workbook: read it into a new, empty model");
    rd x = {.book = igo_xlsx_new(), .model = model, .path = path, .want = RD_MODEL_WANTED,
            .optional = RD_MODEL_OPTIONAL};
    if (!x.book)
        return igoi_fail(model->errmsg, IGO_ERROR_MEMORY, "out of memory");
    igo_xlsx_set_progress(x.book, model->progress.fn, model->progress.data); /* Ctrl-C */
    igo_error e = igo_xlsx_open(x.book, path);
    if (e)
        igoi_fail(model->errmsg, e, "%s", igo_xlsx_errmsg(x.book));
    else
        e = read_model(&x, lang);
    igoi_rd_free(&x);
    igo_xlsx_free(x.book);
    if (!e)
        model->errmsg[0] = '\0';
    return e;
}
