/* Internal declarations of the workbook writer: the sheets, their layout, formats and texts, and
 * helpers that write formulas with the core's figures as cached values. */
#ifndef IGO_WB_H
#define IGO_WB_H

#include <xlsxwriter.h>

#include "../plan.h"

#define WB_MAX_SHEETS 12

enum wb_sheet {
    WB_INTRO,    /* Modeltoelichting */
    WB_REGIO,    /* Regiokenmerken (output) */
    WB_RESULTS,  /* Uitkomsten verdeling */
    WB_REGIO_IN, /* Invoertabblad - regiokenmerken */
    WB_CARE_IN,  /* Invoertabblad - geleverde zorg */
    WB_SPLIT_IN, /* Invoertabblad - verdeling */
    WB_CLASS_IN, /* Indeling declaratiecodes (input: the classification table) */
    WB_CALC,     /* Berekening */
    WB_BONUS,    /* Kwaliteitsbonussen: the pool, indicators and values, each provider's bonus */
    WB_WHATIF,   /* Wat als: a starting point against the figures now (whatif_wb.h) */
    /* Only in a workbook written with a transition (trans_wb.h): */
    WB_TRANS,      /* Overgang: its inputs, the income per provider and year, a chart */
    WB_TRANS_CALC, /* Berekening overgang: a block of rounds per year */
    WB_SHEETS
};
/* The sheets of a workbook without a transition. */
enum { WB_MODEL_SHEETS = WB_TRANS };
_Static_assert(WB_SHEETS <= WB_MAX_SHEETS, "room for every sheet of the model workbook");

/* The checks: one per input table (a message column beside it), each summed on the output
 * sheets; Controle counts the failing rows of all of them. */
enum wb_check {
    CHK_PRESTATIES, CHK_COSTS, CHK_OUTSIDE, CHK_NORMALISE, CHK_KEYS, CHK_PROVIDERS, CHK_FIXED,
    CHK_HISTORY,
    CHK_REGIO_LINES, CHK_ADMISSIONS, CHK_REASONS, CHK_RECONCILE,
    CHK_BN_POOL, CHK_BN_INDICATORS, CHK_BN_VALUES, /* quality bonuses (bonus_wb.h) */
    CHK_TR_LIMITS, CHK_TR_YEARS, CHK_TR_PROVIDERS, /* only with a transition */
    WB_CHECKS
};
/* The checks of a workbook without a transition. */
enum { WB_MODEL_CHECKS = CHK_TR_LIMITS };

/* The texts of the checks. The messages with %s take a column's header. */
typedef struct wb_check_text {
    const char *column, *title, *hint, *names[WB_CHECKS], *failing, *row, *first, *total, *see;
    const char *not_number, *negative, *not_fraction, *not_flag, *choose;
    const char *row_n, *error, *exceeds_income, *mode_amount, *mode_percent, *cost_no_income;
    const char *no_label, *no_target, *targets_no_income, *key_sum, *key_zero, *key_history;
    const char *key_conflict, *no_key, *no_history_money, *no_volume, *no_id, *duplicate;
    const char *unknown_discipline, *unknown_prestatie, *no_code, *no_reason, *not_reconciled;
    const char *amount_no_count, *not_classified;
    const char *costs_above_income, *costs_sum; /* IGO costs per prestatie */
    const char *fixed_exceeds, *fixed_short, *fixed_without_provider, *fixed_no_amount;
    const char *invalid; /* shown instead of the results while a check fails */
} wb_check_text;

