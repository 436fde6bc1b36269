/* Regiokenmerken: the region's Perined-type figures as counts and percentages, with charts. The
 * formulas read the input sheet; the cached values are computed here the same way. */
#include "wb.h"

enum { REGIO = WB_REGIO, REGIO_IN = WB_REGIO_IN };

/* a / b as the formula IF(b=0,0,a/b) gives it. */
static double ratio(double a, double b)
{
    return b == 0 ? 0 : a / b;
}

static void chart(wb *w, uint8_t type, const char *name, int row1, int row2, int at_row)
{
    lxw_chart *c = workbook_add_chart(w->book, type);
    char categories[160], values[160];
    snprintf(categories, sizeof categories, "=%s", igoi_wb_range(w, REGIO, row1, 0, row2, 0).s);
    snprintf(values, sizeof values, "=%s", igoi_wb_range(w, REGIO, row1, 1, row2, 1).s);
    lxw_chart_series *series = chart_add_series(c, categories, values);
    chart_series_set_name(series, w->t->women);
    chart_title_set_name(c, name);
    if (type == LXW_CHART_PIE) {
        chart_series_set_labels(series);
        chart_series_set_labels_percentage(series); /* a pie's labels: shares */
    } else {
        chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
    }
    igoi_wb_keep(w, worksheet_insert_chart(w->ws[REGIO], (lxw_row_t)at_row, 0, c));
}

/* Counts and shares of the eight women lines: starts as a share of all starts, transfers of the
 * first-line starts, birth types of all births. */
static void lines_block(wb *w)
{
    const wb_text *t = w->t;
    const double *x = w->m->regio;
    const int row = w->at.regio.lines;
    const char *head[] = {"", t->women, t->share, ""};
    igoi_wb_string(w, REGIO, row - 2, 0, t->regio_lines_title, w->f.bold);
    igoi_wb_header(w, REGIO, row - 1, 0, head, 4);
    for (int i = 0; i < 8; i++) {
        int first = i < 2 ? 0 : i < 5 ? 0 : 5, last = i < 2 ? 1 : i < 5 ? 0 : 7;
        const char *basis = i < 2 ? t->women : i < 5 ? t->of_first_line : t->of_births;
        double base = 0;
        for (int k = first; k <= last; k++)
            base += x[k];
        igoi_wb_formula_text(w, REGIO, row + i, 0, w->f.text, t->regio_fields[i], "=%s",
                             igoi_wb_at(w, REGIO_IN, w->at.regio_in.fields[i], 0).s);
        igoi_wb_result(w, REGIO, row + i, 1, w->f.whole, x[i], 0, "=%s",
                        igoi_wb_at(w, REGIO_IN, w->at.regio_in.fields[i], 1).s);
        wb_ref denominator = igoi_wb_range(w, -1, row + first, 1, row + last, 1);
        igoi_wb_formula(w, REGIO, row + i, 2, w->f.pct, ratio(x[i], base),
                        "=IF(SUM(%s)=0,0,%s/SUM(%s))", denominator.s, igoi_wb_rel(row + i, 1).s,
                        denominator.s);
        igoi_wb_string(w, REGIO, row + i, 3, basis, w->f.subtitle);
    }
    chart(w, LXW_CHART_PIE, t->regio_chart_start, row, row + 1, w->at.regio.charts);
    chart(w, LXW_CHART_COLUMN, t->regio_chart_partus, row + 5, row + 7, w->at.regio.charts + 16);
}

static void admissions_block(wb *w)
{
    const wb_text *t = w->t;
    const double *x = w->m->regio;
    const int row = w->at.regio.admissions;
    const char *head[] = {"", t->admissions, t->days, t->days_per_admission};
    const char *names[2] = {"Neonatologie", "NICU"};
    igoi_wb_string(w, REGIO, row - 2, 0, t->regio_admissions_title, w->f.bold);
    igoi_wb_header(w, REGIO, row - 1, 0, head, 4);
    for (int i = 0; i < 2; i++) {
        int admissions = 8 + 2 * i, days = admissions + 1, r = row + i;
        igoi_wb_string(w, REGIO, r, 0, names[i], w->f.text);
        igoi_wb_result(w, REGIO, r, 1, w->f.whole, x[admissions], 0, "=%s",
                        igoi_wb_at(w, REGIO_IN, w->at.regio_in.fields[admissions], 1).s);
        igoi_wb_result(w, REGIO, r, 2, w->f.whole, x[days], 0, "=%s",
                        igoi_wb_at(w, REGIO_IN, w->at.regio_in.fields[days], 1).s);
        igoi_wb_formula(w, REGIO, r, 3, w->f.ratio, ratio(x[days], x[admissions]),
                        "=IF(%s=0,0,%s/%s)", igoi_wb_rel(r, 1).s, igoi_wb_rel(r, 2).s,
                        igoi_wb_rel(r, 1).s);
    }
}

static void reasons_block(wb *w)
{
    const wb_text *t = w->t;
    const igo_model *m = w->m;
    const int row = w->at.regio.reasons, reason_rows = (int)w->at.reason_rows;
    const char *head[] = {t->reason, t->women, t->of_transfers};
    double total = 0;
    for (size_t i = 0; i < m->reasons.n; i++)
        total += m->reasons.v[i].count;
    igoi_wb_string(w, REGIO, row - 2, 0, t->regio_reasons_title, w->f.bold);
    igoi_wb_header(w, REGIO, row - 1, 0, head, 3);
    wb_ref all = igoi_wb_range(w, -1, row, 1, row + reason_rows - 1, 1);
    for (int i = 0; i < reason_rows; i++) {
        int used = (size_t)i < m->reasons.n, r = row + i;
        double n = used ? m->reasons.v[i].count : 0;
        wb_ref in_reason = igoi_wb_at(w, REGIO_IN, w->at.regio_in.reasons + i, 0);
        igoi_wb_formula_text(w, REGIO, r, 0, w->f.text, used ? m->reasons.v[i].reason : "",
                             "=IF(%s=\"\",\"\",%s)", in_reason.s, in_reason.s);
        igoi_wb_result(w, REGIO, r, 1, used ? w->f.whole : w->f.index_quiet, n, 1, "=%s",
                        igoi_wb_at(w, REGIO_IN, w->at.regio_in.reasons + i, 1).s);
        igoi_wb_formula(w, REGIO, r, 2, used ? w->f.pct : w->f.pct_quiet, ratio(n, total),
                        "=IF(SUM(%s)=0,0,%s/SUM(%s))",
                        all.s, igoi_wb_rel(r, 1).s, all.s);
    }
    igoi_wb_string(w, REGIO, row + reason_rows, 0, t->total, w->f.bold);
    igoi_wb_formula(w, REGIO, row + reason_rows, 1, w->f.whole, total, "=SUM(%s)", all.s);
    /* All rows, spare ones too: a reason added in the input's spare rows shows in the chart. */
    chart(w, LXW_CHART_BAR, t->regio_chart_reasons, row, row + reason_rows - 1,
          w->at.regio.charts + 32);
}

void igoi_wb_sheet_regio(wb *w)
{
    igoi_wb_heading(w, REGIO, w->t->regio_title, w->m->name ? w->m->name : NULL);
    igoi_wb_check_line(w, REGIO);
    lines_block(w);
    admissions_block(w);
    reasons_block(w);
    igoi_wb_width(w, REGIO, 0, 0, 44);
    igoi_wb_width(w, REGIO, 1, 2, 16);
    igoi_wb_width(w, REGIO, 3, 3, 24);
    igoi_wb_finish_sheet(w, REGIO, 3, 0);
}
