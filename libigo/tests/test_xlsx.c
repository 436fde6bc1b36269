/* The xlsx reader: workbooks written by libxlsxwriter read back value for value, hand-built parts
 * for what libxlsxwriter never writes, and every kind of hostile file refused with its code and a
 * message naming the file, part or sheet and cell. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, mkfifo, nanosleep */
#include <minizip/zip.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "tests.h"

int write_zip(const char *path, const char *const *names, const char *const *texts, size_t n,
              int stored)
{
    zipFile z = zipOpen64(path, 0);
    if (!z)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        zip_fileinfo info;
        memset(&info, 0, sizeof info);
        rc |= zipOpenNewFileInZip(z, names[i], &info, NULL, 0, NULL, 0, NULL,
                                  stored ? 0 : Z_DEFLATED, stored ? 0 : 9);
        rc |= zipWriteInFileInZip(z, texts[i], (unsigned)strlen(texts[i]));
        rc |= zipCloseFileInZip(z);
    }
    rc |= zipClose(z, NULL);
    return rc;
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define SHEET(rows) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " NS "><sheetData>" \
    rows "</sheetData></worksheet>"
#define SST(items) "<?xml version=\"1.0\"?>\n<sst " NS ">" items "</sst>"

/* A workbook of one sheet 'Blad1' (sheet) and shared strings (strings, may be NULL); pr is put
 * before <sheets> (e.g. a <workbookPr>). */
static int write_book(const char *path, const char *sheet, const char *strings, const char *pr,
                      int stored)
{
    char workbook[1024], rels[1024];
    snprintf(workbook, sizeof workbook,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook " NS " " RNS
             ">%s<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
             "</workbook>", pr ? pr : "");
    snprintf(rels, sizeof rels,
             "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/"
             "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL "worksheet\" "
             "Target=\"worksheets/sheet1.xml\"/>%s</Relationships>",
             strings ? "<Relationship Id=\"rId2\" Type=\"" REL "sharedStrings\" "
                       "Target=\"/xl/sharedStrings.xml\"/>" : "");
    const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                           "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"};
    const char *texts[] = {workbook, rels, sheet, strings};
    return write_zip(path, names, texts, strings ? 4 : 3, stored);
}

/* ---- what the row callback saw ---- */

typedef struct {
    uint32_t row, column;
    igo_cell_type type;
    int formula;
    double number;
    char text[64];
    size_t length;
} seen_cell;

typedef struct {
    seen_cell cells[64];
    size_t n;
    int rows, stop_at_row, sleep_rows;
    int64_t last_row;
} seen;

static int collect(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    seen *s = data;
    s->rows++;
    if (s->sleep_rows > 0) {
        s->sleep_rows--;
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    if ((int64_t)row <= s->last_row || count == 0)
        s->n = 64; /* marks a broken promise: rows in order, never empty */
    s->last_row = row;
    for (size_t i = 0; i < count && s->n < 64; i++) {
        seen_cell *c = &s->cells[s->n++];
        c->row = row, c->column = cells[i].column, c->type = cells[i].type;
        c->formula = cells[i].formula, c->number = cells[i].number;
        c->length = cells[i].length;
        snprintf(c->text, sizeof c->text, "%s", cells[i].text);
        if (i && cells[i].column <= cells[i - 1].column)
            s->n = 64;
    }
    return s->rows == s->stop_at_row;
}

static const seen_cell *at(const seen *s, uint32_t row, uint32_t column)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->cells[i].row == row && s->cells[i].column == column)
            return &s->cells[i];
    return NULL;
}

