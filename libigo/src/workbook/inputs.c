/* The three input sheets: yellow, unlocked, validated cells holding the model's inputs, with
 * spare rows for additions. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wb.h"

enum { CARE_IN = WB_CARE_IN, SPLIT_IN = WB_SPLIT_IN, REGIO_IN = WB_REGIO_IN };

const char **igoi_wb_discipline_ids(wb *w)
{
    const char **ids = calloc(w->at.discipline_count + 1, sizeof *ids);
    if (!ids)
        igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    for (size_t d = 0; ids && d < w->at.discipline_count; d++)
        ids[d] = w->m->disciplines.v[d].id;
    return ids;
}

const char **igoi_wb_prestatie_codes(wb *w)
{
    const char **codes = calloc(w->at.prestatie_count + 1, sizeof *codes);
    if (!codes)
        igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    for (size_t p = 0; codes && p < w->at.prestatie_count; p++)
        codes[p] = w->m->prestaties.v[p].code;
    return codes;
}

/* A number input: the value, or an empty yellow cell. */
static void input_number(wb *w, int sheet, int row, int col, int given, double v, lxw_format *f)
{
    if (given)
        igoi_wb_number(w, sheet, row, col, v, f);
    else
        igoi_wb_blank(w, sheet, row, col, f);
}

static void care_table(wb *w)
{
    const int row = w->at.care_in.prestaties;
    const wb_text *t = w->t;
    const char *head[] = {t->code,  t->label,  t->phase,          t->unit,
                          t->count, t->tariff, t->prestatie_costs};
    igoi_wb_string(w, CARE_IN, row - 2, 0, "IG-prestaties", w->f.bold);
    igoi_wb_header(w, CARE_IN, row - 1, 0, head, 7);
    for (size_t p = 0; p < w->at.prestatie_count; p++) {
        const igo_prestatie *ip = &w->m->prestaties.v[p];
        int r = row + (int)p;
        igoi_wb_string(w, CARE_IN, r, 0, ip->code, w->f.text);
        igoi_wb_string(w, CARE_IN, r, 1, ip->label, w->f.text);
        igoi_wb_string(w, CARE_IN, r, 2, ip->phase, w->f.text);
        igoi_wb_string(w, CARE_IN, r, 3, ip->unit, w->f.text);
        /* Production never set stays an empty input cell, so that it reads back as not given. */
        input_number(w, CARE_IN, r, CARE_COUNT, ip->produced, ip->count, w->f.in_count);
        input_number(w, CARE_IN, r, CARE_TARIFF, ip->produced, ip->tariff, w->f.in_money);
        input_number(w, CARE_IN, r, CARE_COSTS, ip->costs_given, ip->costs, w->f.in_money);
    }
    int last = row + (int)w->at.prestatie_count - 1;
    igoi_wb_valid_number(w, CARE_IN, row, CARE_COUNT, last, CARE_COSTS);
    igoi_wb_count_style(w, CARE_IN, row, CARE_COUNT, last, CARE_COUNT);
    igoi_wb_name(w, "Prestaties", igoi_wb_range(w, CARE_IN, row, 0, last, 3));
    igoi_wb_name(w, "Aantallen", igoi_wb_range(w, CARE_IN, row, CARE_COUNT, last, CARE_COUNT));
    igoi_wb_name(w, "Tarieven", igoi_wb_range(w, CARE_IN, row, CARE_TARIFF, last, CARE_TARIFF));
    igoi_wb_name(w, "Kosten_per_prestatie",
                 igoi_wb_range(w, CARE_IN, row, CARE_COSTS, last, CARE_COSTS));
}

