/* The synthetic claims generator: the file is read back here with a reader of the test's own (an
 * RFC 4180 splitter, numbers and dates by the file's convention, the codes of indeling.csv), and
 * what it holds must be what igo_claims_generate says it wrote: the lines, the cents, the bad
 * lines per reason with their cents, each bad line with exactly one defect; plausible care paths;
 * the same bytes for the same seed; refusals and failures that leave no file. */
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests.h"

#ifndef IGO_INDELING_CSV
#define IGO_INDELING_CSV "python/libigo/data/indeling.csv"
#endif

enum { FIELDS = 6, MAX_CODES = 512, PROVIDER_SLOTS = 1 << 14 };

static const char *const reason_names[IGO_CLAIM_REASONS] = {
    "field count", "no traject", "no provider", "unknown code", "bad amount", "bad units",
    "bad date", "outside period"};

/* ---- reading CSV ---- */

/* Reads a whole file; NULL when it cannot. */
char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n)
        free(data), data = NULL;
    fclose(f);
    if (data)
        data[n] = '\0', *size = (size_t)n;
    return data;
}

/* Splits the record at *at into fields (RFC 4180: quoted fields with doubled quotes), each
 * unquoted and NUL-terminated in buf; moves *at past the record. Returns the number of fields,
 * 0 at the end of the text, -1 for a record too large for buf or an unterminated quote. *quoted
 * counts the quoted fields. */
static int split(const char **at, const char *end, char delim, char *buf, size_t size,
                 char **fields, int max, int *quoted)
{
    const char *s = *at;
    if (s >= end)
        return 0;
    size_t used = 0;
    int n = 0;
    for (;;) {
        if (n == max || used >= size)
            return -1;
        fields[n++] = buf + used;
        if (s < end && *s == '"') {
            ++*quoted;
            for (s++;; s++) {
                if (s >= end)
                    return -1;
                if (*s == '"' && (s + 1 >= end || s[1] != '"'))
                    break;
                if (used + 1 >= size)
                    return -1;
                buf[used++] = *s;
                s += *s == '"';
            }
            s++;
        } else {
            while (s < end && *s != delim && *s != '\n') {
                if (used + 1 >= size)
                    return -1;
                buf[used++] = *s++;
            }
        }
        buf[used++] = '\0';
        if (s >= end || *s == '\n')
            break;
        if (*s != delim)
            return -1; /* text after a closing quote */
        s++;
    }
    *at = s < end ? s + 1 : s;
    return n;
}

/* ---- the classification table, read from the shipped CSV ---- */

typedef struct {
    uint64_t code; /* leading zeros are not significant */
    char discipline[16];
    int hourly;
} class_row;

typedef struct {
    class_row rows[MAX_CODES];
    size_t n;
} table;

/* A code as a number, or UINT64_MAX when it is not digits only (or too long). */
static uint64_t code_value(const char *s)
{
    uint64_t v = 0;
    size_t n = strlen(s);
    if (n == 0 || n > 18)
        return UINT64_MAX;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return UINT64_MAX;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    return v;
}

static int compare_rows(const void *a, const void *b)
{
    uint64_t x = ((const class_row *)a)->code, y = ((const class_row *)b)->code;
    return (x > y) - (x < y);
}

static int read_table(igo_t *t, table *tab)
{
    size_t size = 0;
    char *data = slurp(IGO_INDELING_CSV, &size), buf[4096], *f[16];
    CHECK(data != NULL);
    if (!data)
        return 0;
    const char *at = data, *end = data + size;
    int quoted = 0, n = split(&at, end, ',', buf, sizeof buf, f, 16, &quoted);
    CHECK(n >= 6 && strcmp(f[0], "prestatiecode") == 0 && strcmp(f[1], "discipline") == 0 &&
          strcmp(f[5], "eenheid") == 0);
    tab->n = 0;
    while ((n = split(&at, end, ',', buf, sizeof buf, f, 16, &quoted)) > 0) {
        if (n < 6 || tab->n == MAX_CODES)
            break;
        class_row *r = &tab->rows[tab->n++];
        r->code = code_value(f[0]);
        snprintf(r->discipline, sizeof r->discipline, "%s", f[1]);
        r->hourly = strcmp(f[5], "uur") == 0;
    }
    free(data);
    qsort(tab->rows, tab->n, sizeof tab->rows[0], compare_rows);
    CHECK(tab->n > 100);
    return tab->n > 100;
}