/* The cell at (row, column) holds type, number and text (NULL: ""), formula or not. */
static int holds(const seen *s, uint32_t row, uint32_t column, igo_cell_type type, double number,
                 const char *text, int formula)
{
    const seen_cell *c = at(s, row, column);
    char name[12];
    if (c && c->type == type && c->number == number && strcmp(c->text, text ? text : "") == 0 &&
        c->length == strlen(c->text) && c->formula == formula)
        return 1;
    fprintf(stderr, "cell %s: ", igo_xlsx_cell_name(row, column, name));
    if (c)
        fprintf(stderr, "type %d number %.17g text '%s' formula %d\n", (int)c->type, c->number,
                c->text, c->formula);
    else
        fprintf(stderr, "missing\n");
    return 0;
}

static seen read_first(igo_t *t, igo_xlsx *book, const char *path)
{
    seen s;
    memset(&s, 0, sizeof s);
    s.last_row = -1;
    CHECK_OK(book, igo_xlsx_open(book, path));
    CHECK_OK(book, igo_xlsx_read_sheet(book, 0, collect, &s));
    CHECK(s.n < 64);
    return s;
}

void test_xlsx_cell_names(igo_t *t)
{
    char out[12];
    CHECK(strcmp(igo_xlsx_cell_name(0, 0, out), "A1") == 0);
    CHECK(strcmp(igo_xlsx_cell_name(0, 25, out), "Z1") == 0);
    CHECK(strcmp(igo_xlsx_cell_name(0, 26, out), "AA1") == 0);
    CHECK(strcmp(igo_xlsx_cell_name(9, 701, out), "ZZ10") == 0);
    CHECK(strcmp(igo_xlsx_cell_name(6, 702, out), "AAA7") == 0);
    CHECK(strcmp(igo_xlsx_cell_name(1048575, 16383, out), "XFD1048576") == 0);
}

/* ---- workbooks libxlsxwriter writes ---- */

static void write_with_libxlsxwriter(igo_t *t, const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Invoer");
    lxw_worksheet *ws2 = workbook_add_worksheet(wb, "Tweede blad");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple f1 = {bold, "vet "}, f2 = {NULL, "normaal"};
    lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
    lxw_datetime when = {2024, 3, 15, 12, 0, 0};
    worksheet_write_number(ws, 0, 0, 1.5, NULL);
    worksheet_write_string(ws, 0, 1, "tekst", NULL);
    worksheet_write_boolean(ws, 0, 2, 1, NULL);
    worksheet_write_formula_num(ws, 0, 3, "=1+2", NULL, 3);
    worksheet_write_formula_str(ws, 0, 4, "=\"a\"&\"b\"", NULL, "ab");
    worksheet_write_rich_string(ws, 0, 5, rich, NULL);
    worksheet_write_datetime(ws, 0, 6, &when, NULL);
    worksheet_write_blank(ws, 1, 0, bold); /* a style only: not reported */
    worksheet_write_string(ws, 2, 0, "tekst", NULL);
    worksheet_write_number(ws, 2, 1, -0.25, NULL);
    worksheet_write_boolean(ws, 2, 2, 0, NULL);
    worksheet_write_string(ws2, 0, 0, "\xc3\xa4 \xe2\x82\xac \xf0\x9f\x98\x80", NULL);
    worksheet_write_number(ws2, 1048575, 16383, 7, NULL);
    workbook_define_name(wb, "Tarief", "=Invoer!$A$1");
    workbook_define_name(wb, "'Tweede blad'!Lokaal", "='Tweede blad'!$A$1");
    CHECK(workbook_close(wb) == LXW_NO_ERROR);
}

