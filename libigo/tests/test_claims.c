/* The claims pipeline: hand-worked files whose production, keys, history, volumes and incomes
 * are worked out here; every CSV convention giving the same results; every reason a line is set
 * aside, with the reconciliation exact; every file-level fault refused with file and line. */
#define _POSIX_C_SOURCE 200809L /* mkfifo, mkdtemp */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "tests.h"

/* Aggregates CSV text with the default table (and period, when from is given). NULL with the
 * message in errmsg (when given) on failure. */
static igo_claims *aggregate(const char *csv, const char *from, const char *to, igo_error *error)
{
    igo_claims *c = igo_claims_new();
    igo_error e = c ? IGO_OK : IGO_ERROR_MEMORY;
    e = e ? e : igo_claims_use_default_indeling(c);
    e = e ? e : igo_claims_set_period(c, from, to);
    e = e ? e : igo_claims_read_csv_buffer(c, "claims.csv", csv, strlen(csv));
    e = e ? e : igo_claims_finish(c);
    if (error)
        *error = e;
    if (e && !error)
        fprintf(stderr, "  aggregate: %s\n", igo_claims_errmsg(c));
    return c;
}

static size_t index_of(const char *(*name)(const igo_claims *, size_t), const igo_claims *c,
                       size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name(c, i), id) == 0)
            return i;
    return (size_t)-1;
}

static size_t prestatie(const igo_claims *c, const char *id)
{
    return index_of(igo_claims_prestatie, c, igo_claims_prestatie_count(c), id);
}

static size_t discipline(const igo_claims *c, const char *id)
{
    return index_of(igo_claims_discipline, c, igo_claims_discipline_count(c), id);
}

static const char *provider_name(const igo_claims *c, size_t o)
{
    return igo_claims_provider(c, o, NULL, NULL, NULL);
}

static size_t provider(const igo_claims *c, const char *id)
{
    return index_of(provider_name, c, igo_claims_provider_count(c), id);
}

static int64_t money(const igo_claims *c, const char *p, const char *d)
{
    return igo_claims_money(c, prestatie(c, p), discipline(c, d));
}

static double volume(const igo_claims *c, const char *p, const char *o)
{
    return igo_claims_volume(c, prestatie(c, p), provider(c, o));
}

/* Two trajecten. T1: first-line prenatal care (1101, IG1, rank 1) plus a hospital code of rank 3
 * pointing at IG3 (159999019): the prenatal phase is IG3, and both its lines count for IG3; the
 * midwife's natal care (1102, IG4); 24 kraamzorg hours (196201, IG9, hourly). T2: first-line
 * prenatal care only (IG1), claimed twice by the practice (2 lines of 1101), and a 1001 line
 * (full care: no phase, classified without a prestatie). */
static const char hand_worked[] =
    "traject;zorgaanbieder;prestatiecode;bedrag;datum;aantal\n"
    "T1;vp1;1101;598,35;01-03-2024;1\n"
    "T1;zh1;000159999019;865,00;2024-05-01;1\n"
    "T1;vp1;1102;512,60;2024-09-01;\n"
    "T1;kz1;196201;1.436,40;02-09-2024;24\n"
    "T2;vp2;1101;598,35;2024-02-01;1\n"
    "T2;vp2;1101;-100,00;2024-02-02;1\n"
    "T2;vp2;1001;1.200,00;2024-02-03;1\n";

void test_claims_hand_worked(igo_t *t)
{
    igo_claims *c = aggregate(hand_worked, NULL, NULL, NULL);
    igo_claims_totals s = igo_claims_totals_of(c);
    CHECK_I64(s.rows_read, 7);
    CHECK_I64(s.rows_classified, 7);
    CHECK_I64(s.rows_set_aside, 0);
    CHECK_I64(s.rows_without_prestatie, 1);
    /* 59835 + 86500 + 51260 + 143640 + 59835 - 10000 + 120000 */
    CHECK_I64(s.cents_read, 511070);
    CHECK_I64(s.cents_classified, 511070);
    CHECK_I64(s.cents_without_prestatie, 120000);
    /* production: T1 prenatal IG3, T1 natal IG4, T2 prenatal IG1; 24 hours IG9 */
    CHECK(igo_claims_production(c, prestatie(c, "IG1")) == 1);
    CHECK(igo_claims_production(c, prestatie(c, "IG2")) == 0);
    CHECK(igo_claims_production(c, prestatie(c, "IG3")) == 1);
    CHECK(igo_claims_production(c, prestatie(c, "IG4")) == 1);
    CHECK(igo_claims_production(c, prestatie(c, "IG9")) == 24);
    CHECK(igo_claims_hourly(c, prestatie(c, "IG9")) && !igo_claims_hourly(c, prestatie(c, "IG1")));
    /* the key's money: IG3 = the midwife's 598.35 and the hospital's 865.00 of T1's prenatal
     * phase; IG1 = T2's two lines, 598.35 - 100.00 */
    CHECK_I64(money(c, "IG3", "verloskunde"), 59835);
    CHECK_I64(money(c, "IG3", "ziekenhuis"), 86500);
    CHECK_I64(money(c, "IG1", "verloskunde"), 49835);
    CHECK_I64(money(c, "IG4", "verloskunde"), 51260);
    CHECK_I64(money(c, "IG9", "kraamzorg"), 143640);
    CHECK_I64(money(c, "IG1", "ziekenhuis"), 0);
    /* volumes: traject-phases with a line of the provider; hours for IG9 */
    CHECK(volume(c, "IG3", "vp1") == 1 && volume(c, "IG3", "zh1") == 1);
    CHECK(volume(c, "IG1", "vp2") == 1 && volume(c, "IG1", "vp1") == 0);
    CHECK(volume(c, "IG4", "vp1") == 1);
    CHECK(volume(c, "IG9", "kz1") == 24);
    /* providers: in the order met, their discipline and income */
    CHECK_I64(igo_claims_provider_count(c), 4);
    size_t d, n;
    int64_t income;
    CHECK(strcmp(igo_claims_provider(c, 0, &d, &n, &income), "vp1") == 0);
    CHECK(d == discipline(c, "verloskunde") && n == 1 && income == 59835 + 51260);
    CHECK(strcmp(igo_claims_provider(c, 3, &d, &n, &income), "vp2") == 0);
    CHECK(income == 59835 - 10000 + 120000); /* the line without a prestatie is income too */
    /* history lines: (1101, verloskunde, IG1) 2 lines, 498.35; (1101, IG3) 1, 598.35;
     * (159999019, ziekenhuis, IG3); (1102, IG4); (196201, kraamzorg, IG9) 24 hours */
    CHECK_I64(igo_claims_history_count(c), 5);
    size_t p, hd;
    double count;
    int64_t cents;
    const char *code = igo_claims_history(c, 0, &p, &hd, &count, &cents);
    CHECK(code && strcmp(code, "1101") == 0 && p == prestatie(c, "IG1"));
    CHECK(count == 2 && cents == 49835 && hd == discipline(c, "verloskunde"));
    code = igo_claims_history(c, 2, &p, &hd, &count, &cents);
    CHECK(code && strcmp(code, "159999019") == 0 && p == prestatie(c, "IG3") && cents == 86500);
    code = igo_claims_history(c, 4, &p, &hd, &count, &cents);
    CHECK(code && strcmp(code, "196201") == 0 && count == 24 && cents == 143640);
    CHECK(igo_claims_history(c, 5, NULL, NULL, NULL, NULL) == NULL);
    igo_claims_free(c);
}

