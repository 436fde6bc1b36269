/* Internal declarations shared by the libigo sources. Not installed. */
#ifndef IGO_INTERNAL_H
#define IGO_INTERNAL_H

#include <math.h>
#include <stdarg.h>

#include "igo/igo.h"

/* The largest amount of money (EUR) the model accepts anywhere. In cents it stays far below 2^53,
 * so every amount and every sum of amounts is exact in an int64 and in a double. */
#define IGO_MAX_EUR 1e12
#define IGO_MAX_CENTS ((int64_t)100000000000000)
#define IGO_ERRMSG_SIZE 512
/* The longest id (prestatie, discipline, provider, driver, sector) and the longest other text, in
 * UTF-16 units as a spreadsheet counts them: a cell holds at most 32767. */
#define IGO_MAX_ID_CHARS 255
#define IGO_MAX_TEXT_CHARS 32767
/* Room for a message's "where" part: two ids of IGO_MAX_ID_CHARS in UTF-8 and some words. */
#define IGO_WHERE_SIZE 2048

/* ---- memory and strings ---- */

/* Returns items grown to hold at least need elements of size bytes, updating *cap. Out of memory,
 * it returns items unchanged and leaves *cap below need. */
void *igoi_grow(void *items, size_t *cap, size_t need, size_t size);
char *igoi_strdup(const char *s);

/* A growable text: v[0..n) then a NUL once anything was appended. */
typedef struct igoi_buf {
    char *v;
    size_t n, cap;
} igoi_buf;

/* The kinds of text: an id (not empty, at most IGO_MAX_ID_CHARS), a name (not empty) or a label
 * (may be empty); names and labels at most IGO_MAX_TEXT_CHARS. */
typedef enum igo_text { IGO_TEXT_ID, IGO_TEXT_NAME, IGO_TEXT_LABEL } igo_text;

/* Checks a text entering the core: not NULL, valid UTF-8, no control characters (which XML and
 * so a workbook cannot hold), not empty or too long for its kind. The message names what
 * ("provider 'vp1': name") and the position, never the bad bytes themselves. */
igo_error igoi_check_text(char *errmsg, const char *text, igo_text kind, const char *what);
/* The length of the longest prefix of s of at most max bytes that ends on a character boundary. */
size_t igoi_utf8_fit(const char *s, size_t max);
/* Replaces every byte of s that does not start a valid UTF-8 character with '?' (a message built
 * from parts cut to their buffers must still decode). */
void igoi_utf8_repair(char *s);

/* ---- progress and cancellation ---- */

/* A caller's progress callback and its data, as set on a model or a scenario set. */
typedef struct igo_callback {
    igo_progress_fn fn;
    void *data;
} igo_callback;

/* Sets *cb (the setters igo_model_set_progress and igo_scenarios_set_progress). */
igo_error igoi_callback_set(igo_callback *cb, igo_progress_fn fn, void *data);

/* Reports progress of one long call to the caller's callback, at most every 50 ms or so, and
 * notices when the callback asks to stop. */
typedef struct igo_ticker {
    igo_progress_fn fn;
    void *data;
    uint64_t units; /* work done since the clock was last read */
    double last;    /* when fn was last called, in seconds (monotonic) */
} igo_ticker;

igo_ticker igoi_ticker_start(igo_callback cb);
/* Counts units of work (each a few nanoseconds' worth) and now and then calls the callback with
 * done, the fraction of the call's work done. Nonzero when the callback asks to stop. */
int igoi_tick(igo_ticker *t, uint64_t units, double done);

/* The id of the default catalogue's prestatie i (IG1..IG9), or NULL beyond the last. */
const char *igoi_default_prestatie(size_t i);

/* ---- writing files safely (safe_file.c) ---- */

/* The target may be absent, a regular file or a symbolic link (which is replaced, not followed);
 * never a directory, a device, a pipe or a socket (IGO_ERROR_IO). */
igo_error igoi_check_target(char *errmsg, const char *path);
/* A new empty file next to path (".name.<pid>.<n>.tmp", the name cut to leave room in a file
 * system's 255 bytes), open for writing in *fd, its name in *tmp for the caller to free. Created
 * with O_EXCL (never an existing file) and mode 0666 less the umask, like any new file. */
igo_error igoi_temp_file(char *errmsg, const char *path, char **tmp, int *fd);

/* ---- dates ---- */

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar; m and d must be valid. */
int64_t igoi_days_from_civil(int64_t y, int64_t m, int64_t d);

/* An index from string ids to positions. Keys point at strings owned elsewhere. */
typedef struct igo_strmap {
    const char **keys;
    size_t *index;
    size_t cap; /* a power of two, or 0 */
    size_t used;
} igo_strmap;