void test_xlsx_written_and_read(igo_t *t)
{
    char dir[] = "/tmp/igo-xlsx-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/geschreven.xlsx", dir);
    write_with_libxlsxwriter(t, path);
    igo_xlsx *book = igo_xlsx_new();
    seen s = read_first(t, book, path);
    CHECK(s.rows == 2 && s.n == 10);
    CHECK(holds(&s, 0, 0, IGO_CELL_NUMBER, 1.5, NULL, 0));
    CHECK(holds(&s, 0, 1, IGO_CELL_STRING, 0, "tekst", 0));
    CHECK(holds(&s, 0, 2, IGO_CELL_BOOLEAN, 1, NULL, 0));
    CHECK(holds(&s, 0, 3, IGO_CELL_NUMBER, 3, NULL, 1));
    CHECK(holds(&s, 0, 4, IGO_CELL_STRING, 0, "ab", 1));
    CHECK(holds(&s, 0, 5, IGO_CELL_STRING, 0, "vet normaal", 0));
    CHECK(holds(&s, 0, 6, IGO_CELL_NUMBER, 45366.5, NULL, 0));
    CHECK(at(&s, 1, 0) == NULL);
    CHECK(holds(&s, 2, 0, IGO_CELL_STRING, 0, "tekst", 0));
    CHECK(holds(&s, 2, 1, IGO_CELL_NUMBER, -0.25, NULL, 0));
    CHECK(holds(&s, 2, 2, IGO_CELL_BOOLEAN, 0, NULL, 0));
    /* the workbook */
    size_t index = 99;
    CHECK(igo_xlsx_sheet_count(book) == 2 && igo_xlsx_date1904(book) == 0);
    CHECK(strcmp(igo_xlsx_sheet_name(book, 1), "Tweede blad") == 0);
    CHECK(igo_xlsx_sheet_name(book, 2) == NULL);
    CHECK_OK(book, igo_xlsx_sheet_index(book, "TWEEDE BLAD", &index));
    CHECK(index == 1 && igo_xlsx_errmsg(book)[0] == '\0');
    CHECK_FAILS(book, igo_xlsx_sheet_index(book, "Derde", &index), IGO_ERROR_UNKNOWN,
                "geschreven.xlsx: no sheet is named 'Derde'", "'Invoer', 'Tweede blad'");
    const char *tarief = igo_xlsx_defined_name(book, "tarief");
    CHECK(tarief && strcmp(tarief, "Invoer!$A$1") == 0);
    CHECK(igo_xlsx_defined_name(book, "Lokaal") == NULL);
    /* the second sheet: UTF-8 kept, the last cell of a sheet */
    memset(&s, 0, sizeof s);
    s.last_row = -1;
    CHECK_OK(book, igo_xlsx_read_sheet(book, 1, collect, &s));
    CHECK(holds(&s, 0, 0, IGO_CELL_STRING, 0, "\xc3\xa4 \xe2\x82\xac \xf0\x9f\x98\x80", 0));
    CHECK(holds(&s, 1048575, 16383, IGO_CELL_NUMBER, 7, NULL, 0));
    /* reopening closes the first */
    CHECK_OK(book, igo_xlsx_open(book, path));
    CHECK(igo_xlsx_sheet_count(book) == 2);
    igo_xlsx_free(book);
    CHECK(remove(path) == 0 && rmdir(dir) == 0);
}

/* ---- hand-built parts ---- */