/* Every text the workbook shows, in one language. */
typedef struct wb_text {
    const char *sheet[WB_SHEETS];
    const char *sheet_kind[WB_SHEETS], *sheet_about[WB_SHEETS];
    const char *intro_title, *intro_lines[6], *intro_sheets, *intro_kind, *intro_about, *legend;
    const char *input_hint;
    const char *code, *label, *phase, *unit, *count, *tariff, *amount, *percent, *share;
    const char *prestatie_costs; /* the header of a prestatie's part of the IGO costs */
    const char *cost_title, *cost_item, *cost_mode, *mode_amount, *mode_percent, *cost_names[3];
    const char *outside_title, *outside_label, *outside_targets;
    const char *key_title, *key_source, *source_direct, *source_history, *key_total;
    const char *normalise, *yes, *no;
    const char *prov_title, *prov_id, *prov_name, *prov_discipline, *prov_volumes;
    const char *hist_title, *hist_code, *hist_money, *hist_given, *hist_used;
    /* Fixed parts per provider: the inputs, and the blocks of Berekening. */
    const char *fixed_title, *fixed_amount, *fixed_min, *fixed_reduction;
    const char *calc_fixed_title, *calc_fixed_rest, *calc_fixed_rounded, *calc_fixed_parts;
    const char *calc_after_fixed, *fixed_part, *fixed_volume, *fixed_discipline_total;
    const char *fixed_discipline_money, *fixed_least_left;
    /* The classification table's sheet: its title, columns and hint. */
    const char *class_title, *class_hint, *class_columns[7];
    const char *regio_in_title, *regio_lines_title, *regio_admissions_title, *regio_reasons_title;
    const char *regio_fields[12], *reason, *admissions, *days, *days_per_admission;
    const char *calc_income_title, *income, *rounded_share, *costs, *outside, *distributable;
    const char *largest, *total, *base, *weight, *calc_outside_title, *calc_outside_weights;
    const char *calc_outside_rounded, *calc_outside_parts, *calc_key_title, *history_total;
    const char *calc_disc_rounded, *calc_disc_parts, *calc_volume_title, *calc_prov_largest;
    const char *calc_prov_rounded, *calc_prov_parts, *calc_totals_title, *difference;
    const char *results_title, *results_income_title, *results_disc_title, *results_prov_title;
    const char *results_breakdown_title, *results_key_title;
    const char *results_chart_split, *results_chart_providers, *results_check;
    const char *total_income, *distributed, *of_income;
    const char *regio_title, *regio_chart_start, *regio_chart_partus, *regio_chart_reasons;
    const char *women, *of_first_line, *of_births, *of_transfers;
    const char *valid_number, *valid_fraction, *valid_flag, *valid_choice;
    /* The titles of the validations' messages (Excel allows 32 characters). */
    const char *valid_number_title, *valid_fraction_title, *valid_flag_title, *valid_choice_title;
    const char *back; /* the link back to the explanation sheet */
    const char *page_of; /* a page footer: &P and &N are the page and the number of pages */
    wb_check_text chk;
} wb_text;

const wb_text *igoi_wb_texts(igo_lang lang);

typedef struct wb_formats {
    lxw_format *title, *subtitle, *header, *text, *note, *link, *bold;
    lxw_format *money, *money_total, *count, *whole, *ratio, *pct, *pct2, *fraction, *index;
    lxw_format *in_money, *in_count, *in_pct, *in_text, *in_choice, *in_flag, *in_note;
    lxw_format *message, *fail; /* a check's message (red); a check's count */
    lxw_format *red;            /* conditional: a failing check or key total */
    lxw_format *whole_cf;       /* conditional: a whole count, without a decimal sign */
    /* Spare rows: zero shows as nothing. */
    lxw_format *money_quiet, *pct_quiet, *index_quiet;
    lxw_format *money_cap; /* a cap: a dash for none (stored as WB_NO_CAP) */
    lxw_format *in_year;   /* an input year: a whole number without separators */
} wb_formats;

void igoi_wb_make_formats(lxw_workbook *book, wb_formats *f);

/* Where everything is: the sizes of the tables, and per sheet the 0-based row where each block's
 * rows begin (a table's title and header are on the two rows above it). */
/* Where a check's messages are: a column of rows on a sheet. */
typedef struct wb_check_at {
    int sheet, row1, row2, col;
} wb_check_at;

/* The transition's sheets (trans_wb.h). */
typedef struct wb_trans_layout {
    size_t year_rows;   /* the schedule's years and spare ones: a block each */
    int rounds, splits; /* the clamp rounds and the cent splits of a block */
    /* Overgang: the limits, the years, the providers (inputs); the income per provider and
     * year, its chart, and the first of the per-year tables (detail_height rows each). */
    int limits, years, providers, paid, chart, detail, detail_height;
    /* Berekening overgang: the first year's block, and the rows of each. */
    int blocks, block_height;
} wb_trans_layout;