int igoi_strmap_put(igo_strmap *map, const char *key, size_t index);
/* The position of key, or (size_t)-1. */
size_t igoi_strmap_get(const igo_strmap *map, const char *key);
void igoi_strmap_free(igo_strmap *map);

/* ---- the model ---- */

typedef struct igo_prestatie {
    char *code, *label, *phase, *unit;
    double count, tariff;
    int produced; /* production was set (else 0 and 0): read back as given or not */
    double costs;      /* its part of the IGO costs in EUR, when given */
    int costs_given;   /* (the model charges per prestatie when any is given) */
} igo_prestatie;

typedef struct igo_discipline {
    char *id, *label;
} igo_discipline;

typedef struct igo_provider {
    char *id, *name;
    size_t discipline;
    /* A fixed part (EUR), reduced by a fraction when its volume stays below a minimum. */
    double fixed, fixed_min_volume, fixed_reduction;
    int fixed_given;
} igo_provider;

typedef struct igo_outside {
    char *label;
    double count, tariff;
    size_t first_target, ntargets; /* a range of igo_model.targets */
} igo_outside;

/* A value at (row, column): a key (prestatie, discipline) or a volume (prestatie, provider). */
typedef struct igoi_cell {
    size_t row, col;
    double value;
} igoi_cell;

/* Row r of a matrix kept as cells in call order, in one pass: values[c] and given[c] for each of
 * the columns, the last value set counting. The number of cells set in the row. */
size_t igoi_cells_row(const igoi_cell *cells, size_t n, size_t r, size_t columns, double *values,
                      unsigned char *given);

typedef struct igo_history {
    char *code;
    size_t discipline, prestatie;
    double count, tariff;
} igo_history;

/* A quality indicator: a provider meets it when its value reaches the target (value <= target
 * when lower is better) and then earns its weight in points. */
typedef struct igo_indicator {
    char *id, *label;
    double target, weight;
    int lower_is_better;
} igo_indicator;

typedef struct igo_reason {
    char *reason;
    double count;
} igo_reason;

enum { IGO_REGIO_COUNT = 12 };
extern const char *const igoi_regio_fields[IGO_REGIO_COUNT];

/* A growable array: items, count n, capacity cap. */
#define IGO_VEC(type) struct { type *v; size_t n, cap; }
/* Makes room for `extra` more elements in an IGO_VEC: 0 on success, -1 out of memory. */
#define IGO_VEC_ROOM(vec, extra)                                                               \
    (((vec).v = igoi_grow((vec).v, &(vec).cap, (vec).n + (extra), sizeof *(vec).v)),            \
     (vec).cap >= (vec).n + (extra) ? 0 : -1)

/* A pool of distinct texts numbered in the order first met (pool.c): text id is
 * text.v + offset.v[id], offset.v[id + 1] - offset.v[id] - 1 bytes followed by a NUL; hash.v[id]
 * its hash; slots an open-addressing index of id + 1 (0 is free). Zeroed is empty. */
typedef struct igoi_pool {
    igoi_buf text;
    IGO_VEC(size_t) offset;
    IGO_VEC(uint32_t) hash;
    uint32_t *slots;
    size_t slot_cap;
} igoi_pool;

/* The id of s[0..n), added when new. -1 when out of memory. */
int64_t igoi_pool_intern(igoi_pool *p, const char *s, size_t n);
/* The id of s[0..n), or -1 when the pool does not hold it. */
int64_t igoi_pool_find(const igoi_pool *p, const char *s, size_t n);
size_t igoi_pool_count(const igoi_pool *p);
/* Text id and its length (may be NULL), or NULL when id is out of range. */
const char *igoi_pool_text(const igoi_pool *p, size_t id, size_t *length);
void igoi_pool_free(igoi_pool *p);

struct igo_model {
    char *name;
    IGO_VEC(igo_prestatie) prestaties;
    IGO_VEC(igo_discipline) disciplines;
    IGO_VEC(igo_provider) providers;
    IGO_VEC(igo_outside) outside;
    IGO_VEC(size_t) targets;       /* each activity's in catalogue order, for the ties */
    IGO_VEC(size_t) given_targets; /* the same as the caller listed them, to read back */
    IGO_VEC(igoi_cell) keys;       /* in call order; a later cell replaces an earlier one */
    IGO_VEC(igoi_cell) volumes;    /* likewise */
    IGO_VEC(igo_history) history;
    igo_strmap prestatie_ids, discipline_ids, provider_ids;
    IGO_VEC(igo_reason) reasons;
    double regio[IGO_REGIO_COUNT];
    igo_cost_mode cost_mode[IGO_COST_COUNT];
    double cost_value[IGO_COST_COUNT];
    /* Which were set: a value set to 0 reads back as given, one never set as not given. */
    unsigned char regio_set[IGO_REGIO_COUNT], cost_set[IGO_COST_COUNT];
    int costs_per_prestatie; /* any prestatie's part of the costs given */
    int fixed_parts;         /* any provider's fixed part given */
    int normalise_keys;
    /* Quality bonuses (bonus.c): the indicators, the values (indicator, provider) in call order,
     * a later replacing an earlier, and the pool in its mode (of the innovatie_kwaliteit cost). */
    IGO_VEC(igo_indicator) indicators;
    IGO_VEC(igoi_cell) indicator_values;
    igo_strmap indicator_ids;
    igo_cost_mode bonus_mode;
    double bonus_value;
    int bonus_set;
    igo_callback progress;
    char errmsg[IGO_ERRMSG_SIZE];
};