void test_xlsx_hand_built_parts(igo_t *t)
{
    char dir[] = "/tmp/igo-xlsx-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/hand.xlsx", dir);
    const char *strings = SST("<si><t>plain</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr>"
                              "<t>runs</t></r><rPh sb=\"0\" eb=\"1\"><t>furigana</t></rPh></si>"
                              "<si><t/></si>");
    /* Row 2: out of order, an implied column; row 3: all implied, every type; row 5: rich
     * inline runs; row 6: an empty inline string. */
    const char *sheet = SHEET(
        "<row r=\"2\"><c r=\"C2\" t=\"s\"><v>1</v></c><c r=\"A2\" t=\"inlineStr\"><is><t>inline"
        "</t></is></c><c t=\"n\"><v>2.5E3</v></c></row>"
        "<row><c><v> -1e-3 </v></c><c t=\"e\"><v>#DIV/0!</v></c><c t=\"d\"><v>2024-03-15T12:00:00"
        "</v></c><c t=\"b\"><v>0</v></c><c t=\"s\"><v>2</v></c><c r=\"H3\" s=\"1\"/>"
        "<c r=\"I3\" t=\"str\"><f>A1</f></c><c r=\"J3\" t=\"d\"><v>1900-01-01</v></c>"
        "<c r=\"K3\" t=\"d\"><v>1900-03-01</v></c></row>"
        "<row r=\"5\" spans=\"1:2\"><c r=\"B5\" t=\"inlineStr\"><is><r><t>a</t></r><r><t>b</t>"
        "</r><rPh><t>x</t></rPh></is></c></row>"
        "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is/></c></row>");
    CHECK(write_book(path, sheet, strings, NULL, 0) == 0);
    igo_xlsx *book = igo_xlsx_new();
    seen s = read_first(t, book, path);
    CHECK(s.rows == 4 && s.n == 13);
    CHECK(holds(&s, 1, 0, IGO_CELL_STRING, 0, "inline", 0));
    CHECK(holds(&s, 1, 1, IGO_CELL_NUMBER, 2500, NULL, 0));
    CHECK(holds(&s, 1, 2, IGO_CELL_STRING, 0, "rich runs", 0));
    CHECK(holds(&s, 2, 0, IGO_CELL_NUMBER, -1e-3, NULL, 0));
    CHECK(holds(&s, 2, 1, IGO_CELL_ERROR, 0, "#DIV/0!", 0));
    CHECK(holds(&s, 2, 2, IGO_CELL_NUMBER, 45366.5, NULL, 0));
    CHECK(holds(&s, 2, 3, IGO_CELL_BOOLEAN, 0, NULL, 0));
    CHECK(holds(&s, 2, 4, IGO_CELL_STRING, 0, "", 0));
    CHECK(at(&s, 2, 7) == NULL);
    CHECK(holds(&s, 2, 8, IGO_CELL_EMPTY, 0, NULL, 1));
    CHECK(holds(&s, 2, 9, IGO_CELL_NUMBER, 1, NULL, 0));
    CHECK(holds(&s, 2, 10, IGO_CELL_NUMBER, 61, NULL, 0));
    CHECK(holds(&s, 4, 1, IGO_CELL_STRING, 0, "ab", 0));
    CHECK(holds(&s, 5, 0, IGO_CELL_EMPTY, 0, NULL, 0));
    /* The 1904 date system, and namespace prefixes as some writers use them. */
    const char *sheet1904 = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
                            "spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" "
                            "t=\"d\"><x:v>1904-01-02</x:v></x:c></x:row></x:sheetData>"
                            "</x:worksheet>";
    CHECK(write_book(path, sheet1904, NULL, "<workbookPr date1904=\"1\"/>", 0) == 0);
    s = read_first(t, book, path);
    CHECK(igo_xlsx_date1904(book) == 1);
    CHECK(holds(&s, 0, 0, IGO_CELL_NUMBER, 1, NULL, 0));
    igo_xlsx_free(book);
    CHECK(remove(path) == 0 && rmdir(dir) == 0);
}

/* ---- hostile files ---- */

typedef struct {
    char dir[32], path[64];
    igo_xlsx *book;
} scratch;

static void scratch_start(igo_t *t, scratch *x, const char *name)
{
    snprintf(x->dir, sizeof x->dir, "/tmp/igo-xlsx-XXXXXX");
    CHECK(mkdtemp(x->dir) != NULL);
    snprintf(x->path, sizeof x->path, "%s/%s", x->dir, name);
    x->book = igo_xlsx_new();
    CHECK(x->book != NULL);
}

static void scratch_end(igo_t *t, scratch *x)
{
    igo_xlsx_free(x->book);
    remove(x->path);
    CHECK(rmdir(x->dir) == 0);
}

/* Opens the book of (sheet, strings) and reads its sheet; the error of whichever fails. */
static igo_error open_and_read(scratch *x, const char *sheet, const char *strings)
{
    seen s;
    memset(&s, 0, sizeof s);
    s.last_row = -1;
    if (write_book(x->path, sheet, strings, NULL, 0))
        return IGO_ERROR_IO;
    igo_error e = igo_xlsx_open(x->book, x->path);
    return e ? e : igo_xlsx_read_sheet(x->book, 0, collect, &s);
}

