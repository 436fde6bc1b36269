/* What every example needs besides libigo itself: printing cents as euros, and stopping with the
 * library's own message when a call fails. Each example includes this file and <igo/igo.h>. */
#ifndef IGO_EXAMPLE_H
#define IGO_EXAMPLE_H

#include <igo/igo.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints whole cents as euros with two decimals ("-12.05"): amounts leave libigo as int64 cents,
 * so printing them needs no floating point at all. */
static inline void print_euros(const char *label, int64_t cents)
{
    int64_t whole = cents / 100, part = cents % 100;
    printf("%-28s %s%" PRId64 ".%02" PRId64 "\n", label, cents < 0 && whole == 0 ? "-" : "",
           whole, part < 0 ? -part : part);
}

/* Every fallible call returns an igo_error; the object it acted on keeps a detailed message. */
static inline void check_model(igo_model *model, igo_error error)
{
    if (error != IGO_OK) {
        fprintf(stderr, "%s: %s\n", igo_error_name(error), igo_model_errmsg(model));
        igo_model_free(model);
        exit(1);
    }
}

#endif
