#define _POSIX_C_SOURCE 200809L /* fsync, O_CLOEXEC */
/* igo_claims_generate: a seeded file of synthetic claim lines, for tests, examples and benchmarks.
 *
 * The care paths come from generate_mix.c; this file gives each traject its providers, writes the
 * lines in the Dutch or the English CSV convention, and makes a share of them bad, one defect per
 * line. Ten million rows must take seconds: every field is formatted by hand into a buffer of a
 * megabyte that goes to the file with write(2), and what can be formatted in advance (providers,
 * codes, the dates of the year) is. The file is written next to the target under a temporary name
 * and renamed into place only when whole, so a failure or a stop leaves nothing behind. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "generate.h"

enum {
    BUFFER_SIZE = 1 << 20,
    LINE_ROOM = 512,    /* more than the longest line written */
    TICK_BIRTHS = 256,  /* trajecten between progress reports: some thousands of lines */
    INSURERS = 4,       /* a woman's insurer sets the contracted tariffs */
    MAX_BIRTHS = 100000000,
    UNKNOWN_CODES = 4,
    PADDED_WIDTH = 12 /* the width of codes padded with zeros by some systems */
};

/* How a provider's claims system writes its lines: thousands separators in amounts, dates as
 * d-m-yyyy (Dutch files), codes padded with zeros to 12 digits, aantal left empty where it is 1,
 * kraamzorg hours claimed per day of care instead of in one line. */
enum { GROUPED = 1, SHORT_DATES = 2, PADDED_CODES = 4, EMPTY_UNITS = 8, DAILY_HOURS = 16 };

typedef struct provider {
    char id[62]; /* as written, quoted when it holds the delimiter or a quote */
    uint8_t len, flags;
    uint16_t permille[INSURERS]; /* its tariffs, in permille of the code's tariff */
} provider;

typedef struct text {
    char s[15];
    uint8_t len;
} text;

/* Everything the writing needs, made once per file. */
typedef struct gen {
    char delimiter, point, group; /* the field delimiter, the decimal and thousands separators */
    uint64_t threshold;           /* a line is bad when a draw is below it... */
    int all_bad;                  /* ...or always, at 100 % */
    int reason;                   /* the reason of the next bad line: they take turns */
    igoi_rng paths, defects; /* two streams: the same seed gives the same care at any error rate */
    int ndays;
    text dates[2][366];  /* the year's days: [0] dd-mm-yyyy or ISO, [1] d-m-yyyy or ISO */
    text before[2][366]; /* the same days a year earlier (for lines outside the period) */
    text bad_dates[3], bad_amounts[3], bad_units[3], unknown[UNKNOWN_CODES];
    provider *providers;
    uint32_t count[IGOI_DISCIPLINES];
    provider *first[IGOI_DISCIPLINES];
    char traject[16];
    size_t traject_len;
    igo_claims_written w;
    int fd;
    int error; /* errno of the first failed write */
    size_t len;
    char *buf;
} gen;

/* One traject's providers by role, and the insurer whose tariffs apply. */
typedef struct traject {
    const provider *by_role[IGOI_ROLES];
    int insurer;
} traject;

/* ---- options and the target ---- */

static igo_error check_options(char *errmsg, const igo_claims_synthetic *o)
{
    if (!o)
        return igoi_fail(errmsg, IGO_ERROR_VALUE, "synthetic claims: no options given");
    if (o->births < 1 || o->births > MAX_BIRTHS)
        return igoi_fail(errmsg, IGO_ERROR_VALUE,
                         "synthetic claims: births must be 1 to %d, not %llu", MAX_BIRTHS,
                         (unsigned long long)o->births);
    if (!(o->error_percent >= 0 && o->error_percent <= 100))
        return igoi_fail(errmsg, IGO_ERROR_VALUE,
                         "synthetic claims: error_percent must be a number from 0 to 100, not %g",
                         o->error_percent);
    if (o->year < 1900 || o->year > 9999)
        return igoi_fail(errmsg, IGO_ERROR_VALUE,
                         "synthetic claims: year must be 1900 to 9999, not %d", o->year);
    return IGO_OK;
}