#define LAUGHS "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">" \
    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" \
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"

void test_xlsx_hostile_xml(igo_t *t)
{
    scratch x;
    scratch_start(t, &x, "vijandig.xlsx");
    const char *ok_strings = SST("<si><t>a</t></si>");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET(""), LAUGHS "<sst " NS "><si><t>&lol3;</t></si>"
                "</sst>"), IGO_ERROR_VALUE, "vijandig.xlsx: xl/sharedStrings.xml line 2",
                "document type declaration");
    CHECK(igo_xlsx_sheet_count(x.book) == 0); /* a failed open leaves nothing open */
    CHECK_FAILS(x.book, open_and_read(&x, LAUGHS "<worksheet " NS "><sheetData><row><c><v>&lol3;"
                "</v></c></row></sheetData></worksheet>", ok_strings), IGO_ERROR_VALUE,
                "vijandig.xlsx: sheet 'Blad1'", "(DOCTYPE) is not allowed");
    CHECK_FAILS(x.book, open_and_read(&x, "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM "
                "\"file:///etc/passwd\"><worksheet>&x;</worksheet>", NULL), IGO_ERROR_VALUE,
                "DOCTYPE");
    char deep[2048] = "<worksheet " NS "><sheetData>";
    for (int i = 0; i < 100; i++)
        strcat(deep, "<a>");
    CHECK_FAILS(x.book, open_and_read(&x, deep, NULL), IGO_ERROR_LIMIT, "sheet 'Blad1'",
                "nest deeper than 64");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c><v>1</v></row>"), NULL),
                IGO_ERROR_VALUE, "vijandig.xlsx: sheet 'Blad1' line 2: malformed XML");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET(""), "<sst><si><t>a</si></sst>"),
                IGO_ERROR_VALUE, "xl/sharedStrings.xml line 1: malformed XML: mismatched tag");
    CHECK_FAILS(x.book, open_and_read(&x, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                "<worksheet/>", NULL), IGO_ERROR_VALUE, "the encoding 'ISO-8859-1' is not");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET(""), "<sst></sst>trailing"), IGO_ERROR_VALUE,
                "malformed XML");
    scratch_end(t, &x);
}