static const class_row *find_code(const table *tab, const char *s)
{
    class_row key = {code_value(s), "", 0};
    if (key.code == UINT64_MAX)
        return NULL;
    return bsearch(&key, tab->rows, tab->n, sizeof tab->rows[0], compare_rows);
}

/* ---- values by the file's convention ---- */

typedef struct {
    char delim, point, group;
    int year;
} convention;

/* An amount: '-'?, digits in groups of three when separated, the decimal separator and one or
 * two decimals. 1 and *cents when it is a number; *decimals receives their count. */
static int parse_amount(const convention *cv, const char *s, int64_t *cents, int *decimals)
{
    int neg = *s == '-', digits = 0, group = -1;
    int64_t whole = 0;
    s += neg;
    for (; (*s >= '0' && *s <= '9') || (*s == cv->group && *s); s++) {
        if (*s == cv->group) {
            if (digits == 0 || (group >= 0 ? group != 3 : digits > 3))
                return 0;
            group = 0;
            continue;
        }
        whole = whole * 10 + (*s - '0');
        digits++;
        group += group >= 0;
        if (digits > 15)
            return 0;
    }
    if (digits == 0 || (group >= 0 && group != 3))
        return 0;
    int64_t frac = 0;
    *decimals = 0;
    if (*s == cv->point) {
        for (s++; *s >= '0' && *s <= '9'; s++, ++*decimals)
            frac = frac * 10 + (*s - '0');
        if (*decimals < 1 || *decimals > 2)
            return 0;
        if (*decimals == 1)
            frac *= 10;
    }
    if (*s)
        return 0;
    *cents = (neg ? -1 : 1) * (whole * 100 + frac);
    return 1;
}

/* aantal: empty (1) or a positive number with the file's decimal separator. *halves receives
 * twice its value (the generator writes whole and half hours). */
static int parse_units(const convention *cv, const char *s, int *halves)
{
    if (!*s) {
        *halves = 2;
        return 1;
    }
    int whole = 0, n = 0, tenths = 0;
    for (; *s >= '0' && *s <= '9' && n < 6; s++, n++)
        whole = whole * 10 + (*s - '0');
    if (n == 0)
        return 0;
    if (*s == cv->point && s[1] >= '0' && s[1] <= '9' && !s[2])
        tenths = s[1] - '0', s += 2;
    if (*s || (whole == 0 && tenths == 0))
        return 0;
    *halves = whole * 2 + (tenths >= 5);
    return 1;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* Reads n digits (exactly, or 1 to n when loose) at *s. */
static int digits(const char **s, int n, int loose, int *out)
{
    int k = 0;
    *out = 0;
    while (k < n && (*s)[k] >= '0' && (*s)[k] <= '9')
        *out = *out * 10 + ((*s)[k++] - '0');
    *s += k;
    return loose ? k >= 1 : k == n;
}

/* yyyy-mm-dd, dd-mm-yyyy or d-m-yyyy, a real day; its year, or 0. */
static int parse_date(const char *s)
{
    int y, m, d;
    const char *p = s;
    if (strlen(s) == 10 && s[4] == '-') {
        if (!digits(&p, 4, 0, &y) || *p++ != '-' || !digits(&p, 2, 0, &m) || *p++ != '-' ||
            !digits(&p, 2, 0, &d) || *p)
            return 0;
    } else if (!digits(&p, 2, 1, &d) || *p++ != '-' || !digits(&p, 2, 1, &m) || *p++ != '-' ||
               !digits(&p, 4, 0, &y) || *p) {
        return 0;
    }
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m) ? y : 0;
}

/* ---- what a file holds ---- */

typedef struct {
    char *id;
    int discipline; /* the discipline of its codes (index into names), -1 for two */
} provider_slot;

