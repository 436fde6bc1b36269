/* Uitkomsten verdeling: the distribution's results, each a formula on the Berekening sheet, with
 * two native charts (how the income is split; income per provider). */
#include "wb.h"

enum { RESULTS = WB_RESULTS, CALC = WB_CALC };

static void chart_at(wb *w, int row, int col, lxw_chart *chart)
{
    lxw_chart_options place = {.x_scale = 1.25, .y_scale = 1.25};
    igoi_wb_keep(w, worksheet_insert_chart_opt(w->ws[RESULTS], (lxw_row_t)row, (lxw_col_t)col,
                                               chart, &place));
}

static void income_block(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const igo_result *r = w->r;
    const int row = at->results.income;
    const char *head[] = {"", t->amount, t->of_income};
    const char *labels[6] = {t->total_income, t->cost_names[0], t->cost_names[1], t->cost_names[2],
                             t->outside, t->distributed};
    int64_t cents[6] = {igo_result_income(r), igo_result_cost(r, IGO_COST_BEHEERSKOSTEN),
                        igo_result_cost(r, IGO_COST_INNOVATIE_KWALITEIT),
                        igo_result_cost(r, IGO_COST_OVERIG), igo_result_outside_total(r),
                        igo_result_distributed(r)};
    int from[6] = {0, 1, 2, 3, 4, 5}; /* the rows of Berekening's totals block */
    igoi_wb_string(w, RESULTS, row - 2, 0, t->results_income_title, w->f.bold);
    igoi_wb_header(w, RESULTS, row - 1, 0, head, 3);
    for (int i = 0; i < 6; i++) {
        igoi_wb_string(w, RESULTS, row + i, 0, labels[i], i == 0 ? w->f.bold : w->f.text);
        igoi_wb_result(w, RESULTS, row + i, 1, i == 0 ? w->f.money_total : w->f.money,
                       wb_eur(cents[i]), 0, "=%s",
                       igoi_wb_at(w, CALC, at->calc.totals + from[i], 1).s);
        igoi_wb_formula(w, RESULTS, row + i, 2, w->f.pct,
                        cents[0] ? wb_eur(cents[i]) / wb_eur(cents[0]) : 0, "=IF(%s=0,0,%s/%s)",
                        igoi_wb_at(w, -1, row, 1).s, igoi_wb_rel(row + i, 1).s,
                        igoi_wb_at(w, -1, row, 1).s);
    }
}

