/* The hostile corpus (libigo/tests/hostile): every file goes through the sheet reader
 * (igo_xlsx_open, then every sheet) and through the model reader (igo_workbook_read), and is
 * refused as its manifest line says, within seconds and without memory growing with the file's
 * claims (both measured in a child process per file). The generated files are listed in manifest.tsv (make_corpus.py), the fuzzers' finds in
 * fuzz/manifest.tsv. */
#include <dirent.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

#ifndef IGO_HOSTILE_DIR
#define IGO_HOSTILE_DIR "libigo/tests/hostile"
#endif

/* The most CPU time a file may take to be refused (CPU, not wall-clock time, so that a loaded
 * machine does not fail the test), and the most the peak memory may grow by while it is read: a
 * part that inflated in full would exceed both. */
#define MAX_SECONDS 5.0
#define MAX_GROWTH_KB (256L * 1024)

/* One manifest line. */
typedef struct {
    char file[128], reader[16], error[32], message[256];
} entry;

typedef struct {
    igo_error code;
    char message[1024]; /* the library's messages are shorter */
} outcome;

/* A text into a buffer of n bytes, cut to fit; NULL as "". */
static void copy(char *out, size_t n, const char *text)
{
    snprintf(out, n, "%.*s", (int)n - 1, text ? text : "");
}

static int touch(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    size_t *sum = data;
    for (size_t i = 0; i < count; i++)
        *sum += row + cells[i].column + cells[i].length + (unsigned char)cells[i].text[0];
    return 0;
}

/* The sheet reader: the first refusal of opening the file or reading any of its sheets. */
static outcome sheet_reader(const char *path)
{
    outcome o = {IGO_ERROR_MEMORY, "out of memory"};
    igo_xlsx *book = igo_xlsx_new();
    if (!book)
        return o;
    size_t sum = 0;
    o.code = igo_xlsx_open(book, path);
    for (size_t i = 0; !o.code && i < igo_xlsx_sheet_count(book); i++)
        o.code = igo_xlsx_read_sheet(book, i, touch, &sum);
    copy(o.message, sizeof o.message, igo_xlsx_errmsg(book));
    igo_xlsx_free(book);
    return o;
}

static outcome model_reader(const char *path)
{
    outcome o = {IGO_ERROR_MEMORY, "out of memory"};
    igo_model *model = igo_model_new();
    if (!model)
        return o;
    o.code = igo_workbook_read(model, path, NULL);
    igo_transition *transition = NULL;
    if (o.code == IGO_OK) /* and the transition sheet, when there is one */
        o.code = igo_workbook_read_transition(model, path, &transition);
    copy(o.message, sizeof o.message, igo_model_errmsg(model));
    igo_transition_free(transition);
    igo_model_free(model);
    return o;
}

/* What reading one file cost: measured in a child process of its own, so that its peak memory
 * is its own (the test process's earlier peaks do not hide it) and its CPU time exact. */
typedef struct {
    outcome sheet, model;
    double seconds; /* user plus system CPU */
    long growth_kb; /* the child's peak resident set beyond what it started with */
    int ok;         /* the child reported */
} reading;

/* This process's resident set now, in kB. */
static long resident_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f && fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = 0;
    if (f)
        fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* The same in this process, where a child would be slow (under valgrind, which copies itself
 * into each child and checks it for leaks at exit: IGO_TEST_IN_PROCESS is set then). Only the
 * CPU time is measured: valgrind's own memory would swamp the reader's. */
static reading read_here(const char *path)
{
    struct rusage before, after;
    reading r;
    memset(&r, 0, sizeof r);
    getrusage(RUSAGE_SELF, &before);
    r.sheet = sheet_reader(path), r.model = model_reader(path), r.ok = 1;
    getrusage(RUSAGE_SELF, &after);
    r.seconds = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
                (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6;
    return r;
}

static reading read_in_child(const char *path)
{
    reading r;
    memset(&r, 0, sizeof r);
    if (getenv("IGO_TEST_IN_PROCESS"))
        return read_here(path);
    int fds[2];
    if (pipe(fds) != 0)
        return r;
    long start_kb = resident_kb();
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        outcome both[2] = {sheet_reader(path), model_reader(path)};
        ssize_t wrote = write(fds[1], both, sizeof both);
        _exit(wrote == (ssize_t)sizeof both ? 0 : 1);
    }
    close(fds[1]);
    outcome both[2];
    r.ok = pid > 0 && read(fds[0], both, sizeof both) == (ssize_t)sizeof both;
    close(fds[0]);
    struct rusage ru;
    int status;
    if (pid > 0 && wait4(pid, &status, 0, &ru) == pid) {
        r.seconds = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
        r.growth_kb = ru.ru_maxrss - start_kb;
    }
    if (r.ok)
        r.sheet = both[0], r.model = both[1];
    return r;
}

