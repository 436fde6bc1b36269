/* Numbers in a written workbook as their shortest text (libigo/src/workbook/numbers.c):
 * libxlsxwriter writes 859.055 as 859.0549999999999, which Gnumeric reads as a smaller number.
 * After the rewrite every number value of a cell is the shortest text that reads back as the same
 * double, text values are as they were, the other members are copied unchanged and in order, and
 * a failure leaves the file as it was and nothing else. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "../src/workbook/numbers.h"
#include "random_region.h"
#include "tests.h"

/* ---- reading a package back ---- */

/* The member name of the zip at path, NUL-terminated (free it); NULL when it is absent. */
static char *read_member(const char *path, const char *name)
{
    unzFile z = unzOpen64(path);
    unz_file_info64 info;
    char *text = NULL;
    if (z && unzLocateFile(z, name, 1) == UNZ_OK &&
        unzGetCurrentFileInfo64(z, &info, NULL, 0, NULL, 0, NULL, 0) == UNZ_OK &&
        unzOpenCurrentFile(z) == UNZ_OK) {
        text = malloc(info.uncompressed_size + 1);
        int got = text ? unzReadCurrentFile(z, text, (unsigned)info.uncompressed_size) : -1;
        if (got == (int)info.uncompressed_size)
            text[got] = '\0';
        else
            free(text), text = NULL;
        unzCloseCurrentFile(z);
    }
    if (z)
        unzClose(z);
    return text;
}

/* One line per member, in order: its name, and for other members than sheets its CRC and
 * compressed size (a raw copy keeps both). */
static void list_members(const char *path, char *out, size_t size)
{
    unzFile z = unzOpen64(path);
    size_t n = 0;
    out[0] = '\0';
    for (int rc = z ? unzGoToFirstFile(z) : -1; rc == UNZ_OK; rc = unzGoToNextFile(z)) {
        unz_file_info64 info;
        char name[256];
        unzGetCurrentFileInfo64(z, &info, name, sizeof name, NULL, 0, NULL, 0);
        int sheet = strncmp(name, "xl/worksheets/sheet", 19) == 0;
        n += (size_t)snprintf(out + n, size - n, "%s %lx %llu\n", name, sheet ? 0 : info.crc,
                              sheet ? 0 : (unsigned long long)info.compressed_size);
        if (n >= size)
            break;
    }
    if (z)
        unzClose(z);
}

/* A copy of the file at from, byte for byte. */
static void copy_file(const char *from, const char *to)
{
    size_t size = 0;
    char *data = slurp(from, &size);
    FILE *f = fopen(to, "wb");
    if (f && data)
        fwrite(data, 1, size, f);
    if (f)
        fclose(f);
    free(data);
}

/* ---- the texts of number values ---- */

/* The digits of text's decimal mantissa, without the zeros at either end. */
static int mantissa_digits(const char *text)
{
    char digits[64];
    size_t n = 0;
    for (const char *s = text; *s && *s != 'E' && n + 1 < sizeof digits; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    while (n && digits[n - 1] == '0')
        n--;
    size_t lead = 0;
    while (lead < n && digits[lead] == '0')
        lead++;
    return (int)(n - lead);
}

/* Whether no decimal of fewer significant digits than text reads back as text's double. (Below
 * DBL_MIN a double has fewer bits, and fewer digits than the writer's 15 can name it.) */
static int is_shortest(const char *text)
{
    double v = strtod(text, NULL);
    char fewer[320]; /* %G can be that long, if not for these k */
    for (int k = fabs(v) < DBL_MIN ? 15 : 1; k < mantissa_digits(text); k++) {
        snprintf(fewer, sizeof fewer, "%.*G", k, v);
        if (strtod(fewer, NULL) == v)
            return 0;
    }
    return 1;
}

/* Whether the cell tag from c to gt has a t attribute (a text, boolean or error). */
static int typed(const char *c, const char *gt)
{
    for (; c + 4 < gt; c++)
        if (memcmp(c, " t=\"", 4) == 0)
            return 1;
    return 0;
}

/* Checks every value of a number cell in the sheet XML: the shortest text. Returns how many
 * there were. (memchr, not strstr: ASan's strstr measures the whole rest of the text.) */
static int check_number_values(igo_t *t, const char *xml)
{
    const char *end = xml + strlen(xml);
    int count = 0, numeric = 0;
    for (const char *p = xml; (p = memchr(p, '<', (size_t)(end - p))); p++) {
        if (end - p > 3 && memcmp(p, "<c ", 3) == 0) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            numeric = gt && gt[-1] != '/' && !typed(p, gt);
        } else if (numeric && end - p > 3 && memcmp(p, "<v>", 3) == 0) {
            const char *close = memchr(p + 3, '<', (size_t)(end - p - 3));
            char text[64];
            snprintf(text, sizeof text, "%.*s", close ? (int)(close - p - 3) : 0, p + 3);
            count++, numeric = 0;
            if (!is_shortest(text)) {
                fprintf(stderr, "%s: %s is not the shortest text of its number\n", t->test, text);
                t->failures++;
            }
        }
    }
    return count;
}