static void cost_table(wb *w)
{
    const int row = w->at.care_in.costs;
    const wb_text *t = w->t;
    const char *head[] = {t->cost_item, t->cost_mode, t->amount, t->percent};
    igoi_wb_string(w, CARE_IN, row - 2, 0, t->cost_title, w->f.bold);
    igoi_wb_header(w, CARE_IN, row - 1, 0, head, 4);
    for (int k = 0; k < IGO_COST_COUNT; k++) {
        int share = w->m->cost_mode[k] == IGO_COST_SHARE;
        double v = w->m->cost_value[k];
        igoi_wb_string(w, CARE_IN, row + k, 0, t->cost_names[k], w->f.text);
        igoi_wb_string(w, CARE_IN, row + k, COST_MODE, share ? t->mode_percent : t->mode_amount,
                       w->f.in_choice);
        input_number(w, CARE_IN, row + k, COST_AMOUNT, !share && w->m->cost_set[k], v,
                     w->f.in_money);
        input_number(w, CARE_IN, row + k, COST_PERCENT, share, v, w->f.in_pct);
    }
    const char *modes[] = {t->mode_amount, t->mode_percent};
    igoi_wb_valid_list(w, CARE_IN, row, COST_MODE, row + 2, COST_MODE, modes, 2);
    igoi_wb_valid_number(w, CARE_IN, row, COST_AMOUNT, row + 2, COST_AMOUNT);
    igoi_wb_valid_fraction(w, CARE_IN, row, COST_PERCENT, row + 2, COST_PERCENT);
    igoi_wb_name(w, "IGO_kosten", igoi_wb_range(w, CARE_IN, row, COST_MODE, row + 2, COST_PERCENT));
}

static void outside_table(wb *w)
{
    const int row = w->at.care_in.outside, prestatie_count = (int)w->at.prestatie_count;
    const wb_text *t = w->t;
    const char *head[] = {t->outside_label, t->count, t->tariff};
    igoi_wb_string(w, CARE_IN, row - 2, 0, t->outside_title, w->f.bold);
    igoi_wb_string(w, CARE_IN, row - 2, OUT_FLAGS, t->outside_targets, w->f.bold);
    igoi_wb_header(w, CARE_IN, row - 1, 0, head, 3);
    for (int p = 0; p < prestatie_count; p++)
        igoi_wb_string(w, CARE_IN, row - 1, OUT_FLAGS + p, w->m->prestaties.v[p].code, w->f.header);
    for (size_t j = 0; j < w->at.outside_rows; j++) {
        int r = row + (int)j, used = j < w->m->outside.n;
        const igo_outside *line = used ? &w->m->outside.v[j] : NULL;
        if (used)
            igoi_wb_string(w, CARE_IN, r, 0, line->label, w->f.in_text);
        else
            igoi_wb_blank(w, CARE_IN, r, 0, w->f.in_text);
        input_number(w, CARE_IN, r, OUT_COUNT, used, used ? line->count : 0, w->f.in_count);
        input_number(w, CARE_IN, r, OUT_TARIFF, used, used ? line->tariff : 0, w->f.in_money);
        for (int p = 0; p < prestatie_count; p++) {
            int flag = 0;
            for (size_t i = 0; used && i < line->ntargets; i++)
                flag |= w->m->targets.v[line->first_target + i] == (size_t)p;
            input_number(w, CARE_IN, r, OUT_FLAGS + p, used, flag, w->f.in_flag);
        }
    }
    int last = row + (int)w->at.outside_rows - 1;
    igoi_wb_valid_number(w, CARE_IN, row, OUT_COUNT, last, OUT_TARIFF);
    igoi_wb_count_style(w, CARE_IN, row, OUT_COUNT, last, OUT_COUNT);
    igoi_wb_valid_flag(w, CARE_IN, row, OUT_FLAGS, last, OUT_FLAGS + prestatie_count - 1);
    igoi_wb_name(w, "Buiten_IGO",
                igoi_wb_range(w, CARE_IN, row, 0, last, OUT_FLAGS + prestatie_count - 1));
}

