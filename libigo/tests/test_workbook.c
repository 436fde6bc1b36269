/* The workbook writer from C: a complete file, or an error and nothing at all. (That the formulas
 * give the core's figures is checked with LibreOffice in tests/test_workbook.py.) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/workbook/wb.h"
#include "random_region.h"
#include "tests.h"

/* The number of entries in a directory, . and .. not counted. */
int dir_entries(const char *dir)
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
    CHECK_OK(m, igoi_wb_verify_zip(m->errmsg, path));
    CHECK(dir_entries(dir) == 1); /* the workbook, and no temporary file */
    igo_workbook_options english = {.lang = IGO_LANG_EN};
    CHECK_OK(m, igo_workbook_write(m, path, &english)); /* over the old one */
    CHECK(dir_entries(dir) == 1);
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
    CHECK(dir_entries(dir) == 0);
    /* A directory where the file should be. */
    igo_model_set_production(m, "IG1", 0, 100);
    snprintf(path, sizeof path, "%s/sub", dir);
    mkdir(path, 0700);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_IO, "sub: is a directory");
    CHECK(dir_entries(dir) == 1);
    rmdir(path);
    CHECK(igo_workbook_write(m, NULL, NULL) == IGO_ERROR_ARGUMENT);
    CHECK(igo_workbook_write(NULL, "x.xlsx", NULL) == IGO_ERROR_ARGUMENT);
    /* A file that is not a zip is refused by the check that guards the rename. */
    snprintf(path, sizeof path, "%s/broken.xlsx", dir);
    FILE *f = fopen(path, "w");
    fputs("PK\3\4 not really", f);
    fclose(f);
    CHECK_FAILS(m, igoi_wb_verify_zip(m->errmsg, path), IGO_ERROR_IO, "not a complete zip");
    remove(path);
    rmdir(dir);
    igo_model_free(m);
}

/* Stops once the book is being packed into its zip (the last eighth of the work). */
static int stop_when_packing(void *data, double done)
{
    listener *l = data;
    l->calls++;
    l->last = done;
    return done >= 7.0 / 8;
}

void test_progress_stops_a_workbook(igo_t *t)
{
    char dir[] = "/tmp/igo-wb-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/groot.xlsx", dir);
    igo_model *m = large_region(4000);
    /* Stopped while its cells are written. */
    listener stop = {0, 1, 0, 0};
    igo_model_set_progress(m, listen, &stop);
    double start = seconds();
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_CANCELLED, path,
                "no workbook written");
    CHECK(seconds() - start < 1.0 && stop.calls == 1 && stop.last < 1);
    CHECK(dir_entries(dir) == 0);
    /* Stopped while libxlsxwriter packs it (in a child process, which is killed). */
    listener packing = {0, 0, 0, 0};
    igo_model_set_progress(m, stop_when_packing, &packing);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_CANCELLED, "no workbook written");
    CHECK(packing.last >= 7.0 / 8 && dir_entries(dir) == 0);
    /* Let go on, the packing in the child gives the same complete file. */
    listener go = {0, 0, 0, 0};
    igo_model_set_progress(m, listen, &go);
    CHECK_OK(m, igo_workbook_write(m, path, NULL));
    CHECK_OK(m, igoi_wb_verify_zip(m->errmsg, path));
    CHECK(go.calls > 0 && go.backwards == 0 && dir_entries(dir) == 1);
    remove(path);
    rmdir(dir);
    igo_model_free(m);
}

/* A model of n prestaties, the default disciplines and o providers, that distributes (no money). */
static igo_model *wide_model(size_t n, size_t o)
{
    igo_model *m = igo_model_new();
    igo_model_add_default_disciplines(m);
    char id[32];
    for (size_t p = 0; p < n; p++) {
        snprintf(id, sizeof id, "P%zu", p);
        igo_model_add_prestatie(m, id, NULL, NULL, NULL);
    }
    for (size_t i = 0; i < o; i++) {
        snprintf(id, sizeof id, "o%zu", i);
        igo_model_add_provider(m, id, NULL, "kraamzorg");
    }
    return m;
}

void test_workbook_targets_and_limits(igo_t *t)
{
    char dir[] = "/tmp/igo-wb-XXXXXX", path[512];
    CHECK(mkdtemp(dir) != NULL);
    igo_rng r = {4};
    igo_model *m = random_distributable_region(&r);
    /* Never over a pipe, a device or a directory: refused before anything is written. */
    snprintf(path, sizeof path, "%s/pijp.xlsx", dir);
    CHECK(mkfifo(path, 0600) == 0);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_IO, path,
                "is a device, pipe or socket, not a file");
    CHECK(dir_entries(dir) == 1);
    remove(path);
    CHECK_FAILS(m, igo_workbook_write(m, "/dev/null", NULL), IGO_ERROR_IO, "/dev/null");
    snprintf(path, sizeof path, "%s/map.xlsx", dir);
    mkdir(path, 0700);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_IO, "is a directory");
    rmdir(path);
    /* A file name of 250 bytes (the most a file system takes is 255): the temporary name is cut. */
    int n = snprintf(path, sizeof path, "%s/", dir);
    memset(path + n, 'a', 245);
    strcpy(path + n + 245, ".xlsx");
    CHECK_OK(m, igo_workbook_write(m, path, NULL));
    CHECK(dir_entries(dir) == 1);
    remove(path);
    igo_model_free(m);
    /* Too wide or too large for a workbook: said as such. */
    snprintf(path, sizeof path, "%s/breed.xlsx", dir);
    m = wide_model(16377, 1);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_LIMIT,
                "too many prestaties for a workbook: 16377, where a sheet has room for 16376");
    igo_model_free(m);
    m = wide_model(2000, 600);
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_LIMIT,
                "a workbook of 2000 prestaties and 600 providers would hold about",
                "libigo writes at most 4000000");
    igo_model_free(m);
    /* So many quality indicators that the values grid would pass the last column. */
    m = wide_model(1, 1);
    for (int i = 0; i < 16374; i++) {
        char id[16];
        snprintf(id, sizeof id, "k%d", i);
        CHECK_OK(m, igo_model_add_indicator(m, id, NULL, 1, 0, 1));
    }
    CHECK_FAILS(m, igo_workbook_write(m, path, NULL), IGO_ERROR_LIMIT,
                "too many quality indicators for a workbook: 16374, where a sheet has room for "
                "16373");
    igo_model_free(m);
    CHECK(dir_entries(dir) == 0);
    rmdir(dir);
}
