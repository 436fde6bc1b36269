/* Where each block of each sheet goes. Input tables get spare rows, so that users can add
 * providers, outside activities, history lines and reasons in Excel itself. */
#include "bonus_wb.h"

static size_t at_least(size_t used, size_t spare, size_t minimum)
{
    return used + spare > minimum ? used + spare : minimum;
}

static wb_check_at column(int sheet, int row1, size_t rows, int col)
{
    return (wb_check_at){sheet, row1, row1 + (int)rows - 1, col};
}

/* Each check's message column: right of its input table. */
static void make_check_layout(wb_layout *at)
{
    const int prestatie_count = (int)at->prestatie_count;
    const int discipline_count = (int)at->discipline_count;
    wb_check_at *c = at->check;
    c[CHK_PRESTATIES] = column(WB_CARE_IN, at->care_in.prestaties, at->prestatie_count,
                               CARE_COSTS + 1);
    c[CHK_COSTS] = column(WB_CARE_IN, at->care_in.costs, IGO_COST_COUNT, COST_PERCENT + 1);
    c[CHK_OUTSIDE] = column(WB_CARE_IN, at->care_in.outside, at->outside_rows,
                            OUT_FLAGS + prestatie_count);
    c[CHK_NORMALISE] = column(WB_SPLIT_IN, at->split_in.normalise, 1, KEY_SOURCE + 1);
    c[CHK_KEYS] = column(WB_SPLIT_IN, at->split_in.key, at->prestatie_count,
                         KEY_PCT + 2 * discipline_count + 1); /* after the key used */
    c[CHK_PROVIDERS] = column(WB_SPLIT_IN, at->split_in.providers, at->provider_rows,
                              PROV_VOL + prestatie_count);
    c[CHK_FIXED] = column(WB_SPLIT_IN, at->split_in.fixed, at->provider_rows, FX_CHECK);
    c[CHK_HISTORY] = column(WB_SPLIT_IN, at->split_in.history, at->history_rows, HIST_COLUMNS);
    c[CHK_REGIO_LINES] = column(WB_REGIO_IN, at->regio_in.fields[0], 8, 2);
    c[CHK_ADMISSIONS] = column(WB_REGIO_IN, at->regio_in.fields[8], 4, 2);
    c[CHK_REASONS] = column(WB_REGIO_IN, at->regio_in.reasons, at->reason_rows, 2);
    c[CHK_RECONCILE] = column(WB_CALC, at->calc.totals + 7, 1, 2);
    const wb_bonus_layout *bn = &at->bn;
    c[CHK_BN_POOL] = column(WB_BONUS, bn->pool, 1, BP_CHECK);
    c[CHK_BN_INDICATORS] = column(WB_BONUS, bn->indicators, bn->indicator_rows, BI_CHECK);
    c[CHK_BN_VALUES] = column(WB_BONUS, bn->values, at->provider_rows,
                              BV_VALUES + (int)bn->indicator_rows + BV_CHECK);
}

/* Kwaliteitsbonussen: the pool, its figures, the indicators, the values grid (with its three
 * rows of each indicator's target, direction and weight above its header). */
static void make_bonus_layout(const igo_model *m, wb_bonus_layout *bn)
{
    bn->indicator_rows = at_least(m->indicators.n, 2, 4);
    bn->pool = 6;
    bn->figures = bn->pool + 3;
    bn->indicators = bn->figures + 6 + 3;
    bn->values = bn->indicators + (int)bn->indicator_rows + 6;
}