static void discipline_block(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int row = at->results.disciplines, discipline_count = (int)at->discipline_count;
    const int64_t *discipline_totals = igo_result_discipline_totals(w->r);
    int64_t income = igo_result_income(w->r), sum = 0;
    const char *head[] = {t->prov_discipline, t->amount, t->of_income};
    igoi_wb_string(w, RESULTS, row - 2, 0, t->results_disc_title, w->f.bold);
    igoi_wb_header(w, RESULTS, row - 1, 0, head, 3);
    igoi_wb_name(w, "Disciplinenamen",
                 igoi_wb_range(w, RESULTS, row, 0, row + discipline_count - 1, 0));
    for (int d = 0; d < discipline_count; d++) {
        sum += discipline_totals[d];
        igoi_wb_string(w, RESULTS, row + d, 0, w->m->disciplines.v[d].label, w->f.text);
        igoi_wb_result(
            w, RESULTS, row + d, 1, w->f.money, wb_eur(discipline_totals[d]), 0, "=%s",
            igoi_wb_at(w, CALC, at->calc.discipline_parts + (int)at->prestatie_count, 1 + d).s);
        igoi_wb_formula(w, RESULTS, row + d, 2, w->f.pct,
                        income ? wb_eur(discipline_totals[d]) / wb_eur(income) : 0,
                        "=IF(%s=0,0,%s/%s)", igoi_wb_at(w, -1, at->results.income, 1).s,
                        igoi_wb_rel(row + d, 1).s, igoi_wb_at(w, -1, at->results.income, 1).s);
    }
    igoi_wb_string(w, RESULTS, row + discipline_count, 0, t->total, w->f.bold);
    igoi_wb_formula(w, RESULTS, row + discipline_count, 1, w->f.money_total, wb_eur(sum),
                    "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, row, 1, row + discipline_count - 1, 1).s);
}

/* The key the distribution uses, in percent: a row per prestatie, in blocks of
 * BREAKDOWN_COLUMNS disciplines (the sheet stays as wide as its other tables). */
static void key_block(wb *w, int row, int first, int last)
{
    const wb_layout *at = &w->at;
    igoi_wb_string(w, RESULTS, row - 2, 0, w->t->results_key_title, w->f.bold);
    igoi_wb_string(w, RESULTS, row - 1, 0, w->t->code, w->f.header);
    for (int d = first; d <= last; d++)
        igoi_wb_string(w, RESULTS, row - 1, 1 + d - first, w->m->disciplines.v[d].id,
                       w->f.header);
    for (int p = 0; p < (int)at->prestatie_count; p++) {
        igoi_wb_string(w, RESULTS, row + p, 0, w->m->prestaties.v[p].code, w->f.text);
        for (int d = first; d <= last; d++)
            igoi_wb_result(w, RESULTS, row + p, 1 + d - first, w->f.pct2,
                           w->pl->key[(size_t)p * at->discipline_count + (size_t)d], 1, "=%s",
                           igoi_wb_at(w, CALC, at->calc.key + p, 2 + d).s);
    }
}

/* A table of `count` columns in blocks of BREAKDOWN_COLUMNS, one below the other, each block
 * `rows` high (plus its title, header and an empty row): block(w, its row, first, last). */
static void in_blocks(wb *w, int row, int count, int rows,
                      void (*block)(wb *w, int row, int first, int last))
{
    for (int first = 0; first < count; first += BREAKDOWN_COLUMNS, row += rows + 3)
        block(w, row, first,
              first + BREAKDOWN_COLUMNS > count ? count - 1 : first + BREAKDOWN_COLUMNS - 1);
}

/* The chart of how the income is split: the costs, outside activities and each discipline. */
static void split_chart(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int row = at->results.chart_data, discipline_count = (int)at->discipline_count;
    const int n = 4 + discipline_count;
    igoi_wb_string(w, RESULTS, row - 2, 0, t->results_chart_split, w->f.bold);
    const char *head[] = {"", t->amount};
    igoi_wb_header(w, RESULTS, row - 1, 0, head, 2);
    for (int i = 0; i < n; i++) {
        int source = i < 4 ? at->results.income + 1 + i : at->results.disciplines + (i - 4);
        igoi_wb_formula_text(w, RESULTS, row + i, 0, w->f.text,
                             i < 3    ? t->cost_names[i]
                             : i == 3 ? t->outside
                                      : w->m->disciplines.v[i - 4].label,
                             "=%s", igoi_wb_rel(source, 0).s);
        int64_t cents = i < 3 ? igo_result_cost(w->r, (igo_cost)i)
                        : i == 3 ? igo_result_outside_total(w->r)
                                 : igo_result_discipline_totals(w->r)[i - 4];
        igoi_wb_formula(w, RESULTS, row + i, 1, w->f.money, wb_eur(cents), "=%s",
                        igoi_wb_rel(source, 1).s);
    }
    lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_PIE);
    char categories[160], values[160];
    snprintf(categories, sizeof categories, "=%s",
             igoi_wb_range(w, RESULTS, row, 0, row + n - 1, 0).s);
    snprintf(values, sizeof values, "=%s", igoi_wb_range(w, RESULTS, row, 1, row + n - 1, 1).s);
    lxw_chart_series *series = chart_add_series(chart, categories, values);
    chart_series_set_labels(series);
    chart_series_set_labels_percentage(series); /* a pie's labels: shares */
    chart_title_set_name(chart, t->results_chart_split);
    chart_at(w, at->results.split_chart, 0, chart);
    igoi_wb_string(w, RESULTS, at->results.check, 0, t->results_check, w->f.bold);
    igoi_wb_formula(w, RESULTS, at->results.check, 1, w->f.money_total, 0, "=%s",
                    igoi_wb_at(w, CALC, at->calc.totals + 7, 1).s);
}

/* The providers' ids, names and disciplines, from Berekening. */
static void provider_labels(wb *w, int r, int o, int columns)
{
    const igo_model *m = w->m;
    int used = (size_t)o < m->providers.n;
    const char *texts[3] = {used ? m->providers.v[o].id : "", used ? m->providers.v[o].name : "",
                            used ? m->disciplines.v[m->providers.v[o].discipline].id : ""};
    for (int c = 0; c < columns; c++)
        igoi_wb_formula_text(w, RESULTS, r, c, w->f.text, texts[c], "=%s",
                             igoi_wb_at(w, CALC, w->at.calc.provider_parts + o, c).s);
}