/* The quality bonuses' sheet (bonus_wb.h): the pool (one row), the figures under it, the
 * indicators, and the values grid (a row per provider row, a column per indicator row). */
typedef struct wb_bonus_layout {
    size_t indicator_rows;
    int pool, figures, indicators, values;
} wb_bonus_layout;

/* The comparison sheet (whatif_wb.h): the thresholds, the totals, a block per level. */
typedef struct wb_whatif_layout {
    int thresholds, totals, level[3];
} wb_whatif_layout;

typedef struct wb_layout {
    size_t prestatie_count, discipline_count;
    int checks; /* how many of the checks the workbook has: WB_MODEL_CHECKS or WB_CHECKS */
    /* The rows of the input tables that users can extend: the model's own plus spare rows. */
    size_t outside_rows, provider_rows, history_rows, reason_rows, class_rows;
    struct {            /* Invoertabblad - geleverde zorg */
        int prestaties; /* counts and tariffs, one row per prestatie */
        int costs;      /* the IGO cost components */
        int outside;    /* the outside activities, with a target flag per prestatie */
    } care_in;
    struct {           /* Invoertabblad - verdeling */
        int normalise; /* the one row of the choice to scale direct keys to 100 % */
        int key;       /* the verdeelsleutel, one row per prestatie */
        int providers; /* the providers with their volumes */
        int fixed;     /* each provider row's fixed part: amount, minimum volume, reduction */
        int history;   /* the history lines */
    } split_in;
    struct {          /* Indeling declaratiecodes */
        int table;    /* the classification table */
    } class_in;
    struct {            /* Invoertabblad - regiokenmerken */
        int fields[12]; /* the row of each regio figure (IGO_REGIO_*) */
        int reasons;    /* the reasons for transfer */
    } regio_in;
    struct {                /* Berekening */
        int income;         /* income, costs, outside and distributable per prestatie */
        int largest_income; /* the one row of the prestatie with the largest income */
        int costs;          /* the IGO cost components */
        int outside_costs;  /* per outside activity: its cost, its targets' income, the largest */
        /* Outside activity x prestatie: the targets' income, the rounded shares, the parts. */
        int outside_weights, outside_rounded, outside_parts;
        int key; /* the verdeelsleutel used, per prestatie */
        /* Prestatie x discipline: the rounded shares, the parts. */
        int discipline_rounded, discipline_parts;
        int volumes; /* the volume per discipline and prestatie */
        /* Fixed parts (calc_fixed.c): per provider row its part after the condition (and what
         * the checks compare); per provider row and prestatie its discipline's money left
         * before it is charged (cents), the rounded shares and its parts; per prestatie and
         * discipline the money left after every fixed part, which the volumes then split. */
        int fixed, fixed_rest, fixed_rounded, fixed_parts, after_fixed;
        /* Provider x prestatie: 1 for its discipline's largest, the rounded shares, the parts. */
        int provider_largest, provider_rounded, provider_parts;
        int totals; /* the totals and the reconciliation */
        /* What the checks look up: per prestatie its history lines and the first discipline
         * with money but no volume (from a prestatie x discipline grid of 1 = money, no
         * volume); per provider row how often its id occurs and whether its discipline exists;
         * per history row whether its discipline and its prestatie exist. */
        int check_prestaties, check_grid, check_providers, check_history;
    } calc;
    wb_check_at check[WB_CHECKS];
    wb_trans_layout tr;
    wb_bonus_layout bn;
    wb_whatif_layout wi;
    struct {             /* Uitkomsten verdeling */
        int checks;      /* one row per check, then the total (Controle) */
        int income;      /* the income and what it goes to */
        int disciplines; /* the money per discipline */
        int key;         /* the key used, in percent, prestatie x discipline */
        int chart_data;  /* the figures of the pie chart */
        int providers;   /* the money per provider */
        int provider_chart; /* the top row of the chart of the providers' money */
        double provider_chart_scale; /* its height: a row per provider */
        int breakdown;   /* the money per provider and prestatie, in blocks */
        int check;       /* the one row of the reconciliation */
        int split_chart; /* the top row of the pie chart of the split */
    } results;
    struct {            /* Regiokenmerken */
        int lines;      /* the eight women lines */
        int admissions; /* the neonatal admissions */
        int reasons;    /* the reasons for transfer */
        int charts;     /* the first row of the charts */
    } regio;
} wb_layout;