void igoi_wb_make_layout(const igo_model *m, size_t class_rows, int checks, wb_layout *at)
{
    at->checks = checks;
    at->prestatie_count = m->prestaties.n, at->discipline_count = m->disciplines.n;
    at->outside_rows = at_least(m->outside.n, 2, 4);
    at->provider_rows = at_least(m->providers.n, 5, 25);
    /* Room for every code of the classification, and more. */
    at->history_rows = at_least(m->history.n, 10, class_rows > 160 ? class_rows : 160);
    at->class_rows = at_least(class_rows, 40, 160);
    at->class_in.table = 5;
    at->reason_rows = at_least(m->reasons.n, 4, 12);
    const int prestatie_count = (int)at->prestatie_count;
    const int discipline_count = (int)at->discipline_count;
    const int outside_rows = (int)at->outside_rows, provider_rows = (int)at->provider_rows;
    const int reason_rows = (int)at->reason_rows;

    /* Each block: a title row, a header row, then its rows; one empty row between blocks. */
    at->care_in.prestaties = 5;
    at->care_in.costs = at->care_in.prestaties + prestatie_count + 3;
    at->care_in.outside = at->care_in.costs + 3 + 3;

    at->split_in.normalise = 3;
    at->split_in.key = 7;
    at->split_in.providers = at->split_in.key + prestatie_count + 3;
    at->split_in.fixed = at->split_in.providers + provider_rows + 3;
    at->split_in.history = at->split_in.fixed + provider_rows + 3;

    for (int i = 0; i < 8; i++)
        at->regio_in.fields[i] = 5 + i;
    for (int i = 8; i < 12; i++)
        at->regio_in.fields[i] = 16 + (i - 8);
    at->regio_in.reasons = 24;

    at->calc.income = 5;
    at->calc.largest_income = at->calc.income + prestatie_count + 1;
    at->calc.costs = at->calc.largest_income + 4;
    at->calc.outside_costs = at->calc.costs + 3 + 4;
    at->calc.outside_weights = at->calc.outside_costs + outside_rows + 3;
    at->calc.outside_rounded = at->calc.outside_weights + outside_rows + 3;
    at->calc.outside_parts = at->calc.outside_rounded + outside_rows + 3;
    at->calc.key = at->calc.outside_parts + outside_rows + 4;
    at->calc.discipline_rounded = at->calc.key + prestatie_count + 3;
    at->calc.discipline_parts = at->calc.discipline_rounded + prestatie_count + 3;
    at->calc.volumes = at->calc.discipline_parts + prestatie_count + 4;
    at->calc.fixed = at->calc.volumes + discipline_count + 3;
    at->calc.fixed_rest = at->calc.fixed + provider_rows + 3;
    at->calc.fixed_rounded = at->calc.fixed_rest + provider_rows + 3;
    at->calc.fixed_parts = at->calc.fixed_rounded + provider_rows + 3;
    at->calc.after_fixed = at->calc.fixed_parts + provider_rows + 3;
    at->calc.provider_largest = at->calc.after_fixed + prestatie_count + 3;
    at->calc.provider_rounded = at->calc.provider_largest + provider_rows + 3;
    at->calc.provider_parts = at->calc.provider_rounded + provider_rows + 3;
    at->calc.totals = at->calc.provider_parts + provider_rows + 4;
    at->calc.check_prestaties = at->calc.totals + 8 + 3;
    at->calc.check_grid = at->calc.check_prestaties + prestatie_count + 3;
    at->calc.check_providers = at->calc.check_grid + prestatie_count + 3;
    at->calc.check_history = at->calc.check_providers + provider_rows + 3;

    at->results.checks = 5;
    at->results.income = at->results.checks + checks + 1 + 3;
    at->results.disciplines = at->results.income + 6 + 3;
    /* The key used, in blocks of BREAKDOWN_COLUMNS disciplines, each a row per prestatie. */
    at->results.key = at->results.disciplines + discipline_count + 4;
    int key_blocks = (discipline_count + BREAKDOWN_COLUMNS - 1) / BREAKDOWN_COLUMNS;
    at->results.chart_data = at->results.key + key_blocks * (prestatie_count + 3) + 1;
    at->results.check = at->results.chart_data + 4 + discipline_count + 1;
    /* Everything in one column of tables and charts, no wider than a page: the pie chart below
     * the reconciliation (a chart is 288 pixels high at scale 1, a row 20), the provider table
     * below it, the bar chart of the providers below that with a row of it per provider, and
     * the money per provider and prestatie last. */
    at->results.split_chart = at->results.check + 2;
    at->results.providers = at->results.split_chart + (int)(288 * 1.25 / 20) + 1 + 3;
    double rows = (double)at->provider_rows;
    at->results.provider_chart_scale = rows > 20 ? rows / 20 * 1.25 : 1.25;
    at->results.provider_chart = at->results.providers + provider_rows + 2;
    at->results.breakdown = at->results.provider_chart +
                            (int)(288 * at->results.provider_chart_scale / 20) + 1 + 3;

    at->regio.lines = 5;
    at->regio.admissions = at->regio.lines + 8 + 3;
    at->regio.reasons = at->regio.admissions + 2 + 3;
    /* The three charts below the tables, 16 rows apart: the sheet no wider than its tables. */
    at->regio.charts = at->regio.reasons + reason_rows + 3;
    make_bonus_layout(m, &at->bn);
    make_check_layout(at);
}

void igoi_wb_make_trans_layout(wb_layout *at, size_t years, size_t rounds, size_t splits)
{
    wb_trans_layout *tr = &at->tr;
    const int provider_rows = (int)at->provider_rows;
    tr->year_rows = at_least(years, 2, 4);
    /* Room for more rounds than the core needed, as edits may need them, and never more
     * than a round per provider and one to show that nothing moves. */
    size_t most = at->provider_rows + 1, want = at_least(rounds, 3, 6);
    tr->rounds = (int)(want < most ? want : most);
    tr->splits = (int)at_least(splits, 1, 2);
    const int year_rows = (int)tr->year_rows;
    tr->limits = 6;
    tr->years = tr->limits + 2 + 4;
    tr->providers = tr->years + year_rows + 3;
    tr->paid = tr->providers + provider_rows + 3;
    tr->chart = tr->paid + provider_rows + 3;
    tr->detail = tr->chart + 22 + 3;
    tr->detail_height = provider_rows + 4;
    tr->blocks = 5;
    tr->block_height = provider_rows + 10;
    wb_check_at *c = at->check;
    c[CHK_TR_LIMITS] = column(WB_TRANS, tr->limits, 2, 2);
    c[CHK_TR_YEARS] = column(WB_TRANS, tr->years, tr->year_rows, 2);
    c[CHK_TR_PROVIDERS] = column(WB_TRANS, tr->providers, at->provider_rows, 4);
}