/* Per provider: its total and share of the income. */
static void provider_table(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int row = at->results.providers, provider_rows = (int)at->provider_rows;
    const int prestatie_count = (int)at->prestatie_count;
    const char *head[] = {t->prov_id, t->prov_name, t->prov_discipline, t->total, t->of_income};
    int64_t income = igo_result_income(w->r);
    igoi_wb_string(w, RESULTS, row - 2, 0, t->results_prov_title, w->f.bold);
    igoi_wb_header(w, RESULTS, row - 1, 0, head, 5);
    for (int o = 0; o < provider_rows; o++) {
        int used = (size_t)o < w->m->providers.n, r = row + o;
        int64_t total = used ? igo_result_provider_totals(w->r)[o] : 0;
        provider_labels(w, r, o, 3);
        igoi_wb_result(w, RESULTS, r, 3, used ? w->f.money : w->f.money_quiet, wb_eur(total), 1,
                       "=%s",
                       igoi_wb_at(w, CALC, at->calc.provider_parts + o, 3 + prestatie_count).s);
        igoi_wb_formula(w, RESULTS, r, 4, used ? w->f.pct : w->f.pct_quiet,
                        income ? wb_eur(total) / wb_eur(income) : 0, "=IF(%s=0,0,%s/%s)",
                        igoi_wb_at(w, -1, at->results.income, 1).s, igoi_wb_rel(r, 3).s,
                        igoi_wb_at(w, -1, at->results.income, 1).s);
    }
    igoi_wb_string(w, RESULTS, row + provider_rows, 0, t->total, w->f.bold);
    igoi_wb_formula(w, RESULTS, row + provider_rows, 3, w->f.money_total,
                    wb_eur(igo_result_distributed(w->r)), "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, row, 3, row + provider_rows - 1, 3).s);
}

/* Per provider and prestatie: its money, in blocks of BREAKDOWN_COLUMNS prestaties one below
 * the other, so that the sheet is no wider than its other tables (columns A to E) and prints on
 * the page's width as large as they do. */
static void breakdown_block(wb *w, int row, int first, int last)
{
    const wb_layout *at = &w->at;
    const igo_model *m = w->m;
    char title[300];
    snprintf(title, sizeof title, "%s (%s - %s)", w->t->results_breakdown_title,
             m->prestaties.v[first].code, m->prestaties.v[last].code);
    igoi_wb_string(w, RESULTS, row - 2, 0, title, w->f.bold);
    igoi_wb_string(w, RESULTS, row - 1, 0, w->t->prov_id, w->f.header);
    for (int p = first; p <= last; p++)
        igoi_wb_string(w, RESULTS, row - 1, 1 + p - first, m->prestaties.v[p].code, w->f.header);
    for (int o = 0; o < (int)at->provider_rows; o++) {
        int used = (size_t)o < m->providers.n, r = row + o;
        provider_labels(w, r, o, 1);
        for (int p = first; p <= last; p++) {
            const int64_t *parts = igo_result_providers(w->r);
            double cached = used ? wb_eur(parts[(size_t)p * m->providers.n + (size_t)o]) : 0;
            igoi_wb_result(w, RESULTS, r, 1 + p - first, used ? w->f.money : w->f.money_quiet,
                           cached, 1, "=%s",
                           igoi_wb_at(w, CALC, at->calc.provider_parts + o, 3 + p).s);
        }
    }
}

/* The chart of each provider's total, below their table, as tall as they need. */
static void provider_chart(wb *w)
{
    const wb_layout *at = &w->at;
    const int row = at->results.providers, provider_rows = (int)at->provider_rows;
    lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_BAR);
    char categories[160], values[160];
    snprintf(categories, sizeof categories, "=%s",
             igoi_wb_range(w, RESULTS, row, 1, row + provider_rows - 1, 1).s);
    snprintf(values, sizeof values, "=%s",
             igoi_wb_range(w, RESULTS, row, 3, row + provider_rows - 1, 3).s);
    lxw_chart_series *series = chart_add_series(chart, categories, values);
    chart_series_set_name(series, w->t->total);
    chart_title_set_name(chart, w->t->results_chart_providers);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_format(chart->x_axis, "\"€ \"#,##0");
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_interval_unit(chart->y_axis, 1); /* every provider's name, none skipped */
    lxw_chart_options place = {.x_scale = 1.25, .y_scale = at->results.provider_chart_scale};
    igoi_wb_keep(w, worksheet_insert_chart_opt(w->ws[RESULTS],
                                               (lxw_row_t)at->results.provider_chart,
                                               0, chart, &place));
}

void igoi_wb_sheet_results(wb *w)
{
    igoi_wb_heading(w, RESULTS, w->t->results_title, w->m->name ? w->m->name : NULL);
    igoi_wb_checks_summary(w);
    income_block(w);
    discipline_block(w);
    in_blocks(w, w->at.results.key, (int)w->at.discipline_count, (int)w->at.prestatie_count,
              key_block);
    split_chart(w);
    provider_table(w);
    provider_chart(w);
    in_blocks(w, w->at.results.breakdown, (int)w->at.prestatie_count, (int)w->at.provider_rows,
              breakdown_block);
    igoi_wb_width(w, RESULTS, 0, 0, 38);
    igoi_wb_width(w, RESULTS, 1, 1, 34);
    igoi_wb_width(w, RESULTS, 2, BREAKDOWN_COLUMNS, 15);
    igoi_wb_finish_sheet(w, RESULTS, 2, 0);
}
