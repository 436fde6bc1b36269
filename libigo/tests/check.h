/* A small test harness for the C core: each test is a function taking the runner's context. */
#ifndef IGO_CHECK_H
#define IGO_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "igo/igo.h"

/* The detailed message of a model, a scenario set or an xlsx reader. */
#define ERRMSG(obj)                                                                            \
    _Generic((obj), igo_model *: igo_model_errmsg, igo_scenarios *: igo_scenarios_errmsg,      \
             igo_xlsx *: igo_xlsx_errmsg, igo_claims *: igo_claims_errmsg,                     \
             igo_transition *: igo_transition_errmsg)(obj)

typedef struct igo_t {
    const char *test;
    int failures, checks;
} igo_t;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        t->checks++;                                                                           \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, t->test,      \
                    #cond);                                                                    \
            t->failures++;                                                                     \
        }                                                                                      \
    } while (0)

#define CHECK_I64(actual, expected)                                                            \
    do {                                                                                       \
        int64_t a_ = (int64_t)(actual), e_ = (int64_t)(expected);                              \
        t->checks++;                                                                           \
        if (a_ != e_) {                                                                        \
            fprintf(stderr, "%s:%d: %s: %s is %" PRId64 ", expected %" PRId64 "\n", __FILE__,  \
                    __LINE__, t->test, #actual, a_, e_);                                       \
            t->failures++;                                                                     \
        }                                                                                      \
    } while (0)

/* The call fails with code and its message contains every fragment given. */
#define CHECK_FAILS(model, call, code, ...)                                                    \
    do {                                                                                       \
        igo_error got_ = (call);                                                               \
        t->checks++;                                                                           \
        if (got_ != (code)) {                                                                  \
            fprintf(stderr, "%s:%d: %s: %s returned %s, expected %s (%s)\n", __FILE__,         \
                    __LINE__, t->test, #call, igo_error_name(got_), igo_error_name(code),      \
                    ERRMSG(model));                                                  \
            t->failures++;                                                                     \
        } else {                                                                               \
            const char *frags_[] = {__VA_ARGS__};                                              \
            for (size_t i_ = 0; i_ < sizeof frags_ / sizeof frags_[0]; i_++)                   \
                if (!strstr(ERRMSG(model), frags_[i_])) {                            \
                    fprintf(stderr, "%s:%d: %s: message \"%s\" lacks \"%s\"\n", __FILE__,      \
                            __LINE__, t->test, ERRMSG(model), frags_[i_]);           \
                    t->failures++;                                                             \
                }                                                                              \
        }                                                                                      \
    } while (0)

#define CHECK_OK(model, call)                                                                  \
    do {                                                                                       \
        igo_error got_ = (call);                                                               \
        t->checks++;                                                                           \
        if (got_ != IGO_OK) {                                                                  \
            fprintf(stderr, "%s:%d: %s: %s failed: %s\n", __FILE__, __LINE__, t->test, #call,  \
                    ERRMSG(model));                                                  \
            t->failures++;                                                                     \
        }                                                                                      \
    } while (0)

/* A seeded generator (splitmix64) so that every random test is reproducible. */
typedef struct igo_rng {
    uint64_t state;
} igo_rng;

static inline uint64_t rng_next(igo_rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in 0 .. n-1. */
static inline uint64_t rng_below(igo_rng *r, uint64_t n)
{
    return rng_next(r) % n;
}

/* Uniform in [0, 1). */
static inline double rng_unit(igo_rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1p-53;
}

#endif