/* ---- a model's workbook ---- */

static igo_model *awkward_model(void)
{
    igo_model *m = igo_model_new();
    const char *ig[] = {"IG1", "IG2", "IG3"};
    double tariffs[] = {859.055, 123456789.123, 0.1 + 0.2}, fraction = 1 / 3.0;
    igo_model_add_default_catalogue(m);
    igo_model_add_default_disciplines(m);
    igo_model_add_provider(m, "vp1", "Praktijk", "verloskunde");
    igo_model_add_provider(m, "zh1", "Ziekenhuis", "ziekenhuis");
    for (int p = 0; p < 3; p++) {
        igo_model_set_production(m, ig[p], p == 1 ? 3 : 399, tariffs[p]);
        igo_model_set_key(m, ig[p], "verloskunde", fraction);
        igo_model_set_key(m, ig[p], "ziekenhuis", 1 - fraction);
        igo_model_set_volume(m, ig[p], "vp1", 0.1 + 0.7);
        igo_model_set_volume(m, ig[p], "zh1", 2);
    }
    igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_SHARE, 1e-7);
    igo_model_set_cost(m, IGO_COST_BEHEERSKOSTEN, IGO_COST_AMOUNT, 1234.5678);
    igo_model_add_outside(m, "Echo", 7, 0.1 + 0.2, ig, 2);
    return m;
}

/* The inputs read back are the model's, bit for bit. */
static void same_numbers(igo_t *t, const igo_model *a, const igo_model *b)
{
    for (size_t p = 0; p < 3; p++) {
        double ca, ta, cb, tb, ka, kb;
        igo_model_production(a, p, &ca, &ta);
        igo_model_production(b, p, &cb, &tb);
        CHECK(ca == cb && ta == tb);
        igo_model_key(a, p, 0, &ka);
        igo_model_key(b, p, 0, &kb);
        CHECK(ka == kb);
    }
    double va, vb;
    igo_model_cost(a, IGO_COST_OVERIG, NULL, &va);
    igo_model_cost(b, IGO_COST_OVERIG, NULL, &vb);
    CHECK(va == vb && vb == 1e-7);
    igo_model_outside(a, 0, NULL, &va);
    igo_model_outside(b, 0, NULL, &vb);
    CHECK(va == vb);
}

void test_workbook_numbers_shortest(igo_t *t)
{
    char dir[] = "/tmp/igo-num-XXXXXX", path[64], part[48];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/regio.xlsx", dir);
    igo_model *m = awkward_model(), *back = igo_model_new();
    CHECK_OK(m, igo_workbook_write(m, path, NULL));
    int numbers = 0, short_tariff = 0, long_tariff = 0, big = 0;
    for (int s = 1; s <= 7; s++) {
        snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", s);
        char *xml = read_member(path, part);
        CHECK(xml != NULL);
        if (!xml)
            continue;
        numbers += check_number_values(t, xml);
        short_tariff += strstr(xml, "<v>859.055</v>") != NULL;
        long_tariff += strstr(xml, "859.0549999999999") != NULL;
        big += strstr(xml, "<v>123456789.123</v>") != NULL;
        free(xml);
    }
    CHECK(numbers > 100 && short_tariff > 0 && long_tariff == 0 && big > 0);
    CHECK_OK(back, igo_workbook_read(back, path, NULL));
    same_numbers(t, m, back);
    CHECK(dir_entries(dir) == 1); /* no temporary file left */
    remove(path);
    rmdir(dir);
    igo_model_free(m);
    igo_model_free(back);
}