/* The hand-worked claims in other conventions: the same results to the cent. */
void test_claims_conventions(igo_t *t)
{
    static const char *const files[] = {
        /* English, comma-delimited, the thousands comma quoted, CRLF, no last line end */
        "traject,zorgaanbieder,prestatiecode,bedrag,datum,aantal\r\n"
        "T1,vp1,1101,598.35,2024-03-01,1\r\nT1,zh1,159999019,865.00,2024-05-01,1\r\n"
        "T1,vp1,1102,512.60,2024-09-01,\r\nT1,kz1,196201,\"1,436.40\",2024-09-02,24\r\n"
        "T2,vp2,1101,598.35,2024-02-01,1\r\nT2,vp2,1101,-100.00,2024-02-02,1\r\n"
        "T2,vp2,1001,1200,2024-02-03,1",
        /* tab-delimited, a byte order mark, columns reordered and in capitals, quoted fields
         * with a doubled quote, a line break and the delimiter */
        "\xEF\xBB\xBF" "BEDRAG\tTraject\t Zorgaanbieder \tPrestatiecode\taantal\tdatum\textra\n"
        "598,35\tT1\tvp1\t1101\t1\t1-3-2024\t\"a \"\"quote\"\"\"\n"
        "865,00\tT1\tzh1\t159999019\t1\t2024-05-01\t\"two\nlines\"\n"
        "512,60\tT1\tvp1\t1102\t\t2024-09-01\t\"tab\there\"\n"
        "1436,40\tT1\tkz1\t196201\t24\t2024-09-02\t\n"
        "598,35\tT2\tvp2\t1101\t1\t2024-02-01\t\n-100,00\tT2\tvp2\t1101\t1\t2024-02-02\t\n"
        "1.200\tT2\tvp2\t1001\t1\t2024-02-03\t\n\n\n",
    };
    igo_claims *ref = aggregate(hand_worked, NULL, NULL, NULL);
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        igo_error e;
        igo_claims *c = aggregate(files[f], NULL, NULL, &e);
        if (e)
            fprintf(stderr, "  file %zu: %s\n", f, igo_claims_errmsg(c));
        CHECK(e == IGO_OK);
        igo_claims_totals a = igo_claims_totals_of(c), b = igo_claims_totals_of(ref);
        CHECK(memcmp(&a, &b, sizeof a) == 0);
        for (size_t p = 0; p < igo_claims_prestatie_count(ref); p++) {
            CHECK(igo_claims_production(c, p) == igo_claims_production(ref, p));
            for (size_t d = 0; d < igo_claims_discipline_count(ref); d++)
                CHECK_I64(igo_claims_money(c, p, d), igo_claims_money(ref, p, d));
        }
        igo_claims_free(c);
    }
    igo_claims_free(ref);
}

/* Windows-1252 on request: "é" is byte 0xE9, the euro sign 0x80. */
void test_claims_windows_1252(igo_t *t)
{
    const char csv[] = "traject;zorgaanbieder;prestatiecode;bedrag\n"
                       "T1;Praktijk \xE9\xE9n;1101;\x80 598,35\n";
    igo_claims *c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "ansi.csv", csv, strlen(csv)), IGO_ERROR_VALUE,
                "ansi.csv line 2: not valid UTF-8");
    igo_claims_free(c);
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK(igo_claims_set_encoding(c, "Windows-1252") == IGO_OK);
    CHECK(igo_claims_read_csv_buffer(c, "ansi.csv", csv, strlen(csv)) == IGO_OK);
    CHECK(igo_claims_finish(c) == IGO_OK);
    CHECK(strcmp(provider_name(c, 0), "Praktijk \xC3\xA9\xC3\xA9n") == 0);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 59835);
    CHECK_FAILS(c, igo_claims_set_encoding(c, "latin-9"), IGO_ERROR_ARGUMENT, "before");
    igo_claims_free(c);
    c = igo_claims_new();
    CHECK_FAILS(c, igo_claims_set_encoding(c, "latin-9"), IGO_ERROR_VALUE, "'latin-9'");
    igo_claims_free(c);
}