void test_xlsx_hostile_cells(igo_t *t)
{
    scratch x;
    scratch_start(t, &x, "claims.xlsx");
    const char *two = SST("<si><t>a</t></si><si><t>b</t></si>");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"7\"><c r=\"B7\" t=\"s\"><v>912</v>"
                "</c></row>"), two), IGO_ERROR_VALUE, "claims.xlsx: sheet 'Blad1' cell B7: "
                "shared string 912 does not exist (the table has 2)");
    /* A declared count of a billion allocates nothing: the table is empty. */
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"s\"><v>0</v></c></row>"),
                SST("") "<!-- count=\"1000000000\" -->"), IGO_ERROR_VALUE,
                "cell A1: shared string 0 does not exist (the table has 0)");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"s\"><v>0</v></c></row>"),
                "<sst " NS " count=\"1000000000\" uniqueCount=\"1000000000\"></sst>"),
                IGO_ERROR_VALUE, "shared string 0 does not exist (the table has 0)");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c r=\"XFE1\"><v>1</v></c></row>"), NULL),
                IGO_ERROR_VALUE, "sheet 'Blad1' cell 'XFE1': beyond XFD1048576");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c r=\"A1048577\"><v>1</v></c></row>"),
                NULL), IGO_ERROR_VALUE, "cell 'A1048577': beyond XFD1048576");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"1048577\"/>"), NULL), IGO_ERROR_VALUE,
                "row 1048577: beyond row 1048576");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"1e300\"/>"), NULL), IGO_ERROR_VALUE,
                "row 1e300: beyond row 1048576");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"2.5\"/>"), NULL), IGO_ERROR_VALUE,
                "row '2.5': not a row number");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"s\"><v>99999999999999999999999</v>"
                                                "</c></row>"), two),
                IGO_ERROR_VALUE, "cell A1: shared string 99999999999999999999999 does not exist");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"s\"><v>1e300</v></c></row>"), two),
                IGO_ERROR_VALUE, "cell A1: shared string index '1e300' is not a whole number");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"s\"><v>0.5</v></c></row>"), two),
                IGO_ERROR_VALUE, "cell A1: shared string index '0.5' is not a whole number");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c r=\"1A\"><v>1</v></c></row>"), NULL),
                IGO_ERROR_VALUE, "cell '1A': not a cell reference");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"3\"><c><v>1</v></c></row><row r=\"2\">"
                "<c><v>1</v></c></row>"), NULL), IGO_ERROR_VALUE,
                "row 2: comes after row 3 (rows out of order or given twice)");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"2\"/><row r=\"2\"/>"), NULL),
                IGO_ERROR_VALUE, "row 2: comes after row 2");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2"
                "</v></c><c r=\"B1\"><v>3</v></c></row>"), NULL), IGO_ERROR_VALUE,
                "sheet 'Blad1' cell B1: given twice");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>"),
                NULL), IGO_ERROR_VALUE, "cell A2: in row 1");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c r=\"C1\"><v>1,5</v></c></row>"), NULL),
                IGO_ERROR_VALUE, "cell C1: '1,5' is not a number");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c><v>inf</v></c></row>"), NULL),
                IGO_ERROR_VALUE, "'inf' is not a number");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"d\"><v>2023-02-29</v></c></row>"),
                NULL), IGO_ERROR_VALUE, "'2023-02-29' is not a date");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"b\"><v>2</v></c></row>"), NULL),
                IGO_ERROR_VALUE, "'2' is not a boolean");
    CHECK_FAILS(x.book, open_and_read(&x, SHEET("<row><c t=\"x\"><v>2</v></c></row>"), NULL),
                IGO_ERROR_VALUE, "cell A1: unknown type 'x'");
    scratch_end(t, &x);
}

static int write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int rc = fwrite(data, 1, n, f) != n;
    return fclose(f) != 0 || rc ? -1 : 0;
}

/* Flips a byte of the first occurrence of marker in the file. */
static int flip(const char *path, const char *marker)
{
    static char data[8192];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(data, 1, sizeof data, f) : 0;
    if (f)
        fclose(f);
    for (size_t i = 0; i + strlen(marker) <= n; i++)
        if (memcmp(data + i, marker, strlen(marker)) == 0) {
            data[i] ^= 0x01;
            return write_bytes(path, data, n);
        }
    return -1;
}

static void refused_files(igo_t *t, scratch *x)
{
    static const unsigned char ole[16] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    CHECK(write_bytes(x->path, "", 0) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "kapot.xlsx: is empty: not an xlsx (zip) file");
    CHECK(write_bytes(x->path, ole, sizeof ole) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "the workbook is encrypted or an old .xls: save it as .xlsx without a password");
    /* an encrypted xlsx: an OLE file whose directory names the EncryptionInfo stream */
    static unsigned char encrypted[70000];
    memcpy(encrypted, ole, 8);
    for (size_t i = 0; i < 14; i++)
        encrypted[65530 + 2 * i] = (unsigned char)"EncryptionInfo"[i];
    CHECK(write_bytes(x->path, encrypted, sizeof encrypted) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "kapot.xlsx: the workbook is encrypted (it has a password)");
    CHECK(write_bytes(x->path, "a;b;c\n1;2;3\n", 12) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "kapot.xlsx: not an xlsx (zip) file");
    const char *xlsb[] = {"xl/workbook.bin", "[Content_Types].xml"}, *bin[] = {"x", "<Types/>"};
    CHECK(write_zip(x->path, xlsb, bin, 2, 0) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO, ".xlsb");
    const char *ods[] = {"mimetype", "content.xml"};
    const char *odt[] = {"application/vnd.oasis.opendocument.spreadsheet", "<office/>"};
    CHECK(write_zip(x->path, ods, odt, 2, 1) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO, "(.ods)");
    CHECK(write_zip(x->path, ods + 1, odt + 1, 1, 0) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "has no part xl/workbook.xml");
}