/* ---- a book of every kind of cell, rewritten directly ---- */

/* A double of every kind: decimals of 1..15 digits (as inputs are), any bit pattern (17
 * digits), negatives, the extremes. */
static double awkward_double(igo_rng *r, int i)
{
    static const double fixed[] = {859.055, 0.1 + 0.2, 1e-7, 123456789.123, -859.055, 0, -0.0,
                                   5e-324, 1e308, 1e15, 1e16, 1e22, 2.5e-310,
                                   9007199254740993.0, 333.335, -1e-300};
    if (i < (int)(sizeof fixed / sizeof fixed[0]))
        return fixed[i];
    if (i % 3 == 0) {
        double v;
        uint64_t bits = rng_next(r) & ~(UINT64_C(0x7ff) << 52);
        bits |= (uint64_t)(900 + rng_below(r, 250)) << 52; /* finite, 1e-38 .. 1e38 */
        memcpy(&v, &bits, sizeof v);
        return v;
    }
    char text[40];
    int digits = 1 + (int)rng_below(r, 15), scale = (int)rng_below(r, 20) - 10;
    uint64_t m = rng_next(r) % 1000000000000000ULL, p = 1;
    for (int k = 0; k < digits; k++)
        p *= 10;
    snprintf(text, sizeof text, "%s%lluE%d", i % 2 ? "-" : "", (unsigned long long)(m % p),
             scale);
    return strtod(text, NULL);
}

/* Enough cells that values and tags straddle the 64 KiB chunks in many places. */
static void write_awkward_book(const char *path, int cells)
{
    lxw_workbook *book = workbook_new(path);
    lxw_worksheet *a = workbook_add_worksheet(book, "Getallen");
    lxw_worksheet *b = workbook_add_worksheet(book, "Teksten");
    igo_rng r = {859055};
    for (int i = 0; i < cells; i++) {
        double v = awkward_double(&r, i);
        lxw_row_t row = (lxw_row_t)(i / 7);
        lxw_col_t col = (lxw_col_t)(i % 7);
        if (i % 5 == 1)
            worksheet_write_formula_num(a, row, col, "=1+1", NULL, v);
        else if (i % 11 == 2)
            worksheet_write_array_formula_num(a, row, col, row, col, "{=SUM(A1:A2)}", NULL, v);
        else
            worksheet_write_number(a, row, col, v, NULL);
    }
    /* Texts that look like long numbers stay as they are. */
    worksheet_write_string(b, 0, 0, "859.0549999999999", NULL);
    worksheet_write_formula_str(b, 1, 0, "=\"859.0549999999999\"", NULL, "859.0549999999999");
    worksheet_write_formula_str(b, 2, 0, "=TEXT(1.5,\"0.00\")", NULL, "1.50");
    worksheet_write_boolean(b, 3, 0, 1, NULL);
    worksheet_write_number(b, 4, 0, 859.055, NULL);
    worksheet_write_blank(b, 5, 0, workbook_add_format(book));
    workbook_close(book);
}

typedef struct {
    size_t n, cap;
    struct seen {
        uint32_t row, col;
        int type, formula;
        double number;
        char text[32];
    } *v;
} cells;

static int collect(void *data, uint32_t row, const igo_cell *c, size_t count)
{
    cells *all = data;
    for (size_t i = 0; i < count; i++) {
        if (all->n == all->cap) {
            void *grown = realloc(all->v, (all->cap = 2 * all->cap + 64) * sizeof *all->v);
            if (!grown)
                return 1;
            all->v = grown;
        }
        struct seen *s = &all->v[all->n++];
        *s = (struct seen){row, c[i].column, c[i].type, c[i].formula, c[i].number, ""};
        snprintf(s->text, sizeof s->text, "%s", c[i].text);
    }
    return 0;
}

static cells read_cells(igo_t *t, const char *path)
{
    cells all = {0, 0, NULL};
    igo_xlsx *book = igo_xlsx_new();
    CHECK_OK(book, igo_xlsx_open(book, path));
    for (size_t s = 0; s < igo_xlsx_sheet_count(book); s++)
        CHECK_OK(book, igo_xlsx_read_sheet(book, s, collect, &all));
    igo_xlsx_free(book);
    return all;
}