/* The layout of a model's workbook with a classification table of class_rows codes; checks is
 * WB_CHECKS with a transition (then also call igoi_wb_make_trans_layout), else
 * WB_MODEL_CHECKS. */
void igoi_wb_make_layout(const igo_model *m, size_t class_rows, int checks, wb_layout *at);
/* The transition sheets' layout: years of the schedule, and the rounds and splits the core
 * needed at most. */
void igoi_wb_make_trans_layout(wb_layout *at, size_t years, size_t rounds, size_t splits);

/* The columns of the fixed tables. */
/* The prestaties' table: its code, label, phase, unit, count, tariff, and its part of the IGO
 * costs when the region gives them per prestatie (all empty: pro rata to income). */
enum { CARE_COUNT = 4, CARE_TARIFF = 5, CARE_COSTS = 6 };
enum { COST_MODE = 1, COST_AMOUNT = 2, COST_PERCENT = 3 };
enum { OUT_COUNT = 1, OUT_TARIFF = 2, OUT_FLAGS = 3, KEY_SOURCE = 2, KEY_PCT = 3 };
enum { PROV_NAME = 1, PROV_DISC = 2, PROV_VOL = 3 };
/* The fixed parts' inputs: the provider row's id and name (formulas), amount, minimum volume,
 * reduction; and the columns of Berekening's fixed block. */
enum { FX_ID, FX_NAME, FX_AMOUNT, FX_MIN, FX_REDUCTION, FX_CHECK };
enum { CF_ID, CF_NAME, CF_DISC, CF_PART, CF_LARGEST, CF_VOLUME, CF_DISC_FIXED, CF_DISC_MONEY,
       CF_LEAST_LEFT, CF_COLUMNS };
/* The history lines: code, count and amount; a discipline and prestatie other than the
 * classification's (inputs, usually empty); the discipline and prestatie used (formulas). */
enum { HIST_COUNT = 1, HIST_AMOUNT = 2, HIST_DISC = 3, HIST_PRESTATIE = 4 };
enum { HIST_DISC_USED = 5, HIST_PRESTATIE_USED = 6, HIST_COLUMNS = 7 };
/* The classification table's columns. */
enum { CLASS_CODE, CLASS_DISCIPLINE, CLASS_PHASE, CLASS_RANK, CLASS_PRESTATIE, CLASS_UNIT,
       CLASS_REASONING, CLASS_COLUMNS };
/* The prestaties per block of the results' money per provider and prestatie. */
enum { BREAKDOWN_COLUMNS = 4 };

/* The classification table the workbook starts from (the claims pipeline's default): rows of
 * CLASS_COLUMNS texts, the header first. */
typedef struct wb_classes {
    igoi_pool texts;
    IGO_VEC(uint32_t) cells; /* text ids, row by row */
    size_t rows;             /* without the header */
} wb_classes;

igo_error igoi_wb_load_classes(wb_classes *c, char *errmsg);
void igoi_wb_free_classes(wb_classes *c);
/* A row's text in a column; and the text in a column of the row of a code ("" if none). */
const char *igoi_wb_class(const wb_classes *c, size_t row, int column);
const char *igoi_wb_class_of(const wb_classes *c, const char *code, int column);
/* The 1-based row of a code (its first), 0 when the table lacks it: as the sheet's MATCH. */
size_t igoi_wb_class_row(const wb_classes *c, const char *code);