void igoi_wb_sheet_care_input(wb *w)
{
    igoi_wb_heading(w, WB_CARE_IN, w->t->sheet[WB_CARE_IN], w->t->input_hint);
    care_table(w);
    cost_table(w);
    outside_table(w);
    igoi_wb_checks_care(w);
    igoi_wb_check_line(w, WB_CARE_IN);
    igoi_wb_width(w, WB_CARE_IN, 0, 0, 30);
    igoi_wb_width(w, WB_CARE_IN, 1, 1, 32);
    igoi_wb_width(w, WB_CARE_IN, 2, 5, 16);
    igoi_wb_width(w, WB_CARE_IN, 6, OUT_FLAGS + (int)w->at.prestatie_count, 8);
    igoi_wb_finish_sheet(w, WB_CARE_IN, 3, 1);
}

/* ---- Invoertabblad - verdeling ---- */

/* The direct key cells as given (the last value per cell), prestatie x discipline, with a flag per
 * value. */
static double *direct_keys(const igo_model *m, unsigned char **given)
{
    size_t n = m->prestaties.n * m->disciplines.n;
    double *k = calloc(n + 1, sizeof *k);
    *given = calloc(n + 1, 1);
    if (!k || !*given) {
        free(k), free(*given);
        return NULL;
    }
    for (size_t i = 0; i < m->keys.n; i++) {
        size_t at = m->keys.v[i].row * m->disciplines.n + m->keys.v[i].col;
        k[at] = m->keys.v[i].value;
        (*given)[at] = 1;
    }
    return k;
}

/* Beside the key as given: the key the distribution uses (scaled, or from history), from
 * Berekening, in percent. */
static void key_used(wb *w)
{
    const int row = w->at.split_in.key, discipline_count = (int)w->at.discipline_count;
    const int first = KEY_PCT + discipline_count + 1;
    for (int d = 0; d < discipline_count; d++) {
        char head[120];
        snprintf(head, sizeof head, w->t->hist_used, w->m->disciplines.v[d].id);
        igoi_wb_string(w, SPLIT_IN, row - 1, first + d, head, w->f.header);
        for (int p = 0; p < (int)w->at.prestatie_count; p++)
            igoi_wb_formula(w, SPLIT_IN, row + p, first + d, w->f.pct2,
                            w->pl->key[(size_t)p * w->at.discipline_count + (size_t)d], "=%s",
                            igoi_wb_at(w, WB_CALC, w->at.calc.key + p, 2 + d).s);
    }
}