static void damaged_zips(igo_t *t, scratch *x)
{
    const char *sheet = SHEET("<row><c t=\"inlineStr\"><is><t>MARKER-1234</t></is></c></row>");
    /* truncated: the central directory at the end is gone */
    CHECK(write_book(x->path, sheet, NULL, NULL, 0) == 0);
    struct stat st;
    CHECK(stat(x->path, &st) == 0 && truncate(x->path, st.st_size / 2) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "kapot.xlsx: is a corrupt or truncated zip");
    /* a byte of a stored member changed: its CRC no longer matches */
    CHECK(write_book(x->path, sheet, NULL, NULL, 1) == 0);
    CHECK(flip(x->path, "MARKER-1234") == 0);
    seen s;
    memset(&s, 0, sizeof s);
    s.last_row = -1;
    CHECK_OK(x->book, igo_xlsx_open(x->book, x->path));
    CHECK_FAILS(x->book, igo_xlsx_read_sheet(x->book, 0, collect, &s), IGO_ERROR_IO,
                "kapot.xlsx: sheet 'Blad1' is corrupt (CRC mismatch)");
    /* a sheet whose part is missing */
    const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"};
    const char *texts[] = {"<workbook " NS " " RNS "><sheets><sheet name=\"A\" r:id=\"rId1\"/>"
                           "</sheets></workbook>", "<Relationships><Relationship Id=\"rId1\" "
                           "Type=\"" REL "worksheet\" Target=\"worksheets/sheet9.xml\"/>"
                           "</Relationships>"};
    CHECK(write_zip(x->path, names, texts, 2, 0) == 0);
    CHECK_OK(x->book, igo_xlsx_open(x->book, x->path));
    CHECK_FAILS(x->book, igo_xlsx_read_sheet(x->book, 0, collect, &s), IGO_ERROR_IO,
                "the part xl/worksheets/sheet9.xml is missing");
    CHECK(write_zip(x->path, names, texts, 1, 0) == 0);
    CHECK_FAILS(x->book, igo_xlsx_open(x->book, x->path), IGO_ERROR_IO,
                "the part xl/_rels/workbook.xml.rels is missing");
}

void test_xlsx_hostile_containers(igo_t *t)
{
    scratch x;
    scratch_start(t, &x, "kapot.xlsx");
    refused_files(t, &x);
    damaged_zips(t, &x);
    remove(x.path);
    CHECK_FAILS(x.book, igo_xlsx_open(x.book, x.path), IGO_ERROR_IO, "kapot.xlsx: cannot be "
                "opened");
    CHECK_FAILS(x.book, igo_xlsx_open(x.book, x.dir), IGO_ERROR_IO, "is a directory");
    CHECK(mkfifo(x.path, 0600) == 0);
    CHECK_FAILS(x.book, igo_xlsx_open(x.book, x.path), IGO_ERROR_IO,
                "kapot.xlsx: is not a regular file");
    /* programming errors */
    seen s;
    CHECK(igo_xlsx_open(NULL, x.path) == IGO_ERROR_ARGUMENT);
    CHECK_FAILS(x.book, igo_xlsx_open(x.book, NULL), IGO_ERROR_ARGUMENT, "path is NULL");
    CHECK_FAILS(x.book, igo_xlsx_read_sheet(x.book, 0, collect, &s), IGO_ERROR_ARGUMENT,
                "no workbook is open");
    CHECK(igo_xlsx_sheet_count(NULL) == 0 && igo_xlsx_sheet_name(NULL, 0) == NULL);
    CHECK(igo_xlsx_defined_name(NULL, "x") == NULL && igo_xlsx_date1904(NULL) == 0);
    scratch_end(t, &x);
}