/* One line of every reason, and the reconciliation exact. */
void test_claims_set_aside(igo_t *t)
{
    static const char csv[] =
        "traject;zorgaanbieder;prestatiecode;bedrag;datum;aantal\n"
        "T1;vp1;1101;100,00;2024-03-01;1\n"   /* line 2: classified */
        "T1;vp1;1101;1,00;2024-03-01\n"       /* 3: a field short */
        ";vp1;1101;2,00;2024-03-01;1\n"       /* 4: no traject */
        "T1; ;1101;3,00;2024-03-01;1\n"       /* 5: no provider */
        "T1;vp1;999999;4,00;2024-03-01;1\n"   /* 6: unknown code */
        "T1;vp1;1101;vijf;2024-03-01;1\n"     /* 7: amount not a number */
        "T1;vp1;1101;6,00;2024-03-01;0\n"     /* 8: units not positive */
        "T1;vp1;1101;7,00;2024-03-01;x\n"     /* 9: units not a number */
        "T1;vp1;1101;8,00;31-02-2024;1\n"     /* 10: no such date */
        "T1;vp1;1101;9,00;2023-12-31;1\n"     /* 11: before the period */
        "T1;vp1;1101;10,00;2025-01-01;1\n"    /* 12: after it (to is exclusive) */
        "T1;vp1;1101;11,00;2024-12-31;1;\n"   /* 13: an extra (empty) field */
        "T1;vp1;1101;12,34,5;2024-03-01;1\n"; /* 14: amount not a number */
    igo_claims *c = aggregate(csv, "2024-01-01", "2025-01-01", NULL);
    igo_claims_totals s = igo_claims_totals_of(c);
    CHECK_I64(s.rows_read, 13);
    CHECK_I64(s.rows_classified, 1);
    CHECK_I64(s.rows_set_aside, 12);
    CHECK_I64(s.rows_read, s.rows_classified + s.rows_set_aside);
    /* numbers among the amounts: all but lines 3 and 13 (not read), 7 and 14 */
    CHECK_I64(s.cents_read, 10000 + 200 + 300 + 400 + 600 + 700 + 800 + 900 + 1000);
    CHECK_I64(s.cents_classified, 10000);
    CHECK_I64(s.cents_read, s.cents_classified + s.cents_set_aside);
    static const struct {
        igo_claim_reason reason;
        uint64_t rows;
        int64_t cents;
        uint64_t first_line;
    } expected[] = {{IGO_CLAIM_FIELD_COUNT, 2, 0, 3},    {IGO_CLAIM_NO_TRAJECT, 1, 200, 4},
                    {IGO_CLAIM_NO_PROVIDER, 1, 300, 5},  {IGO_CLAIM_UNKNOWN_CODE, 1, 400, 6},
                    {IGO_CLAIM_BAD_AMOUNT, 2, 0, 7},     {IGO_CLAIM_BAD_UNITS, 2, 1300, 8},
                    {IGO_CLAIM_BAD_DATE, 1, 800, 10},    {IGO_CLAIM_OUTSIDE_PERIOD, 2, 1900, 11}};
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
        int64_t cents;
        uint64_t line = 0;
        CHECK_I64(igo_claims_set_aside(c, expected[i].reason, &cents), expected[i].rows);
        CHECK_I64(cents, expected[i].cents);
        const char *file = igo_claims_example(c, expected[i].reason, 0, &line);
        CHECK(file && strcmp(file, "claims.csv") == 0);
        CHECK_I64(line, expected[i].first_line);
        CHECK_I64(igo_claims_example_count(c, expected[i].reason), expected[i].rows);
    }
    CHECK(strcmp(igo_claim_reason_id(IGO_CLAIM_UNKNOWN_CODE), "unknown_code") == 0);
    CHECK(strcmp(igo_claim_reason_text(IGO_CLAIM_REASONS), "unknown reason") == 0);
    igo_claims_free(c);
}

