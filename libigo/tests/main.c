/* Runs the C test suites: all of them, or those whose names are given. Exit status 1 on failure. */
#include <stdlib.h>

#include "tests.h"

typedef struct {
    const char *name;
    void (*run)(igo_t *t);
} test_entry;

#define ENTRY(name) {#name, test_##name},
static const test_entry tests[] = {IGO_TESTS(ENTRY)};

static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    int failed = 0, ran = 0, checks = 0;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (!wanted(tests[i].name, argc, argv))
            continue;
        igo_t t = {tests[i].name, 0, 0};
        tests[i].run(&t);
        ran++;
        checks += t.checks;
        printf("%-40s %6d checks  %s\n", tests[i].name, t.checks, t.failures ? "FAIL" : "ok");
        failed += t.failures != 0;
    }
    printf("%d of %d C tests passed (%d checks)\n", ran - failed, ran, checks);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