typedef struct wb {
    /* The distribution model's workbook (the scenario workbook, sc_wb in scenario_wb.h, holds
     * its own figures next to this struct and leaves these NULL): */
    igo_model *m;
    const igo_plan *pl;
    const igo_result *r;
    const wb_text *t;
    wb_classes classes; /* the classification table */
    /* The transition, or NULL (no Overgang sheets), with its figures and texts. */
    const igo_transition *tr;
    const igo_transition_result *tres;
    const struct wb_trans_text *tt;
    const struct wb_bonus_text *bt; /* the bonus sheet's texts */
    const struct wb_whatif *wi;      /* the comparison sheet's starting points */
    const struct wb_whatif_text *wt; /* and its texts */
    /* The fixed parts' figures (calc_fixed.c), each provider's discipline money per prestatie
     * before its part (provider x prestatie) and each discipline's after them all (prestatie x
     * discipline), in cents; NULL until Berekening is written. */
    int64_t *fixed_before, *after_fixed;
    lxw_workbook *book;
    lxw_worksheet *ws[WB_MAX_SHEETS];
    const char *sheet_name[WB_MAX_SHEETS];
    int sheets;
    wb_formats f;
    wb_layout at;
    lxw_error error; /* the first error of libxlsxwriter, if any */
    igo_ticker tk;   /* progress, counted in cells */
    double done;     /* the fraction of the sheets written */
    int cancelled;   /* the progress callback asked to stop: cells are no longer written */
    char buf[8192];  /* a formula being written (Excel allows 8192 characters) */
} wb;

/* A cell or range reference, returned by value so that several fit in one printf call. */
typedef struct wb_ref {
    char s[112];
} wb_ref;

/* $E$5 on the sheet (with the sheet's name, quoted, when sheet >= 0). */
wb_ref igoi_wb_at(const wb *w, int sheet, int row, int col);
/* E5: relative, on the same sheet (for ranges that grow with the row, like $C$5:C9). */
wb_ref igoi_wb_rel(int row, int col);
/* $E$5:$E$13 on the sheet (with its name when sheet >= 0). */
wb_ref igoi_wb_range(const wb *w, int sheet, int row1, int col1, int row2, int col2);
/* A workbook-wide defined name for a range: how a reader finds each block, wherever a user has
 * moved it (and how a formula may refer to it). */
void igoi_wb_name(wb *w, const char *name, wb_ref range);