/* A file that does not say whether "1.234" is 1234 or 1.234: read ahead for the convention. */
void test_claims_ambiguous_amounts(igo_t *t)
{
    /* the first amount is ambiguous; a later one shows the decimal comma: 1.234 is 1234,00 */
    igo_claims *c = aggregate("traject;zorgaanbieder;prestatiecode;bedrag\n"
                              "T1;vp1;1101;1.234\nT2;vp1;1101;12,50\n", NULL, NULL, NULL);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 123400 + 1250);
    igo_claims_free(c);
    /* English: 1,234 is 1234.00, and 1.234 would have three decimals: not a number */
    c = aggregate("traject,zorgaanbieder,prestatiecode,bedrag\n"
                  "T1,vp1,1101,\"1,234\"\nT2,vp1,1101,1.234\nT3,vp1,1101,12.5\n", NULL, NULL, NULL);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 123400 + 1250);
    CHECK_I64(igo_claims_set_aside(c, IGO_CLAIM_BAD_AMOUNT, NULL), 1);
    igo_claims_free(c);
    /* nothing shows it: refused (a guess would be a thousand times off), unless the sign is
     * given */
    static const char undecided[] = "traject;zorgaanbieder;prestatiecode;bedrag\n"
                                    "T2;vp1;1101;5\nT1;vp1;1101;1.234\n";
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "x.csv", undecided, strlen(undecided)),
                IGO_ERROR_VALUE, "x.csv line 3: '1.234' is a thousand times more in Dutch");
    CHECK_FAILS(c, igo_claims_finish(c), IGO_ERROR_ARGUMENT, "failed part way");
    igo_claims_free(c);
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK(igo_claims_set_decimal(c, ',') == IGO_OK);
    CHECK(igo_claims_read_csv_buffer(c, "x.csv", undecided, strlen(undecided)) == IGO_OK);
    CHECK(igo_claims_finish(c) == IGO_OK);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 123400 + 500);
    CHECK_FAILS(c, igo_claims_set_decimal(c, '.'), IGO_ERROR_ARGUMENT, "before");
    igo_claims_free(c);
    c = igo_claims_new();
    CHECK_FAILS(c, igo_claims_set_decimal(c, ';'), IGO_ERROR_VALUE, "';' is not");
    igo_claims_free(c);
    /* "0,500" cannot be thousands: a decimal comma, 0.50 */
    c = aggregate("traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;0,500\n", NULL, NULL,
                  NULL);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 50);
    igo_claims_free(c);
    /* trailing zeros beyond two decimals are fine, other decimals are not */
    c = aggregate("traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;12,5000\n"
                  "T2;vp1;1101;12,501\n", NULL, NULL, NULL);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 1250);
    CHECK_I64(igo_claims_set_aside(c, IGO_CLAIM_BAD_AMOUNT, NULL), 1);
    igo_claims_free(c);
}

/* Faults of a file as a whole: refused with the file and line. */
void test_claims_file_errors(igo_t *t)
{
    static const struct {
        const char *csv;
        igo_error code;
        const char *message;
    } cases[] = {
        {"", IGO_ERROR_VALUE, "claims.csv: is empty: no header line"},
        {"\n\n", IGO_ERROR_VALUE, "claims.csv: is empty: no header line"},
        {"traject;zorgaanbieder;bedrag\nT1;vp1;1\n", IGO_ERROR_VALUE,
         "claims.csv line 1: no column 'prestatiecode' in the header"},
        {"traject;bedrag;zorgaanbieder;prestatiecode;Bedrag\n", IGO_ERROR_VALUE,
         "line 1: the column 'bedrag' is named twice"},
        {"traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;12,50\nT2;vp1;1101;12.50\n",
         IGO_ERROR_VALUE, "claims.csv line 3: '12.50' has a decimal point (English), but line 2 "
                          "has a decimal comma (Dutch)"},
        {"traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;\"12,50\n", IGO_ERROR_VALUE,
         "claims.csv line 2: a quoted field is never closed"},
        {"traject;zorgaanbieder;prestatiecode;bedrag\nT1;\"vp\"1;1101;1\n", IGO_ERROR_VALUE,
         "claims.csv line 2: text after the closing quote"},
        {"traject;zorgaanbieder;prestatiecode;bedrag\nT1;v\xC3;1101;1\n", IGO_ERROR_VALUE,
         "claims.csv line 2: not valid UTF-8"},
        {"traject;zorgaanbieder;prestatiecode;bedrag\n\nT1;v\x01;1101;1\n", IGO_ERROR_VALUE,
         "claims.csv line 3: a control byte (0x01)"},
        {"\xFF\xFEt\0r\0", IGO_ERROR_VALUE, "claims.csv: is UTF-16 text"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        igo_claims *c = igo_claims_new();
        igo_claims_use_default_indeling(c);
        size_t n = i == sizeof cases / sizeof *cases - 1 ? 6 : strlen(cases[i].csv);
        CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "claims.csv", cases[i].csv, n),
                    cases[i].code, cases[i].message);
        igo_claims_free(c);
    }
}