static void key_table(wb *w, const double *k, const unsigned char *given)
{
    const int row = w->at.split_in.key, discipline_count = (int)w->at.discipline_count;
    const wb_text *t = w->t;
    const char *head[] = {t->code, t->label, t->key_source};
    igoi_wb_string(w, SPLIT_IN, w->at.split_in.normalise, 0, t->normalise, w->f.text);
    igoi_wb_string(w, SPLIT_IN, w->at.split_in.normalise, KEY_SOURCE,
                   w->m->normalise_keys ? t->yes : t->no, w->f.in_choice);
    const char *yes_no[] = {t->yes, t->no}, *sources[] = {t->source_direct, t->source_history};
    igoi_wb_valid_list(w, SPLIT_IN, w->at.split_in.normalise, KEY_SOURCE, w->at.split_in.normalise,
                       KEY_SOURCE, yes_no, 2);
    igoi_wb_string(w, SPLIT_IN, row - 2, 0, t->key_title, w->f.bold);
    igoi_wb_header(w, SPLIT_IN, row - 1, 0, head, 3);
    for (int d = 0; d < discipline_count; d++)
        igoi_wb_string(w, SPLIT_IN, row - 1, KEY_PCT + d, w->m->disciplines.v[d].id, w->f.header);
    igoi_wb_string(w, SPLIT_IN, row - 1, KEY_PCT + discipline_count, t->key_total, w->f.header);
    for (size_t p = 0; p < w->at.prestatie_count; p++) {
        int r = row + (int)p;
        int history = w->pl->key_from[p] == IGO_KEY_HISTORY ||
                      w->pl->key_from[p] == IGO_KEY_EMPTY_HISTORY;
        igoi_wb_string(w, SPLIT_IN, r, 0, w->m->prestaties.v[p].code, w->f.text);
        igoi_wb_string(w, SPLIT_IN, r, 1, w->m->prestaties.v[p].label, w->f.text);
        igoi_wb_string(w, SPLIT_IN, r, KEY_SOURCE, history ? t->source_history : t->source_direct,
                       w->f.in_choice);
        for (int d = 0; d < discipline_count; d++) {
            size_t at = p * w->at.discipline_count + (size_t)d;
            input_number(w, SPLIT_IN, r, KEY_PCT + d, given[at], k[at], w->f.in_pct);
        }
        igoi_wb_formula(w, SPLIT_IN, r, KEY_PCT + discipline_count, w->f.pct,
                        igoi_fsum(k + p * w->at.discipline_count, w->at.discipline_count),
                        "=SUM(%s)",
                        igoi_wb_range(w, -1, r, KEY_PCT, r, KEY_PCT + discipline_count - 1).s);
    }
    key_used(w);
    int last = row + (int)w->at.prestatie_count - 1;
    igoi_wb_valid_list(w, SPLIT_IN, row, KEY_SOURCE, last, KEY_SOURCE, sources, 2);
    igoi_wb_valid_fraction(w, SPLIT_IN, row, KEY_PCT, last, KEY_PCT + discipline_count - 1);
    igoi_wb_name(w, "Normaliseren", igoi_wb_range(w, SPLIT_IN, w->at.split_in.normalise, KEY_SOURCE,
                                                  w->at.split_in.normalise, KEY_SOURCE));
    igoi_wb_name(w, "Disciplines", igoi_wb_range(w, SPLIT_IN, row - 1, KEY_PCT, row - 1,
                                                 KEY_PCT + discipline_count - 1));
    igoi_wb_name(w, "Sleutelbron", igoi_wb_range(w, SPLIT_IN, row, KEY_SOURCE, last, KEY_SOURCE));
    igoi_wb_name(w, "Verdeelsleutel",
                igoi_wb_range(w, SPLIT_IN, row, KEY_PCT, last, KEY_PCT + discipline_count - 1));
    /* A direct row that does not add up to 100 % (and is not scaled) turns red. */
    char rule[512];
    snprintf(rule, sizeof rule, "=AND(%s=\"direct\",%s=\"nee\",ABS(%s-1)>0.000000001)",
             igoi_wb_rel(row, KEY_SOURCE).s,
             igoi_wb_at(w, -1, w->at.split_in.normalise, KEY_SOURCE).s,
             igoi_wb_rel(row, KEY_PCT + discipline_count).s);
    lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = rule,
                                 .format = w->f.red};
    igoi_wb_keep(w, worksheet_conditional_format_range(w->ws[SPLIT_IN], (lxw_row_t)row,
                                                       KEY_PCT + discipline_count, (lxw_row_t)last,
                                                       KEY_PCT + discipline_count, &cf));
}

/* The provider table as an Excel table (without a style of its own): Excel shows its header in
 * place of the column letters while one scrolls through it, which a frozen pane cannot do for a
 * table in the middle of a sheet. */