/* ---- what is formatted in advance ---- */

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static void set_text(text *t, const char *s)
{
    size_t n = strlen(s);
    memcpy(t->s, s, n);
    t->len = (uint8_t)n;
}

/* The days of year y as the file writes them; the days past its end (a leap day the year before
 * lacks) repeat its last. */
static void make_dates(text out[2][366], int y, int english)
{
    static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    char s[32];
    int k = 0;
    for (int m = 1; m <= 12; m++)
        for (int d = 1; d <= month_days[m - 1] + (m == 2 && leap(y)); d++, k++) {
            if (english)
                snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
            else
                snprintf(s, sizeof s, "%02d-%02d-%04d", d, m, y);
            set_text(&out[0][k], s);
            if (!english)
                snprintf(s, sizeof s, "%d-%d-%04d", d, m, y);
            set_text(&out[1][k], s);
        }
    for (; k < 366; k++)
        out[0][k] = out[0][k - 1], out[1][k] = out[1][k - 1];
}

/* The defects of bad lines, one per line; each reads as what the reader must set aside. */
static void make_defects(gen *g, int year, int english)
{
    char s[32];
    snprintf(s, sizeof s, "31-02-%04d", year);
    set_text(&g->bad_dates[0], s);
    snprintf(s, sizeof s, "%04d-13-01", year);
    set_text(&g->bad_dates[1], s);
    set_text(&g->bad_dates[2], "gisteren");
    set_text(&g->bad_amounts[0], "onbekend");
    /* Two decimal separators: no number in either convention. */
    set_text(&g->bad_amounts[1], english ? "12.34.56" : "12,34,56");
    set_text(&g->bad_amounts[2], "");
    set_text(&g->bad_units[0], "0");
    set_text(&g->bad_units[1], "-1");
    set_text(&g->bad_units[2], "x");
    static const char *const unknown[UNKNOWN_CODES] = {"999999", "1999", "196299", "159899099"};
    for (int i = 0; i < UNKNOWN_CODES; i++)
        set_text(&g->unknown[i], unknown[i]);
}

/* Copies s into out as a CSV field: quoted, with quotes doubled, when it holds the delimiter, a
 * quote or a line break (RFC 4180). */
static void set_field(provider *o, const char *s, char delimiter)
{
    size_t n = 0;
    int quote = strchr(s, delimiter) || strchr(s, '"') || strchr(s, '\n');
    if (quote)
        o->id[n++] = '"';
    for (; *s; s++) {
        if (*s == '"')
            o->id[n++] = '"';
        o->id[n++] = *s;
    }
    if (quote)
        o->id[n++] = '"';
    o->len = (uint8_t)n;
}

/* Provider `index` of a discipline: an AGB-like code of eight digits (the type of provider, then
 * six digits, distinct for distinct indexes), or for some a region's own id, which may hold a
 * delimiter or quotes (at most 49 bytes quoted). */
static void make_provider(gen *g, provider *o, int discipline, uint32_t index, uint32_t offset,
                          igoi_rng *r)
{
    static const char *const houses[4] = {"De Wieg", "Het Nest", "Ooievaar", "Zon en Maan"};
    static const int agb_type[IGOI_DISCIPLINES] = {8, 33, 6};
    char s[48];
    if (discipline == IGOI_KRAAMZORG && index % 4 == 1)
        snprintf(s, sizeof s, "Kraamzorg \"%s\", locatie %u", houses[index / 4 % 4], index);
    else if (discipline == IGOI_ZIEKENHUIS && index % 5 == 2)
        snprintf(s, sizeof s, "Ziekenhuis Oost; locatie %u", index);
    else
        snprintf(s, sizeof s, "%02d%06u", agb_type[discipline],
                 (unsigned)((index * 7919u + offset) % 1000000u));
    set_field(o, s, g->delimiter);
    o->flags = (uint8_t)((igoi_rng_chance(r, 500) ? GROUPED : 0) |
                         (igoi_rng_chance(r, 250) ? SHORT_DATES : 0) |
                         (igoi_rng_chance(r, 150) ? PADDED_CODES : 0) |
                         (igoi_rng_chance(r, 200) ? EMPTY_UNITS : 0) |
                         (discipline == IGOI_KRAAMZORG && igoi_rng_chance(r, 400) ? DAILY_HOURS
                                                                                  : 0));
    for (int k = 0; k < INSURERS; k++)
        o->permille[k] = (uint16_t)(975 + igoi_rng_below(r, 45));
}