/* Hostile files: a NUL byte, a line of 2 MiB, 100,000 columns; not regular files. */
void test_claims_hostile(igo_t *t)
{
    static const char head[] = "traject;zorgaanbieder;prestatiecode;bedrag\n";
    size_t big = 2u << 20;
    char *s = malloc(big + sizeof head);
    memcpy(s, head, sizeof head - 1);
    memset(s + sizeof head - 1, 'x', big);
    s[sizeof head - 1 + big] = '\0';
    igo_claims *c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "long.csv", s, strlen(s)), IGO_ERROR_LIMIT,
                "long.csv line 2: a record longer than 1 MiB");
    for (size_t i = sizeof head - 1; i < sizeof head - 1 + 200000; i += 2)
        s[i + 1] = ';';
    s[sizeof head - 1 + 200000] = '\0';
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "wide.csv", s, strlen(s)), IGO_ERROR_LIMIT,
                "wide.csv line 2: more than 1024 fields");
    memcpy(s, head, sizeof head - 1);
    memcpy(s + sizeof head - 1, "T1;v\0p", 7);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "nul.csv", s, sizeof head - 1 + 6),
                IGO_ERROR_VALUE, "nul.csv line 2: a NUL byte");
    free(s);
    char dir[] = "/tmp/igo-claims-XXXXXX", fifo[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(fifo, sizeof fifo, "%s/fifo.csv", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    CHECK_FAILS(c, igo_claims_read_csv(c, fifo), IGO_ERROR_IO, "is not a regular file");
    CHECK_FAILS(c, igo_claims_read_csv(c, dir), IGO_ERROR_IO, "is a directory");
    remove(fifo);
    rmdir(dir);
    CHECK_FAILS(c, igo_claims_read_csv(c, "/nonexistent/claims.csv"), IGO_ERROR_IO,
                "/nonexistent/claims.csv: cannot be opened");
    igo_claims_free(c);
}

/* The classification table: its checks, and the default one equal to the shipped CSV. */
void test_claims_table(igo_t *t)
{
    igo_claims *c = igo_claims_new();
    igo_claim_class ok = {"0042", "verloskunde", "prenataal", 1, "IG1", 0};
    CHECK(igo_claims_add_class(c, &ok) == IGO_OK);
    igo_claim_class dup = {"42", "kraamzorg", "", 0, NULL, 0};
    CHECK_FAILS(c, igo_claims_add_class(c, &dup), IGO_ERROR_DUPLICATE,
                "indeling: code 42 is given twice");
    igo_claim_class bad_phase = {"43", "verloskunde", "natal", 1, "IG4", 0};
    CHECK_FAILS(c, igo_claims_add_class(c, &bad_phase), IGO_ERROR_VALUE,
                "code 43: fase 'natal' is not prenataal");
    igo_claim_class no_prestatie = {"44", "verloskunde", "nataal", 1, "", 0};
    CHECK_FAILS(c, igo_claims_add_class(c, &no_prestatie), IGO_ERROR_VALUE,
                "code 44: a code with a fase needs an ig_prestatie");
    igo_claim_class unknown = {"45", "verloskunde", "nataal", 1, "IG99", 0};
    CHECK(igo_claims_add_class(c, &unknown) == IGO_OK);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "x.csv", "traject\n", 8), IGO_ERROR_UNKNOWN,
                "code 45: ig_prestatie 'IG99' is not in the catalogue");
    const char *order[] = {"IG99", "IG1"};
    CHECK(igo_claims_set_catalogue(c, order, 2) == IGO_OK);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "x.csv", "traject\n", 8), IGO_ERROR_VALUE,
                "x.csv line 1: no column 'zorgaanbieder'");
    CHECK_FAILS(c, igo_claims_add_class(c, &ok), IGO_ERROR_ARGUMENT, "the table is fixed");
    igo_claims_free(c);
    /* the default table: as the CSV shipped with the Python package, byte for byte */
    FILE *f = fopen("python/libigo/data/indeling.csv", "rb");
    CHECK(f != NULL);
    char buf[1 << 16];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = '\0';
    CHECK(strcmp(buf, igo_claims_default_indeling_csv()) == 0);
    c = igo_claims_new();
    CHECK(igo_claims_use_default_indeling(c) == IGO_OK);
    const char empty[] = "traject;zorgaanbieder;prestatiecode;bedrag\n";
    CHECK(igo_claims_read_csv_buffer(c, "x.csv", empty, strlen(empty)) == IGO_OK);
    CHECK(igo_claims_finish(c) == IGO_OK);
    CHECK_I64(igo_claims_prestatie_count(c), 9);
    CHECK_I64(igo_claims_discipline_count(c), 3);
    CHECK_FAILS(c, igo_claims_finish(c), IGO_ERROR_ARGUMENT, "called twice");
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "x.csv", "a", 1), IGO_ERROR_ARGUMENT,
                "no file can be read after igo_claims_finish()");
    igo_claims_free(c);
}

/* Columns named by the user, several files, and the options' checks. */
void test_claims_options(igo_t *t)
{
    igo_claims *c = igo_claims_new();
    CHECK(igo_claims_use_default_indeling(c) == IGO_OK);
    CHECK(igo_claims_set_column(c, IGO_CLAIM_TRAJECT, "zwangerschap") == IGO_OK);
    CHECK(igo_claims_set_column(c, IGO_CLAIM_AMOUNT, "Declaratiebedrag") == IGO_OK);
    CHECK_FAILS(c, igo_claims_set_column(c, IGO_CLAIM_COLUMNS, "x"), IGO_ERROR_ARGUMENT,
                "no column");
    CHECK_FAILS(c, igo_claims_set_column(c, IGO_CLAIM_DATE, ""), IGO_ERROR_ARGUMENT,
                "column name");
    CHECK_FAILS(c, igo_claims_set_period(c, "2024-13-01", NULL), IGO_ERROR_VALUE,
                "from '2024-13-01' is not a date");
    CHECK_FAILS(c, igo_claims_set_period(c, "2024-02-01", "2024-01-01"), IGO_ERROR_VALUE,
                "is not after");
    const char a[] = "zwangerschap;zorgaanbieder;prestatiecode;declaratiebedrag\nT1;vp1;1101;1\n";
    const char b[] = "zwangerschap;zorgaanbieder;prestatiecode;declaratiebedrag\nT2;vp1;1101;2\n";
    CHECK(igo_claims_read_csv_buffer(c, "a.csv", a, strlen(a)) == IGO_OK);
    CHECK(igo_claims_read_csv_buffer(c, "b.csv", b, strlen(b)) == IGO_OK);
    CHECK_FAILS(c, igo_claims_set_column(c, IGO_CLAIM_DATE, "d"), IGO_ERROR_ARGUMENT, "before");
    CHECK(igo_claims_finish(c) == IGO_OK);
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 300);
    CHECK(igo_claims_production(c, prestatie(c, "IG1")) == 2);
    CHECK(volume(c, "IG1", "vp1") == 2);
    igo_claims_free(c);
}