/* The same cells, the same numbers to the bit (-0 and 0 told apart), the same texts. */
static void same_cells(igo_t *t, const cells *a, const cells *b)
{
    CHECK(a->n == b->n);
    for (size_t i = 0; i < a->n && i < b->n; i++) {
        const struct seen *x = &a->v[i], *y = &b->v[i];
        int same = x->row == y->row && x->col == y->col && x->type == y->type &&
                   x->formula == y->formula && memcmp(&x->number, &y->number, 8) == 0 &&
                   strcmp(x->text, y->text) == 0;
        if (!same) {
            fprintf(stderr, "%s: cell %u,%u: %.17g '%s' became %.17g '%s'\n", t->test, x->row,
                    x->col, x->number, x->text, y->number, y->text);
            t->failures++;
            return;
        }
    }
}

/* The same book rewritten where the decimal separator is a comma (an application may set such a
 * locale) has the same sheets: '.' in every number. Only where the system has a Dutch or German
 * locale. (libxlsxwriter itself writes the comma there, so the book is written in "C".) */
static void same_in_comma_locale(igo_t *t, const char *dir)
{
    char path[64], copy[64], errmsg[IGO_ERRMSG_SIZE];
    snprintf(path, sizeof path, "%s/komma.xlsx", dir);
    snprintf(copy, sizeof copy, "%s/punt.xlsx", dir);
    write_awkward_book(path, 3000);
    copy_file(path, copy);
    igo_ticker none = {NULL, NULL, 0, 0};
    if (setlocale(LC_NUMERIC, "nl_NL.UTF-8") || setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
        CHECK(igoi_wb_short_numbers(errmsg, path, "doel.xlsx", &none) == IGO_OK);
        setlocale(LC_NUMERIC, "C");
        CHECK(igoi_wb_short_numbers(errmsg, copy, "doel.xlsx", &none) == IGO_OK);
        char *a = read_member(path, "xl/worksheets/sheet1.xml");
        char *b = read_member(copy, "xl/worksheets/sheet1.xml");
        CHECK(a && b && strcmp(a, b) == 0 && strstr(a, "<v>9007199254740992</v>"));
        free(a), free(b);
    }
    remove(path), remove(copy);
}

void test_workbook_numbers_rewrite(igo_t *t)
{
    char dir[] = "/tmp/igo-num-XXXXXX", path[64], copy[64], before[4096], after[4096];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/boek.xlsx", dir);
    snprintf(copy, sizeof copy, "%s/kopie.xlsx", dir);
    write_awkward_book(path, 40000);
    copy_file(path, copy);
    char errmsg[IGO_ERRMSG_SIZE] = "";
    igo_ticker none = {NULL, NULL, 0, 0};
    CHECK(igoi_wb_short_numbers(errmsg, copy, "doel.xlsx", &none) == IGO_OK);
    list_members(path, before, sizeof before);
    list_members(copy, after, sizeof after);
    CHECK(strcmp(before, after) == 0 && strstr(before, "xl/styles.xml"));
    cells a = read_cells(t, path), b = read_cells(t, copy);
    CHECK(a.n > 40000);
    same_cells(t, &a, &b);
    free(a.v), free(b.v);
    char *numbers = read_member(copy, "xl/worksheets/sheet1.xml");
    char *texts = read_member(copy, "xl/worksheets/sheet2.xml");
    CHECK(numbers && check_number_values(t, numbers) == 40000);
    CHECK(numbers && strstr(numbers, "<v>859.055</v>") && !strstr(numbers, "859.0549999999999"));
    CHECK(numbers && strstr(numbers, "<v>1E-07</v>") && strstr(numbers, "<v>-0</v>"));
    CHECK(texts && strstr(texts, "t=\"str\"><f>\"859.0549999999999\"</f><v>859.0549999999999<"));
    CHECK(texts && strstr(texts, "<v>1.50</v>") && strstr(texts, "<v>859.055</v>"));
    free(numbers), free(texts);
    same_in_comma_locale(t, dir);
    CHECK(dir_entries(dir) == 2);
    remove(path), remove(copy);
    rmdir(dir);
}

/* ---- failures ---- */