/* About one midwifery practice per 250 births, one hospital per 2500, one kraamzorg
 * organisation per 600 (at least one, one and two). */
static igo_error make_providers(char *errmsg, gen *g, uint64_t births, igoi_rng *r)
{
    const uint64_t per[IGOI_DISCIPLINES] = {250, 600, 2500}, least[IGOI_DISCIPLINES] = {1, 2, 1};
    size_t total = 0;
    for (int d = 0; d < IGOI_DISCIPLINES; d++) {
        uint64_t n = (births + per[d] / 2) / per[d];
        g->count[d] = (uint32_t)(n < least[d] ? least[d] : n);
        total += g->count[d];
    }
    if (!(g->providers = calloc(total, sizeof *g->providers)))
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    provider *o = g->providers;
    for (int d = 0; d < IGOI_DISCIPLINES; d++) {
        g->first[d] = o;
        uint32_t offset = igoi_rng_below(r, 1000000);
        for (uint32_t i = 0; i < g->count[d]; i++)
            make_provider(g, o++, d, i, offset, r);
    }
    return IGO_OK;
}

static void gen_free(gen *g)
{
    if (!g)
        return;
    if (g->fd >= 0)
        close(g->fd);
    free(g->providers);
    free(g->buf);
    free(g);
}

static igo_error gen_new(char *errmsg, const igo_claims_synthetic *o, gen **out)
{
    gen *g = *out = calloc(1, sizeof *g);
    if (!g)
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    g->fd = -1;
    int english = o->english != 0;
    g->delimiter = english ? ',' : ';';
    g->point = english ? '.' : ',';
    g->group = english ? ',' : '.';
    uint64_t seed = o->seed;
    igoi_rng setup;
    igoi_rng_seed(&g->paths, &seed);
    igoi_rng_seed(&g->defects, &seed);
    igoi_rng_seed(&setup, &seed);
    g->all_bad = o->error_percent >= 100;
    g->threshold = g->all_bad ? 0 : (uint64_t)ldexp(o->error_percent / 100, 64);
    g->reason = IGO_CLAIM_NO_TRAJECT + (int)igoi_rng_below(&setup, 7);
    g->ndays = 365 + leap(o->year);
    make_dates(g->dates, o->year, english);
    make_dates(g->before, o->year - 1, english);
    make_defects(g, o->year, english);
    int width = o->births >= 10000000 ? (o->births >= 100000000 ? 9 : 8) : 7;
    g->traject[0] = 'T';
    memset(g->traject + 1, '0', (size_t)width);
    g->traject_len = (size_t)width + 1;
    if (!(g->buf = malloc(BUFFER_SIZE)))
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    return make_providers(errmsg, g, o->births, &setup);
}

/* ---- writing ---- */

static void flush(gen *g)
{
    size_t done = 0;
    while (done < g->len && !g->error) {
        ssize_t n = write(g->fd, g->buf + done, g->len - done);
        if (n > 0)
            done += (size_t)n;
        else if (n < 0 && errno != EINTR)
            g->error = errno;
        else if (n == 0)
            g->error = EIO;
    }
    g->len = 0; /* after an error the rest is dropped; the caller stops at the next traject */
}

static char *put(char *s, const char *from, size_t n)
{
    memcpy(s, from, n);
    return s + n;
}

static char *put_uint(char *s, uint64_t v)
{
    char digits[24];
    int n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        *s++ = digits[--n];
    return s;
}

/* An amount with two decimals; grouped: with thousands separators, quoted when the separator is
 * the delimiter (English). */