/* The hand-worked claims in a workbook, as a spreadsheet holds them: amounts and units as
 * numbers (one as Dutch text), dates as serial numbers (one as text), codes as numbers and as
 * text with leading zeros, a blank row and a title row above the header. */
static void write_claims_book(const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Declaraties");
    workbook_add_worksheet(wb, "Toelichting");
    const char *head[] = {"traject", "zorgaanbieder", "prestatiecode", "bedrag", "datum",
                          "aantal"};
    for (int k = 0; k < 6; k++)
        worksheet_write_string(ws, 2, (lxw_col_t)k, head[k], NULL);
    struct {
        const char *traject, *provider;
        double code;
        const char *code_text;
        double amount;
        const char *amount_text;
        lxw_datetime date;
        double units;
    } rows[] = {
        {"T1", "vp1", 1101, NULL, 598.35, NULL, {2024, 3, 1, 0, 0, 0}, 1},
        {"T1", "zh1", 0, "000159999019", 865, NULL, {2024, 5, 1, 0, 0, 0}, 1},
        {"T1", "vp1", 1102, NULL, 512.60, NULL, {2024, 9, 1, 0, 0, 0}, 0},
        {"T1", "kz1", 196201, NULL, 0, "1.436,40", {2024, 9, 2, 12, 0, 0}, 24},
        {"T2", "vp2", 1101, NULL, 598.35, NULL, {2024, 2, 1, 0, 0, 0}, 1},
        {"T2", "vp2", 1101, NULL, -100, NULL, {2024, 2, 2, 0, 0, 0}, 1},
        {"T2", "vp2", 1001, NULL, 1200, NULL, {2024, 2, 3, 0, 0, 0}, 1},
    };
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    worksheet_write_string(ws, 0, 0, "Declaraties 2024", NULL);
    for (int i = 0; i < 7; i++) {
        lxw_row_t r = (lxw_row_t)(i + 3 + (i >= 4)); /* a blank row before T2 */
        worksheet_write_string(ws, r, 0, rows[i].traject, NULL);
        worksheet_write_string(ws, r, 1, rows[i].provider, NULL);
        if (rows[i].code_text)
            worksheet_write_string(ws, r, 2, rows[i].code_text, NULL);
        else
            worksheet_write_number(ws, r, 2, rows[i].code, NULL);
        if (rows[i].amount_text)
            worksheet_write_string(ws, r, 3, rows[i].amount_text, NULL);
        else
            worksheet_write_number(ws, r, 3, rows[i].amount, NULL);
        if (i == 2)
            worksheet_write_string(ws, r, 4, "2024-09-01", NULL);
        else
            worksheet_write_datetime(ws, r, 4, &rows[i].date, date);
        if (rows[i].units)
            worksheet_write_number(ws, r, 5, rows[i].units, NULL);
    }
    workbook_close(wb);
}

void test_claims_xlsx(igo_t *t)
{
    char dir[] = "/tmp/igo-claims-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/claims.xlsx", dir);
    igo_claims *ref = aggregate(hand_worked, "2024-01-01", "2025-01-01", NULL);
    write_claims_book(path);
    {
        igo_claims *c = igo_claims_new();
        igo_claims_use_default_indeling(c);
        igo_claims_set_period(c, "2024-01-01", "2025-01-01");
        CHECK(igo_claims_read_xlsx(c, path, "Declaraties") == IGO_OK);
        CHECK(igo_claims_finish(c) == IGO_OK);
        igo_claims_totals a = igo_claims_totals_of(c), b = igo_claims_totals_of(ref);
        CHECK(memcmp(&a, &b, sizeof a) == 0);
        for (size_t p = 0; p < igo_claims_prestatie_count(ref); p++)
            for (size_t d = 0; d < igo_claims_discipline_count(ref); d++)
                CHECK_I64(igo_claims_money(c, p, d), igo_claims_money(ref, p, d));
        CHECK(volume(c, "IG9", "kz1") == 24);
        igo_claims_free(c);
    }
    igo_claims *c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK_FAILS(c, igo_claims_read_xlsx(c, path, "Blad9"), IGO_ERROR_UNKNOWN,
                "no sheet is named 'Blad9'");
    CHECK_FAILS(c, igo_claims_read_xlsx(c, path, "Toelichting"), IGO_ERROR_VALUE,
                "no header row (a row naming the columns traject, zorgaanbieder");
    CHECK_FAILS(c, igo_claims_read_xlsx(c, dir, NULL), IGO_ERROR_IO, "is a directory");
    igo_claims_free(c);
    /* the 1904 date system: serial 43890 is 2024-03-01 there (45352 in the 1900 system); text
     * amounts whose convention only a later row shows */
    const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                           "xl/worksheets/sheet1.xml"};
    const char *texts[] = {
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<workbookPr date1904=\"1\"/><sheets><sheet name=\"D\" sheetId=\"1\" r:id=\"rId1\"/>"
        "</sheets></workbook>",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
        "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>traject</t></is></c>"
        "<c t=\"inlineStr\"><is><t>zorgaanbieder</t></is></c><c t=\"inlineStr\"><is><t>"
        "prestatiecode</t></is></c><c t=\"inlineStr\"><is><t>bedrag</t></is></c>"
        "<c t=\"inlineStr\"><is><t>datum</t></is></c></row><row r=\"2\"><c t=\"inlineStr\">"
        "<is><t>T1</t></is></c><c><v>12345678</v></c><c><v>1101</v></c>"
        "<c t=\"inlineStr\"><is><t>1.234</t></is></c>"
        "<c><v>43890</v></c></row><row r=\"3\"><c t=\"inlineStr\"><is><t>T2</t></is></c>"
        "<c><v>12345678</v></c><c><v>1101</v></c><c t=\"inlineStr\"><is><t>1,05</t></is></c>"
        "<c><v>43889</v></c></row>"
        "</sheetData></worksheet>"};
    CHECK(write_zip(path, names, texts, 3, 0) == 0);
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    igo_claims_set_period(c, "2024-03-01", NULL);
    CHECK(igo_claims_read_xlsx(c, path, NULL) == IGO_OK);
    CHECK(igo_claims_finish(c) == IGO_OK);
    /* "1.234" reads as 1234,00 once the sheet is read ahead to "1,05"; T2 is the day before */
    CHECK_I64(igo_claims_totals_of(c).cents_classified, 123400);
    CHECK_I64(igo_claims_set_aside(c, IGO_CLAIM_OUTSIDE_PERIOD, NULL), 1);
    CHECK(strcmp(provider_name(c, 0), "12345678") == 0); /* an AGB code typed as a number */
    igo_claims_free(c);
    igo_claims_free(ref);
    remove(path);
    rmdir(dir);
}

