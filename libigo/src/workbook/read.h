/* Internal declarations of the model workbook reader: the blocks the writer names (defined
 * names), each read into a small grid of cell values, and the checked conversions of one cell. */
#ifndef IGO_READ_H
#define IGO_READ_H

#include "../internal.h"

/* The blocks, by the defined names the writer emits (libigo/src/workbook/inputs.c). */
enum rd_block_id {
    RD_REGIO,            /* Regio: the region's name, one cell */
    RD_PRESTATIES,       /* Prestaties: code, label, phase, unit per prestatie */
    RD_COUNTS,           /* Aantallen: one count per prestatie */
    RD_TARIFFS,          /* Tarieven: one tariff per prestatie */
    RD_COSTS,            /* IGO_kosten: mode, amount, percentage per cost component */
    RD_OUTSIDE,          /* Buiten_IGO: label, count, tariff, a target flag per prestatie */
    RD_DISCIPLINES,      /* Disciplines: the ids, one row */
    RD_DISCIPLINE_NAMES, /* Disciplinenamen: the labels, one per discipline */
    RD_KEY_SOURCE,       /* Sleutelbron: direct or historie, per prestatie */
    RD_NORMALISE,        /* Normaliseren: ja or nee, one cell */
    RD_KEYS,             /* Verdeelsleutel: prestaties x disciplines, fractions */
    RD_PROVIDERS,        /* Zorgaanbieders: id, name, discipline */
    RD_VOLUMES,          /* Volumes: providers x prestaties */
    RD_HISTORY,          /* Historie: code, count, amount, discipline and prestatie given (or
                            empty: the classification's), and the two used (formulas) */
    RD_REGIO_LINES,      /* Regiokenmerken: the first eight regio figures */
    RD_REGIO_ADMISSIONS, /* Opnames: the last four */
    RD_REASONS,          /* Redenen_overdracht: reason, count */
    RD_CLASSES,          /* Indeling: code, discipline, phase, rank, prestatie, unit, reasoning */
    RD_PRESTATIE_COSTS,  /* Kosten_per_prestatie: the IGO costs per prestatie (optional: older
                            workbooks lack it) */
    RD_FIXED,            /* Vaste_delen: per provider row its id and name (formulas), amount,
                            minimum volume, reduction (optional: older workbooks lack it) */
    /* Kwaliteitsbonussen (bonus_read.c; optional, as older workbooks lack them): */
    RD_BONUS_POOL,       /* Bonus_pot: mode, amount, percentage */
    RD_BONUS_INDICATORS, /* Bonus_indicatoren: id, label, target, better, weight */
    RD_BONUS_VALUES,     /* Bonus_waarden: provider id (a formula), name, a value per indicator
                            row */
    /* Overgang, only in a workbook with a transition (trans_read.c): */
    RD_TR_LIMITS,    /* Overgang_grenzen: the maximum decrease and increase, one column */
    RD_TR_YEARS,     /* Overgang_jaren: year, share matched to history */
    RD_TR_PROVIDERS, /* Overgang_aanbieders: id (a formula), name, history, guarantee */
    RD_BLOCKS
};
/* The blocks a model's reader reads (a bit per block), and those a workbook may lack. */
#define RD_MODEL_WANTED ((1u << RD_TR_LIMITS) - 1)
#define RD_MODEL_OPTIONAL                                                                      \
    (1u << RD_PRESTATIE_COSTS | 1u << RD_FIXED | 1u << RD_BONUS_POOL |                        \
     1u << RD_BONUS_INDICATORS | 1u << RD_BONUS_VALUES)

/* One cell's value as the sheet stores it (text owned by the block). */
typedef struct rd_value {
    igo_cell_type type;
    int formula;
    double number;
    char *text;
} rd_value;

typedef struct rd_block {
    size_t sheet;               /* the sheet's index in the workbook */
    const char *sheet_name;     /* owned by the xlsx reader */
    uint32_t row, col;          /* the top-left cell, 0-based */
    uint32_t rows, cols;
    rd_value *cells;            /* rows x cols, row-major */
} rd_block;