static char *put_cents(const gen *g, char *s, int64_t cents, int grouped)
{
    uint64_t m = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents, whole = m / 100;
    char digits[24];
    int n = 0;
    do
        digits[n++] = (char)('0' + whole % 10);
    while (whole /= 10);
    grouped = grouped && n > 3;
    int quote = grouped && g->group == g->delimiter;
    if (quote)
        *s++ = '"';
    if (cents < 0)
        *s++ = '-';
    while (n) {
        *s++ = digits[--n];
        if (grouped && n && n % 3 == 0)
            *s++ = g->group;
    }
    *s++ = g->point;
    *s++ = (char)('0' + m % 100 / 10);
    *s++ = (char)('0' + m % 10);
    if (quote)
        *s++ = '"';
    return s;
}

static char *put_text(char *s, const text *t)
{
    return put(s, t->s, t->len);
}

static char *put_code(char *s, int code, int padded)
{
    size_t n = igoi_gen_codes[code].len;
    if (padded && n < PADDED_WIDTH) {
        memset(s, '0', PADDED_WIDTH - n);
        s += PADDED_WIDTH - n;
    }
    return put(s, igoi_gen_codes[code].code, n);
}

/* An hour code's aantal: the hours, perhaps with a half. */
static char *put_hours(const gen *g, char *s, unsigned halves)
{
    s = put_uint(s, halves / 2);
    if (halves % 2) {
        *s++ = g->point;
        *s++ = '5';
    }
    return s;
}

/* The defect of the next line: -1 for none, or the reason it will be set aside. The reasons take
 * turns, so each gets an even share of the bad lines. */
static int draw_defect(gen *g)
{
    uint64_t x = igoi_rng_next(&g->defects);
    if (!g->all_bad && x >= g->threshold)
        return -1;
    int reason = g->reason;
    g->reason = reason == IGO_CLAIM_OUTSIDE_PERIOD ? IGO_CLAIM_NO_TRAJECT : reason + 1;
    if (reason == IGO_CLAIM_BAD_AMOUNT && g->w.rows == 0) { /* the first amount is a number */
        reason = g->reason;
        g->reason = reason + 1;
    }
    return reason;
}

/* One claim line, good or with one defect. */
typedef struct claim {
    const provider *by;
    int code;
    int64_t cents;
    unsigned day, halves;
} claim;

static char *put_date(gen *g, char *s, const claim *l, int reason)
{
    int form = (l->by->flags & SHORT_DATES) != 0;
    if (reason == IGO_CLAIM_BAD_DATE)
        return put_text(s, &g->bad_dates[igoi_rng_below(&g->defects, 3)]);
    if (reason == IGO_CLAIM_OUTSIDE_PERIOD)
        return put_text(s, &g->before[form][l->day]);
    return put_text(s, &g->dates[form][l->day]);
}

static char *put_units(gen *g, char *s, const claim *l, int reason)
{
    if (reason == IGO_CLAIM_BAD_UNITS)
        return put_text(s, &g->bad_units[igoi_rng_below(&g->defects, 3)]);
    if (igoi_gen_codes[l->code].hourly)
        return put_hours(g, s, l->halves);
    if (!(l->by->flags & EMPTY_UNITS))
        *s++ = '1';
    return s;
}

static void write_claim(gen *g, const claim *l)
{
    if (BUFFER_SIZE - g->len < LINE_ROOM)
        flush(g);
    int reason = draw_defect(g);
    char *s = g->buf + g->len, d = g->delimiter;
    if (reason != IGO_CLAIM_NO_TRAJECT)
        s = put(s, g->traject, g->traject_len);
    *s++ = d;
    if (reason != IGO_CLAIM_NO_PROVIDER)
        s = put(s, l->by->id, l->by->len);
    *s++ = d;
    if (reason == IGO_CLAIM_UNKNOWN_CODE)
        s = put_text(s, &g->unknown[igoi_rng_below(&g->defects, UNKNOWN_CODES)]);
    else
        s = put_code(s, l->code, l->by->flags & PADDED_CODES);
    *s++ = d;
    if (reason == IGO_CLAIM_BAD_AMOUNT)
        s = put_text(s, &g->bad_amounts[igoi_rng_below(&g->defects, 3)]);
    else
        s = put_cents(g, s, l->cents, l->by->flags & GROUPED);
    *s++ = d;
    s = put_date(g, s, l, reason);
    *s++ = d;
    s = put_units(g, s, l, reason);
    *s++ = '\n';
    g->len = (size_t)(s - g->buf);
    int64_t counted = reason == IGO_CLAIM_BAD_AMOUNT ? 0 : l->cents;
    g->w.rows++;
    g->w.cents += counted;
    if (reason >= 0) {
        g->w.bad_rows[reason]++;
        g->w.bad_cents[reason] += counted;
    }
}