/* Generated claims, both conventions, with bad lines of every kind: the aggregation finds
 * exactly the lines and cents the generator wrote, per reason, and loses nothing. */
void test_claims_generated_reconcile(igo_t *t)
{
    char dir[] = "/tmp/igo-claims-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/declaraties.csv", dir);
    for (int english = 0; english < 2; english++) {
        igo_claims *c = igo_claims_new();
        igo_claims_synthetic options = {7 + (uint64_t)english, 3000, 10, english, 2024};
        igo_claims_written w;
        CHECK(igo_claims_generate(c, path, &options, &w) == IGO_OK);
        CHECK(igo_claims_use_default_indeling(c) == IGO_OK);
        CHECK(igo_claims_set_period(c, "2024-01-01", "2025-01-01") == IGO_OK);
        CHECK(igo_claims_read_csv(c, path) == IGO_OK);
        CHECK(igo_claims_finish(c) == IGO_OK);
        igo_claims_totals s = igo_claims_totals_of(c);
        CHECK_I64(s.rows_read, w.rows);
        CHECK_I64(s.cents_read, w.cents);
        CHECK_I64(s.rows_read, s.rows_classified + s.rows_set_aside);
        CHECK_I64(s.cents_read, s.cents_classified + s.cents_set_aside);
        for (int r = 0; r < IGO_CLAIM_REASONS; r++) {
            int64_t cents;
            CHECK_I64(igo_claims_set_aside(c, (igo_claim_reason)r, &cents), w.bad_rows[r]);
            CHECK_I64(cents, w.bad_cents[r]);
        }
        /* every prestatie of the default catalogue occurs; money adds up to what was classified */
        int64_t money = s.cents_without_prestatie;
        for (size_t p = 0; p < igo_claims_prestatie_count(c); p++) {
            CHECK(igo_claims_production(c, p) > 0);
            for (size_t d = 0; d < igo_claims_discipline_count(c); d++)
                money += igo_claims_money(c, p, d);
        }
        CHECK_I64(money, s.cents_classified);
        igo_claims_free(c);
    }
    remove(path);
    rmdir(dir);
}

/* The progress callback sees the reading advance on the calling thread, and stops it. */
void test_claims_stops_when_asked(igo_t *t)
{
    char dir[] = "/tmp/igo-claims-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/groot.csv", dir);
    igo_claims *c = igo_claims_new();
    igo_claims_synthetic options = {3, 60000, 0, 0, 2024};
    CHECK(igo_claims_generate(c, path, &options, NULL) == IGO_OK);
    igo_claims_use_default_indeling(c);
    listener all = {0, 0, 0, 0}, stop = {0, 1, 0, 0};
    igo_claims_set_progress(c, listen, &all);
    CHECK(igo_claims_read_csv(c, path) == IGO_OK);
    CHECK(all.calls > 0 && !all.backwards);
    igo_claims_free(c);
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    igo_claims_set_progress(c, listen, &stop);
    CHECK_FAILS(c, igo_claims_read_csv(c, path), IGO_ERROR_CANCELLED,
                "groot.csv: reading stopped by the progress callback");
    CHECK_I64(stop.calls, 1);
    igo_claims_free(c);
    /* also while the file is read ahead for its decimal sign (the first amount, 1.234, does not
     * show it; the last one does) */
    FILE *f = fopen(path, "w");
    fputs("traject;zorgaanbieder;prestatiecode;bedrag\nT0;P1;1101;1.234\n", f);
    for (int i = 1; i < 1500000; i++)
        fprintf(f, "T%d;P1;1101;5\n", i);
    fputs("T;P1;1101;1,50\n", f);
    fclose(f);
    listener ahead = {0, 1, 0, 0};
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    igo_claims_set_progress(c, listen, &ahead);
    CHECK_FAILS(c, igo_claims_read_csv(c, path), IGO_ERROR_CANCELLED,
                "reading stopped by the progress callback");
    CHECK(ahead.calls == 1 && ahead.last < 0.5 && !ahead.backwards); /* held where it was */
    igo_claims_free(c);
    remove(path);
    rmdir(dir);
}

