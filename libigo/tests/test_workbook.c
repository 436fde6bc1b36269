/* The workbook writer from C: a complete file, or an error and nothing at all. (That the formulas
 * give the core's figures is checked with LibreOffice in tests/test_workbook.py.) */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/workbook/wb.h"
#include "random_region.h"
#include "tests.h"

/* The number of entries in a directory, . and .. not counted. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

void test_workbook_written_and_checked(igo_t *t)
{
    char dir[] = "/tmp/igo-wb-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/regio.xlsx", dir);
    igo_rng r = {9};
    igo_model *m = random_distributable_region(&r);
    igo_model_add_default_transfer_reasons(m);
    igo_model_set_regio(m, "start_eerste_lijn", 2000);
    CHECK_OK(m, igo_workbook_write(m, path, NULL));
    CHECK_OK(m, wb_verify_zip(m->errmsg, path));
    CHECK(entries(dir) == 1); /* the workbook, and no temporary file */
    igo_workbook_options english = {IGO_LANG_EN};
    CHECK_OK(m, igo_workbook_write(m, path, &english)); /* over the old one */
    CHECK(entries(dir) == 1);
    struct stat st;
    CHECK(stat(path, &st) == 0 && st.st_size > 10000);
    remove(path);
    rmdir(dir);
    igo_model_free(m);
}

void test_workbook_failures_leave_nothing(igo_t *t)
{
    char dir[] = "/tmp/igo-wb-XXXXXX", path[96];
    CHECK(mkdtemp(dir) != NULL);
    igo_model *m = igo_model_new();
    igo_model_add_default_catalogue(m);
    igo_model_add_default_disciplines(m);
    /* No such directory: refused with the path and the reason. */
    snprintf(path, sizeof path, "%s/missing/regio.xlsx", dir);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_IO, path,
                "No such file or directory");
    /* A model that does not distribute: its own error, and no file. */
    snprintf(path, sizeof path, "%s/regio.xlsx", dir);
    igo_model_set_production(m, "IG1", 10, 100);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_KEY_MISSING, "prestatie IG1");
    CHECK(entries(dir) == 0);
    /* A directory where the file should be. */
    igo_model_set_production(m, "IG1", 0, 100);
    snprintf(path, sizeof path, "%s/sub", dir);
    mkdir(path, 0700);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_IO, "sub");
    CHECK(entries(dir) == 1);
    rmdir(path);
    CHECK(igo_workbook_write(m, NULL, NULL) == IGO_ERROR_ARGUMENT);
    /* Ids a spreadsheet's SUMIF would match wrongly. */
    snprintf(path, sizeof path, "%s/ids.xlsx", dir);
    igo_model_add_discipline(m, "echo*", NULL);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_ARGUMENT, "discipline 'echo*'");
    igo_model *cased = igo_model_new();
    igo_model_add_prestatie(cased, "A", NULL, NULL, NULL);
    igo_model_add_discipline(cased, "echo", NULL);
    igo_model_add_discipline(cased, "Echo", NULL);
    CHECK_FAILS(cased, igo_workbook_write(cased, path, NULL), IGO_ERROR_DUPLICATE,
                "'echo' and 'Echo'");
    igo_model_free(cased);
    CHECK(entries(dir) == 0);
    CHECK(igo_workbook_write(NULL, "x.xlsx", NULL) == IGO_ERROR_ARGUMENT);
    /* A file that is not a zip is refused by the check that guards the rename. */
    snprintf(path, sizeof path, "%s/broken.xlsx", dir);
    FILE *f = fopen(path, "w");
    fputs("PK\3\4 not really", f);
    fclose(f);
    CHECK_FAILS(m, wb_verify_zip(m->errmsg, path), IGO_ERROR_IO, "not a complete zip");
    remove(path);
    rmdir(dir);
    igo_model_free(m);
}