/* A line's amount: the code's tariff at the provider's contract with the woman's insurer, times
 * the hours for an hour code; rounded to cents. */
static int64_t amount(const claim *l, int insurer)
{
    const igoi_gen_code *code = &igoi_gen_codes[l->code];
    int64_t units = code->hourly ? (int64_t)l->halves : 2;
    return ((int64_t)code->cents * l->by->permille[insurer] * units + 1000) / 2000;
}

/* Hours claimed per day of care: a line a day for seven to ten days, of three hours or more. */
static void write_daily_hours(gen *g, claim *l, const traject *t)
{
    unsigned halves = l->halves, days = 7 + igoi_rng_below(&g->paths, 4), first = l->day;
    if (days > halves / 6)
        days = halves / 6 ? halves / 6 : 1;
    for (unsigned i = 0; i < days; i++) {
        l->halves = halves / days + (i < halves % days);
        l->day = first + i < (unsigned)g->ndays ? first + i : (unsigned)g->ndays - 1;
        l->cents = amount(l, t->insurer);
        write_claim(g, l);
    }
}

static void write_traject(gen *g, const igoi_gen_line *lines, size_t n, const traject *t)
{
    for (size_t i = 0; i < n; i++) {
        claim l = {t->by_role[lines[i].role], lines[i].code, 0, lines[i].day, lines[i].halves};
        if (igoi_gen_codes[l.code].hourly && (l.by->flags & DAILY_HOURS)) {
            write_daily_hours(g, &l, t);
            continue;
        }
        l.cents = amount(&l, t->insurer);
        write_claim(g, &l);
        if (igoi_rng_chance(&g->paths, 3)) { /* credited and claimed again, corrected */
            int64_t first = l.cents;
            l.cents = -first;
            write_claim(g, &l);
            l.cents = first * (970 + igoi_rng_below(&g->paths, 61)) / 1000;
            write_claim(g, &l);
        }
    }
}

/* Some practices are larger than others: the lower numbers are drawn more often. */
static uint32_t skewed(igoi_rng *r, uint32_t n)
{
    uint32_t a = igoi_rng_below(r, n), b = igoi_rng_below(r, n);
    return igoi_rng_chance(r, 500) && b < a ? b : a;
}

/* The traject's providers: a practice, and mostly the hospital and kraamzorg organisation of its
 * area (the numbers of each discipline run through the country in the same order). */
static void choose_providers(gen *g, traject *t)
{
    igoi_rng *r = &g->paths;
    uint32_t P = g->count[IGOI_VERLOSKUNDE], H = g->count[IGOI_ZIEKENHUIS];
    uint32_t K = g->count[IGOI_KRAAMZORG];
    uint32_t p = skewed(r, P), p2 = P > 1 ? (p + 1 + igoi_rng_below(r, P - 1)) % P : p;
    uint32_t h = (uint32_t)((uint64_t)p * H / P), k = (uint32_t)((uint64_t)p * K / P);
    if (!igoi_rng_chance(r, 850)) /* a hospital of another area */
        h = igoi_rng_below(r, H);
    k = igoi_rng_chance(r, 850) ? (k + igoi_rng_below(r, 2)) % K : igoi_rng_below(r, K);
    uint32_t k2 = (k + 1 + igoi_rng_below(r, K - 1)) % K;
    t->by_role[IGOI_ROLE_PRACTICE] = g->first[IGOI_VERLOSKUNDE] + p;
    t->by_role[IGOI_ROLE_PRACTICE2] = g->first[IGOI_VERLOSKUNDE] + p2;
    t->by_role[IGOI_ROLE_HOSPITAL] = g->first[IGOI_ZIEKENHUIS] + h;
    t->by_role[IGOI_ROLE_KRAAMZORG] = g->first[IGOI_KRAAMZORG] + k;
    t->by_role[IGOI_ROLE_KRAAMZORG2] = g->first[IGOI_KRAAMZORG] + k2;
    uint32_t x = igoi_rng_below(r, 100);
    t->insurer = x < 30 ? 0 : x < 55 ? 1 : x < 80 ? 2 : 3;
}