/* More lines of one code in one traject-phase than one entry counts (65535): all counted. */
void test_claims_many_lines_in_a_phase(igo_t *t)
{
    static const char head[] = "traject;zorgaanbieder;prestatiecode;bedrag\n";
    static const char line[] = "T1;vp1;1101;1,00\n";
    size_t lines = 70000, n = sizeof head - 1 + lines * (sizeof line - 1);
    char *csv = malloc(n + 1);
    memcpy(csv, head, sizeof head - 1);
    for (size_t i = 0; i < lines; i++)
        memcpy(csv + sizeof head - 1 + i * (sizeof line - 1), line, sizeof line - 1);
    igo_claims *c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK(igo_claims_read_csv_buffer(c, "veel.csv", csv, n) == IGO_OK);
    CHECK(igo_claims_finish(c) == IGO_OK);
    CHECK(igo_claims_production(c, prestatie(c, "IG1")) == 1);
    CHECK(volume(c, "IG1", "vp1") == 1);
    double count;
    int64_t cents;
    CHECK(igo_claims_history(c, 0, NULL, NULL, &count, &cents) != NULL);
    CHECK(count == 70000 && cents == 7000000);
    CHECK_I64(igo_claims_history_count(c), 1);
    igo_claims_free(c);
    free(csv);
}

/* Cases a review found: each once wrong or unsafe. */
void test_claims_review_cases(igo_t *t)
{
    /* a value handed between threads quoted in a message: ends where it ends */
    size_t n = 400000;
    char *s = malloc(n);
    int k = snprintf(s, n, "traject;zorgaanbieder;prestatiecode;bedrag;aantal\n"
                           "T1;P1;1101;12,50;1\n");
    memset(s + k, 'X', 300000);
    k += 300000;
    k += snprintf(s + k, n - (size_t)k, ";P1;1101;1,00;1.5");
    igo_claims *c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "lang.csv", s, (size_t)k), IGO_ERROR_VALUE,
                "lang.csv line 3: '1.5' has a decimal point (English), but line 2");
    igo_claims_free(c);
    /* sums beyond what int64 cents hold: refused, not wrapped */
    k = snprintf(s, n, "traject;zorgaanbieder;prestatiecode;bedrag\n");
    for (int i = 0; i < 10000 && (size_t)k + 40 < n; i++)
        k += snprintf(s + k, n - (size_t)k, "T%d;P1;1101;999999999999\n", i);
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    igo_error e = IGO_OK;
    for (int round = 0; round < 20 && !e; round++) /* 200,000 lines of EUR 1e12 */
        e = igo_claims_read_csv_buffer(c, "groot.csv", s, (size_t)k);
    CHECK(e == IGO_ERROR_LIMIT && strstr(igo_claims_errmsg(c), "beyond what libigo counts"));
    igo_claims_free(c);
    free(s);
    /* a provider's discipline is one it claimed, also when its money is negative */
    c = aggregate("traject;zorgaanbieder;prestatiecode;bedrag\nT1;V1;1101;100\n"
                  "T2;K9;196217;-50\n", NULL, NULL, NULL);
    size_t d;
    CHECK(igo_claims_provider(c, provider(c, "K9"), &d, NULL, NULL) != NULL);
    CHECK(d == discipline(c, "kraamzorg"));
    igo_claims_free(c);
    /* a line number after a bad Windows-1252 byte, and after lone CRs inside quotes */
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    igo_claims_set_encoding(c, "windows-1252");
    const char ansi[] = "traject;zorgaanbieder;prestatiecode;bedrag\nT1;P1;1101;1\n"
                        "T2;P\x81;1101;1\n";
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "a.csv", ansi, strlen(ansi)), IGO_ERROR_VALUE,
                "a.csv line 3: byte 0x81 is not a character in windows-1252");
    igo_claims_free(c);
    c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    const char cr[] = "traject;zorgaanbieder;prestatiecode;bedrag\r\"T\r1\";P1;1101;1\r"
                      "T2;\"P1\"x;1101;1\r";
    CHECK_FAILS(c, igo_claims_read_csv_buffer(c, "cr.csv", cr, strlen(cr)), IGO_ERROR_VALUE,
                "cr.csv line 4: text after the closing quote");
    igo_claims_free(c);
}

/* One traject with many providers: each counted once per traject-phase, in linear time. */
void test_claims_many_providers_in_a_phase(igo_t *t)
{
    size_t providers = 50000, n = 64 + providers * 32;
    char *s = malloc(n);
    int k = snprintf(s, n, "traject;zorgaanbieder;prestatiecode;bedrag\n");
    for (size_t i = 0; i < providers; i++) /* every provider twice, the second time after all */
        k += snprintf(s + k, n - (size_t)k, "T1;P%zu;1101;1\n", i % (providers / 2));
    igo_claims *c = igo_claims_new();
    igo_claims_use_default_indeling(c);
    CHECK(igo_claims_read_csv_buffer(c, "veel.csv", s, (size_t)k) == IGO_OK);
    CHECK(igo_claims_finish(c) == IGO_OK);
    CHECK_I64(igo_claims_provider_count(c), providers / 2);
    CHECK(igo_claims_production(c, prestatie(c, "IG1")) == 1);
    double total = 0;
    for (size_t o = 0; o < igo_claims_provider_count(c); o++)
        total += igo_claims_volume(c, prestatie(c, "IG1"), o);
    CHECK(total == (double)(providers / 2) && volume(c, "IG1", "P7") == 1);
    igo_claims_free(c);
    free(s);
}