typedef struct {
    /* the reconciliation */
    uint64_t rows, bad_rows[IGO_CLAIM_REASONS];
    int64_t cents, bad_cents[IGO_CLAIM_REASONS];
    /* the form */
    int header_ok, first_amount_ok;
    uint64_t wrong_field_count, two_defects, wrong_decimals, wrong_units, bad_traject_id;
    uint64_t out_of_order, other_years, quoted, grouped, short_dates, padded, half_hours;
    uint64_t credits, empty_units;
    /* the care */
    uint64_t trajecten, sectio, hours, traject_lines;
    uint64_t providers[3], two_disciplines;
    uint64_t code_lines[MAX_CODES];
    provider_slot slots[PROVIDER_SLOTS];
} contents;

static const char *const disciplines[3] = {"verloskunde", "kraamzorg", "ziekenhuis"};

/* Records a provider's discipline: each provider claims the codes of one. */
static void note_provider(contents *k, const char *id, const char *discipline)
{
    int d = 0;
    while (d < 2 && strcmp(disciplines[d], discipline) != 0)
        d++;
    uint64_t h = 1469598103934665603ULL;
    for (const char *s = id; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    for (size_t i = h % PROVIDER_SLOTS;; i = (i + 1) % PROVIDER_SLOTS) {
        provider_slot *slot = &k->slots[i];
        if (!slot->id) {
            slot->id = strdup(id);
            slot->discipline = d;
            k->providers[d]++;
            return;
        }
        if (strcmp(slot->id, id) == 0) {
            if (slot->discipline != d && slot->discipline >= 0)
                k->two_disciplines++, slot->discipline = -1;
            return;
        }
    }
}

static void free_contents(contents *k)
{
    for (size_t i = 0; i < PROVIDER_SLOTS; i++)
        free(k->slots[i].id);
    free(k);
}

/* The state of the traject being read. */
typedef struct {
    uint64_t id;
    int sectio, hours;
} traject_state;

static void end_traject(contents *k, traject_state *s)
{
    if (s->id) {
        k->trajecten++;
        k->sectio += s->sectio;
        k->hours += s->hours;
    }
    s->sectio = s->hours = 0;
}

/* A traject id: T and digits; 0 when it is not one. */
static uint64_t traject_id(const char *s)
{
    return s[0] == 'T' && strlen(s) >= 8 ? code_value(s + 1) : 0;
}

/* Reads one claim line's fields into k: its defects, its reason, its cents. */
static void read_line(contents *k, const table *tab, const convention *cv, char **f,
                      traject_state *ts)
{
    int64_t cents = 0;
    int decimals = 0, halves = 0;
    const class_row *code = find_code(tab, f[2]);
    int amount_ok = parse_amount(cv, f[3], &cents, &decimals);
    int year = parse_date(f[4]);
    int defect[IGO_CLAIM_REASONS] = {0,
                                     !*f[0],
                                     !*f[1],
                                     !code,
                                     !amount_ok,
                                     !parse_units(cv, f[5], &halves),
                                     !year,
                                     year && year != cv->year};
    int reason = -1, count = 0;
    for (int r = IGO_CLAIM_REASONS - 1; r > 0; r--)
        if (defect[r])
            reason = r, count++;
    k->rows++;
    if (amount_ok)
        k->cents += cents;
    k->two_defects += count > 1;
    if (reason >= 0) {
        k->bad_rows[reason]++;
        k->bad_cents[reason] += amount_ok ? cents : 0;
        k->other_years += reason == IGO_CLAIM_OUTSIDE_PERIOD && year != cv->year - 1;
    }
    if (k->rows == 1)
        k->first_amount_ok = amount_ok && decimals == 2;
    uint64_t id = *f[0] ? traject_id(f[0]) : ts->id;
    k->bad_traject_id += !id;
    if (id != ts->id) {
        k->out_of_order += id < ts->id;
        end_traject(k, ts);
        ts->id = id;
    }
    if (amount_ok && decimals != 2)
        k->wrong_decimals++;
    if (code && *f[1])
        note_provider(k, f[1], code->discipline);
    if (reason >= 0)
        return;
    /* A good line: its units fit its code, and it counts for the care path. */
    k->wrong_units += code->hourly ? halves < 2 || halves > 100 : halves != 2;
    k->half_hours += code->hourly && halves % 2;
    k->empty_units += !*f[5];
    k->credits += cents < 0;
    k->grouped += strchr(f[3], cv->group) != NULL;
    k->short_dates += strlen(f[4]) < 10;
    k->padded += f[2][0] == '0';
    k->code_lines[code - tab->rows]++;
    k->traject_lines++;
    ts->sectio |= code->code == 159899007;
    ts->hours |= code->code == 196201 || code->code == 196210;
}

/* Reads a generated file; NULL when it cannot be read at all. */
static contents *read_claims(igo_t *t, const char *path, const table *tab, const convention *cv)
{
    size_t size = 0;
    char *data = slurp(path, &size), buf[1024], *f[FIELDS + 1];
    contents *k = calloc(1, sizeof *k);
    CHECK(data != NULL && k != NULL);
    if (!data || !k) {
        free(data), free(k);
        return NULL;
    }
    const char *at = data, *end = data + size;
    int quoted = 0, n = split(&at, end, cv->delim, buf, sizeof buf, f, FIELDS + 1, &quoted);
    static const char *const header[FIELDS] = {"traject", "zorgaanbieder", "prestatiecode",
                                               "bedrag",  "datum",         "aantal"};
    k->header_ok = n == FIELDS;
    for (int i = 0; i < FIELDS && k->header_ok; i++)
        k->header_ok = strcmp(f[i], header[i]) == 0;
    traject_state ts = {0, 0, 0};
    while ((n = split(&at, end, cv->delim, buf, sizeof buf, f, FIELDS + 1, &quoted)) != 0) {
        if (n != FIELDS) {
            k->wrong_field_count++;
            if (n < 0)
                break;
            continue;
        }
        read_line(k, tab, cv, f, &ts);
    }
    end_traject(k, &ts);
    k->quoted = (uint64_t)quoted;
    CHECK(size > 0 && data[size - 1] == '\n');
    free(data);
    return k;
}

/* The file agrees with what the generator said it wrote, line by line and cent by cent. */
static void check_reconciled(igo_t *t, const contents *k, const igo_claims_written *w)
{
    CHECK(k->header_ok);
    CHECK(k->first_amount_ok);
    CHECK_I64(k->wrong_field_count, 0);
    CHECK_I64(k->rows, w->rows);
    CHECK_I64(k->cents, w->cents);
    for (int r = 0; r < IGO_CLAIM_REASONS; r++) {
        if (k->bad_rows[r] != w->bad_rows[r] || k->bad_cents[r] != w->bad_cents[r])
            fprintf(stderr, "%s: %s: %" PRIu64 " lines, %" PRId64 " cents in the file\n",
                    t->test, reason_names[r], k->bad_rows[r], k->bad_cents[r]);
        CHECK_I64(k->bad_rows[r], w->bad_rows[r]);
        CHECK_I64(k->bad_cents[r], w->bad_cents[r]);
    }
    CHECK_I64(w->bad_rows[IGO_CLAIM_FIELD_COUNT], 0);
    CHECK_I64(w->bad_cents[IGO_CLAIM_BAD_AMOUNT], 0);
    CHECK_I64(k->two_defects, 0);
    CHECK_I64(k->wrong_decimals, 0);
    CHECK_I64(k->wrong_units, 0);
    CHECK_I64(k->bad_traject_id, 0);
    CHECK_I64(k->out_of_order, 0);
    CHECK_I64(k->other_years, 0);
    CHECK_I64(k->two_disciplines, 0);
}

/* The bad lines are about error_percent of all, and the reasons take even shares. */
static void check_bad_share(igo_t *t, const igo_claims_written *w, double percent)
{
    uint64_t bad = 0, least = UINT64_MAX, most = 0;
    for (int r = IGO_CLAIM_NO_TRAJECT; r < IGO_CLAIM_REASONS; r++) {
        bad += w->bad_rows[r];
        least = w->bad_rows[r] < least ? w->bad_rows[r] : least;
        most = w->bad_rows[r] > most ? w->bad_rows[r] : most;
    }
    double share = 100.0 * (double)bad / (double)w->rows;
    if (fabs(share - percent) > 0.1 * percent + 0.2)
        fprintf(stderr, "%s: %.2f %% bad lines, asked %.1f %%\n", t->test, share, percent);
    CHECK(fabs(share - percent) <= 0.1 * percent + 0.2);
    CHECK(most - least <= 2);
}

typedef struct {
    char dir[32], path[64];
} place;

static void make_place(igo_t *t, place *p, const char *name)
{
    snprintf(p->dir, sizeof p->dir, "/tmp/igo-gen-XXXXXX");
    CHECK(mkdtemp(p->dir) != NULL);
    snprintf(p->path, sizeof p->path, "%s/%s", p->dir, name);
}

static void remove_place(igo_t *t, place *p)
{
    remove(p->path);
    CHECK(rmdir(p->dir) == 0); /* nothing else was left in it */
}

/* Generates and reads back a file; checks the reconciliation; returns what it holds. */
static contents *generate_and_read(igo_t *t, const table *tab, const igo_claims_synthetic *o,
                                   igo_claims_written *w)
{
    place p;
    make_place(t, &p, "declaraties.csv");
    igo_claims *c = igo_claims_new();
    igo_error e = igo_claims_generate(c, p.path, o, w);
    if (e)
        fprintf(stderr, "%s: %s\n", t->test, igo_claims_errmsg(c));
    CHECK(e == IGO_OK && strcmp(igo_claims_errmsg(c), "") == 0);
    igo_claims_free(c);
    convention cv = {o->english ? ',' : ';', o->english ? '.' : ',', o->english ? ',' : '.',
                     o->year};
    contents *k = e ? NULL : read_claims(t, p.path, tab, &cv);
    CHECK(dir_entries(p.dir) == 1); /* the file, and no temporary one */
    remove_place(t, &p);
    if (k)
        check_reconciled(t, k, w);
    return k;
}

/* ---- the tests ---- */

static int same_file(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    int same = x && y && na == nb && memcmp(x, y, na) == 0;
    free(x), free(y);
    return same;
}

void test_claims_generate_repeatable(igo_t *t)
{
    place p;
    make_place(t, &p, "a.csv");
    char b[80], other[80], english[80];
    snprintf(b, sizeof b, "%s/b.csv", p.dir);
    snprintf(other, sizeof other, "%s/c.csv", p.dir);
    snprintf(english, sizeof english, "%s/d.csv", p.dir);
    igo_claims *c = igo_claims_new();
    igo_claims_synthetic o = {42, 400, 10, 0, 2024};
    igo_claims_written w1, w2, w3;
    CHECK(igo_claims_generate(c, p.path, &o, &w1) == IGO_OK);
    CHECK(igo_claims_generate(c, b, &o, &w2) == IGO_OK);
    CHECK(same_file(p.path, b) && memcmp(&w1, &w2, sizeof w1) == 0);
    CHECK(igo_claims_generate(c, b, &o, &w2) == IGO_OK); /* over the old file */
    CHECK(same_file(p.path, b));
    o.seed = 43;
    CHECK(igo_claims_generate(c, other, &o, &w3) == IGO_OK);
    CHECK(!same_file(p.path, other) && w3.cents != w1.cents);
    o.seed = 42, o.english = 1;
    CHECK(igo_claims_generate(c, english, &o, &w3) == IGO_OK);
    CHECK(!same_file(p.path, english));
    /* The same care in both conventions, and the same lines at another error rate. */
    CHECK(w3.rows == w1.rows && w3.cents == w1.cents);
    o.error_percent = 0;
    CHECK(igo_claims_generate(c, english, &o, &w3) == IGO_OK);
    CHECK(w3.rows == w1.rows);
    igo_claims_free(c);
    remove(b), remove(other), remove(english);
    remove_place(t, &p);
}

static void check_convention_file(igo_t *t, int english, int year)
{
    table *tab = malloc(sizeof *tab);
    if (!tab || !read_table(t, tab)) {
        free(tab);
        return;
    }
    igo_claims_synthetic o = {7 + (uint64_t)english, 5000, 10, english, year};
    igo_claims_written w;
    contents *k = generate_and_read(t, tab, &o, &w);
    if (k) {
        check_bad_share(t, &w, 10);
        /* Nearly every traject keeps its id on a good line. */
        CHECK(k->trajecten <= o.births && k->trajecten >= o.births * 99 / 100);
        /* The conventions' variants all occur: quoted providers, grouped amounts, half hours,
         * codes padded with zeros, credit notes, an empty aantal, and Dutch short dates. */
        CHECK(k->quoted > 0 && k->grouped > 0 && k->half_hours > 0 && k->padded > 0);
        CHECK(k->credits > 0 && k->empty_units > 0);
        CHECK(english ? k->short_dates == 0 : k->short_dates > 0);
        free_contents(k);
    }
    free(tab);
}

void test_claims_generate_dutch(igo_t *t)
{
    check_convention_file(t, 0, 2024);
}

void test_claims_generate_english(igo_t *t)
{
    check_convention_file(t, 1, 2023);
}

/* Without errors: every line is good, the care paths have the Dutch shares, every code of the
 * table is claimed, and the providers number about one per 250, 600 and 2500 births. */
void test_claims_generate_care_mix(igo_t *t)
{
    table *tab = malloc(sizeof *tab);
    if (!tab || !read_table(t, tab)) {
        free(tab);
        return;
    }
    igo_claims_synthetic o = {2026, 20000, 0, 0, 2025};
    igo_claims_written w;
    contents *k = generate_and_read(t, tab, &o, &w);
    if (k) {
        for (int r = 0; r < IGO_CLAIM_REASONS; r++)
            CHECK_I64(w.bad_rows[r], 0);
        CHECK_I64(k->trajecten, o.births);
        double n = (double)o.births, lines = (double)k->traject_lines / n;
        CHECK(lines > 9 && lines < 16);
        CHECK(k->sectio / n > 0.14 && k->sectio / n < 0.20);
        CHECK(k->hours / n > 0.93);
        for (size_t i = 0; i < tab->n; i++)
            if (k->code_lines[i] == 0) {
                fprintf(stderr, "%s: code %" PRIu64 " never claimed\n", t->test,
                        tab->rows[i].code);
                t->failures++;
            }
        CHECK_I64(k->providers[0], 80);
        CHECK_I64(k->providers[1], 33);
        CHECK_I64(k->providers[2], 8);
        free_contents(k);
    }
    /* Every line bad: each still has one defect only, and the first amount is a number. */
    igo_claims_synthetic all = {5, 300, 100, 1, 2024};
    k = generate_and_read(t, tab, &all, &w);
    if (k) {
        uint64_t bad = 0;
        for (int r = 0; r < IGO_CLAIM_REASONS; r++)
            bad += w.bad_rows[r];
        CHECK(bad == w.rows && w.rows > 0);
        free_contents(k);
    }
    free(tab);
}

#define CHECK_REFUSED(c, call, code, fragment)                                                 \
    do {                                                                                       \
        igo_error got_ = (call);                                                               \
        CHECK(got_ == (code));                                                                 \
        if (got_ != (code) || !strstr(igo_claims_errmsg(c), fragment))                         \
            fprintf(stderr, "%s:%d: %s: %s -> %s: \"%s\", expected \"%s\"\n", __FILE__,        \
                    __LINE__, t->test, #call, igo_error_name(got_), igo_claims_errmsg(c),      \
                    fragment);                                                                 \
        CHECK(strstr(igo_claims_errmsg(c), fragment) != NULL);                                 \
    } while (0)

void test_claims_generate_refusals(igo_t *t)
{
    place p;
    make_place(t, &p, "declaraties.csv");
    igo_claims *c = igo_claims_new();
    igo_claims_synthetic o = {1, 100, 5, 0, 2024};
    igo_claims_written w;
    CHECK(igo_claims_generate(NULL, p.path, &o, &w) == IGO_ERROR_ARGUMENT);
    CHECK_REFUSED(c, igo_claims_generate(c, NULL, &o, &w), IGO_ERROR_ARGUMENT, "no file");
    CHECK_REFUSED(c, igo_claims_generate(c, p.path, NULL, &w), IGO_ERROR_VALUE, "no options");
    const struct {
        uint64_t births;
        double percent;
        int year;
        const char *fragment;
    } bad[] = {{0, 5, 2024, "births"},        {100000001, 5, 2024, "births"},
               {100, -1, 2024, "error_percent"}, {100, 100.5, 2024, "error_percent"},
               {100, NAN, 2024, "error_percent"}, {100, INFINITY, 2024, "error_percent"},
               {100, 5, 1899, "year"},          {100, 5, 10000, "year"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        igo_claims_synthetic b = {1, bad[i].births, bad[i].percent, 0, bad[i].year};
        w.rows = 99;
        CHECK_REFUSED(c, igo_claims_generate(c, p.path, &b, &w), IGO_ERROR_VALUE,
                      bad[i].fragment);
        CHECK(w.rows == 0);
    }
    CHECK(dir_entries(p.dir) == 0);
    /* A directory that does not exist; the directory itself as the target. */
    char missing[96];
    snprintf(missing, sizeof missing, "%s/nergens/declaraties.csv", p.dir);
    CHECK_REFUSED(c, igo_claims_generate(c, missing, &o, &w), IGO_ERROR_IO,
                  "No such file or directory");
    CHECK(strstr(igo_claims_errmsg(c), missing) != NULL);
    CHECK_REFUSED(c, igo_claims_generate(c, p.dir, &o, &w), IGO_ERROR_IO, "is a directory");
    CHECK(dir_entries(p.dir) == 0);
    /* A full disk, as a file size limit: the write fails, and nothing is left. */
    struct rlimit old, small = {64 * 1024, 0};
    CHECK(getrlimit(RLIMIT_FSIZE, &old) == 0);
    small.rlim_max = old.rlim_max;
    void (*handler)(int) = signal(SIGXFSZ, SIG_IGN);
    CHECK(setrlimit(RLIMIT_FSIZE, &small) == 0);
    igo_claims_synthetic large = {1, 3000, 5, 0, 2024};
    igo_error e = igo_claims_generate(c, p.path, &large, &w);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, handler);
    CHECK_REFUSED(c, e, IGO_ERROR_IO, "File too large");
    CHECK(strstr(igo_claims_errmsg(c), p.path) != NULL);
    CHECK(dir_entries(p.dir) == 0);
    /* After the failures, a success clears the message. */
    CHECK(igo_claims_generate(c, p.path, &o, &w) == IGO_OK && w.rows > 0);
    CHECK(strcmp(igo_claims_errmsg(c), "") == 0 && dir_entries(p.dir) == 1);
    igo_claims_free(c);
    remove_place(t, &p);
}

/* A callback that asks to stop ends the call soon with nothing written; one that lets it go on
 * sees the fraction rise and changes no byte. */
void test_claims_generate_stops_when_asked(igo_t *t)
{
    place p;
    make_place(t, &p, "declaraties.csv");
    igo_claims *c = igo_claims_new();
    igo_claims_synthetic o = {3, 300000, 5, 0, 2024};
    igo_claims_written w;
    listener stop = {0, 1, 0, 0};
    igo_claims_set_progress(c, listen, &stop);
    double start = seconds();
    CHECK_REFUSED(c, igo_claims_generate(c, p.path, &o, &w), IGO_ERROR_CANCELLED, "stopped");
    CHECK(seconds() - start < 2.0);
    CHECK(stop.calls == 1 && stop.last >= 0 && stop.last < 1 && w.rows == 0);
    CHECK(dir_entries(p.dir) == 0);
    listener go = {0, 0, 0, 0};
    igo_claims_set_progress(c, listen, &go);
    o.births = 20000;
    igo_claims_written with, without;
    CHECK(igo_claims_generate(c, p.path, &o, &with) == IGO_OK);
    CHECK(go.backwards == 0);
    igo_claims_set_progress(c, NULL, NULL);
    CHECK(igo_claims_generate(c, p.path, &o, &without) == IGO_OK);
    CHECK(memcmp(&with, &without, sizeof with) == 0);
    igo_claims_free(c);
    remove_place(t, &p);
}