static void next_traject_id(gen *g)
{
    for (size_t i = g->traject_len - 1; i > 0; i--) {
        if (g->traject[i] != '9') {
            g->traject[i]++;
            return;
        }
        g->traject[i] = '0';
    }
}

static igo_error write_claims(igo_claims *c, gen *g, uint64_t births, const char *path)
{
    static const char *const header[2] = {
        "traject;zorgaanbieder;prestatiecode;bedrag;datum;aantal\n",
        "traject,zorgaanbieder,prestatiecode,bedrag,datum,aantal\n"};
    const char *h = header[g->delimiter == ','];
    g->len = (size_t)(put(g->buf, h, strlen(h)) - g->buf);
    igo_ticker ticker = igoi_ticker_start(c->progress);
    igoi_gen_line lines[IGOI_GEN_MAX_LINES];
    for (uint64_t i = 0; i < births && !g->error; i++) {
        if (i % TICK_BIRTHS == 0 && igoi_tick(&ticker, 1 << 16, (double)i / (double)births))
            return igoi_fail(c->errmsg, IGO_ERROR_CANCELLED, "%s: stopped; no file written",
                             path);
        next_traject_id(g);
        traject t;
        choose_providers(g, &t);
        size_t n = igoi_gen_path(&g->paths, g->ndays, lines);
        write_traject(g, lines, n, &t);
    }
    flush(g);
    if (g->error)
        return igoi_fail(c->errmsg, IGO_ERROR_IO, "%s: cannot write the claims: %s", path,
                         strerror(g->error));
    return IGO_OK;
}

/* Flushes the file to the disk and closes it, so that the rename cannot expose it in pieces. */
static igo_error close_file(char *errmsg, gen *g, const char *path)
{
    int synced = fsync(g->fd) == 0, err = errno;
    int closed = close(g->fd) == 0;
    if (!closed && synced)
        err = errno;
    g->fd = -1;
    if (synced && closed)
        return IGO_OK;
    return igoi_fail(errmsg, IGO_ERROR_IO, "%s: cannot write the claims: %s", path,
                     strerror(err));
}

igo_error igo_claims_generate(igo_claims *c, const char *path,
                              const igo_claims_synthetic *options, igo_claims_written *written)
{
    if (!c)
        return IGO_ERROR_ARGUMENT;
    c->errmsg[0] = '\0';
    if (written)
        memset(written, 0, sizeof *written);
    if (!path || !*path)
        return igoi_fail(c->errmsg, IGO_ERROR_ARGUMENT, "synthetic claims: no file named");
    igo_error e = check_options(c->errmsg, options);
    if (!e)
        e = igoi_check_target(c->errmsg, path);
    gen *g = NULL;
    char *tmp = NULL;
    if (!e)
        e = gen_new(c->errmsg, options, &g);
    if (!e)
        e = igoi_temp_file(c->errmsg, path, &tmp, &g->fd);
    if (!e)
        e = write_claims(c, g, options->births, path);
    if (!e)
        e = close_file(c->errmsg, g, path);
    if (!e && rename(tmp, path) != 0)
        e = igoi_fail(c->errmsg, IGO_ERROR_IO, "%s: cannot put the file in place: %s", path,
                      strerror(errno));
    if (!e && written)
        *written = g->w;
    gen_free(g); /* closes the file when a failure left it open */
    if (e && tmp)
        remove(tmp);
    free(tmp);
    return e;
}