/* Writing cells: errors are kept in w->error, so that callers can write on and check once. */
void igoi_wb_formula(wb *w, int sheet, int row, int col, lxw_format *f, double cached,
                const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* The same as a one-cell array formula (for functions of ranges inside SUMPRODUCT). */
void igoi_wb_formula_array(wb *w, int sheet, int row, int col, lxw_format *f, double cached,
                           const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void igoi_wb_formula_text(wb *w, int sheet, int row, int col, lxw_format *f, const char *cached,
                     const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void igoi_wb_string(wb *w, int sheet, int row, int col, const char *s, lxw_format *f);
void igoi_wb_number(wb *w, int sheet, int row, int col, double v, lxw_format *f);
void igoi_wb_blank(wb *w, int sheet, int row, int col, lxw_format *f);
void igoi_wb_keep(wb *w, lxw_error e);
/* Columns col1..col2 this wide (in characters). */
void igoi_wb_width(wb *w, int sheet, int col1, int col2, double width);
/* A title row and an explanation under it. */
void igoi_wb_heading(wb *w, int sheet, const char *title, const char *subtitle);
/* A hyperlink named after the target sheet (or showing text), to its first cell. */
void igoi_wb_link(wb *w, int sheet, int row, int col, int target);
void igoi_wb_link_text(wb *w, int sheet, int row, int col, int target, const char *text);
/* A table whose rows start at row: its title two rows above, its header of n texts one above. */
void igoi_wb_table_title(wb *w, int sheet, int row, const char *text, const char *const *head,
                         int n);
/* A header row of n texts from col on. */
void igoi_wb_header(wb *w, int sheet, int row, int col, const char *const *texts, size_t n);
/* Protection (no password), print set-up and frozen panes shared by every sheet. */
void igoi_wb_finish_sheet(wb *w, int sheet, int freeze_row, int freeze_col);
/* Counts in these cells show with thousands separators, and whole ones without decimals. */
void igoi_wb_count_style(wb *w, int sheet, int row1, int col1, int row2, int col2);
/* Input validation: a number >= 0, a fraction 0..1, 0 or 1, or a choice from a list. */
void igoi_wb_valid_number(wb *w, int sheet, int row1, int col1, int row2, int col2);
void igoi_wb_valid_fraction(wb *w, int sheet, int row1, int col1, int row2, int col2);
void igoi_wb_valid_flag(wb *w, int sheet, int row1, int col1, int row2, int col2);
void igoi_wb_valid_list(wb *w, int sheet, int row1, int col1, int row2, int col2,
                   const char *const *values, size_t n);
/* The ids of the disciplines, and the codes of the prestaties, in a new array (free it); NULL
 * (and the error kept) when out of memory. */
const char **igoi_wb_discipline_ids(wb *w);
const char **igoi_wb_prestatie_codes(wb *w);

static inline double wb_eur(int64_t cents)
{
    return igo_eur(cents);
}

/* The checks: the message column beside each input table, the look-ups on Berekening, the
 * summary with Controle on Uitkomsten verdeling, and the line at the top of every other sheet. */
void igoi_wb_checks_care(wb *w);
void igoi_wb_checks_split(wb *w);
void igoi_wb_checks_regio(wb *w);
void igoi_wb_checks_calc(wb *w);
void igoi_wb_checks_summary(wb *w);
void igoi_wb_check_line(wb *w, int sheet);
/* The total of the checks, Controle, as seen from a sheet. */
wb_ref igoi_wb_controle(const wb *w, int sheet);
/* A result formula that shows #N/A instead of its figure while a check fails (unless
 * zero_shows and the figure is 0: a spare row stays quiet, and a zero is never plausible). */
void igoi_wb_result(wb *w, int sheet, int row, int col, lxw_format *f, double cached,
                    int zero_shows, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* The sheets. */
void igoi_wb_sheet_intro(wb *w);
void igoi_wb_sheet_care_input(wb *w);
void igoi_wb_sheet_split_input(wb *w);
void igoi_wb_sheet_regio_input(wb *w);
void igoi_wb_sheet_calc(wb *w);
/* Berekening's fixed-part blocks (calc_fixed.c), and the money a prestatie's volume split of a
 * discipline starts from: its money left after the fixed parts (cents). */
void igoi_wb_calc_fixed(wb *w);
int64_t igoi_wb_after_fixed(const wb *w, size_t p, size_t d);
/* The fixed-parts input table (inputs.c) and its checks (check_inputs.c). */
void igoi_wb_fixed_table(wb *w);
void igoi_wb_sheet_results(wb *w);
void igoi_wb_sheet_regio(wb *w);
void igoi_wb_sheet_classes(wb *w);
void igoi_wb_sheet_bonus(wb *w);
void igoi_wb_sheet_whatif(wb *w);
void igoi_wb_sheet_trans(wb *w);
void igoi_wb_sheet_trans_calc(wb *w);

/* Closes w->book, writing the file (workbook_close), and frees it; in a child process when
 * w->tk has a callback, which can then stop it (w->cancelled is set, the file left unfinished).
 * On a failure *os_error is the system's reason (errno), when there is one. */
lxw_error igoi_wb_close(wb *w, int *os_error);

/* Checks that a written .xlsx is a complete zip whose every member reads back with a good CRC. */
igo_error igoi_wb_verify_zip(char *errmsg, const char *path);

/* Writes a workbook safely: adds w->sheets sheets named w->sheet_name, calls fill, closes the
 * book into a temporary file next to path, rewrites its numbers to their shortest text
 * (numbers.h), checks it, syncs it, renames it over path. A failure
 * (or w->tk's callback asking to stop) leaves no file; the message goes to errmsg. */
igo_error igoi_wb_write_safely(wb *w, char *errmsg, const char *path, void (*fill)(wb *w));

#endif