typedef struct rd {
    igo_xlsx *book;
    igo_model *model; /* takes the inputs, and every message */
    const char *path;
    rd_block blocks[RD_BLOCKS];
    uint32_t want; /* the blocks to read: bit 1 << id */
    uint32_t optional; /* of those, the ones a workbook may lack (then 0 x 0 cells) */
} rd;

/* The defined name of each block. */
extern const char *const igoi_rd_names[RD_BLOCKS];

/* Finds every wanted block by its defined name and reads the cells of all of them, each sheet
 * once. */
igo_error igoi_rd_load(rd *x);
void igoi_rd_free(rd *x);

/* Refuses a block whose shape is not rows x cols (0: any number). */
igo_error igoi_rd_shape(rd *x, int block, uint32_t rows, uint32_t cols);

/* Records "<path>: '<sheet>'!<cell>: <message>" on the model and returns code. */
igo_error igoi_rd_fail(rd *x, int block, uint32_t r, uint32_t c, igo_error code,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Puts "<path>: '<sheet>'!<cell>: " in front of the model's message (after a setter refused). */
igo_error igoi_rd_prefix(rd *x, int block, uint32_t r, uint32_t c, igo_error code);

/* Whether the cell holds nothing (no value, or only spaces). */
int igoi_rd_empty(const rd *x, int block, uint32_t r, uint32_t c);
/* Whether every cell of a block's row in columns 0..last_col is empty (a spare row). */
int igoi_rd_empty_row(const rd *x, int block, uint32_t r, uint32_t last_col);
/* A number cell: *value (0 when empty) and whether one was given. Text is accepted only when it
 * can mean one number ("1720", "12,5", "12.5"; not "1.720", which a Dutch and an English reader
 * read differently). */
igo_error igoi_rd_number(rd *x, int block, uint32_t r, uint32_t c, double *value, int *given);
/* A text cell: the text ("" when empty); a number in a text cell is its shortest decimal form
 * (a code typed as 1101). */
igo_error igoi_rd_text(rd *x, int block, uint32_t r, uint32_t c, const char **text);

/* The provider id of a row of a block whose first column copies the provider input table's id
 * (a formula): its value, or (a formula never computed, as openpyxl leaves it) the id on the
 * provider input row beside it. */
igo_error igoi_rd_provider_id(rd *x, int block, uint32_t r, const char **id);
/* A choice cell: the index of its text among the n options, refused otherwise. */
igo_error igoi_rd_choice(rd *x, int block, uint32_t r, uint32_t c, const char *const *options,
                         int n, int *choice);
/* The quality bonuses of Kwaliteitsbonussen into the model (nothing for an older workbook
 * without them); options are the workbook's language's words for the pool's modes and for
 * higher and lower. */
igo_error igoi_rd_bonuses(rd *x, const char *const modes[2], const char *const better[2]);

/* A setter's refusal, located at the cell it came from. */
#define RD_SET(x, block, r, c, call)                                                           \
    do {                                                                                       \
        igo_error e_ = (call);                                                                 \
        if (e_)                                                                                \
            return igoi_rd_prefix(x, block, r, c, e_);                                         \
    } while (0)

/* Reads a number cell into v (0 when empty); returns from the caller on a refusal. */
#define RD_NUMBER(x, block, r, c, v, given)                                                    \
    do {                                                                                       \
        igo_error e_ = igoi_rd_number(x, block, r, c, v, given);                               \
        if (e_)                                                                                \
            return e_;                                                                         \
    } while (0)

#define RD_TEXT(x, block, r, c, t)                                                             \
    do {                                                                                       \
        igo_error e_ = igoi_rd_text(x, block, r, c, t);                                        \
        if (e_)                                                                                \
            return e_;                                                                         \
    } while (0)

#endif