/* The start of every model setter: a model, its message cleared. */
#define CHECK_MODEL(m)                                                                         \
    do {                                                                                       \
        if (!(m))                                                                              \
            return IGO_ERROR_ARGUMENT;                                                         \
        (m)->errmsg[0] = '\0';                                                                 \
    } while (0)

/* The model's setters' helpers (model.c), shared with bonus.c. */
igo_error igoi_nomem(igo_model *m);
/* A new id must be a valid, non-empty text and not yet taken. */
igo_error igoi_check_new_id(igo_model *m, const igo_strmap *ids, const char *id,
                            const char *kind);
/* Checks the optional texts of the entity named context ("provider 'vp1'"): labels[i] is called
 * names[i]; NULL is allowed (a default is used). */
igo_error igoi_check_labels(igo_model *m, const char *context, const char *const *labels,
                            const char *const *names, size_t n);
/* Finds an id; otherwise records "<context>: unknown <kind> '<id>'". */
igo_error igoi_lookup(igo_model *m, const igo_strmap *ids, const char *id, const char *kind,
                      const char *context, size_t *index);
/* Copies the strings of a new entity and indexes it under its id (the first string). Room for
 * the entity must already be reserved. */
igo_error igoi_own_and_index(igo_model *m, igo_strmap *ids, size_t index, char **out[],
                             const char *const in[], size_t n);
void igoi_indicators_free(igo_model *m);

/* Records a detailed message in an object's errmsg (IGO_ERRMSG_SIZE bytes) and returns code. */
igo_error igoi_fail(char *errmsg, igo_error code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Puts "prefix" in front of the current message. */
void igoi_fail_prefix(char *errmsg, const char *prefix);

/* "1234.56" for 123456 cents, in buf of at least 32 bytes. */
const char *igoi_fmt_cents(char *buf, int64_t cents);

/* Checks an input number: finite, not negative, at most max. On failure records
 * "<where>: <what> <value> is negative" (etc.) and returns IGO_ERROR_VALUE or
 * IGO_ERROR_TOO_LARGE. */
igo_error igoi_check_number(char *errmsg, double value, double max, const char *where,
                           const char *what);
/* Checks a fraction: finite and within 0..1. */
igo_error igoi_check_fraction(char *errmsg, double value, const char *where, const char *what);
/* Checks a cost component's value against its mode. */
igo_error igoi_check_cost(char *errmsg, igo_cost cost, igo_cost_mode mode, double value);
extern const char *const igoi_cost_names[IGO_COST_COUNT];

/* ---- arithmetic ---- */

/* ROUND(x; 2) in cents when x is comfortably away from a rounding boundary; the exact spreadsheet
 * algorithm (igoi_round_cents_exact) otherwise. Inline because the split loops call it per part. */
int64_t igoi_round_cents_exact(double euros);

static inline int64_t igo_round_cents_fast(double euros)
{
    double a = fabs(euros);
    if (a < 0x1p40) {
        /* The spreadsheet computes floor(approx15(a * 100 + 0.5)), where approx15 rounds to 15
         * significant digits. That can only differ from the plain floor when z lies within
         * 0.5e-14 * z below the next integer; 2e-14 leaves room for the rounding of log10. */
        double z = a * 100.0 + 0.5;
        int64_t whole = (int64_t)z; /* z > 0, so truncation is floor */
        double below = (double)(whole + 1) - z;
        if (below > z * 2e-14)
            return euros < 0 ? -whole : whole;
    }
    return igoi_round_cents_exact(euros);
}

/* Compensated (Neumaier) sum, close to the exact sum like a spreadsheet's SUM. */
double igoi_fsum(const double *x, size_t n);

/* Splits total cents over n parts in proportion to w[i] / wsum (wsum > 0): every part but the
 * largest is ROUND(total_eur * w[i] / wsum; 2); part `largest` takes the rest. */
void igoi_split(int64_t total, const double *w, size_t n, double wsum, size_t largest,
                int64_t *out);
/* The index of the largest weight, the first on a tie. */
size_t igoi_argmax(const double *w, size_t n);

static inline double igo_eur(int64_t cents)
{
    return (double)cents / 100.0;
}

#endif