/* A sheet of `pad` bytes of spaces between its rows: whitespace deflates about 1000:1. */
static char *padded_sheet(size_t pad)
{
    const char *head = "<worksheet " NS "><sheetData>", *tail = "</sheetData></worksheet>";
    char *xml = malloc(strlen(head) + pad + strlen(tail) + 1);
    if (!xml)
        return NULL;
    strcpy(xml, head);
    memset(xml + strlen(head), ' ', pad);
    strcpy(xml + strlen(head) + pad, tail);
    return xml;
}

void test_xlsx_zip_bomb(igo_t *t)
{
    scratch x;
    scratch_start(t, &x, "bom.xlsx");
    char *bomb = padded_sheet((size_t)8 << 20);
    CHECK(bomb != NULL);
    CHECK_FAILS(x.book, open_and_read(&x, bomb, NULL), IGO_ERROR_LIMIT,
                "bom.xlsx: sheet 'Blad1' inflates more than 1000 times its compressed size");
    free(bomb);
    /* Below the floor of 1 MiB, a part may compress as well as it likes. */
    char *small = padded_sheet((size_t)1 << 19);
    CHECK(small != NULL);
    CHECK_OK(x.book, open_and_read(&x, small, NULL));
    free(small);
    scratch_end(t, &x);
}

void test_xlsx_stops_when_asked(igo_t *t)
{
    scratch x;
    scratch_start(t, &x, "lang.xlsx");
    size_t rows = 20000, size = rows * 64 + 256, used;
    char *sheet = malloc(size);
    CHECK(sheet != NULL);
    used = (size_t)snprintf(sheet, size, "<worksheet " NS "><sheetData>");
    for (size_t r = 1; r <= rows; r++)
        used += (size_t)snprintf(sheet + used, size - used,
                                 "<row r=\"%zu\"><c r=\"A%zu\"><v>%zu</v></c></row>", r, r, r);
    snprintf(sheet + used, size - used, "</sheetData></worksheet>");
    seen s;
    memset(&s, 0, sizeof s);
    s.last_row = -1, s.stop_at_row = 3;
    CHECK(write_book(x.path, sheet, NULL, NULL, 0) == 0);
    CHECK_OK(x.book, igo_xlsx_open(x.book, x.path));
    CHECK_FAILS(x.book, igo_xlsx_read_sheet(x.book, 0, collect, &s), IGO_ERROR_CANCELLED,
                "lang.xlsx: sheet 'Blad1' row 3: reading stopped by the row callback");
    CHECK(s.rows == 3);
    /* The progress callback: the rows of the first chunk take 100 ms, so it is called at the
     * next chunk, and stops the reading there. */
    listener stop = {0, 1, 0, 0};
    memset(&s, 0, sizeof s);
    s.last_row = -1, s.sleep_rows = 100;
    CHECK_OK(x.book, igo_xlsx_set_progress(x.book, listen, &stop));
    CHECK_FAILS(x.book, igo_xlsx_read_sheet(x.book, 0, collect, &s), IGO_ERROR_CANCELLED,
                "stopped by the progress callback");
    CHECK(stop.calls == 1 && stop.backwards == 0 && s.rows > 100 && s.rows < (int)rows);
    /* Let it run. */
    listener go = {0, 0, 0, 0};
    memset(&s, 0, sizeof s);
    s.last_row = -1;
    CHECK_OK(x.book, igo_xlsx_set_progress(x.book, listen, &go));
    CHECK_OK(x.book, igo_xlsx_read_sheet(x.book, 0, collect, &s));
    CHECK(s.rows == (int)rows && go.backwards == 0);
    free(sheet);
    scratch_end(t, &x);
}