/* The reader refused as expected: the code, the substring, and the file named. */
static void expect(igo_t *t, const entry *e, const char *path, const char *reader,
                   const outcome *o)
{
    t->checks++;
    if (strcmp(igo_error_name(o->code), e->error) != 0 || !strstr(o->message, e->message) ||
        (o->code && !strstr(o->message, path))) {
        fprintf(stderr, "%s: %s reader: %s \"%s\", expected %s \"%s\"\n", e->file, reader,
                igo_error_name(o->code), o->message, e->error, e->message);
        t->failures++;
    }
}

static void accepted(igo_t *t, const entry *e, const char *reader, const outcome *o)
{
    t->checks++;
    if (o->code) {
        fprintf(stderr, "%s: the %s reader refused it: %s %s\n", e->file, reader,
                igo_error_name(o->code), o->message);
        t->failures++;
    }
}

static void run_entry(igo_t *t, const char *dir, const entry *e)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->file);
    reading r = read_in_child(path);
    CHECK(r.ok);
    outcome sheet = r.sheet, model = r.model;
    double took = r.seconds;
    int both = strcmp(e->reader, "both") == 0, none = strcmp(e->reader, "none") == 0;
    if (both || strcmp(e->reader, "sheet") == 0)
        expect(t, e, path, "sheet", &sheet);
    else
        accepted(t, e, "sheet", &sheet);
    if (both || strcmp(e->reader, "model") == 0)
        expect(t, e, path, "model", &model);
    else if (none)
        accepted(t, e, "model", &model);
    /* "sheet": the model reader may or may not read the damaged sheet: it only must not fail
     * badly, which the sanitizers and the limits below check */
    if (took >= MAX_SECONDS)
        fprintf(stderr, "%s: took %.1f s\n", e->file, took);
    CHECK(took < MAX_SECONDS);
    if (r.growth_kb >= MAX_GROWTH_KB)
        fprintf(stderr, "%s: peak memory grew by %ld kB\n", e->file, r.growth_kb);
    CHECK(r.growth_kb < MAX_GROWTH_KB);
}

/* "file\treader\terror\tmessage" into e; 0 for a comment or blank line. */
static int parse_line(char *line, entry *e)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0')
        return 0;
    char *fields[4] = {line, NULL, NULL, NULL};
    for (int i = 1; i < 4; i++) {
        fields[i] = fields[i - 1] ? strchr(fields[i - 1], '\t') : NULL;
        if (fields[i])
            *fields[i]++ = '\0';
    }
    copy(e->file, sizeof e->file, fields[0]);
    copy(e->reader, sizeof e->reader, fields[1]);
    copy(e->error, sizeof e->error, fields[2]);
    copy(e->message, sizeof e->message, fields[3]);
    return fields[2] ? 1 : -1;
}

/* Runs every line of dir/manifest.tsv; returns the number of files. */
static int run_manifest(igo_t *t, const char *dir)
{
    char path[512], line[1024];
    snprintf(path, sizeof path, "%s/manifest.tsv", dir);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return 0;
    int files = 0;
    while (fgets(line, sizeof line, f)) {
        entry e;
        int got = parse_line(line, &e);
        CHECK(got >= 0);
        if (got > 0) {
            run_entry(t, dir, &e);
            files++;
        }
    }
    fclose(f);
    return files;
}

/* The files of dir a manifest must list: every regular file but the manifest and the scripts. */
static int corpus_files(const char *dir)
{
    DIR *d = opendir(dir);
    int files = 0;
    for (struct dirent *f; d && (f = readdir(d));) {
        char path[512];
        struct stat st;
        const char *dot = strrchr(f->d_name, '.');
        snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
        files += stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                 strcmp(f->d_name, "manifest.tsv") != 0 && !(dot && strcmp(dot, ".py") == 0);
    }
    if (d)
        closedir(d);
    return files;
}

/* Every file of the corpus is listed (a file left out would go untested) and every line has its
 * file (a missing file is refused with another message than its line expects). */
void test_hostile_corpus(igo_t *t)
{
    int listed = run_manifest(t, IGO_HOSTILE_DIR);
    CHECK(listed >= 25);
    CHECK(listed == corpus_files(IGO_HOSTILE_DIR));
}

/* The fuzzers' crash inputs, each added with its manifest line (none so far: then the check is
 * that no crash input lies there unlisted). */
void test_hostile_fuzz_finds(igo_t *t)
{
    CHECK(run_manifest(t, IGO_HOSTILE_DIR "/fuzz") == corpus_files(IGO_HOSTILE_DIR "/fuzz"));
}
