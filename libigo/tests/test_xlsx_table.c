/* A sheet read whole into columns (igo_xlsx_read_table): the rectangle of values, each cell's
 * type, number and text id, every distinct text once, and a sheet too sparse refused. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "tests.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static int write_one_sheet(const char *path, const char *rows, const char *strings)
{
    char sheet[4096];
    snprintf(sheet, sizeof sheet, "<?xml version=\"1.0\"?>\n<worksheet " NS "><sheetData>%s"
             "</sheetData></worksheet>", rows);
    const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                           "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"};
    const char *texts[] = {
        "<?xml version=\"1.0\"?>\n<workbook " NS " " RNS "><sheets><sheet name=\"Blad1\" "
        "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/"
        "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL "worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" REL
        "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
        sheet, strings};
    return write_zip(path, names, texts, 4, 0);
}

static const char *text_at(const igo_xlsx_table *table, size_t column, size_t row)
{
    const uint32_t *ids = igo_xlsx_table_string_ids(table, column);
    return ids ? igo_xlsx_table_string(table, ids[row], NULL) : NULL;
}

static void check_columns(igo_t *t, const igo_xlsx_table *table)
{
    CHECK(igo_xlsx_table_rows(table) == 4 && igo_xlsx_table_columns(table) == 3);
    const uint8_t *a = igo_xlsx_table_types(table, 0), *c = igo_xlsx_table_types(table, 2);
    const double *an = igo_xlsx_table_numbers(table, 0), *cn = igo_xlsx_table_numbers(table, 2);
    CHECK(a[0] == IGO_CELL_STRING && a[1] == IGO_CELL_NUMBER && a[2] == IGO_CELL_EMPTY);
    CHECK(a[3] == IGO_CELL_STRING && isnan(an[0]) && an[1] == 1.5 && isnan(an[2]));
    CHECK(strcmp(text_at(table, 0, 0), "naam") == 0 && strcmp(text_at(table, 0, 3), "x") == 0);
    /* column B: nothing but row 4's error; C: a boolean and an inline string */
    CHECK(igo_xlsx_table_count(table, 1, IGO_CELL_ERROR) == 1);
    CHECK(igo_xlsx_table_count(table, 1, IGO_CELL_EMPTY) == 3);
    CHECK(strcmp(text_at(table, 1, 3), "#N/A") == 0);
    CHECK(c[1] == IGO_CELL_BOOLEAN && cn[1] == 1 && c[2] == IGO_CELL_STRING && isnan(cn[2]));
    CHECK(strcmp(text_at(table, 2, 2), "x") == 0);
    /* "x" shared in A4 and inline in C3 is one text: naam, x, #N/A */
    CHECK(igo_xlsx_table_string_count(table) == 3);
    CHECK(igo_xlsx_table_types(table, 3) == NULL && igo_xlsx_table_numbers(table, 3) == NULL);
    CHECK(igo_xlsx_table_string_ids(table, 1) != NULL && igo_xlsx_table_string(table, 3, NULL)
                                                            == NULL);
    CHECK(igo_xlsx_table_count(table, 0, (igo_cell_type)9) == 0);
}

void test_xlsx_table_columns(igo_t *t)
{
    char dir[] = "/tmp/igo-table-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/t.xlsx", dir);
    /* Row 3 is a formula without value only, row 5 a style only, D1 a formula without value:
     * none of them widens or lengthens the table. */
    const char *rows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"D1\"><f>1/0</f></c></row>"
        "<row r=\"2\"><c r=\"A2\"><v>1.5</v></c><c r=\"C2\" t=\"b\"><v>1</v></c></row>"
        "<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>1</v></c><c r=\"B4\" t=\"e\"><v>#N/A</v></c></row>"
        "<row r=\"5\"><c r=\"E5\" s=\"1\"/></row>";
    const char *strings = "<?xml version=\"1.0\"?>\n<sst " NS "><si><t>naam</t></si><si><t>x"
                          "</t></si></sst>";
    CHECK(write_one_sheet(path, rows, strings) == 0);
    igo_xlsx *book = igo_xlsx_new();
    igo_xlsx_table *table = NULL;
    CHECK(igo_xlsx_open(book, path) == IGO_OK);
    CHECK(igo_xlsx_read_table(book, 0, &table) == IGO_OK);
    if (table)
        check_columns(t, table);
    igo_xlsx_table_free(table);
    CHECK(igo_xlsx_read_table(book, 1, &table) == IGO_ERROR_ARGUMENT && table == NULL);
    CHECK(igo_xlsx_read_table(book, 0, NULL) == IGO_ERROR_ARGUMENT);
    CHECK(igo_xlsx_read_table(NULL, 0, &table) == IGO_ERROR_ARGUMENT);
    CHECK(igo_xlsx_table_rows(NULL) == 0 && igo_xlsx_table_string_count(NULL) == 0);
    igo_xlsx_table_free(NULL);
    /* Two values far apart: 1,048,576 rows by 16,384 columns for 2 cells. */
    CHECK(write_one_sheet(path, "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\">"
                          "<c r=\"XFD1048576\"><v>2</v></c></row>", strings) == 0);
    CHECK(igo_xlsx_open(book, path) == IGO_OK);
    CHECK_FAILS(book, igo_xlsx_read_table(book, 0, &table), IGO_ERROR_LIMIT, path,
                "sheet 'Blad1' cell XFD1048576", "too far apart");
    CHECK(table == NULL);
    /* An empty sheet is an empty table. */
    CHECK(write_one_sheet(path, "", strings) == 0);
    CHECK(igo_xlsx_open(book, path) == IGO_OK);
    CHECK(igo_xlsx_read_table(book, 0, &table) == IGO_OK);
    CHECK(igo_xlsx_table_rows(table) == 0 && igo_xlsx_table_columns(table) == 0);
    igo_xlsx_table_free(table);
    igo_xlsx_free(book);
    CHECK(remove(path) == 0 && rmdir(dir) == 0);
}