static void provider_header_in_view(wb *w, int row, int last)
{
    const int columns = PROV_VOL + (int)w->at.prestatie_count;
    const wb_text *t = w->t;
    if (columns > 512) /* a catalogue that wide is read by its codes, not scrolled through */
        return;
    lxw_table_column *cols = calloc((size_t)columns, sizeof *cols);
    lxw_table_column **list = calloc((size_t)columns + 1, sizeof *list);
    if (!cols || !list) {
        free(cols), free(list);
        return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    const char *head[] = {t->prov_id, t->prov_name, t->prov_discipline};
    int distinct = 1; /* Excel wants a table's headers distinct, ignoring case */
    for (int c = 0; c < columns; c++) {
        cols[c].header = (char *)(c < PROV_VOL ? head[c] : w->m->prestaties.v[c - PROV_VOL].code);
        cols[c].header_format = w->f.header;
        list[c] = &cols[c];
        for (int before = 0; before < c; before++)
            distinct &= strcasecmp(cols[before].header, cols[c].header) != 0;
    }
    if (!distinct) { /* then the sheet goes without (the frozen title rows stay) */
        free(cols), free(list);
        return;
    }
    lxw_table_options options = {.name = "Tabel_zorgaanbieders", .no_autofilter = LXW_TRUE,
                                 .no_banded_rows = LXW_TRUE,
                                 .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
                                 .style_type_number = 0, .columns = list};
    igoi_wb_keep(w, worksheet_add_table(w->ws[SPLIT_IN], (lxw_row_t)(row - 1), 0, (lxw_row_t)last,
                                        (lxw_col_t)(columns - 1), &options));
    free(cols), free(list);
}

static void provider_table(wb *w)
{
    const int row = w->at.split_in.providers, prestatie_count = (int)w->at.prestatie_count;
    const igo_model *m = w->m;
    const wb_text *t = w->t;
    const char *head[] = {t->prov_id, t->prov_name, t->prov_discipline};
    igoi_wb_string(w, SPLIT_IN, row - 2, 0, t->prov_title, w->f.bold);
    igoi_wb_string(w, SPLIT_IN, row - 2, PROV_VOL, t->prov_volumes, w->f.bold);
    igoi_wb_header(w, SPLIT_IN, row - 1, 0, head, 3);
    for (int p = 0; p < prestatie_count; p++)
        igoi_wb_string(w, SPLIT_IN, row - 1, PROV_VOL + p, m->prestaties.v[p].code, w->f.header);
    for (size_t o = 0; o < w->at.provider_rows; o++) {
        int r = row + (int)o, used = o < m->providers.n;
        if (used) {
            igoi_wb_string(w, SPLIT_IN, r, 0, m->providers.v[o].id, w->f.in_text);
            igoi_wb_string(w, SPLIT_IN, r, PROV_NAME, m->providers.v[o].name, w->f.in_text);
            igoi_wb_string(w, SPLIT_IN, r, PROV_DISC,
                           m->disciplines.v[m->providers.v[o].discipline].id, w->f.in_choice);
        } else {
            for (int c = 0; c < PROV_VOL; c++)
                igoi_wb_blank(w, SPLIT_IN, r, c, c == PROV_DISC ? w->f.in_choice : w->f.in_text);
        }
        for (int p = 0; p < prestatie_count; p++)
            igoi_wb_blank(w, SPLIT_IN, r, PROV_VOL + p, w->f.in_count);
    }
    for (size_t i = 0; i < m->volumes.n; i++) /* the last value per cell wins, as in the core */
        igoi_wb_number(w, SPLIT_IN, row + (int)m->volumes.v[i].col,
                       PROV_VOL + (int)m->volumes.v[i].row, m->volumes.v[i].value, w->f.in_count);
    int last = row + (int)w->at.provider_rows - 1;
    const char **disciplines = igoi_wb_discipline_ids(w);
    if (disciplines)
        igoi_wb_valid_list(w, SPLIT_IN, row, PROV_DISC, last, PROV_DISC, disciplines,
                           w->at.discipline_count);
    free(disciplines);
    igoi_wb_valid_number(w, SPLIT_IN, row, PROV_VOL, last, PROV_VOL + prestatie_count - 1);
    igoi_wb_count_style(w, SPLIT_IN, row, PROV_VOL, last, PROV_VOL + prestatie_count - 1);
    provider_header_in_view(w, row, last);
    igoi_wb_name(w, "Zorgaanbieders", igoi_wb_range(w, SPLIT_IN, row, 0, last, PROV_DISC));
    igoi_wb_name(w, "Volumes",
                igoi_wb_range(w, SPLIT_IN, row, PROV_VOL, last, PROV_VOL + prestatie_count - 1));
}

/* A history line's discipline or prestatie, written only where it differs from the
 * classification's for its code (which the sheet looks up itself). */
/* The fixed parts: a row per provider row, its id and name copied from it (so that a provider
 * added in a spare row has its row here too), the amount, minimum volume and reduction. */
void igoi_wb_fixed_table(wb *w)
{
    const wb_text *t = w->t;
    const igo_model *m = w->m;
    const int row = w->at.split_in.fixed, last = row + (int)w->at.provider_rows - 1;
    const char *head[] = {t->prov_id, t->prov_name, t->fixed_amount, t->fixed_min,
                          t->fixed_reduction};
    igoi_wb_table_title(w, SPLIT_IN, row, t->fixed_title, head, 5);
    for (int o = 0; o <= last - row; o++) {
        const int in = w->at.split_in.providers + o;
        double eur = 0, min = 0, reduction = 0;
        int given = igo_model_fixed_part(m, (size_t)o, &eur, &min, &reduction);
        const int used = (size_t)o < m->providers.n;
        wb_ref id = igoi_wb_at(w, -1, in, 0), name = igoi_wb_at(w, -1, in, PROV_NAME);
        igoi_wb_formula_text(w, SPLIT_IN, row + o, FX_ID, w->f.text,
                             used ? m->providers.v[o].id : "", "=IF(%s=\"\",\"\",%s)", id.s,
                             id.s);
        igoi_wb_formula_text(w, SPLIT_IN, row + o, FX_NAME, w->f.text,
                             used ? m->providers.v[o].name : "", "=IF(%s=\"\",\"\",%s)",
                             name.s, name.s);
        input_number(w, SPLIT_IN, row + o, FX_AMOUNT, given, eur, w->f.in_money);
        input_number(w, SPLIT_IN, row + o, FX_MIN, given && min > 0, min, w->f.in_count);
        input_number(w, SPLIT_IN, row + o, FX_REDUCTION, given && reduction > 0, reduction,
                     w->f.in_pct);
    }
    igoi_wb_valid_number(w, SPLIT_IN, row, FX_AMOUNT, last, FX_MIN);
    igoi_wb_valid_fraction(w, SPLIT_IN, row, FX_REDUCTION, last, FX_REDUCTION);
    igoi_wb_name(w, "Vaste_delen", igoi_wb_range(w, SPLIT_IN, row, FX_ID, last, FX_REDUCTION));
}

static void history_given(wb *w, int r, int col, const char *id, const char *code, int column)
{
    if (strcmp(id, igoi_wb_class_of(&w->classes, code, column)) != 0)
        igoi_wb_string(w, SPLIT_IN, r, col, id, w->f.in_choice);
    else
        igoi_wb_blank(w, SPLIT_IN, r, col, w->f.in_choice);
}

/* The discipline or prestatie a history line uses: the one given, else its code's in the
 * classification (found by Berekening's look-up of the code's row). */
static void history_used(wb *w, int r, int h, int col, int given_col, int class_col,
                         const char *cached)
{
    const int first = w->at.class_in.table, last = first + (int)w->at.class_rows - 1;
    wb_ref given = igoi_wb_rel(r, given_col);
    wb_ref row = igoi_wb_at(w, WB_CALC, w->at.calc.check_history + h, 3);
    igoi_wb_formula_text(w, SPLIT_IN, r, col, w->f.text, cached,
                         "=IF(LEN(%s)>0,%s,IF(%s=0,\"\",INDEX(%s,%s)&\"\"))", given.s, given.s,
                         row.s, igoi_wb_range(w, WB_CLASS_IN, first, class_col, last, class_col).s,
                         row.s);
}

static void history_table(wb *w)
{
    const int row = w->at.split_in.history;
    const igo_model *m = w->m;
    const wb_text *t = w->t;
    char given_disc[120], given_prestatie[120], used_disc[120], used_prestatie[120];
    snprintf(given_disc, sizeof given_disc, t->hist_given, t->prov_discipline);
    snprintf(given_prestatie, sizeof given_prestatie, t->hist_given, "IG-prestatie");
    snprintf(used_disc, sizeof used_disc, t->hist_used, t->prov_discipline);
    snprintf(used_prestatie, sizeof used_prestatie, t->hist_used, "IG-prestatie");
    const char *head[] = {t->hist_code, t->count, t->hist_money, given_disc, given_prestatie,
                          used_disc, used_prestatie};
    igoi_wb_string(w, SPLIT_IN, row - 2, 0, t->hist_title, w->f.bold);
    igoi_wb_header(w, SPLIT_IN, row - 1, 0, head, HIST_COLUMNS);
    for (size_t i = 0; i < w->at.history_rows; i++) {
        int r = row + (int)i, used = i < m->history.n;
        const igo_history *h = used ? &m->history.v[i] : NULL;
        const char *disc = used ? m->disciplines.v[h->discipline].id : "";
        const char *prestatie = used ? m->prestaties.v[h->prestatie].code : "";
        if (used) {
            igoi_wb_string(w, SPLIT_IN, r, 0, h->code, w->f.in_text);
            history_given(w, r, HIST_DISC, disc, h->code, CLASS_DISCIPLINE);
            history_given(w, r, HIST_PRESTATIE, prestatie, h->code, CLASS_PRESTATIE);
        } else {
            igoi_wb_blank(w, SPLIT_IN, r, 0, w->f.in_text);
            igoi_wb_blank(w, SPLIT_IN, r, HIST_DISC, w->f.in_choice);
            igoi_wb_blank(w, SPLIT_IN, r, HIST_PRESTATIE, w->f.in_choice);
        }
        input_number(w, SPLIT_IN, r, HIST_COUNT, used, used ? h->count : 0, w->f.in_count);
        /* The amount is count x tariff, as the core's history money. */
        input_number(w, SPLIT_IN, r, HIST_AMOUNT, used, used ? h->count * h->tariff : 0,
                     w->f.in_money);
        history_used(w, r, (int)i, HIST_DISC_USED, HIST_DISC, CLASS_DISCIPLINE, disc);
        history_used(w, r, (int)i, HIST_PRESTATIE_USED, HIST_PRESTATIE, CLASS_PRESTATIE,
                     prestatie);
    }
    int last = row + (int)w->at.history_rows - 1;
    const char **disciplines = igoi_wb_discipline_ids(w), **codes = igoi_wb_prestatie_codes(w);
    if (disciplines && codes) {
        igoi_wb_valid_list(w, SPLIT_IN, row, HIST_DISC, last, HIST_DISC, disciplines,
                           w->at.discipline_count);
        igoi_wb_valid_list(w, SPLIT_IN, row, HIST_PRESTATIE, last, HIST_PRESTATIE, codes,
                           w->at.prestatie_count);
    }
    free(disciplines), free(codes);
    igoi_wb_valid_number(w, SPLIT_IN, row, HIST_COUNT, last, HIST_AMOUNT);
    igoi_wb_count_style(w, SPLIT_IN, row, HIST_COUNT, last, HIST_COUNT);
    igoi_wb_name(w, "Historie", igoi_wb_range(w, SPLIT_IN, row, 0, last, HIST_COLUMNS - 1));
}

void igoi_wb_sheet_split_input(wb *w)
{
    unsigned char *given = NULL;
    double *k = direct_keys(w->m, &given);
    if (!k) {
        igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    igoi_wb_heading(w, WB_SPLIT_IN, w->t->sheet[WB_SPLIT_IN], w->t->input_hint);
    key_table(w, k, given);
    provider_table(w);
    igoi_wb_fixed_table(w);
    history_table(w);
    igoi_wb_checks_split(w);
    igoi_wb_check_line(w, WB_SPLIT_IN);
    free(k), free(given);
    igoi_wb_width(w, WB_SPLIT_IN, 0, 0, 22);
    igoi_wb_width(w, WB_SPLIT_IN, 1, 1, 34);
    igoi_wb_width(w, WB_SPLIT_IN, 2, 2, 14);
    size_t widest = w->at.prestatie_count > 2 * w->at.discipline_count + 1
                        ? w->at.prestatie_count
                        : 2 * w->at.discipline_count + 1;
    igoi_wb_width(w, WB_SPLIT_IN, 3, 3 + (int)widest, 12);
    igoi_wb_finish_sheet(w, WB_SPLIT_IN, 3, 1);
}

/* ---- Invoertabblad - regiokenmerken ---- */

void igoi_wb_sheet_regio_input(wb *w)
{
    const wb_text *t = w->t;
    const char *head[] = {"", t->count};
    const char *titles[] = {t->regio_lines_title, t->regio_admissions_title};
    igoi_wb_heading(w, REGIO_IN, t->regio_in_title, t->input_hint);
    for (int block = 0; block < 2; block++) {
        int first = w->at.regio_in.fields[block ? 8 : 0];
        igoi_wb_string(w, REGIO_IN, first - 2, 0, titles[block], w->f.bold);
        igoi_wb_header(w, REGIO_IN, first - 1, 0, head, 2);
    }
    for (int i = 0; i < IGO_REGIO_COUNT; i++) {
        igoi_wb_string(w, REGIO_IN, w->at.regio_in.fields[i], 0, t->regio_fields[i], w->f.text);
        input_number(w, REGIO_IN, w->at.regio_in.fields[i], 1, w->m->regio_set[i], w->m->regio[i],
                     w->f.in_count);
    }
    igoi_wb_valid_number(w, REGIO_IN, w->at.regio_in.fields[0], 1, w->at.regio_in.fields[11], 1);
    igoi_wb_count_style(w, REGIO_IN, w->at.regio_in.fields[0], 1, w->at.regio_in.fields[11], 1);
    igoi_wb_name(w, "Regiokenmerken", igoi_wb_range(w, REGIO_IN, w->at.regio_in.fields[0], 1,
                                                    w->at.regio_in.fields[7], 1));
    igoi_wb_name(w, "Opnames", igoi_wb_range(w, REGIO_IN, w->at.regio_in.fields[8], 1,
                                             w->at.regio_in.fields[11], 1));
    const char *rhead[] = {t->reason, t->count};
    igoi_wb_string(w, REGIO_IN, w->at.regio_in.reasons - 2, 0, t->regio_reasons_title, w->f.bold);
    igoi_wb_header(w, REGIO_IN, w->at.regio_in.reasons - 1, 0, rhead, 2);
    for (size_t i = 0; i < w->at.reason_rows; i++) {
        int r = w->at.regio_in.reasons + (int)i, used = i < w->m->reasons.n;
        if (used)
            igoi_wb_string(w, REGIO_IN, r, 0, w->m->reasons.v[i].reason, w->f.in_text);
        else
            igoi_wb_blank(w, REGIO_IN, r, 0, w->f.in_text);
        input_number(w, REGIO_IN, r, 1, used, used ? w->m->reasons.v[i].count : 0, w->f.in_count);
    }
    int last_reason = w->at.regio_in.reasons + (int)w->at.reason_rows - 1;
    igoi_wb_valid_number(w, REGIO_IN, w->at.regio_in.reasons, 1, last_reason, 1);
    igoi_wb_count_style(w, REGIO_IN, w->at.regio_in.reasons, 1, last_reason, 1);
    igoi_wb_name(w, "Redenen_overdracht",
                 igoi_wb_range(w, REGIO_IN, w->at.regio_in.reasons, 0, last_reason, 1));
    igoi_wb_checks_regio(w);
    igoi_wb_check_line(w, REGIO_IN);
    igoi_wb_width(w, REGIO_IN, 0, 0, 48);
    igoi_wb_width(w, REGIO_IN, 1, 1, 14);
    igoi_wb_finish_sheet(w, REGIO_IN, 3, 0);
}