/* Flips a byte in the middle of the first sheet's compressed data. */
static void spoil_first_sheet(const char *path)
{
    unzFile z = unzOpen64(path);
    unzLocateFile(z, "xl/worksheets/sheet1.xml", 1);
    unzOpenCurrentFile(z);
    long at = (long)unzGetCurrentFileZStreamPos64(z);
    unz_file_info64 info;
    unzGetCurrentFileInfo64(z, &info, NULL, 0, NULL, 0, NULL, 0);
    unzCloseCurrentFile(z);
    unzClose(z);
    FILE *f = fopen(path, "r+b");
    fseek(f, at + (long)info.compressed_size / 2, SEEK_SET);
    int c = fgetc(f);
    fseek(f, at + (long)info.compressed_size / 2, SEEK_SET);
    fputc(c ^ 0x55, f);
    fclose(f);
}

/* A progress callback that asks to stop at once. */
static int stop(void *data, double done)
{
    (void)data, (void)done;
    return 1;
}

/* The rewrite fails with code, its message names the target, path is as it was and no other
 * file is left beside it. */
static void fails_cleanly(igo_t *t, const char *dir, const char *path, igo_ticker tk,
                          igo_error code, const char *fragment)
{
    char errmsg[IGO_ERRMSG_SIZE] = "", target[96];
    snprintf(target, sizeof target, "%s/doel.xlsx", dir);
    size_t size0 = 0, size1 = 0;
    char *was = slurp(path, &size0);
    igo_error e = igoi_wb_short_numbers(errmsg, path, target, &tk);
    char *is = slurp(path, &size1);
    CHECK(e == code && strstr(errmsg, target) && strstr(errmsg, fragment));
    if (e != code || !strstr(errmsg, fragment))
        fprintf(stderr, "%s: %s: %s\n", t->test, igo_error_name(e), errmsg);
    CHECK(was && is && size0 == size1 && memcmp(was, is, size0) == 0);
    CHECK(dir_entries(dir) == 1);
    free(was), free(is);
}

void test_workbook_numbers_failures(igo_t *t)
{
    char dir[] = "/tmp/igo-num-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/boek.xlsx", dir);
    FILE *f = fopen(path, "w");
    fputs("PK\3\4 not really", f);
    fclose(f);
    igo_ticker none = {NULL, NULL, 0, 0}, stopping = {stop, NULL, 0, 0};
    fails_cleanly(t, dir, path, none, IGO_ERROR_IO, "not a complete zip");
    write_awkward_book(path, 3000);
    fails_cleanly(t, dir, path, stopping, IGO_ERROR_CANCELLED, "stopped; no workbook written");
    spoil_first_sheet(path);
    fails_cleanly(t, dir, path, none, IGO_ERROR_IO, "xl/worksheets/sheet1.xml");
    remove(path);
    /* No room for the second temporary file: a directory that cannot be written. */
    char errmsg[IGO_ERRMSG_SIZE] = "";
    CHECK(igoi_wb_short_numbers(errmsg, path, "/proc/igo/doel.xlsx", &none) == IGO_ERROR_IO);
    CHECK(strstr(errmsg, "/proc/igo/doel.xlsx") != NULL);
    rmdir(dir);
}

/* A sheet that inflates beyond IGO_XLSX_MAX_PART is refused (seconds of zlib: not under
 * valgrind). */
void test_workbook_numbers_limit(igo_t *t)
{
    char dir[] = "/tmp/igo-num-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/groot.xlsx", dir);
    zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
    zip_fileinfo info;
    memset(&info, 0, sizeof info);
    enum { MIB = 1 << 20 };
    char *blanks = malloc(MIB);
    CHECK(z && blanks);
    if (z && blanks) {
        memset(blanks, ' ', MIB);
        zipOpenNewFileInZip64(z, "xl/worksheets/sheet1.xml", &info, NULL, 0, NULL, 0, NULL,
                              Z_DEFLATED, 1, 1);
        for (long written = 0; written <= IGO_XLSX_MAX_PART; written += MIB)
            zipWriteInFileInZip(z, blanks, MIB);
        zipCloseFileInZip(z);
        zipClose(z, NULL);
        igo_ticker none = {NULL, NULL, 0, 0};
        fails_cleanly(t, dir, path, none, IGO_ERROR_LIMIT,
                      "xl/worksheets/sheet1.xml inflates beyond 1073741824 bytes");
    }
    free(blanks);
    remove(path);
    rmdir(dir);
}
